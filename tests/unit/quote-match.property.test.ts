/**
 * Property-based tests (fast-check) of quote matching (src/lib/quote-match.ts) and of the
 * validator's quote check (src/lib/validate-chronology.ts), on random Unicode articles rich in
 * the characters that trip matching up: combining marks, zero-width characters, NBSP, CR/CRLF,
 * the byte-order mark U+FEFF, typographic quotes and dashes, and any code point at all.
 *
 * 1. Every verbatim substring of one line (one paragraph) of an article is accepted: by
 *    verifyQuote when anything is left after normalisation, and by the validator when it also
 *    has a letter or digit (the project's rule against quotes of only punctuation).
 * 2. Any quote holding a character that, after the documented normalisation, is absent from
 *    the article is refused, by both.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseForMatch, verifyQuote } from '../../src/lib/quote-match.ts';
import { validateChronology, type ChronologyInput } from '../../src/lib/validate-chronology.ts';

const RUNS = 300;
const SHA = '0'.repeat(64);

/** Characters that matter to matching, each as its own unit. */
const TRICKY = [
  'a',
  'b',
  'é',
  'Ş',
  '7',
  'ß',
  'ǅ', // letters and a digit, precomposed and title-case
  '\u0301',
  '\u0327',
  '\u20DD', // combining acute, cedilla, enclosing circle
  '\u200B',
  '\u200C',
  '\u200D',
  '\u2060',
  '\uFEFF', // zero-width and the byte-order mark
  ' ',
  '\u00A0',
  '\t',
  '\r',
  '\r\n',
  '\u2028',
  '\u3000',
  '\u0085', // white space of every sort
  '\u2019',
  '\u201C',
  '\u201D',
  "'",
  '"',
  '\u2014',
  '\u2013',
  '-',
  '.',
  ',', // quotes, dashes, punctuation
];
const unit = fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));
/** One line of an article: no line feed (the article's paragraph separator). */
const line = fc.string({ unit, minLength: 1, maxLength: 40 }).map((text) => text.replace(/\n/g, ' '));
const article = fc.array(line, { minLength: 1, maxLength: 4 });

const QUOTABLE = /[\p{L}\p{N}]/u;

/** A one-source, one-event chronology whose only claim quotes `quote` from `lines`. */
function chronologyQuoting(lines: readonly string[], quote: string): ChronologyInput {
  return {
    sources: [
      {
        id: 'src',
        file: 'src.mdx',
        capture: { file: 'src.txt', sha256: SHA },
        nonArticle: [],
        captureText: lines.join('\n'),
        captureSha256: SHA,
      },
    ],
    events: [
      {
        id: '2000-event',
        file: 'event.mdx',
        data: {
          date: '2000',
          dateBasis: { kind: 'inferred' },
          era: 'all',
          places: [],
          claims: [{ id: 'c', source: 'src', quote }],
          disputes: [],
        },
      },
    ],
    placeIds: [],
    eras: [{ id: 'all', start: '1918-01-01', end: '2023-12-31' }],
    eventFiles: ['event.mdx'],
  };
}

describe('quote matching, for random Unicode articles', () => {
  it('accepts every verbatim substring of one line', () => {
    fc.assert(
      fc.property(article, fc.nat(), fc.nat(), fc.nat(), (lines, pick, from, length) => {
        const text = lines[pick % lines.length]!;
        const start = from % text.length;
        const quote = text.slice(start, start + 1 + (length % (text.length - start)));
        fc.pre(normaliseForMatch(quote).length > 0);
        expect(verifyQuote(lines.join('\n'), quote)).toBe(true);
        if (QUOTABLE.test(quote)) expect(validateChronology(chronologyQuoting(lines, quote))).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses any quote holding a character absent from the normalised article', () => {
    fc.assert(
      fc.property(
        article,
        unit,
        fc.string({ unit, maxLength: 10 }),
        fc.string({ unit, maxLength: 10 }),
        (lines, foreign, before, after) => {
          const quote = `${before}${foreign}${after}`;
          const normalisedArticle = normaliseForMatch(lines.join('\n'));
          const absent = [...normaliseForMatch(quote)].some((char) => !normalisedArticle.includes(char));
          fc.pre(absent);
          expect(verifyQuote(lines.join('\n'), quote)).toBe(false);
          expect(validateChronology(chronologyQuoting(lines, quote))).toEqual([
            expect.objectContaining({ field: 'claims[0].quote' }),
          ]);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('the documented normalisation: White_Space collapses, U+FEFF and zero-width characters do not', () => {
    expect(normaliseForMatch('a\u00A0\r\n\u2028\u3000\u0085b')).toBe('a b');
    for (const invisible of ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'])
      expect(normaliseForMatch(`a${invisible}b`)).toBe(`a${invisible}b`);
    expect(verifyQuote('civilians were', 'civilians\uFEFFwere')).toBe(false);
    expect(normaliseForMatch('\u2018x\u2019 \u201Cy\u201D \u2014 \u2212')).toBe('\'x\' "y" - -');
  });
});
