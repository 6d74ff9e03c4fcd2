/**
 * Citations of an event page (Chicago, APA, BibTeX, RIS, CSL-JSON) and of the source
 * articles (CSL-JSON), generated at build time so no citation code ships to readers.
 * The cited work is the event's page on this site, in a given version of the chronology;
 * the site itself stands as the (institutional) author.
 *
 * The formats are written here rather than by @citation-js: that package is a dev
 * dependency, used by the unit tests as an independent parser of what this module writes,
 * and a generator checked by its own parser would prove nothing.
 */
import { edtfInWords } from './date-words.ts';
import { edtfBounds, parseEdtf } from './edtf-dates.ts';
import type { ChronologyEvent, Source } from './model.ts';
import { versionDateParts } from './version-date.ts';
import { monthName, shortMonthName } from './date-words.ts';

/** A CSL-JSON name. The site and the captures give names as written, so only `literal` is used. */
export interface CslName {
  literal: string;
}

/** A CSL-JSON date: one `date-parts` entry of [year], [year, month] or [year, month, day]. */
export interface CslDate {
  'date-parts': number[][];
  /** Set when the date is approximate, uncertain, inferred or only the lower bound of a range. */
  circa?: boolean;
}

/**
 * A CSL-JSON item: the subset of the CSL 1.0.2 schema
 * (https://github.com/citation-style-language/schema/blob/master/schemas/input/csl-data.json)
 * this site emits.
 */
export interface CslItem {
  id: string;
  type: 'webpage' | 'article' | 'article-newspaper';
  title: string;
  'container-title'?: string;
  publisher?: string;
  author?: CslName[];
  translator?: CslName[];
  issued?: CslDate;
  version?: string;
  genre?: string;
  language?: string;
  note?: string;
  URL?: string;
  /** CSL 1.0.2's free-form extension object; carries the capture's identity for machines. */
  custom?: Record<string, string>;
}

export interface EventCitationInput {
  /** Only what a citation names; the published events.json entries carry these too. */
  event: Pick<ChronologyEvent, 'id' | 'title' | 'date'>;
  /** Absolute permalink of the event page. */
  url: string;
  siteName: string;
  /** Content version: a YYYY-MM-DD date, or another label such as 'unversioned'. */
  version: string;
  /**
   * Deliberately absent: the pages are built once, so the build cannot know when a reader
   * accessed the page; the version date stands in for it.
   */
  accessed?: never;
}

export interface EventCitation {
  /** Chicago notes-bibliography, bibliography entry for a web page, plain text. */
  chicago: string;
  /** APA 7 reference for a web page, plain text. */
  apa: string;
  bibtex: string;
  /** RIS with CRLF line ends, as the format specifies. */
  ris: string;
  cslJson: CslItem[];
}

/** The version label prose citations leave out, since it says only that there is none. */
const NO_VERSION = 'unversioned';

/** "September 19, 2023", the order Chicago uses. */
const chicagoDate = ([year, month, day]: [number, number, number]): string => `${monthName(month)} ${day}, ${year}`;

/** "2023, September 19", the order APA puts in its date parentheses. */
const apaDate = ([year, month, day]: [number, number, number]): string => `${year}, ${monthName(month)} ${day}`;

/** The event's own date as the citations word it: "Event date: c. 1921", "Event date: from 19 September 2023". */
const eventDateNote = (event: Pick<ChronologyEvent, 'date'>): string => `Event date: ${edtfInWords(event.date)}`;

/** Ends a citation element with a period unless it already ends a sentence. */
const sentence = (text: string): string => (/[.?!]$/.test(text) ? text : `${text}.`);

/**
 * Turns double quotation marks inside a title into single ones, because Chicago sets the
 * title itself in double quotation marks. Straight quotes open after a space or bracket.
 */
