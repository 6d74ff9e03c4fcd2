/**
 * The mechanical part of the editorial rules (methodology, "Editorial rules"), run by the build
 * beside validateChronology:
 * - contested words appear in the site's own fields (of events, eras and sources) only inside
 *   quotation marks;
 * - a date stated by a source is carried by the quote that is said to state it;
 * - an event id's date prefix does not contradict the event's date.
 * Pure; each problem names the file, the field and the reason.
 */
import { contestedWordsInTag, contestedWordsOutsideQuotes, type ContestedHit } from './contested-words.ts';
import { monthsIn, relativeDateExpressionsIn, yearsIn } from './date-expressions.ts';
import { edtfBounds, parseEdtf } from './edtf-dates.ts';
import { ID_DATE_EXCEPTIONS } from './id-date-exceptions.ts';
import type { Problem } from './validate-chronology.ts';

export interface EditorialEventInput {
  id: string;
  file: string;
  data: {
    title: string;
    date: string;
    dateBasis: { kind: string; claim?: string | undefined; note?: string | undefined };
    summary: string;
    tags: readonly string[];
    claims: readonly { id: string; quote: string; note?: string | undefined }[];
    disputes: readonly { question: string; positions: readonly { answer: string }[] }[];
    corrections: readonly { note: string }[];
  };
}

/** A source's frontmatter fields that the editors write (a title only when they supplied it). */
export interface EditorialSourceInput {
  file: string;
  data: {
    title: string;
    titleSupplied: boolean;
    shortName?: string | undefined;
    publisherBasis?: string | undefined;
    authorNote?: string | undefined;
    publishedBasis: { note: string };
    nonArticle: readonly { note?: string | undefined }[];
  };
}

export interface EditorialInput {
  events: readonly EditorialEventInput[];
  sources: readonly EditorialSourceInput[];
  eras: readonly { id: string; name: string; description: string }[];
  /** The file eras come from, for problem lines. */
  erasFile: string;
  /** Event ids whose date prefix may disagree with their date, with the reason (default: the recorded list). */
  idDateExceptions?: Readonly<Record<string, string>>;
}

const describeHits = (hits: readonly ContestedHit[]): string =>
  `contested word ${hits.map((hit) => `"${hit.form}"`).join(', ')} outside quotation marks (see the methodology's contested words)`;

/** The site's own fields of one event, each with the field name a problem line gives. */
function siteVoiceFields(data: EditorialEventInput['data']): [string, string | undefined][] {
  return [
    ['title', data.title],
    ['summary', data.summary],
    ['dateBasis.note', data.dateBasis.note],
    ...data.claims.map((claim, i): [string, string | undefined] => [`claims[${i}].note`, claim.note]),
    ...data.disputes.flatMap((dispute, d): [string, string | undefined][] => [
      [`disputes[${d}].question`, dispute.question],
      ...dispute.positions.map((position, p): [string, string] => [
        `disputes[${d}].positions[${p}].answer`,
        position.answer,
      ]),
    ]),
    ...data.corrections.map((correction, i): [string, string] => [`corrections[${i}].note`, correction.note]),
  ];
}

/** The editors' own fields of one source; a title the capture shows is the source's words, not theirs. */
const sourceSiteVoiceFields = (data: EditorialSourceInput['data']): [string, string | undefined][] => [
  ['title', data.titleSupplied ? data.title : undefined],
  ['shortName', data.shortName],
  ['publisherBasis', data.publisherBasis],
  ['authorNote', data.authorNote],
  ['publishedBasis.note', data.publishedBasis.note],
  ...data.nonArticle.map((range, i): [string, string | undefined] => [`nonArticle[${i}].note`, range.note]),
];

function checkContestedWords(input: EditorialInput, add: (problem: Problem) => void): void {
  const entries = [
    ...input.events.map(({ file, data }) => ({ file, fields: siteVoiceFields(data) })),
    ...input.sources.map(({ file, data }) => ({ file, fields: sourceSiteVoiceFields(data) })),
  ];
  for (const { file, fields } of entries) {
    for (const [field, text] of fields) {
      const hits = text === undefined ? [] : contestedWordsOutsideQuotes(text);
      if (hits.length > 0) add({ file, field, message: describeHits(hits) });
    }
  }
  for (const { file, data } of input.events) {
    data.tags.forEach((tag, i) => {
      const hits = contestedWordsInTag(tag);
      if (hits.length > 0)
        add({
          file,
          field: `tags[${i}]`,
          message: `tag "${tag}" is a contested word and cannot be quoted; use a neutral tag`,
        });
    });
  }
  input.eras.forEach((era, i) => {
    for (const field of ['name', 'description'] as const) {
      const hits = contestedWordsOutsideQuotes(era[field]);
      if (hits.length > 0)
        add({ file: input.erasFile, field: `[${i}].${field}`, message: `era "${era.id}": ${describeHits(hits)}` });
    }
  });
}

