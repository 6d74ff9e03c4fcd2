/**
 * Cross-entry checks the zod schemas cannot make on one entry alone: provenance (capture
 * hashes, verbatim quotes), references, date range, ids, and dispute consistency.
 * Pure: the caller reads files and passes their contents in. Each problem names the file,
 * the field and the reason, so the build can fail with one line per problem.
 */
import { edtfBounds, parseEdtf } from './edtf-dates.ts';
import { articleText, type LineRange } from './article-text.ts';
import { normaliseForMatch } from './quote-match.ts';
import { compareText } from './order.ts';

/** The chronology's scope: no event may fall outside it. */
export const SCOPE = { start: '1918-01-01', end: '2023-12-31' } as const;

export interface Problem {
  file: string;
  field: string;
  message: string;
}

/** One line, as the build prints it: `file: field: reason`. */
export const formatProblem = (p: Problem): string => `${p.file}: ${p.field}: ${p.message}`;

export interface SourceInput {
  id: string;
  file: string;
  capture: { file: string; sha256: string };
  nonArticle: readonly LineRange[];
  /** Text of the capture file as read from disk, or undefined if it is missing. */
  captureText: string | undefined;
  /** SHA-256 of the capture file's bytes, computed by the caller. */
  captureSha256: string | undefined;
  /**
   * The body's blocks (paragraphs, headings, captions) as readers see them, when the caller
   * has read the body: every quote of the source must then also be in one of them, so a capture
   * changed without its body fails here rather than while its page is written.
   */
  bodyBlocks?: readonly string[];
}

export interface EventInput {
  id: string;
  file: string;
  data: {
    date: string;
    dateBasis: { kind: string; claim?: string | undefined };
    era: string;
    places: readonly string[];
    claims: readonly { id: string; source: string; quote: string }[];
    disputes: readonly { question: string; positions: readonly { source: string; claim: string }[] }[];
  };
}

export interface ChronologyInput {
  sources: readonly SourceInput[];
  events: readonly EventInput[];
  placeIds: readonly string[];
  eras: readonly { id: string; start: string; end: string }[];
  /** The file the eras come from, for messages (default content/eras.json). */
  erasFile?: string;
  /** Every event file found on disk (paths), to catch ids that collide and collapse into one entry. */
  eventFiles: readonly string[];
}

/** The id the glob loader derives from an event file: its name without extension, lowercased. */
export const eventIdFromFile = (path: string): string =>
  (path.split('/').pop() ?? path).replace(/\.mdx?$/, '').toLowerCase();

/** True when the quote, normalised, lies within one of the normalised lines (callers first check QUOTABLE). */
function quoteInLines(lines: readonly string[], quote: string): boolean {
  const needle = normaliseForMatch(quote);
  return lines.some((line) => line.includes(needle));
}

/** A quote must carry at least one letter or digit: "." or ", " would match almost anywhere. */
const QUOTABLE = /[\p{L}\p{N}]/u;

/** Format characters (zero-width spaces and joiners, U+FEFF…): invisible, so worth naming. */
const INVISIBLE = /\p{Cf}/u;

/** Why a quote is not in the article's lines, with the reason when it is only the Unicode normalisation form. */
function quoteNotFound(lines: readonly string[], quote: string, sourceId: string): string {
  const found = `not found verbatim in the article text of source "${sourceId}": "${quote.slice(0, 60)}…"`;
  const nfc = (text: string) => text.normalize('NFC');
  if (nfc(quote) !== quote && quoteInLines(lines.map(nfc), nfc(quote)))
    return `${found}; it differs only in Unicode normalisation form: the quote is not NFC (composed) while the article is; copy it from the article again`;
  if (quoteInLines(lines.map(nfc), nfc(quote)))
    return `${found}; it differs only in Unicode normalisation form (NFC and NFD spellings of the same letters); copy it from the article again`;
  const invisible = INVISIBLE.exec(quote);
  if (invisible && !lines.some((line) => line.includes(invisible[0])))
    return `${found}; it contains the invisible character U+${invisible[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} at character ${invisible.index + 1}, which is not white space and not in the article`;
  return found;
}

