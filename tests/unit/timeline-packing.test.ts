import { describe, expect, it } from 'vitest';
import { LabelRows, dodge, packLanes } from '../../src/lib/timeline/index.ts';
import { random } from '../support/timeline-fixtures.ts';

describe('packing', () => {
  it('puts intervals in lanes where no two in a lane touch, using no more lanes than needed', () => {
    expect(
      packLanes(
        [
          [0, 10],
          [5, 15],
          [11, 20],
          [12, 30],
          [21, 25],
        ],
        1,
      ),
    ).toEqual([0, 1, 0, 2, 0]);
    const rand = random(3);
    const intervals = Array.from({ length: 300 }, () => {
      const start = rand() * 1000;
      return [start, start + 5 + rand() * 80] as const;
    });
    const lanes = packLanes(intervals, 0);
    const depth = Math.max(...intervals.map(([s]) => intervals.filter(([a, b]) => a <= s && s < b).length));
    expect(Math.max(...lanes) + 1).toBe(depth);
  });

  it('dodges boxes apart inside their interval', () => {
    expect(dodge([0, 0, 0, 95], [10, 10, 10, 10], 0, 100, 2)).toEqual([0, 12, 24, 90]);
    expect(dodge([90, 90, 90], [30, 30, 30], 0, 100, 5)).toEqual([0, 35, 70]);
  });

  it('places a label in the lowest free row, and keeps labels off each other’s leaders', () => {
    const rows = new LabelRows(3, 4);
    expect(rows.tryPlace([[0, 100]], 5)?.row).toBe(0);
    expect(rows.tryPlace([[200, 300]], 290)?.row).toBe(0);
    // Meets both: goes up a row; its leader (x = 150) runs down through row 0 between them.
    expect(rows.tryPlace([[90, 210]], 150)?.row).toBe(1);
    // Fits in row 0 between the first label and that leader.
    expect(rows.tryPlace([[120, 140]], 120)?.row).toBe(0);
    // Would cover the leader in row 0, the label in row 1, and its own leader would run down the first one's.
    expect(rows.tryPlace([[145, 155]], 150)).toBeUndefined();
    expect(rows.tryPlace([[400, 500]], 405)?.row).toBe(0);
    // The first place is taken in row 0, the second is free there: row 0, second span.
    expect(
      rows.tryPlace(
        [
          [450, 550],
          [510, 560],
        ],
        555,
      ),
    ).toEqual({ row: 0, span: 1 });
  });
});