/** The year and month (if given) of each end of an EDTF date, e.g. `1992-02-25/1992-02-26`. */
function datedParts(edtf: string): { year: number; month?: number }[] {
  return [...edtf.matchAll(/(\d{4})(?:-(\d{2}))?/g)].map(([, year, month]) => {
    const monthNumber = Number(month);
    // EDTF seasons (21–24) and unspecified months are not calendar months a quote can name.
    return monthNumber >= 1 && monthNumber <= 12 ? { year: Number(year), month: monthNumber } : { year: Number(year) };
  });
}

/** A part of a date a quote must give: a year, or a month of a year. */
interface DatePart {
  /** The part as EDTF (`1992`, `1992-02`), so it can be checked against another text. */
  edtf: string;
  label: string;
}

/** The parts of an EDTF date that `text` does not give (its years, and months if the date has them). */
export function missingFromQuote(edtf: string, text: string): DatePart[] {
  const years = yearsIn(text);
  const months = monthsIn(text);
  const missing = new Map<string, DatePart>();
  for (const part of datedParts(edtf)) {
    if (!years.has(part.year)) missing.set(`${part.year}`, { edtf: `${part.year}`, label: `the year ${part.year}` });
    if (part.month !== undefined && !months.has(part.month)) {
      const month = `${part.year}-${String(part.month).padStart(2, '0')}`;
      missing.set(month, { edtf: month, label: `the month of ${month}` });
    }
  }
  return [...missing.values()];
}

function checkStatedDates(input: EditorialInput, add: (problem: Problem) => void): void {
  for (const { file, data } of input.events) {
    if (data.dateBasis.kind !== 'stated' || parseEdtf(data.date).error) continue;
    const claim = data.claims.find((c) => c.id === data.dateBasis.claim);
    if (!claim) continue; // validateChronology reports the missing claim.
    // What the quote leaves out ("On Sept. 19", "two days later") the note must supply, saying
    // where it comes from: then the note, not the reader, does the arithmetic.
    const note = data.dateBasis.note ?? '';
    const unexplained = missingFromQuote(data.date, claim.quote).filter(
      (part) => missingFromQuote(part.edtf, note).length > 0,
    );
    if (unexplained.length === 0) continue;
    const relative = relativeDateExpressionsIn(claim.quote);
    add({
      file,
      field: 'dateBasis',
      message:
        `date ${data.date} is "stated" by claim "${claim.id}", but neither its quote nor dateBasis.note gives ${unexplained.map((part) => part.label).join(' or ')}` +
        (relative.length > 0
          ? `; explain "${relative[0]}" in the note`
          : '; cite a claim that gives it, explain it in the note, or mark the date inferred'),
    });
  }
}

// The date an id starts with: a year, a year and month, or a full day.
const ID_DATE_PREFIX = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?=-|$)/;

/** The first and last day named by an id's date prefix, or undefined when it has none. */
export function idDatePrefix(id: string): { edtf: string; start: string; end: string } | undefined {
  const match = ID_DATE_PREFIX.exec(id);
  if (!match) return undefined;
  const edtf = match[0];
  if (parseEdtf(edtf).error) return undefined;
  const bounds = edtfBounds(edtf);
  return { edtf, start: bounds.start, end: bounds.end ?? bounds.start };
}

/**
 * An id is named for the day an event begins: its date prefix must contain the date's earliest
 * day. (A range may run past the prefix: `2023-09-granada-meeting` for 2023-09-24/2023-10-11.)
 */
function checkIdDates(input: EditorialInput, add: (problem: Problem) => void): void {
  const exceptions = input.idDateExceptions ?? ID_DATE_EXCEPTIONS;
  // Exceptions naming no event are not reported here (fixtures and benchmarks build other
  // content); a unit test checks the list against content/.
  for (const { id, file, data } of input.events) {
    const prefix = idDatePrefix(id);
    if (!prefix || parseEdtf(data.date).error) continue;
    const start = edtfBounds(data.date).start;
    const agrees = prefix.start <= start && start <= prefix.end;
    if (!agrees && !(id in exceptions)) {
      add({
        file,
        field: 'id',
        message: `id prefix ${prefix.edtf} contradicts the date ${data.date}, which begins ${start}; ids are permanent, so record the id in src/lib/id-date-exceptions.ts`,
      });
    }
    if (agrees && id in exceptions) {
      add({
        file,
        field: 'id',
        message: `id prefix ${prefix.edtf} agrees with the date ${data.date}; remove the id from src/lib/id-date-exceptions.ts`,
      });
    }
  }
}

/** Runs every editorial check; an empty list means the site's own words follow the rules. */
export function checkEditorialRules(input: EditorialInput): Problem[] {
  const problems: Problem[] = [];
  const add = (problem: Problem) => problems.push(problem);
  checkContestedWords(input, add);
  checkStatedDates(input, add);
  checkIdDates(input, add);
  return problems;
}
