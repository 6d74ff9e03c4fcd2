/**
 * The public data contract: what /data/*.json, /data/events.csv and the feed publish, built
 * from the chronology and the site's address only. Everything here is pure and deterministic
 * (fixed key order, explicit sorting, no clock), so two builds of one commit write the same
 * bytes and the archive export can be checked byte for byte.
 *
 * Conventions, so consumers can rely on them:
 * - each JSON file follows its schema in src/schemas/published.ts, published beside it as
 *   /data/<name>.schema.json.
 * - events.json omits the optional fields of the content (a claim's note, dateBasis.claim/note)
 *   when absent, as its schema says.
 * - sources.json, places.json and eras.json give every field on every record and use null for
 *   "the capture does not say", so a missing publisher reads as a fact, not as a gap.
 * - Every record carries `url`, the absolute address of its page on this site.
 */
import { compareEvents, type Chronology, type ChronologyEvent, type Source } from './model.ts';
import type {
  ErasFile,
  EventsFile,
  PlacesFile,
  PublishedEvent,
  PublishedSource,
  SourcesFile,
} from '../schemas/published.ts';
import { compareText, sortedBy } from './order.ts';
import { versionDate } from './version-date.ts';
import { absoluteUrl, routes } from './site-paths.ts';
import { edtfInWords } from './date-words.ts';
import { edtfBounds } from './edtf-dates.ts';

export type { ErasFile, EventsFile, PlacesFile, PublishedEvent, PublishedSource, SourcesFile };

type Site = string | URL;

/** One item of the events feed, ready for @astrojs/rss (which writes `link` as the permalink guid). */
export interface FeedItem {
  title: string;
  link: string;
  /** Stable identity of the item: the event's permalink, which never changes. */
  guid: string;
  description: string;
  /** The content version's date, never the build time, so the feed is reproducible. */
  pubDate?: Date;
  categories: string[];
}

/** Events in the chronology's order; re-sorting is a no-op for a loaded chronology but keeps fixtures honest. */
const sortedEvents = (chronology: Chronology): ChronologyEvent[] => [...chronology.events].sort(compareEvents);

/** Absolute permalink of an event page. */
export const eventUrl = (site: Site, id: string): string => absoluteUrl(site, routes.event(id));

/** `{ [key]: value }` when the value is present, else nothing: spread it so JSON never carries `undefined` keys. */
const optional = <K extends string>(key: K, value: string | undefined): { [P in K]?: string } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };

function publishedEvent(event: ChronologyEvent, site: Site): PublishedEvent {
  const { bounds } = event;
  return {
    id: event.id,
    url: eventUrl(site, event.id),
    date: event.date,
    start: bounds.start,
    end: bounds.end,
    precision: bounds.precision,
    approximate: bounds.approximate,
    uncertain: bounds.uncertain,
    dateBasis: {
      kind: event.dateBasis.kind,
      ...optional('claim', event.dateBasis.claim),
      ...optional('note', event.dateBasis.note),
    },
    title: event.title,
    summary: event.summary,
    era: event.era,
    places: [...event.places],
    tags: [...event.tags],
    claims: event.claims.map((claim) => ({
      id: claim.id,
      source: claim.source,
      quote: claim.quote,
      kind: claim.kind,
      ...optional('note', claim.note),
    })),
    disputes: event.disputes.map((dispute) => ({
      question: dispute.question,
      positions: dispute.positions.map((p) => ({ source: p.source, claim: p.claim, answer: p.answer })),
    })),
    corrections: event.corrections.map((correction) => ({ date: correction.date, note: correction.note })),
  };
}

/** /data/events.json: every event with its claims and disputes, sorted by start date. */
export function eventsJson(chronology: Chronology, site: Site): EventsFile {
  return { version: chronology.version, events: sortedEvents(chronology).map((event) => publishedEvent(event, site)) };
}

/** Ids of the events (in chronological order) for which `matches` holds. */
const eventIdsWhere = (chronology: Chronology, matches: (event: ChronologyEvent) => boolean): string[] =>
  sortedEvents(chronology)
    .filter(matches)
    .map((event) => event.id);

function publishedSource(source: Source, chronology: Chronology, site: Site): PublishedSource {
  const published = edtfBounds(source.published);
  return {
    id: source.id,
    url: absoluteUrl(site, routes.source(source.id)),
    title: source.title,
    titleSupplied: source.titleSupplied,
    shortName: source.shortName ?? null,
    subtitle: source.subtitle ?? null,
    publisher: source.publisher ?? null,
    publisherBasis: source.publisherBasis ?? null,
    authorStatus: source.authorStatus,
    authors: source.authors.map((a) => ({ name: a.name, affiliation: a.affiliation ?? null })),
    authorNote: source.authorNote ?? null,
    translator: source.translator ?? null,
    published: source.published,
    publishedStart: published.start,
    publishedEnd: published.end,
    publishedBasis: { kind: source.publishedBasis.kind, note: source.publishedBasis.note },
    genre: source.genre,
    language: source.language,
    respondsTo: source.respondsTo ?? null,
    originalPublication: source.originalPublication ?? null,
    originalUrl: source.url ?? null,
    captureFile: source.capture.file,
    captureUrl: absoluteUrl(site, routes.capture(source.capture.file)),
    sha256: source.capture.sha256,
    nonArticle: source.nonArticle.map((range) => ({
      lines: [range.lines[0], range.lines[1]],
      kind: range.kind,
      note: range.note ?? null,
    })),
    events: eventIdsWhere(chronology, (event) => event.claims.some((claim) => claim.source === source.id)),
  };
}

