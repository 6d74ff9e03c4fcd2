/**
 * The citation formats are checked by parsing them back with @citation-js, an independent
 * reader of BibTeX, RIS and CSL-JSON, rather than by comparing strings: what matters is
 * that a reference manager recovers the title, URL, date and author the page states.
 */
import { Cite, type CiteItem, type CiteName } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';
import { describe, expect, it } from 'vitest';
import { bibtexKey, citeEvent, citeSource, edtfLowerBound, escapeBibtex, nestQuotes } from '../../src/lib/citation.ts';
import { edtfBounds } from '../../src/lib/edtf-dates.ts';
import type { ChronologyEvent, Source } from '../../src/lib/model.ts';
import { SITE_NAME } from '../../src/lib/site-meta.ts';
import { absoluteUrl, routes } from '../../src/lib/site-paths.ts';

const SITE = 'https://karabakh-chronology.example.org/';
const VERSION = '2023-09-19';

/** Every character BibTeX or LaTeX treats as syntax, plus quotes, an en dash and non-ASCII names. */
const TRICKY_TITLE =
  'Karén Karslyan’s “Artsakh” & "Shusha / Shushi" – 50% of {braces} cost $5 for #1_draft, ~approx^2 \\ back?';

function makeEvent(overrides: Partial<ChronologyEvent> = {}): ChronologyEvent {
  const date = overrides.date ?? '1992-02-25/1992-02-26';
  return {
    id: '1992-02-25-khojaly',
    title: 'Killings at Khojaly',
    date,
    bounds: edtfBounds(date),
    corrections: [],
    dateBasis: { kind: 'stated' },
    summary: 'Summary.',
    era: 'first-war',
    places: ['khojaly'],
    tags: [],
    claims: [],
    disputes: [],
    ...overrides,
  };
}

const eventUrl = (event: ChronologyEvent) => absoluteUrl(SITE, routes.event(event.id));

function cite(event: ChronologyEvent, version = VERSION) {
  return citeEvent({ event, url: eventUrl(event), siteName: SITE_NAME, version });
}

/** Parses one citation with @citation-js and returns its single item. */
async function parseOne(input: unknown): Promise<CiteItem> {
  const { data } = await Cite.async(input);
  expect(data).toHaveLength(1);
  return data[0]!;
}

/** A name as one string, whichever way the parser represented it. */
/** What every format must carry through its parser: title, permalink, version date, publisher, event date. */
function expectCoreFields(item: CiteItem, event: ChronologyEvent): void {
  expect(item.title).toBe('Killings at Khojaly');
  expect(item.URL).toBe(eventUrl(event));
  expect(item.issued?.['date-parts']).toEqual([[2023, 9, 19]]);
  expect(item.publisher).toBe(SITE_NAME);
  expect(item.note).toBe('Event date: 25 February 1992 to 26 February 1992');
}

const nameText = (name: CiteName | undefined) => name?.literal ?? [name?.given, name?.family].filter(Boolean).join(' ');

