import { describe, expect, it } from 'vitest';
import { edtfInWords } from '../../src/lib/date-words.ts';
import { edtfBounds, parseEdtf } from '../../src/lib/edtf-dates.ts';

describe('edtfBounds', () => {
  it.each([
    ['1992-02-26', '1992-02-26', '1992-02-26', 'day'],
    ['1992-02', '1992-02-01', '1992-02-29', 'month'],
    ['1994', '1994-01-01', '1994-12-31', 'year'],
    ['1992/1994', '1992-01-01', '1994-12-31', 'range'],
    ['1992-02-25/1992-02-26', '1992-02-25', '1992-02-26', 'range'],
  ])('%s spans %s to %s at %s precision', (edtf, start, end, precision) => {
    expect(edtfBounds(edtf)).toMatchObject({ start, end, precision, approximate: false, uncertain: false });
  });

  it('marks approximate and uncertain dates', () => {
    expect(edtfBounds('1921~')).toMatchObject({
      start: '1921-01-01',
      end: '1921-12-31',
      approximate: true,
      uncertain: false,
    });
    expect(edtfBounds('1988-02?')).toMatchObject({
      start: '1988-02-01',
      end: '1988-02-29',
      approximate: false,
      uncertain: true,
    });
    expect(edtfBounds('2020-11~/2021-03')).toMatchObject({ approximate: true, precision: 'range' });
  });

  it('leaves an open end open', () => {
    expect(edtfBounds('2023-09-19/..')).toMatchObject({ start: '2023-09-19', end: null });
  });

  it('refuses what is not EDTF', () => {
    expect(() => edtfBounds('26 Feb 1992')).toThrow(/not valid EDTF/);
    expect(parseEdtf('1992-13').error).toBeDefined();
  });
});

describe('edtfInWords', () => {
  it.each([
    ['1992-02-26', '26 February 1992'],
    ['1992-02', 'February 1992'],
    ['1921~', 'c. 1921'],
    ['1988-02?', 'February 1988 (uncertain)'],
    ['1992/1994', '1992 to 1994'],
    ['2023-09-19/..', 'from 19 September 2023'],
  ])('%s reads "%s"', (edtf, words) => {
    expect(edtfInWords(edtf)).toBe(words);
  });
});