/** Problems with a source's nonArticle ranges: reversed, or beyond the capture's last line. */
function nonArticleProblems(source: SourceInput, captureText: string): Problem[] {
  const lineCount = captureText.endsWith('\n') ? captureText.split('\n').length - 1 : captureText.split('\n').length;
  const problems: Problem[] = [];
  source.nonArticle.forEach(({ lines: [first, last] }, i) => {
    const field = `nonArticle[${i}].lines`;
    if (first > last)
      problems.push({ file: source.file, field, message: `range [${first}, ${last}] ends before it starts` });
    else if (last > lineCount)
      problems.push({
        file: source.file,
        field,
        message: `range [${first}, ${last}] goes beyond the capture's last line (${lineCount})`,
      });
  });
  return problems;
}

/** Duplicate era ids, and eras whose spans overlap (an event would belong to two). */
function eraProblems(eras: ChronologyInput['eras'], file: string): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  eras.forEach((era, i) => {
    if (seen.has(era.id)) problems.push({ file, field: `[${i}].id`, message: `duplicate era id "${era.id}"` });
    seen.add(era.id);
  });
  const ordered = eras.map((era, index) => ({ era, index })).sort((a, b) => compareText(a.era.start, b.era.start));
  ordered.forEach(({ era, index }, k) => {
    const previous = ordered[k - 1]?.era;
    if (previous && previous.end >= era.start)
      problems.push({
        file,
        field: `[${index}].start`,
        message: `era "${era.id}" starts on ${era.start}, before era "${previous.id}" ends (${previous.end}): eras must not overlap`,
      });
  });
  return problems;
}

/** What the per-event checks look up, built once from the whole input. */
interface EventContext {
  /** Normalised citable lines of each source's capture, by source id. */
  citableLines: Map<string, string[]>;
  /** Normalised body blocks of each source's entry, by source id. */
  bodies: Map<string, { file: string; blocks: string[] }>;
  sourceIds: Set<string>;
  placeIds: Set<string>;
  eras: Map<string, ChronologyInput['eras'][number]>;
}

/** Provenance: each capture must be byte-identical to the one recorded; returns the citable lines. */
function captureProblems(sources: ChronologyInput['sources']): {
  problems: Problem[];
  citableLines: Map<string, string[]>;
} {
  const problems: Problem[] = [];
  const citableLines = new Map<string, string[]>();
  for (const source of sources) {
    if (source.captureText === undefined) {
      problems.push({ file: source.file, field: 'capture.file', message: `capture ${source.capture.file} not found` });
      continue;
    }
    if (source.captureSha256 !== source.capture.sha256) {
      problems.push({
        file: source.file,
        field: 'capture.sha256',
        message: `capture ${source.capture.file} has SHA-256 ${source.captureSha256}, expected ${source.capture.sha256}`,
      });
    }
    problems.push(...nonArticleProblems(source, source.captureText));
    // Normalised once per source; a quote must lie within one line (one paragraph).
    citableLines.set(source.id, articleText(source.captureText, source.nonArticle).split('\n').map(normaliseForMatch));
  }
  return { problems, citableLines };
}

/** Ids: files whose names collapse to the same id would silently replace one another. */
function duplicateIdProblems(eventFiles: readonly string[]): Problem[] {
  const filesById = new Map<string, string[]>();
  for (const path of eventFiles) {
    const id = eventIdFromFile(path);
    filesById.set(id, [...(filesById.get(id) ?? []), path]);
  }
  return [...filesById]
    .filter(([, paths]) => paths.length > 1)
    .map(([id, paths]) => ({ file: paths.join(', '), field: 'id', message: `duplicate event id "${id}"` }));
}

