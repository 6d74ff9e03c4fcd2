import { describe, expect, it } from 'vitest';
import {
  formatProblem,
  validateChronology,
  type ChronologyInput,
  type EventInput,
  type SourceInput,
} from '../../src/lib/validate-chronology.ts';

const CAPTURE = 'Site navigation\nOn Sept. 19, Baku moved decisively.\nA reader writes: Baku moved decisively.\n';
const SHA = 'a'.repeat(64);

type Claim = { id: string; source: string; quote: string };
type Position = { source: string; claim: string };
/** ChronologyInput with mutable parts, so each test can break one thing. */
interface MutableInput extends ChronologyInput {
  sources: SourceInput[];
  events: (EventInput & {
    data: EventInput['data'] & {
      claims: Claim[];
      places: string[];
      disputes: { question: string; positions: Position[] }[];
    };
  })[];
  eras: { id: string; start: string; end: string }[];
  eventFiles: string[];
}

/** A small valid chronology; each test breaks one thing in a copy of it. */
function valid(): MutableInput {
  const claim = (id: string, source: string) => ({ id, source, quote: 'Baku moved decisively.' });
  return {
    sources: ['news', 'essay'].map((id) => ({
      id,
      file: `content/sources/${id}.mdx`,
      capture: { file: `${id}.txt`, sha256: SHA },
      nonArticle: [{ lines: [3, 3] as const }],
      captureText: CAPTURE,
      captureSha256: SHA,
    })),
    events: [
      {
        id: '2023-09-19-operation',
        file: 'content/events/2023-09-19-operation.mdx',
        data: {
          date: '2023-09-19',
          dateBasis: { kind: 'stated', claim: 'news' },
          era: 'late',
          places: ['stepanakert'],
          claims: [claim('news', 'news'), claim('essay', 'essay')],
          disputes: [
            {
              question: 'Why?',
              positions: [
                { source: 'news', claim: 'news' },
                { source: 'essay', claim: 'essay' },
              ],
            },
          ],
        },
      },
    ],
    placeIds: ['stepanakert'],
    eras: [{ id: 'late', start: '2020-11-11', end: '2023-12-31' }],
    eventFiles: ['content/events/2023-09-19-operation.mdx'],
  };
}

const lines = (input: ChronologyInput) => validateChronology(input).map(formatProblem);
const event = (input: ReturnType<typeof valid>) => input.events[0]!.data;

