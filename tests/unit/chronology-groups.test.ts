import { describe, expect, it } from 'vitest';
import { groupByEraAndYear, splitByYears, stripWindow } from '../../src/lib/chronology-groups.ts';
import { ERAS, event } from '../support/timeline-fixtures.ts';

describe('grouping', () => {
  const events = [
    event('b', '1992-02-26', 'movement-and-war-1988-1994'),
    event('a', '1988-02', 'movement-and-war-1988-1994'),
    event('c', '2020-10-01', 'war-2020'),
    event('d', '1992-05-08', 'movement-and-war-1988-1994'),
  ];

  it('groups events by era and year, in order, leaving out empty eras', () => {
    const groups = groupByEraAndYear(events, ERAS);
    expect(groups.map((g) => [g.era.id, g.years.map((y) => [y.year, y.events.map((e) => e.id)])])).toEqual([
      [
        'movement-and-war-1988-1994',
        [
          ['1988', ['a']],
          ['1992', ['b', 'd']],
        ],
      ],
      ['war-2020', [['2020', ['c']]]],
    ]);
  });

  it('cuts the strip to the neighbours around the current event, within its era', () => {
    const strip = stripWindow(events, 'd', ERAS, 1);
    expect(strip.era.id).toBe('movement-and-war-1988-1994');
    expect(strip.events.map((e) => e.id)).toEqual(['b', 'd']);
    expect([strip.before, strip.after]).toEqual([1, 0]);
  });
});

describe('splitByYears', () => {
  const era = 'soviet-1921-1987';
  const inYear = (year: number, count: number) =>
    Array.from({ length: count }, (_, i) => event(`${year}-${i}`, `${year}-01-${String(i + 1).padStart(2, '0')}`, era));

  it('merges consecutive years while they fit, in date order, and keeps every event once', () => {
    const events = [...inYear(1925, 2), ...inYear(1921, 3), ...inYear(1922, 2), ...inYear(1930, 4)].reverse();
    const parts = splitByYears(events, 5);
    expect(parts.map((p) => [p.slug, p.label, p.events.length])).toEqual([
      ['1921-1922', '1921–1922', 5],
      ['1925', '1925', 2],
      ['1930', '1930', 4],
    ]);
    expect(parts.flatMap((p) => p.events.map((e) => e.id)).sort()).toEqual(events.map((e) => e.id).sort());
  });

  it('cuts a year with more events than a page holds into numbered parts, none over the limit', () => {
    const parts = splitByYears([...inYear(1921, 1), ...inYear(1922, 12)], 5);
    expect(parts.map((p) => [p.slug, p.events.length])).toEqual([
      ['1921', 1],
      ['1922-1', 5],
      ['1922-2', 5],
      ['1922-3', 2],
    ]);
    expect(parts[2]!.label).toBe('1922 (part 2 of 3)');
  });

  it('refuses a limit below one', () => {
    expect(() => splitByYears([], 0)).toThrow(/limit/);
  });
});