/** The checks of one event against the rest of the chronology. */
function eventProblems(event: ChronologyInput['events'][number], context: EventContext): Problem[] {
  const problems: Problem[] = [];
  const add = (file: string, field: string, message: string) => problems.push({ file, field, message });
  const { file, data } = event;
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(event.id)) add(file, 'id', `"${event.id}" is not a lowercase kebab-case slug`);

  const parsed = parseEdtf(data.date);
  if (parsed.error) {
    add(file, 'date', `"${data.date}" is not valid EDTF: ${parsed.error}`);
  } else {
    const bounds = edtfBounds(data.date);
    if (bounds.start < SCOPE.start || bounds.end === null || bounds.end > SCOPE.end) {
      add(
        file,
        'date',
        `"${data.date}" (${bounds.start} to ${bounds.end ?? 'open'}) falls outside ${SCOPE.start} to ${SCOPE.end}`,
      );
    }
    const era = context.eras.get(data.era);
    if (era && (bounds.start > era.end || (bounds.end ?? SCOPE.end) < era.start)) {
      add(file, 'era', `date ${data.date} does not overlap era "${data.era}" (${era.start} to ${era.end})`);
    }
  }
  if (!context.eras.has(data.era)) add(file, 'era', `unknown era "${data.era}"`);
  data.places.forEach((place, i) => {
    if (!context.placeIds.has(place)) add(file, `places[${i}]`, `unknown place "${place}"`);
    if (data.places.indexOf(place) < i) add(file, `places[${i}]`, `place "${place}" is listed twice`);
  });

  if (data.claims.length === 0) add(file, 'claims', 'an event needs at least one claim');
  const claims = new Map<string, { source: string }>();
  data.claims.forEach((claim, i) => {
    if (claims.has(claim.id)) add(file, `claims[${i}].id`, `duplicate claim id "${claim.id}"`);
    claims.set(claim.id, claim);
    const lines = context.citableLines.get(claim.source);
    const body = context.bodies.get(claim.source);
    if (!QUOTABLE.test(claim.quote)) {
      add(
        file,
        `claims[${i}].quote`,
        `${JSON.stringify(claim.quote)} has no letter or digit: a quote must be a passage, not only punctuation or white space`,
      );
    } else if (!context.sourceIds.has(claim.source)) {
      add(file, `claims[${i}].source`, `unknown source "${claim.source}"`);
    } else if (lines && !quoteInLines(lines, claim.quote)) {
      add(file, `claims[${i}].quote`, quoteNotFound(lines, claim.quote, claim.source));
    } else if (body && !quoteInLines(body.blocks, claim.quote)) {
      add(
        body.file,
        'body',
        `the passage quoted by ${file} claims[${i}] is in the capture but not in the body; bring the body in line with the capture`,
      );
    }
  });

  if (data.dateBasis.claim !== undefined && !claims.has(data.dateBasis.claim)) {
    add(file, 'dateBasis.claim', `no claim "${data.dateBasis.claim}" on this event`);
  }

  data.disputes.forEach((dispute, d) => {
    dispute.positions.forEach((position, p) => {
      const field = `disputes[${d}].positions[${p}]`;
      const claim = claims.get(position.claim);
      if (!claim) add(file, `${field}.claim`, `no claim "${position.claim}" on this event`);
      else if (claim.source !== position.source) {
        add(file, `${field}.source`, `claim "${position.claim}" is from "${claim.source}", not "${position.source}"`);
      }
    });
    const distinct = new Set(dispute.positions.map((p) => p.source));
    if (distinct.size < 2)
      add(file, `disputes[${d}].positions`, `a dispute needs at least two distinct sources, found ${distinct.size}`);
  });
  return problems;
}

/** Runs every cross-entry check; an empty list means the chronology may be published. */
export function validateChronology(input: ChronologyInput): Problem[] {
  const captures = captureProblems(input.sources);
  const context: EventContext = {
    citableLines: captures.citableLines,
    bodies: new Map(
      input.sources
        .filter((s) => s.bodyBlocks)
        .map((s) => [s.id, { file: s.file, blocks: s.bodyBlocks!.map(normaliseForMatch) }]),
    ),
    sourceIds: new Set(input.sources.map((source) => source.id)),
    placeIds: new Set(input.placeIds),
    // The first era of an id counts; a duplicate is reported by eraProblems.
    eras: new Map([...input.eras].reverse().map((era) => [era.id, era])),
  };
  return [
    ...captures.problems,
    ...duplicateIdProblems(input.eventFiles),
    ...eraProblems(input.eras, input.erasFile ?? 'content/eras.json'),
    ...input.events.flatMap((event) => eventProblems(event, context)),
  ];
}