describe('citeEvent: BibTeX', () => {
  it('round-trips title, URL, date, author and publisher through a BibTeX parser', async () => {
    const event = makeEvent();
    const item = await parseOne(cite(event).bibtex);
    expectCoreFields(item, event);
    expect(item.version).toBe(VERSION);
    expect(item['citation-key']).toBe(bibtexKey(event.id));
  });

  it('keeps the site as one institutional author, not split at its comma', async () => {
    const item = await parseOne(cite(makeEvent()).bibtex);
    expect(item.author).toHaveLength(1);
    expect(item.author?.[0]?.given).toBeUndefined();
    expect(nameText(item.author?.[0])).toBe(SITE_NAME);
  });

  it('escapes quotes, &, %, $, #, _, braces, ~, ^, backslash and keeps non-ASCII', async () => {
    const item = await parseOne(cite(makeEvent({ title: TRICKY_TITLE })).bibtex);
    expect(item.title).toBe(TRICKY_TITLE);
  });

  it('leaves no LaTeX-special character unescaped outside the verbatim url field', () => {
    // The parser forgives a bare % or &, but LaTeX reads % as a comment and & as a table cell.
    const { bibtex } = cite(makeEvent({ title: TRICKY_TITLE }));
    const fields = bibtex.split('\n').filter((line) => /^ {2}(?!url )\w+ = /.test(line));
    expect(fields.length).toBeGreaterThan(4);
    for (const line of fields) expect(line).not.toMatch(/(?<!\\)[%&#$_^~]/);
  });

  it('gives the classic year and month fields for styles that ignore biblatex date', async () => {
    const { bibtex } = cite(makeEvent());
    const item = await parseOne(bibtex.replace(/^ {2}date = .*\n/m, ''));
    expect(item.issued?.['date-parts']).toEqual([[2023, 9]]);
  });

  it('wraps the title in an extra pair of braces so styles keep its capitals', () => {
    const { bibtex } = cite(makeEvent({ title: 'Talks in Geneva' }));
    expect(bibtex).toMatch(/title = \{\{Talks in Geneva\}\}/);
  });

  it('derives a BibTeX-safe key from the event id', async () => {
    const key = bibtexKey('1992-02-25-khojaly');
    expect(key).toMatch(/^[A-Za-z][A-Za-z0-9-]*$/);
    expect(key).toContain('1992-02-25-khojaly');
    expect(bibtexKey('shusha_šuši 1920')).toMatch(/^[A-Za-z][A-Za-z0-9-]*$/);
    const item = await parseOne(cite(makeEvent({ id: 'a-b' })).bibtex);
    expect(item['citation-key']).toBe(bibtexKey('a-b'));
  });

  it('leaves the date out, and says so, when the chronology is unversioned', async () => {
    const item = await parseOne(cite(makeEvent(), 'unversioned').bibtex);
    expect(item.issued).toBeUndefined();
    expect(item.version).toBe('unversioned');
    expect(item.URL).toBe(eventUrl(makeEvent()));
  });

  it('escapeBibtex leaves plain text alone', () => {
    expect(escapeBibtex('Karén – Şuşa')).toBe('Karén – Şuşa');
  });
});

describe('citeEvent: RIS', () => {
  it('round-trips type, title, URL, date, publisher, version and note through a RIS parser', async () => {
    const event = makeEvent();
    const item = await parseOne(cite(event).ris);
    expect(item.type).toBe('webpage');
    expectCoreFields(item, event);
    expect(item.edition).toBe(VERSION);
  });

  it('carries a tricky title unchanged and keeps every value on its own line', async () => {
    const title = `${TRICKY_TITLE}\nsecond line`;
    const { ris } = cite(makeEvent({ title }));
    // Every line, however it ends, must be a tagged field: RIS has no continuation lines.
    expect(
      ris
        .split(/\r\n|\r|\n/)
        .filter(Boolean)
        .every((line) => /^[A-Z][A-Z0-9] {2}- /.test(line)),
    ).toBe(true);
    const item = await parseOne(ris);
    expect(item.title).toBe(`${TRICKY_TITLE} second line`);
  });

  it('does not put the site in AU, where readers would split it at the comma', async () => {
    const item = await parseOne(cite(makeEvent()).ris);
    expect(item.author).toBeUndefined();
  });

  it('has no date lines when unversioned', async () => {
    const item = await parseOne(cite(makeEvent(), 'unversioned').ris);
    expect(item.issued).toBeUndefined();
    expect(item.edition).toBe('unversioned');
  });
});

describe('citeEvent: CSL-JSON', () => {
  it('is a valid CSL-JSON array whose fields survive Cite and render in APA via citeproc', async () => {
    const event = makeEvent({ title: TRICKY_TITLE });
    const { cslJson } = cite(event);
    const item = await parseOne(JSON.parse(JSON.stringify(cslJson)));
    expect(item).toMatchObject({
      id: event.id,
      type: 'webpage',
      title: TRICKY_TITLE,
      'container-title': SITE_NAME,
      version: VERSION,
      URL: eventUrl(event),
      note: 'Event date: 25 February 1992 to 26 February 1992',
    });
    expect(item.author?.map(nameText)).toEqual([SITE_NAME]);
    expect(item.issued?.['date-parts']).toEqual([[2023, 9, 19]]);

    // citeproc typesets straight quotes as curly ones, so look for the rest of the title.
    const rendered = new Cite(cslJson).format('bibliography', { template: 'apa', format: 'text' });
    expect(rendered).toContain('Karén Karslyan’s “Artsakh” & “Shusha / Shushi” – 50% of {braces} cost $5 for #1_draft');
    expect(rendered.split(SITE_NAME)).toHaveLength(3); // as author and as site, once each
    expect(rendered).toContain('(2023, September 19)');
    expect(rendered).toContain(eventUrl(event));
  });

  it('has no issued date when unversioned', () => {
    expect(cite(makeEvent(), 'unversioned').cslJson[0]).not.toHaveProperty('issued');
  });
});

describe('citeEvent: Chicago and APA text', () => {
  it('gives Chicago author, quoted title, event date, revision date and URL in order', () => {
    const event = makeEvent();
    expect(cite(event).chicago).toBe(
      `${SITE_NAME}. “Killings at Khojaly.” Event date: 25 February 1992 to 26 February 1992. ` +
        `Last modified September 19, 2023. ${eventUrl(event)}.`,
    );
  });

  it('nests quotation marks in a Chicago title and adds no period after ? or !', () => {
    const { chicago } = cite(makeEvent({ title: 'Who said "never" and “always”?' }));
    expect(chicago).toContain('“Who said ‘never’ and ‘always’?” Event date');
    expect(nestQuotes('"A" b')).toBe('‘A’ b');
  });

  it('gives the APA group author, date, title with description, and URL without a final period', () => {
    const event = makeEvent({ date: '1921~' });
    expect(cite(event).apa).toBe(
      `${SITE_NAME}. (2023, September 19). Killings at Khojaly [Chronology entry; event date: c. 1921]. ${eventUrl(event)}`,
    );
  });

  it('uses n.d. in APA and leaves the revision out of Chicago when unversioned', () => {
    const { apa, chicago } = cite(makeEvent(), 'unversioned');
    expect(apa).toContain('(n.d.)');
    expect(chicago).not.toMatch(/Last modified|unversioned/);
  });

  it('treats an impossible version date as a label, not a date', async () => {
    const { apa, bibtex } = cite(makeEvent(), '2023-02-30');
    expect(apa).toContain('(n.d.)');
    expect(apa).toContain('(Version 2023-02-30)');
    expect((await parseOne(bibtex)).issued).toBeUndefined();
  });

  it('refuses a relative URL, since a citation needs the permalink', () => {
    expect(() => citeEvent({ event: makeEvent(), url: '/events/x/', siteName: SITE_NAME, version: VERSION })).toThrow();
  });
});

const SHA = 'e144aeb3b80b90e12e602c2260268c38583f9549a41ccb37e24bef5d2495dbcb';

function makeSource(overrides: Partial<Source> = {}): Source {
  return {
    id: 'karslyan-2023',
    title: 'Essay by Karén Karslyan on the Karabakh conflict, 1918–2023',
    titleSupplied: true,
    authorStatus: 'named',
    authors: [{ name: 'Karén Karslyan' }],
    published: '2023-10/..',
    publishedBasis: { kind: 'inferred', note: 'Describes October 2023 as past.' },
    genre: 'opinion',
    language: 'en',
    capture: { file: '000_9e58a5aae2d249ec.txt', sha256: SHA },
    nonArticle: [],
    ...overrides,
  };
}

const sourcePage = (id: string) => absoluteUrl(SITE, routes.source(id));

describe('citeSource', () => {
  it('gives an opinion piece with an inferred open-ended date as a circa article of its lower bound', async () => {
    const source = makeSource();
    const item = await parseOne([citeSource(source, sourcePage(source.id))]);
    expect(item).toMatchObject({ id: 'karslyan-2023', type: 'article', genre: 'opinion', language: 'en' });
    expect(item.title).toBe('[Essay by Karén Karslyan on the Karabakh conflict, 1918–2023]');
    expect(item.author?.map(nameText)).toEqual(['Karén Karslyan']);
    expect(item.issued?.['date-parts']).toEqual([[2023, 10]]);
    expect(item.issued?.circa).toBeTruthy();
    expect(item).not.toHaveProperty('URL');
    expect(item).not.toHaveProperty('container-title');
  });

  it('carries the capture hash and how the date is known, in the note and in custom', async () => {
    const source = makeSource();
    const item = await parseOne([citeSource(source, sourcePage(source.id))]);
    expect(item.note).toContain(`Capture SHA-256: ${SHA}`);
    expect(item.note).toContain('Publication date (inferred): from October 2023. Describes October 2023 as past.');
    expect(item.note).toContain(sourcePage(source.id));
    expect(item.custom).toMatchObject({ captureSha256: SHA, archivedAt: sourcePage(source.id) });
  });

  it('gives a news report as a newspaper article in its publisher, with translator, and renders via citeproc', async () => {
    const source = makeSource({
      id: 'kyiv-independent-2023-09-21',
      title: 'Stepanakert & “Khankendi”: 100% of roads cut',
      titleSupplied: false,
      publisher: 'The Kyiv Independent',
      publisherBasis: 'Named in the text.',
      authors: [{ name: 'Francis Farrell' }],
      translator: 'Anna Razumnaya',
      published: '2023-09-21',
      genre: 'news-report',
    });
    const csl = citeSource(source, sourcePage(source.id));
    const item = await parseOne([csl]);
    expect(item).toMatchObject({
      type: 'article-newspaper',
      title: 'Stepanakert & “Khankendi”: 100% of roads cut',
      'container-title': 'The Kyiv Independent',
      genre: 'news report',
    });
    expect(item.translator?.map(nameText)).toEqual(['Anna Razumnaya']);
    expect(item.issued?.['date-parts']).toEqual([[2023, 9, 21]]);
    expect(item.issued?.circa).toBeTruthy();

    const rendered = new Cite([csl]).format('bibliography', { template: 'apa', format: 'text' });
    expect(rendered).toContain('Francis Farrell');
    expect(rendered).toContain('The Kyiv Independent');
    expect(rendered).toContain('Anna Razumnaya');
  });

  it('gives an exact stated date without circa, and the URL when the source has one', async () => {
    const source = makeSource({
      published: '2023-09-21',
      publishedBasis: { kind: 'stated', note: 'Dateline.' },
      url: 'https://example.com/news?id=1&lang=en',
    });
    const item = await parseOne([citeSource(source, sourcePage(source.id))]);
    expect(item.issued?.['date-parts']).toEqual([[2023, 9, 21]]);
    expect(item.issued?.circa).toBeFalsy();
    expect(item.URL).toBe('https://example.com/news?id=1&lang=en');
  });

  it('marks a stated but uncertain year as circa, and lists no author when none is named', async () => {
    const source = makeSource({
      authorStatus: 'anonymous',
      authors: [],
      published: '2024?',
      publishedBasis: { kind: 'stated', note: 'Year in the text, queried.' },
    });
    const item = await parseOne([citeSource(source, sourcePage(source.id))]);
    expect(item.issued?.['date-parts']).toEqual([[2024]]);
    expect(item.issued?.circa).toBeTruthy();
    expect(item).not.toHaveProperty('author');
  });
});

describe('edtfLowerBound', () => {
  it.each([
    ['2023-09-21', [2023, 9, 21], false],
    ['2023-10/..', [2023, 10], true],
    ['2024?', [2024], true],
    ['1992~/1994', [1992], true],
    ['199X', [1990], true],
  ])('%s starts at %j (qualified: %s)', (edtf, parts, qualified) => {
    expect(edtfLowerBound(edtf)).toEqual({ parts, qualified });
  });

  it('has no lower bound for an open start', () => {
    expect(edtfLowerBound('../2020')).toBeUndefined();
  });
});