export function nestQuotes(title: string): string {
  return title
    .replace(/“/g, '‘')
    .replace(/”/g, '’')
    .replace(/(^|[\s([{])"/g, '$1‘')
    .replace(/"/g, '’');
}

/** A title in Chicago's quotation marks, with the closing period inside unless it ends in ? or !. */
const chicagoTitle = (title: string): string => {
  const nested = nestQuotes(title);
  return /[.?!]$/.test(nested) ? `“${nested}”` : `“${nested}.”`;
};

/** The Chicago bibliography entry for the event page (CMOS 17, web page, owner as author). */
function chicagoEntry(input: EventCitationInput, parts: [number, number, number] | undefined): string {
  const { event, url, siteName, version } = input;
  const revision = parts
    ? `Last modified ${chicagoDate(parts)}`
    : version === NO_VERSION
      ? undefined
      : `Version ${version}`;
  return [
    sentence(siteName),
    chicagoTitle(event.title),
    sentence(eventDateNote(event)),
    ...(revision ? [sentence(revision)] : []),
    sentence(url),
  ].join(' ');
}

/** The APA 7 reference for the event page: group author, site name left out when it is the author. */
function apaEntry(input: EventCitationInput, parts: [number, number, number] | undefined): string {
  const { event, url, siteName, version } = input;
  const date = parts ? apaDate(parts) : 'n.d.';
  // A date version is already the reference's date; any other label is a version number.
  const versionNote = parts || version === NO_VERSION ? '' : ` (Version ${version})`;
  return `${sentence(siteName)} (${date}). ${event.title}${versionNote} [Chronology entry; event date: ${edtfInWords(event.date)}]. ${url}`;
}

/** LaTeX commands for the characters that are special in a BibTeX field. */
const BIBTEX_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
};

/**
 * Escapes text for a BibTeX field value in braces. Non-ASCII stays as UTF-8, which biber and
 * current LaTeX read natively; only the characters LaTeX treats as syntax are replaced.
 */
export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}&%$#_^~]/g, (c) => BIBTEX_ESCAPES[c] ?? c);
}

/**
 * A BibTeX key for the event, stable for its id and made of ASCII letters, digits and
 * hyphens only, which every BibTeX and biber version accepts.
 */
export const bibtexKey = (id: string): string =>
  `karabakh-chronology-${id}`
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9-]+/g, '-');

/** BibTeX's predefined month macros, which every style understands. */
/** BibTeX's month macros are the first three letters of the English name: jan … dec. */
const bibtexMonth = (month: number): string => (shortMonthName(month) ?? '').toLowerCase();

/** The BibTeX `@misc` entry for the event page (with biblatex's date and version fields too). */
function bibtexEntry(input: EventCitationInput, parts: [number, number, number] | undefined): string {
  const { event, url, siteName, version } = input;
  const field = (name: string, value: string) => `  ${name} = {${value}}`;
  const fields = [
    // Double braces: an institutional author, never split into first and last names.
    field('author', `{${escapeBibtex(siteName)}}`),
    // Double braces keep the title's capitals (place and people's names) as written.
    field('title', `{${escapeBibtex(event.title)}}`),
    field('howpublished', escapeBibtex(siteName)),
    ...(parts ? [field('year', String(parts[0])), `  month = ${bibtexMonth(parts[1])}`, field('date', version)] : []),
    field('version', escapeBibtex(version)),
    // Verbatim in biblatex, so not LaTeX-escaped; citeEvent's URL serialisation has already
    // percent-encoded the braces and spaces that could end the field.
    field('url', url),
    field('note', escapeBibtex(eventDateNote(event))),
  ];
  return `@misc{${bibtexKey(event.id)},\n${fields.join(',\n')}\n}\n`;
}

/** RIS has no escaping; a value must simply stay on its one line. */
const risValue = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * The RIS record for the event page. No AU line: RIS readers split an author at its comma
 * into family and given names, which would mangle the site's name, so the site goes in PB.
 */
function risRecord(input: EventCitationInput, parts: [number, number, number] | undefined): string {
  const { event, url, siteName, version } = input;
  const line = (tag: string, value: string) => `${tag}  - ${risValue(value)}`;
  return [
    'TY  - ELEC',
    line('TI', event.title),
    line('T2', siteName),
    line('PB', siteName),
    ...(parts
      ? [line('PY', String(parts[0])), line('DA', parts.map((p) => String(p).padStart(2, '0')).join('/'))]
      : []),
    line('ET', version),
    line('UR', url),
    line('N1', eventDateNote(event)),
    'ER  - ',
    '',
  ].join('\r\n');
}