/** /data/sources.json: every source with its capture's hash and address, sorted by id. */
export function sourcesJson(chronology: Chronology, site: Site): SourcesFile {
  const sources = sortedBy(chronology.sources, (source) => source.id);
  return { version: chronology.version, sources: sources.map((source) => publishedSource(source, chronology, site)) };
}

/** /data/places.json: every place under every name the sources use, sorted by id. */
export function placesJson(chronology: Chronology, site: Site): PlacesFile {
  const places = sortedBy(chronology.places, (place) => place.id);
  return {
    version: chronology.version,
    places: places.map((place) => ({
      id: place.id,
      url: absoluteUrl(site, `${routes.places}#${place.id}`),
      label: place.label,
      kind: place.kind,
      names: place.names.map((n) => ({ name: n.name, note: n.note ?? null })),
      events: eventIdsWhere(chronology, (event) => event.places.includes(place.id)),
    })),
  };
}

/** /data/eras.json: the editorial eras in date order. */
export function erasJson(chronology: Chronology, site: Site): ErasFile {
  const eras = [...chronology.eras].sort((a, b) => compareText(a.start, b.start) || compareText(a.id, b.id));
  return {
    version: chronology.version,
    eras: eras.map((era) => ({
      id: era.id,
      url: absoluteUrl(site, routes.era(era.id)),
      name: era.name,
      start: era.start,
      end: era.end,
      description: era.description,
      events: eventIdsWhere(chronology, (event) => event.era === era.id),
    })),
  };
}

/** The text of a JSON data file: two-space indent and a final newline, the same for every file. */
export const jsonFileBody = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** Columns of /data/events.csv, in order. */
export const EVENTS_CSV_COLUMNS = [
  'event_id',
  'event_url',
  'date',
  'start',
  'end',
  'title',
  'era',
  'source_id',
  'source_title',
  'publisher',
  'claim_id',
  'claim_kind',
  'quote',
  'note',
  'disputed',
] as const;

/**
 * One RFC 4180 field: quoted (with inner quotes doubled) when it holds a comma, a quote, CR or
 * LF, bare otherwise. No CSV library is installed and this is the whole of the rule, so it is
 * written here rather than added as a dependency.
 */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * First characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection"):
 * = + - @ tab and carriage return; and the apostrophe itself, so that the rule is reversible.
 */
const FORMULA_START = /^[=+\-@\t\r']/;

/**
 * A cell a spreadsheet will show as text, never run: a value that begins with one of
 * FORMULA_START gets one apostrophe in front, the standard OWASP neutralisation. To recover
 * the exact text, remove one leading apostrophe from any cell that has one (the data page
 * says so); events.json carries every text unaltered.
 */
export function spreadsheetSafe(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** RFC 4180 text from rows of fields, each made spreadsheet-safe: CRLF after every record, including the last. */
export function csvText(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map((value) => csvField(spreadsheetSafe(value))).join(',')}\r\n`).join('');
}

/** Ids of the claims on an event that carry a position in one of its disputes. */
const disputedClaimIds = (event: ChronologyEvent): Set<string> =>
  new Set(event.disputes.flatMap((dispute) => dispute.positions.map((position) => position.claim)));

/**
 * /data/events.csv: one row per claim, so a spreadsheet shows who said what about each event.
 * `disputed` is "yes" when that claim carries a source's position in one of the event's disputes.
 * A header row comes first; text is UTF-8 without a byte-order mark.
 */
export function eventsCsv(chronology: Chronology, site: Site): string {
  const sources = new Map(chronology.sources.map((source) => [source.id, source]));
  const rows = sortedEvents(chronology).flatMap((event) => {
    const disputed = disputedClaimIds(event);
    return event.claims.map((claim) => {
      const source = sources.get(claim.source);
      return [
        event.id,
        eventUrl(site, event.id),
        event.date,
        event.bounds.start,
        event.bounds.end ?? '',
        event.title,
        event.era,
        claim.source,
        source?.title ?? '',
        source?.publisher ?? '',
        claim.id,
        claim.kind,
        claim.quote,
        claim.note ?? '',
        disputed.has(claim.id) ? 'yes' : 'no',
      ];
    });
  });
  return csvText([EVENTS_CSV_COLUMNS, ...rows]);
}

/**
 * Items of the events feed, in chronological order. Every item's date is the content
 * version's date (there is no per-event publication date, and the build time would make
 * every build a new feed); the title leads with when the event happened, which a reader
 * would otherwise not see.
 */
export function eventsFeedItems(chronology: Chronology, site: Site): FeedItem[] {
  const pubDate = versionDate(chronology.version);
  return sortedEvents(chronology).map((event) => {
    const link = eventUrl(site, event.id);
    const item: FeedItem = {
      title: `${edtfInWords(event.date)}: ${event.title}`,
      link,
      guid: link,
      description: event.summary,
      categories: [event.era, ...event.tags],
    };
    return pubDate ? { ...item, pubDate } : item;
  });
}
