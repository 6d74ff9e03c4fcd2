import { describe, expect, it } from 'vitest';
import { edtfBounds } from '../../src/lib/edtf-dates.ts';
import {
  MONTH_NAMES,
  datetimeValue,
  durationInWords,
  edtfInWords,
  eraDatesInWords,
  monthName,
  shortDate,
  shortMonthName,
} from '../../src/lib/date-words.ts';
import { ERAS } from '../support/timeline-fixtures.ts';

describe('date words', () => {
  it('has one month table, with short names derived from it', () => {
    expect(MONTH_NAMES).toHaveLength(12);
    expect([monthName(2), monthName('09'), shortMonthName(9), shortMonthName(13)]).toEqual([
      'February',
      'September',
      'Sep',
      undefined,
    ]);
  });

  it('words EDTF dates with their precision', () => {
    expect(edtfInWords('1992-02-26')).toBe('26 February 1992');
    expect(edtfInWords('1921~')).toBe('c. 1921');
    expect(edtfInWords('1988-02?')).toBe('February 1988 (uncertain)');
    expect(edtfInWords('1992/1994')).toBe('1992 to 1994');
    expect(edtfInWords('2023-09-19/..')).toBe('from 19 September 2023');
  });

  it('gives a length in days, or in years and months', () => {
    expect(durationInWords('2020-09-27', '2020-11-10')).toBe('45 days');
    expect(durationInWords('1918-01-01', '1920-12-31')).toBe('3 years');
    expect(durationInWords('1995-01-01', '2020-09-26')).toBe('about 25 years 9 months');
    expect(durationInWords('2023-09-19', '2023-12-31')).toBe('104 days');
  });

  it('gives an era’s dates', () => {
    expect(eraDatesInWords(ERAS[0]!)).toBe('1918–1920');
    expect(eraDatesInWords(ERAS[4]!)).toBe('27 Sep – 10 Nov 2020');
    expect(eraDatesInWords(ERAS[3]!)).toBe('1 Jan 1995 – 26 Sep 2020');
  });

  it('writes short dates with their qualifiers', () => {
    expect(shortDate(edtfBounds('1992-02-25/1992-02-26'))).toBe('25–26 Feb 1992');
    expect(shortDate(edtfBounds('1992/1994'))).toBe('1992–1994');
    expect(shortDate(edtfBounds('2023-09-19/..'))).toBe('from 19 Sep 2023');
    expect(shortDate(edtfBounds('1921~'))).toBe('~1921');
    expect(shortDate(edtfBounds('1988-02?'))).toBe('Feb 1988?');
  });

  it('gives a valid <time datetime> at the date’s own precision', () => {
    expect(datetimeValue('1992')).toBe('1992');
    expect(datetimeValue('1988-02?')).toBe('1988-02');
    expect(datetimeValue('1992-02-25/1992-02-26')).toBe('1992-02-25');
  });
});
