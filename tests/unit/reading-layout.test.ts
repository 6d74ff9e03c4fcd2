import { describe, expect, it } from 'vitest';
import { compareEvents } from '../../src/lib/model.ts';
import { MAX_GAP_STEPS, layoutReading } from '../../src/lib/timeline/index.ts';
import { DAY, ERAS, event, synthetic } from '../support/timeline-fixtures.ts';

const EVENTS = synthetic(300, 9);

describe('layoutReading', () => {
  const layout = layoutReading(EVENTS, ERAS);
  const flat = layout.flatMap((era) => era.years.flatMap((year) => year.events));

  it('lists every event once, in strict date order (start, then end) within each era, eras and years in order', () => {
    const expected = ERAS.flatMap((era) => EVENTS.filter((e) => e.era === era.id).sort(compareEvents));
    expect(flat.map((item) => item.event.id)).toEqual(expected.map((e) => e.id));
    // Across the whole list, as the timeline promises readers: no event ends before the one read just before it began.
    flat.slice(1).forEach((item, i) => {
      const before = flat[i]!.event.bounds;
      expect(
        item.event.bounds.end === null || item.event.bounds.end >= before.start,
        `${item.event.id} after ${flat[i]!.event.id}`,
      ).toBe(true);
    });
    for (const era of layout) {
      const years = era.years.map((y) => y.year);
      expect(years).toEqual([...years].sort());
      for (const year of era.years)
        for (const item of year.events)
          expect(item.event.bounds.start.startsWith(year.year) || item.event.bounds.start < era.era.start).toBe(true);
    }
  });

  it('spaces events in proportion to the time between them, and marks the gaps it shortens', () => {
    for (const era of layout) {
      let previous = era.era.start;
      for (const item of era.years.flatMap((y) => y.events)) {
        const start = item.event.bounds.start < era.era.start ? era.era.start : item.event.bounds.start;
        const steps = (Date.parse(start) - Date.parse(previous)) / DAY / era.daysPerStep;
        previous = start;
        expect(item.spaceBefore).toBeLessThanOrEqual(MAX_GAP_STEPS);
        if (Math.round(steps) > MAX_GAP_STEPS) {
          expect(item.spaceBefore).toBe(MAX_GAP_STEPS);
          expect(item.compressedGap).toBeTruthy();
        } else {
          expect(item.compressedGap).toBeUndefined();
          expect(Math.abs(item.spaceBefore - steps)).toBeLessThanOrEqual(0.5);
        }
      }
    }
    expect(flat.some((item) => item.compressedGap)).toBe(true);
    expect(flat.some((item) => item.spaceBefore > 0 && !item.compressedGap)).toBe(true);
  });

  it('says how long a shortened gap really is', () => {
    const era = ERAS[1]!;
    // Twenty events in 1921 make one step about 580 days: the 59 years to 1980 are far more than the longest space drawn.
    const crowded = Array.from({ length: 20 }, (_, i) =>
      event(`a${i}`, `1921-02-${String(i + 1).padStart(2, '0')}`, era.id),
    );
    const [only] = layoutReading([...crowded, event('b', '1980-02-01', era.id)], [era]);
    const later = only!.years[1]!.events[0]!;
    expect(later.spaceBefore).toBe(MAX_GAP_STEPS);
    expect(later.compressedGap).toBe('about 58 years 11 months'); // from 20 February 1921 to 31 January 1980
    // Two events alone in the era: one step is about 6,000 days, so the same gap is drawn to scale.
    const [sparse] = layoutReading([event('a', '1921-02-01', era.id), event('b', '1980-02-01', era.id)], [era]);
    expect(sparse!.years[1]!.events[0]!.compressedGap).toBeUndefined();
  });
});
