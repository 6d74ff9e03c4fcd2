import { describe, expect, it } from 'vitest';
import { utcDay, utcMonday, utcMonth, utcYear } from 'd3-time';
import { eraTicks, keepReadableTicks, tickInterval, tickLabels, timelineScale } from '../../src/lib/timeline/index.ts';
import { ERAS } from '../support/timeline-fixtures.ts';

describe('ticks', () => {
  it('takes intervals from d3-time', () => {
    const from = new Date('2023-01-01T00:00:00Z');
    const to = new Date('2024-01-01T00:00:00Z');
    const days = (unit: 'year' | 'month' | 'week' | 'day', step: number) =>
      tickInterval({ unit, step })
        .range(from, to)
        .map((d) => d.toISOString().slice(0, 10));
    expect(days('month', 3)).toEqual(['2023-01-01', '2023-04-01', '2023-07-01', '2023-10-01']);
    expect(days('year', 1)).toEqual(utcYear.range(from, to).map((d) => d.toISOString().slice(0, 10)));
    expect(days('month', 1)).toHaveLength(utcMonth.count(from, to));
    expect(days('week', 1)[0]).toBe(utcMonday.ceil(from).toISOString().slice(0, 10));
    expect(days('day', 1)).toHaveLength(utcDay.count(from, to));
  });

  it('names the larger unit only when it changes', () => {
    const dates = ['2023-09-01', '2023-10-01', '2024-01-01'].map((d) => new Date(`${d}T00:00:00Z`));
    expect(tickLabels(dates, 'month').map((t) => t.label)).toEqual(['Sep 2023', 'Oct', 'Jan 2024']);
    const days = ['2023-09-25', '2023-10-02', '2023-10-09'].map((d) => new Date(`${d}T00:00:00Z`));
    expect(tickLabels(days, 'week').map((t) => t.label)).toEqual(['25 Sep', '2 Oct', '9']);
  });

  it('chooses the finest interval whose labels keep apart, at their place on the scale', () => {
    const era = ERAS[4]!; // 45 days
    const range: [number, number] = [0, 600];
    const scale = timelineScale([era], [range]);
    const { unit, ticks } = eraTicks(
      era,
      scale,
      range,
      11,
      (tick, next) => !next || next.pos - tick.pos >= tick.width + 10,
    );
    expect(['week', 'day']).toContain(unit.unit);
    for (const tick of ticks) expect(tick.pos).toBeCloseTo(scale(tick.date), 6);
    const coarse = eraTicks(era, scale, [0, 60], 11, (tick, next) => !next || next.pos - tick.pos >= tick.width + 10);
    expect(coarse.ticks.length).toBeLessThan(ticks.length);
  });

  const tick = (eraId: string, lo: number) => ({ eraId, lo, hi: lo + 10 });
  it('drops a colliding tick, and one that leaves the drawing', () => {
    expect(keepReadableTicks([tick('a', -5), tick('a', 0), tick('a', 5), tick('a', 20)], -1, 100, 2)).toEqual([
      tick('a', 0),
      tick('a', 20),
    ]);
  });
  it('prefers the first tick of an era to the last tick of the era before, but never takes an era’s only tick', () => {
    expect(keepReadableTicks([tick('a', 0), tick('a', 20), tick('b', 25)], 0, 100, 2)).toEqual([
      tick('a', 0),
      tick('b', 25),
    ]);
    expect(keepReadableTicks([tick('a', 0), tick('b', 5)], 0, 100, 2)).toEqual([tick('a', 0)]);
  });
});
