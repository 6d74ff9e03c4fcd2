/**
 * Which page shows which events, so no page grows with the whole chronology. The home page
 * shows every event up to HOME_EVENT_LIMIT, and past it a summary per era linking to the era
 * pages. An era page (and a source's chronology within one era) lists its events up to
 * PAGE_EVENT_LIMIT, and past it is split by year or years (splitByYears) into pages at
 * routes.eraPart / routes.sourceChronologyEraPart.
 */
import { splitByYears, type ChronologyPart } from './chronology-groups.ts';
import type { Chronology, ChronologyEvent, Era } from './model.ts';
import { routes } from './site-paths.ts';

/** Most events the home page lists in full; past it, it shows a summary per era. */
export const HOME_EVENT_LIMIT = 400;
/** Most events one era, source-era or place page lists; past it, the page is split by year or years. */
export const PAGE_EVENT_LIMIT = 400;

/** True when the home page lists every event (else it shows a summary per era). */
export const homeListsEvents = (eventCount: number): boolean => eventCount <= HOME_EVENT_LIMIT;

/** The pages of a list of events (an era's, a source's in one era, a place's): none when one page holds them all. */
export const chronologyParts = (events: readonly ChronologyEvent[]): ChronologyPart[] =>
  events.length > PAGE_EVENT_LIMIT ? splitByYears(events, PAGE_EVENT_LIMIT) : [];

/** Events of one era. */
export const eventsInEra = (events: readonly ChronologyEvent[], era: Pick<Era, 'id'>): ChronologyEvent[] =>
  events.filter((event) => event.era === era.id);

const readingPaths = new WeakMap<Chronology, Map<string, string>>();

/**
 * The site path (with `#<event-id>`) where an event appears in a reading view: the home page
 * while it lists every event, else its era page or the part of it that holds the event.
 */
export function readingPathOf(chronology: Chronology, eventId: string): string {
  let paths = readingPaths.get(chronology);
  if (!paths) {
    paths = new Map();
    for (const era of chronology.eras) {
      const events = eventsInEra(chronology.events, era);
      const parts = chronologyParts(events);
      if (homeListsEvents(chronology.events.length)) for (const event of events) paths.set(event.id, routes.home);
      else if (parts.length === 0) for (const event of events) paths.set(event.id, routes.era(era.id));
      else
        for (const part of parts)
          for (const event of part.events) paths.set(event.id, routes.eraPart(era.id, part.slug));
    }
    readingPaths.set(chronology, paths);
  }
  const path = paths.get(eventId);
  if (path === undefined) throw new Error(`readingPathOf: no event ${eventId}`);
  return `${path}#${eventId}`;
}

/** One era of a summarised chronology, with site paths (not yet relative hrefs). */
export interface EraSummary {
  era: Era;
  count: number;
  disputed: number;
  /** The era's page. */
  path: string;
  /** Its pages by year or years, when split. */
  parts: { label: string; path: string; count: number }[];
}

/**
 * One summary entry per era that has events: counts, and where its events are listed
 * (`eraPath(era)`, and `partPath(era, slug)` for each page when the era is split).
 */
export function eraSummaries(
  events: readonly ChronologyEvent[],
  eras: readonly Era[],
  eraPath: (era: Era) => string,
  partPath: (era: Era, slug: string) => string,
): EraSummary[] {
  return eras
    .map((era) => {
      const inEra = eventsInEra(events, era);
      return {
        era,
        count: inEra.length,
        disputed: inEra.filter((event) => event.disputes.length > 0).length,
        path: eraPath(era),
        parts: chronologyParts(inEra).map((part) => ({
          label: part.label,
          path: partPath(era, part.slug),
          count: part.events.length,
        })),
      };
    })
    .filter((summary) => summary.count > 0);
}

/** A neighbouring page of a series, as NeighbourNav links to it: its site path and its name. */
export interface NeighbourPage {
  path: string;
  label: string;
}

/** The pages before and after one page of a series (eras, or the parts of a list); undefined at either end. */
export interface Neighbours {
  previous: NeighbourPage | undefined;
  next: NeighbourPage | undefined;
}

/** Each item of a series, in order, with the pages of the items before and after it (`pageOf`). */
export function withNeighbours<T>(
  items: readonly T[],
  pageOf: (item: T) => NeighbourPage,
): (Neighbours & { item: T })[] {
  const pages = items.map(pageOf);
  return items.map((item, index) => ({ item, previous: pages[index - 1], next: pages[index + 1] }));
}

/** One page of a list of events split by years: its part, and the pages of the parts before and after it. */
export interface PartPage extends Neighbours {
  part: ChronologyPart;
}

/**
 * The pages of a list of events (none when one page holds them all), each with its
 * neighbours; `partPath(slug)` is the site path of a part's page.
 */
export const partPages = (events: readonly ChronologyEvent[], partPath: (slug: string) => string): PartPage[] =>
  withNeighbours(chronologyParts(events), (part) => ({ path: partPath(part.slug), label: part.label })).map(
    ({ item, ...neighbours }) => ({ part: item, ...neighbours }),
  );