describe('validateChronology', () => {
  it('accepts a valid chronology', () => {
    expect(lines(valid())).toEqual([]);
  });

  it('rejects a quote that is not verbatim, naming file, field and reason', () => {
    const input = valid();
    event(input).claims[0] = { id: 'news', source: 'news', quote: 'Baku moved quickly.' };
    expect(lines(input)).toEqual([
      'content/events/2023-09-19-operation.mdx: claims[0].quote: not found verbatim in the article text of source "news": "Baku moved quickly.…"',
    ]);
  });

  it('rejects a quote found only in text that is not the article (a reader comment)', () => {
    const input = valid();
    event(input).claims[0] = { id: 'news', source: 'news', quote: 'A reader writes: Baku moved decisively.' };
    expect(lines(input)).toHaveLength(1);
    expect(lines(input)[0]).toContain('claims[0].quote');
  });

  it('rejects references to a source or place that does not exist', () => {
    const input = valid();
    event(input).claims[1] = { id: 'essay', source: 'nobody', quote: 'Baku moved decisively.' };
    event(input).places = ['atlantis'];
    const found = lines(input);
    expect(found).toContain('content/events/2023-09-19-operation.mdx: claims[1].source: unknown source "nobody"');
    expect(found).toContain('content/events/2023-09-19-operation.mdx: places[0]: unknown place "atlantis"');
  });

  it('rejects invalid EDTF and dates outside 1918 to 2023', () => {
    for (const [date, reason] of [
      ['1992-13-45', 'not valid EDTF'],
      ['1917', 'falls outside'],
      ['2023/2024', 'falls outside'],
      ['2023-09-19/..', 'falls outside'],
    ]) {
      const input = valid();
      event(input).date = date!;
      input.eras[0] = { id: 'late', start: '1900-01-01', end: '2030-12-31' };
      const found = lines(input);
      expect(found.length, date).toBe(1);
      expect(found[0]).toMatch(new RegExp(`: date: .*${reason}`));
    }
  });

  it('rejects a date outside its era', () => {
    const input = valid();
    event(input).date = '1992';
    expect(lines(input)).toEqual([expect.stringContaining(': era: date 1992 does not overlap era "late"')]);
  });

  it('rejects duplicate ids', () => {
    const input = valid();
    input.eventFiles = ['content/events/2023-09-19-operation.mdx', 'content/events/2023-09-19-Operation.mdx'];
    expect(lines(input)).toEqual([expect.stringContaining(': id: duplicate event id "2023-09-19-operation"')]);
  });

  it('rejects an event with no claim', () => {
    const input = valid();
    event(input).claims = [];
    event(input).disputes = [];
    event(input).dateBasis = { kind: 'inferred' };
    expect(lines(input)).toEqual([
      'content/events/2023-09-19-operation.mdx: claims: an event needs at least one claim',
    ]);
  });

  it('rejects a dispute position naming a claim not on the event, or the wrong source', () => {
    const input = valid();
    event(input).disputes = [
      {
        question: 'Why?',
        positions: [
          { source: 'news', claim: 'ghost' },
          { source: 'news', claim: 'essay' },
        ],
      },
    ];
    const found = lines(input);
    expect(found).toContain(
      'content/events/2023-09-19-operation.mdx: disputes[0].positions[0].claim: no claim "ghost" on this event',
    );
    expect(found).toContain(
      'content/events/2023-09-19-operation.mdx: disputes[0].positions[1].source: claim "essay" is from "essay", not "news"',
    );
  });

  it('rejects a dispute with fewer than two distinct sources', () => {
    const input = valid();
    event(input).claims.push({ id: 'news-2', source: 'news', quote: 'On Sept. 19' });
    event(input).disputes = [
      {
        question: 'Why?',
        positions: [
          { source: 'news', claim: 'news' },
          { source: 'news', claim: 'news-2' },
        ],
      },
    ];
    expect(lines(input)).toEqual([
      'content/events/2023-09-19-operation.mdx: disputes[0].positions: a dispute needs at least two distinct sources, found 1',
    ]);
  });

  it('rejects a capture whose hash does not match', () => {
    const input = valid();
    input.sources[0] = { ...input.sources[0]!, captureSha256: 'b'.repeat(64) };
    expect(lines(input)).toEqual([
      `content/sources/news.mdx: capture.sha256: capture news.txt has SHA-256 ${'b'.repeat(64)}, expected ${SHA}`,
    ]);
  });

  it('rejects a dateBasis pointing at a claim that does not exist', () => {
    const input = valid();
    event(input).dateBasis = { kind: 'stated', claim: 'ghost' };
    expect(lines(input)).toEqual([
      'content/events/2023-09-19-operation.mdx: dateBasis.claim: no claim "ghost" on this event',
    ]);
  });
  it('rejects a quote with no letter or digit: white space, "." or ", " (the empty-quote guard)', () => {
    for (const quote of ['   ', '.', ', ', '\u00a0', '\u2014']) {
      const input = valid();
      event(input).claims[0] = { id: 'news', source: 'news', quote };
      expect(lines(input), JSON.stringify(quote)).toEqual([
        `content/events/2023-09-19-operation.mdx: claims[0].quote: ${JSON.stringify(quote)} has no letter or digit: a quote must be a passage, not only punctuation or white space`,
      ]);
    }
  });

  it('does not take U+FEFF (matched by JavaScript \\s) for a space, and names it', () => {
    const input = valid();
    event(input).claims[0] = { id: 'news', source: 'news', quote: 'Baku\uFEFFmoved decisively.' };
    expect(lines(input)).toEqual([
      expect.stringMatching(/claims\[0\]\.quote: not found verbatim .*invisible character U\+FEFF at character 5/),
    ]);
  });

  it('says when a quote differs from the article only in Unicode normalisation form', () => {
    const input = valid();
    const capture = 'Site navigation\nThe caf\u00e9 in \u015eu\u015fa was closed.\nA reader writes.\n';
    input.sources = input.sources.map((source) => ({ ...source, captureText: capture }));
    event(input).claims = [
      { id: 'news', source: 'news', quote: 'The caf\u00e9 in \u015eu\u015fa was closed.'.normalize('NFD') },
    ];
    event(input).disputes = [];
    expect(lines(input)).toEqual([
      expect.stringMatching(
        /claims\[0\]\.quote: not found verbatim .*differs only in Unicode normalisation form: the quote is not NFC/,
      ),
    ]);
    event(input).claims = [{ id: 'news', source: 'news', quote: 'The caf\u00e9 in \u015eu\u015fa was closed.' }];
    expect(lines(input)).toEqual([]);
  });

  it('rejects nonArticle ranges that are reversed or beyond the capture', () => {
    const input = valid();
    input.sources[0] = {
      ...input.sources[0]!,
      nonArticle: [{ lines: [3, 1] }, { lines: [3, 4] }, { lines: [500, 600] }],
    };
    expect(lines(input)).toEqual([
      'content/sources/news.mdx: nonArticle[0].lines: range [3, 1] ends before it starts',
      "content/sources/news.mdx: nonArticle[1].lines: range [3, 4] goes beyond the capture's last line (3)",
      "content/sources/news.mdx: nonArticle[2].lines: range [500, 600] goes beyond the capture's last line (3)",
    ]);
  });

  it('rejects a place listed twice on one event', () => {
    const input = valid();
    event(input).places = ['stepanakert', 'stepanakert'];
    expect(lines(input)).toEqual([
      'content/events/2023-09-19-operation.mdx: places[1]: place "stepanakert" is listed twice',
    ]);
  });

  it('rejects duplicate era ids and overlapping eras', () => {
    const input = valid();
    input.eras.push(
      { id: 'late', start: '2024-01-01', end: '2024-12-31' },
      { id: 'overlap', start: '2023-01-01', end: '2023-02-01' },
    );
    expect(lines(input)).toEqual([
      'content/eras.json: [1].id: duplicate era id "late"',
      'content/eras.json: [2].start: era "overlap" starts on 2023-01-01, before era "late" ends (2023-12-31): eras must not overlap',
    ]);
  });

  it('rejects a quote found in the capture but not in the body (a capture changed without its body)', () => {
    const input = valid();
    input.sources[0] = { ...input.sources[0]!, bodyBlocks: ['On Sept. 19, Baku moved.'] };
    expect(lines(input)).toEqual([
      'content/sources/news.mdx: body: the passage quoted by content/events/2023-09-19-operation.mdx claims[0] is in the capture but not in the body; bring the body in line with the capture',
    ]);
    input.sources[0] = { ...input.sources[0]!, bodyBlocks: ['On Sept. 19, Baku moved\u00a0decisively.'] };
    expect(lines(input)).toEqual([]);
  });
});
