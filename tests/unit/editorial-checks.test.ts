import { describe, expect, it } from 'vitest';
import {
  checkEditorialRules,
  idDatePrefix,
  missingFromQuote,
  type EditorialEventInput,
  type EditorialInput,
  type EditorialSourceInput,
} from '../../src/lib/editorial-checks.ts';
import { formatProblem } from '../../src/lib/validate-chronology.ts';
import { ID_DATE_EXCEPTIONS } from '../../src/lib/id-date-exceptions.ts';
import { readdirSync } from 'node:fs';

type EventData = EditorialEventInput['data'];

/** One valid event; each test plants one bad example in a copy. */
function event(id: string, changes: Partial<EventData> = {}): EditorialEventInput {
  return {
    id,
    file: `content/events/${id}.mdx`,
    data: {
      title: 'Azerbaijan begins a military operation',
      date: '2023-09-19',
      dateBasis: { kind: 'stated', claim: 'news' },
      summary: 'The report calls it an "offensive" and the essay an ‘anti-terrorist operation’.',
      tags: ['military-operation'],
      claims: [{ id: 'news', quote: 'On September 19, 2023, Baku moved decisively.' }],
      disputes: [
        {
          question: 'What do the sources call it?',
          positions: [{ answer: 'A "full-scale military offensive".' }, { answer: 'A military operation.' }],
        },
      ],
      corrections: [],
      ...changes,
    },
  };
}

/** One source whose editors' fields are all neutral; its real title quotes the source's own words. */
const SOURCE: EditorialSourceInput = {
  file: 'content/sources/essay.mdx',
  data: {
    title: 'The end of the occupation',
    titleSupplied: false,
    authorNote: 'The capture names no author.',
    publishedBasis: { note: 'The text dates itself “On November 2”.' },
    nonArticle: [{ note: 'Page chrome.' }],
  },
};

const ERAS = [
  { id: 'late', name: 'The September 2023 military operation', description: 'From the operation to the departure.' },
];
const lines = (events: EditorialEventInput[], extra: Partial<EditorialInput> = {}) =>
  checkEditorialRules({ events, sources: [SOURCE], eras: ERAS, erasFile: 'content/eras.json', ...extra }).map(
    formatProblem,
  );

