import { describe, expect, it } from 'vitest';
import {
  allocateLengths,
  eraWeights,
  eventInstant,
  orderedEras,
  positionIn,
  timelineScale,
} from '../../src/lib/timeline/index.ts';
import { DAY, ERAS, event } from '../support/timeline-fixtures.ts';

describe('timelineScale', () => {
  const ranges: [number, number][] = ERAS.map((_, i) => [i * 100 + 10, i * 100 + 90]);
  const scale = timelineScale(ERAS, ranges);

  it('is monotonic across era boundaries, jumping the gap between them', () => {
    let previous = -Infinity;
    for (let t = Date.parse('1918-01-01'); t < Date.parse('2024-01-01'); t += 37 * DAY) {
      const pos = scale(new Date(t));
      expect(pos).toBeGreaterThanOrEqual(previous);
      previous = pos;
    }
    ERAS.slice(1).forEach((era, i) => {
      expect(scale(new Date(Date.parse(ERAS[i]!.end)))).toBeLessThan(ranges[i]![1]);
      expect(scale(new Date(Date.parse(era.start)))).toBe(ranges[i + 1]![0]);
    });
  });

  it('keeps the end of an era in that era’s piece', () => {
    const end = new Date(Date.parse('1920-12-31') + DAY);
    expect(positionIn(scale, end, ranges[0]!)).toBe(ranges[0]![1]);
  });

  it('puts an event at noon of its first day, inside its era', () => {
    expect(eventInstant(event('a', '1992-02-26', ERAS[2]!.id), ERAS[2]!).toISOString()).toBe(
      '1992-02-26T12:00:00.000Z',
    );
    // A range that starts before its era is placed at the era's start.
    expect(eventInstant(event('b', '1987-06/1988-03', ERAS[2]!.id), ERAS[2]!).toISOString()).toBe(
      '1988-01-01T00:00:00.000Z',
    );
  });

  it('orders eras by start and refuses overlapping ones', () => {
    expect(orderedEras([ERAS[3]!, ERAS[0]!]).map((e) => e.id)).toEqual([ERAS[0]!.id, ERAS[3]!.id]);
    expect(() => orderedEras([ERAS[0]!, { ...ERAS[1]!, start: '1920-06-01' }])).toThrow(/overlap/);
  });
});

describe('era weighting', () => {
  it('gives a dense era more weight than a sparse era of equal length', () => {
    const twins = [
      { id: 'a', name: 'A', start: '2000-01-01', end: '2000-12-31', description: 'd' },
      { id: 'b', name: 'B', start: '2001-01-01', end: '2001-12-31', description: 'd' },
    ];
    const events = [
      event('x1', '2000-03-01', 'a'),
      ...Array.from({ length: 9 }, (_, i) => event(`y${i}`, `2001-0${i + 1}-02`, 'b')),
    ];
    const [sparse, dense] = eraWeights(events, twins, 0.7);
    expect(dense!).toBeGreaterThan(2 * sparse!);
    expect(eraWeights([], twins, 0.7)[0]).toBeCloseTo(0.5, 2);
  });

  it('allocates the whole length, raising small parts to the floor', () => {
    const out = allocateLengths([0.01, 0.5, 0.49], 300, 50);
    expect(out.reduce((a, b) => a + b, 0)).toBeCloseTo(300, 9);
    expect(out[0]).toBe(50);
    expect(out[1]! / out[2]!).toBeCloseTo(0.5 / 0.49, 9);
  });
});