/** The CSL-JSON item for the event page. */
function eventCslItem(input: EventCitationInput, parts: [number, number, number] | undefined): CslItem {
  const { event, url, siteName, version } = input;
  return {
    id: event.id,
    type: 'webpage',
    title: event.title,
    'container-title': siteName,
    // No publisher: it would repeat the site's name, which citeproc styles then print twice.
    author: [{ literal: siteName }],
    ...(parts && { issued: { 'date-parts': [parts] } }),
    version,
    genre: 'Chronology entry',
    note: eventDateNote(event),
    URL: url,
  };
}

/**
 * Citations of one event page in every format the site offers.
 * @throws TypeError when `url` is not an absolute URL (a citation needs the permalink).
 */
export function citeEvent(citation: EventCitationInput): EventCitation {
  const input = { ...citation, url: new URL(citation.url).href };
  const parts = versionDateParts(input.version);
  return {
    chicago: chicagoEntry(input, parts),
    apa: apaEntry(input, parts),
    bibtex: bibtexEntry(input, parts),
    ris: risRecord(input, parts),
    cslJson: [eventCslItem(input, parts)],
  };
}

/** CSL types by genre: a news report is a newspaper article; the rest are plain articles. */
const SOURCE_TYPES: Record<Source['genre'], CslItem['type']> = {
  'news-report': 'article-newspaper',
  analysis: 'article',
  opinion: 'article',
  rebuttal: 'article',
};

/**
 * The earliest possible publication date of an EDTF value as CSL date parts, at the
 * precision of its lower bound ("2023-10/.." gives [2023, 10]), or undefined for an open
 * start. `qualified` tells whether EDTF itself marks the date as anything but exact.
 */
export function edtfLowerBound(value: string): { parts: number[]; qualified: boolean } | undefined {
  const { value: parsed, error } = parseEdtf(value);
  if (!parsed) throw new Error(`"${value}" is not valid EDTF: ${error}`);
  const isInterval = parsed.type === 'Interval';
  const lower = isInterval ? parsed.lower : parsed;
  if (!lower || !Number.isFinite(lower.min)) return undefined;
  const bounds = edtfBounds(value);
  const [year = 0, month = 0, day = 0] = bounds.start.split('-').map(Number);
  // Unspecified digits (199X, 2023-XX) and non-dates (seasons, sets) keep only the year.
  const exactParts = lower.type === 'Date' && !/X/i.test(value);
  const precision = exactParts ? (lower.precision ?? 1) : 1;
  return {
    parts: [year, month, day].slice(0, precision),
    qualified: isInterval || !exactParts || bounds.approximate || bounds.uncertain,
  };
}

/** The lines of a source's CSL note: how its date is known, and where its capture is kept. */
function sourceNote(source: Source, pageUrl: string): string {
  const basis = source.publishedBasis;
  return [
    `Publication date (${basis.kind}): ${edtfInWords(source.published)}. ${basis.note}`,
    ...(source.titleSupplied ? ['Title supplied by the editors; the capture shows none.'] : []),
    ...(source.originalPublication ? [source.originalPublication] : []),
    `Capture: ${source.capture.file}`,
    `Capture SHA-256: ${source.capture.sha256}`,
    `Archived at: ${pageUrl}`,
  ].join('\n');
}

/**
 * CSL-JSON for one source article: named authors and translator as written, the earliest
 * possible publication date (marked circa unless the text states an exact date), how the
 * date is known, and the capture's SHA-256 both in the note and in `custom`.
 */
export function citeSource(source: Source, pageUrl: string): CslItem {
  const lower = edtfLowerBound(source.published);
  const circa = source.publishedBasis.kind === 'inferred' || (lower?.qualified ?? true);
  return {
    id: source.id,
    type: SOURCE_TYPES[source.genre],
    // Square brackets mark a title the editors supplied, as library cataloguing does.
    title: source.titleSupplied ? `[${source.title}]` : source.title,
    ...(source.publisher && { 'container-title': source.publisher }),
    ...(source.authors.length > 0 && { author: source.authors.map((a) => ({ literal: a.name })) }),
    ...(source.translator && { translator: [{ literal: source.translator }] }),
    ...(lower && { issued: { 'date-parts': [lower.parts], ...(circa && { circa: true }) } }),
    genre: source.genre.replace('-', ' '),
    language: source.language,
    note: sourceNote(source, pageUrl),
    ...(source.url && { URL: source.url }),
    custom: { captureFile: source.capture.file, captureSha256: source.capture.sha256, archivedAt: pageUrl },
  };
}