describe('checkEditorialRules', () => {
  it('accepts an event whose contested words are all quoted and whose date is in its quote', () => {
    expect(lines([event('2023-09-19-operation')])).toEqual([]);
  });

  describe('contested words in the site’s own fields', () => {
    it.each([
      ['title', { title: 'Azerbaijan begins an offensive' }],
      ['summary', { summary: 'The blockade ended.' }],
      ['dateBasis.note', { dateBasis: { kind: 'stated', claim: 'news', note: 'Dated from the occupation.' } }],
      [
        'claims[0].note',
        {
          claims: [
            { id: 'news', quote: 'On September 19, 2023, Baku moved decisively.', note: 'Before the massacre.' },
          ],
        },
      ],
      [
        'disputes[0].question',
        { disputes: [{ question: 'Was it genocide?', positions: [{ answer: 'Yes.' }, { answer: 'No.' }] }] },
      ],
      [
        'disputes[0].positions[1].answer',
        { disputes: [{ question: 'Why?', positions: [{ answer: 'Security.' }, { answer: 'Separatists.' }] }] },
      ],
      ['corrections[0].note', { corrections: [{ date: '2026-12-02', note: 'Renamed the liberation event.' }] }],
    ] as const)('rejects one in %s, naming file and field', (field, changes) => {
      const [line, ...rest] = lines([event('2023-09-19-operation', changes as Partial<EventData>)]);
      expect(rest).toEqual([]);
      expect(line).toMatch(
        new RegExp(`^content/events/2023-09-19-operation\\.mdx: ${field.replace(/[[\].]/g, '\\$&')}: contested word "`),
      );
    });

    it('rejects a contested tag, which cannot be quoted', () => {
      expect(lines([event('2023-09-19-operation', { tags: ['lachin-corridor', 'blockade'] })])).toEqual([
        'content/events/2023-09-19-operation.mdx: tags[1]: tag "blockade" is a contested word and cannot be quoted; use a neutral tag',
      ]);
    });

    it.each([
      ['title', { title: 'Essay on the occupation', titleSupplied: true }],
      ['shortName', { shortName: 'Liberation essay' }],
      ['publisherBasis', { publisherBasis: 'The masthead of an aggressor state.' }],
      ['authorNote', { authorNote: 'A separatist writer.' }],
      ['publishedBasis.note', { publishedBasis: { note: 'Written after the blockade.' } }],
      ['nonArticle[0].note', { nonArticle: [{ note: 'An advertisement about genocide.' }] }],
    ] as const)("rejects one in a source's %s, where the editors wrote it", (field, changes) => {
      const source = { ...SOURCE, data: { ...SOURCE.data, ...changes } };
      const [line, ...rest] = lines([event('2023-09-19-operation')], { sources: [source] });
      expect(rest).toEqual([]);
      expect(line).toMatch(
        new RegExp(`^content/sources/essay\\.mdx: ${field.replace(/[[\].]/g, '\\$&')}: contested word "`),
      );
    });

    it("accepts a contested word in a title the capture shows: those are the source's words", () => {
      expect(lines([event('2023-09-19-operation')], { sources: [SOURCE] })).toEqual([]);
    });

    it('rejects one in an era name', () => {
      const eras = [{ ...ERAS[0]!, name: 'The September 2023 offensive' }];
      expect(lines([event('2023-09-19-operation')], { eras })).toEqual([
        'content/eras.json: [0].name: era "late": contested word "offensive" outside quotation marks (see the methodology\'s contested words)',
      ]);
    });
  });

  describe('a stated date is carried by its claim', () => {
    it('rejects a quote that lacks the year', () => {
      const claims = [{ id: 'news', quote: 'On Sept. 19, Baku moved decisively.' }];
      expect(lines([event('2023-09-19-operation', { claims })])).toEqual([
        'content/events/2023-09-19-operation.mdx: dateBasis: date 2023-09-19 is "stated" by claim "news", but neither its quote nor dateBasis.note gives the year 2023; cite a claim that gives it, explain it in the note, or mark the date inferred',
      ]);
    });

    it('accepts the missing year when the note supplies it', () => {
      const claims = [{ id: 'news', quote: 'On Sept. 19, Baku moved decisively.' }];
      const dateBasis = { kind: 'stated', claim: 'news', note: 'The report is dated 21 September 2023.' };
      expect(lines([event('2023-09-19-operation', { claims, dateBasis })])).toEqual([]);
    });

    it('rejects a quote that lacks the month of a month-precise date', () => {
      const claims = [{ id: 'news', quote: 'In 2023, Baku moved decisively.' }];
      expect(lines([event('2023-09-19-operation', { claims })])[0]).toContain('gives the month of 2023-09;');
    });

    it('asks for a relative expression to be explained, and accepts it when the note does', () => {
      const claims = [{ id: 'news', quote: 'Two days later, a ceasefire took effect.' }];
      const [line] = lines([event('2020-11-09-ceasefire', { date: '2020-11-09', claims })]);
      expect(line).toContain('explain "Two days later" in the note');
      const dateBasis = {
        kind: 'stated',
        claim: 'news',
        note: 'Two days after the capture of Shusha on 7 November 2020.',
      };
      expect(lines([event('2020-11-09-ceasefire', { date: '2020-11-09', claims, dateBasis })])).toEqual([]);
    });

    it('checks both ends of a range, and leaves inferred dates alone', () => {
      const claims = [{ id: 'news', quote: 'The war lasted from 1919 on.' }];
      expect(lines([event('1919-war', { date: '1919/1920', claims })])[0]).toContain('gives the year 1920;');
      const inferred = { kind: 'inferred', note: 'From the order of events.' };
      expect(lines([event('1919-war', { date: '1919/1920', claims, dateBasis: inferred })])).toEqual([]);
    });
  });

  describe('an id’s date prefix', () => {
    it('rejects a prefix that contradicts the date’s start', () => {
      expect(lines([event('2022-12-operation')])).toEqual([
        'content/events/2022-12-operation.mdx: id: id prefix 2022-12 contradicts the date 2023-09-19, which begins 2023-09-19; ids are permanent, so record the id in src/lib/id-date-exceptions.ts',
      ]);
    });

    it('rejects a range that overlaps the prefix but begins before it', () => {
      const dateBasis = { kind: 'inferred', note: 'Autumn 2022 to December 2022.' };
      expect(lines([event('2022-12-closure', { date: '2022-09/2022-12', dateBasis })])).toEqual([
        'content/events/2022-12-closure.mdx: id: id prefix 2022-12 contradicts the date 2022-09/2022-12, which begins 2022-09-01; ids are permanent, so record the id in src/lib/id-date-exceptions.ts',
      ]);
    });

    it('accepts a range that begins within the prefix, and a recorded exception', () => {
      const dateBasis = { kind: 'inferred', note: 'From the order of the report.' };
      expect(lines([event('2023-09-operation', { date: '2023-09-19/2023-10-15', dateBasis })])).toEqual([]);
      expect(
        lines([event('2022-12-operation')], { idDateExceptions: { '2022-12-operation': 'date corrected' } }),
      ).toEqual([]);
    });

    it('rejects an exception the date no longer needs', () => {
      expect(
        lines([event('2023-09-19-operation')], {
          idDateExceptions: { '2023-09-19-operation': 'x', 'other-content': 'y' },
        }),
      ).toEqual([
        'content/events/2023-09-19-operation.mdx: id: id prefix 2023-09-19 agrees with the date 2023-09-19; remove the id from src/lib/id-date-exceptions.ts',
      ]);
    });

    it('reads a year, month or day prefix, and nothing else', () => {
      expect(idDatePrefix('1992-khojaly')).toMatchObject({ start: '1992-01-01', end: '1992-12-31' });
      expect(idDatePrefix('1992-02-25-khojaly')).toMatchObject({ start: '1992-02-25', end: '1992-02-25' });
      expect(idDatePrefix('khojaly')).toBeUndefined();
    });
  });
});

describe('the recorded id exceptions', () => {
  it('each name an event of content/ (and say why)', () => {
    const ids = new Set(readdirSync('content/events').map((name) => name.replace(/\.mdx$/, '')));
    for (const [id, reason] of Object.entries(ID_DATE_EXCEPTIONS)) {
      expect(ids.has(id), `${id} is in src/lib/id-date-exceptions.ts but not in content/events/`).toBe(true);
      expect(reason.length).toBeGreaterThan(0);
    }
  });
});

describe('missingFromQuote', () => {
  it('accepts a year within a written range', () => {
    expect(missingFromQuote('1919', 'the war of 1918–1920')).toEqual([]);
  });
});
