/**
 * Citations of an event page (Chicago, APA, BibTeX, RIS, CSL-JSON) and of the source
 * articles (CSL-JSON), generated at build time so no citation code ships to readers.
 * The cited work is the event's page on this site, in a given version of the chronology.
 */
import { edtfBounds, edtfInWords } from './edtf-dates.ts';
import type { ChronologyEvent, Source } from './model.ts';

/** A CSL-JSON item (the subset of https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html we emit). */
export interface CslItem {
  id: string;
  type: string;
  title: string;
  'container-title'?: string;
  publisher?: string;
  author?: { literal: string }[];
  translator?: { literal: string }[];
  issued?: { 'date-parts': number[][]; circa?: boolean };
  version?: string;
  genre?: string;
  language?: string;
  note?: string;
  URL?: string;
}

export interface EventCitationInput {
  event: ChronologyEvent;
  url: string;
  siteName: string;
  /** Content version: a YYYY-MM-DD date, or another label such as 'unversioned'. */
  version: string;
}

export interface EventCitation {
  chicago: string;
  apa: string;
  bibtex: string;
  ris: string;
  cslJson: CslItem[];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The version as date parts when it is an ISO date, else undefined. */
function versionParts(version: string): [number, number, number] | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(version);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

/** Escapes text for a BibTeX field value in braces. */
export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}&%$#_^~]/g, (c) =>
    ({ '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', '&': '\\&', '%': '\\%', $: '\\$', '#': '\\#', _: '\\_', '^': '\\^{}', '~': '\\~{}' })[c]!,
  );
}

/** A BibTeX key made of letters, digits and hyphens only, stable for the event id. */
export const bibtexKey = (id: string): string => `karabakh-chronology-${id}`.replace(/[^A-Za-z0-9-]/g, '-');

/** RIS fields cannot span lines; collapse any line break. */
const risValue = (text: string): string => text.replace(/\s*[\r\n]+\s*/g, ' ');

/** Citations of one event page in every format the site offers. */
export function citeEvent({ event, url, siteName, version }: EventCitationInput): EventCitation {
  const parts = versionParts(version);
  const year = parts ? String(parts[0]) : 'n.d.';
  const when = edtfInWords(event.date);
  const versionDate = parts ? `${parts[2]} ${MONTHS[parts[1] - 1]} ${parts[0]}` : version;
  const apaDate = parts ? `${parts[0]}, ${MONTHS[parts[1] - 1]} ${parts[2]}` : 'n.d.';

  const chicago = `${siteName}. “${event.title}.” Event of ${when}. Version of ${versionDate}. ${url}.`;
  const apa = `${siteName}. (${apaDate}). ${event.title} [Chronology entry, event of ${when}; version ${version}]. ${url}`;

  const bibtex = [
    `@misc{${bibtexKey(event.id)},`,
    `  author = {{${escapeBibtex(siteName)}}},`,
    `  title = {{${escapeBibtex(event.title)}}},`,
    `  howpublished = {${escapeBibtex(siteName)}},`,
    `  year = {${year}},`,
    ...(parts ? [`  month = {${parts[1]}},`, `  date = {${version}},`] : []),
    `  version = {${escapeBibtex(version)}},`,
    `  url = {${url}},`,
    `  note = {${escapeBibtex(`Event of ${when}`)}}`,
    '}',
  ].join('\n');

  const ris = [
    'TY  - ELEC',
    `TI  - ${risValue(event.title)}`,
    `AU  - ${risValue(siteName)}`,
    `T2  - ${risValue(siteName)}`,
    `PB  - ${risValue(siteName)}`,
    ...(parts ? [`PY  - ${parts[0]}`, `DA  - ${parts.map((p) => String(p).padStart(2, '0')).join('/')}`] : []),
    `ET  - ${risValue(version)}`,
    `UR  - ${url}`,
    `N1  - ${risValue(`Event of ${when}`)}`,
    'ER  - ',
    '',
  ].join('\r\n');

  const cslJson: CslItem[] = [
    {
      id: event.id,
      type: 'webpage',
      title: event.title,
      'container-title': siteName,
      publisher: siteName,
      author: [{ literal: siteName }],
      ...(parts && { issued: { 'date-parts': [parts] } }),
      version,
      note: `Event of ${when}`,
      URL: url,
    },
  ];

  return { chicago, apa, bibtex, ris, cslJson };
}

const SOURCE_TYPES: Record<Source['genre'], string> = {
  'news-report': 'article-newspaper',
  analysis: 'article-magazine',
  opinion: 'article',
  rebuttal: 'article',
};

/** CSL-JSON for one source article, with how its date is known and its capture's hash. */
export function citeSource(source: Source, pageUrl: string): CslItem {
  const start = edtfBounds(source.published).start.split('-').map(Number);
  const bounds = edtfBounds(source.published);
  const exact = source.publishedBasis.kind === 'stated' && bounds.precision === 'day';
  return {
    id: source.id,
    type: SOURCE_TYPES[source.genre],
    title: source.title,
    ...(source.publisher && { 'container-title': source.publisher, publisher: source.publisher }),
    ...(source.authors.length > 0 && { author: source.authors.map((a) => ({ literal: a.name })) }),
    ...(source.translator && { translator: [{ literal: source.translator }] }),
    issued: { 'date-parts': [bounds.precision === 'day' ? start : [start[0]!]], ...(!exact && { circa: true }) },
    genre: source.genre.replace('-', ' '),
    language: source.language,
    note: `Date ${source.publishedBasis.kind}: ${source.publishedBasis.note} Capture ${source.capture.file}, SHA-256 ${source.capture.sha256}. Page on this site: ${pageUrl}`,
    ...(source.url && { URL: source.url }),
  };
}
