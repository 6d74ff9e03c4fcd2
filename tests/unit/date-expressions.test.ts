import { describe, expect, it } from 'vitest';
import { dateExpressionsIn, monthsIn, relativeDateExpressionsIn, yearsIn } from '../../src/lib/date-expressions.ts';

describe('yearsIn', () => {
  it('finds years, including one followed by punctuation', () => {
    expect([...yearsIn('In 1923, the Soviets acted; by 2023.')]).toEqual([1923, 2023]);
  });
  it('expands written ranges and decades', () => {
    expect([...yearsIn('in 1918–1920')]).toEqual([1918, 1919, 1920]);
    expect([...yearsIn('in 1991-94')]).toEqual([1991, 1992, 1993, 1994]);
    expect(yearsIn('in the late 1990s').has(1997)).toBe(true);
  });
  it('does not take other numbers for years', () => {
    expect(
      [...yearsIn('613 civilians; 1,500 people; 29,800 sq.km; 12000 troops; 1600s')].filter((y) => y !== 1600),
    ).toEqual([]);
    expect([...yearsIn('2,020 soldiers and 3.2020 units')]).toEqual([]);
  });
});

describe('monthsIn', () => {
  it('finds full and abbreviated month names', () => {
    expect([...monthsIn('On Sept. 19 and in February, then Oct 4')]).toEqual([9, 2, 10]);
  });
  it('does not take the verb "may" or a bare abbreviation for a month', () => {
    expect([...monthsIn('Baku may march on; the Dec of independence')]).toEqual([]);
    expect([...monthsIn('In May 2023')]).toEqual([5]);
  });
});

describe('relative and all date expressions', () => {
  it('finds relative expressions', () => {
    expect(relativeDateExpressionsIn('Two days later, and that night, on the eve of talks')).toEqual([
      'Two days later',
      'that night',
      'the eve of',
    ]);
    expect(relativeDateExpressionsIn('the following day')).toEqual(['the following day']);
  });
  it('finds nothing in a sentence without a date', () => {
    expect(dateExpressionsIn('The sources disagree about the toll.')).toEqual([]);
  });
  it('lists years, months and relative expressions', () => {
    expect(dateExpressionsIn('On Sept. 19, 2023, weeks later')).toEqual(['2023', 'Sept.', 'weeks later']);
  });
});
