/**
 * Packing things side by side without overlap: interval lanes, one-dimensional dodging, and
 * rows of label intervals with the vertical leader lines that cross them.
 */

/**
 * Greedy interval packing: intervals taken by start, each into the first lane where it
 * begins at least `gap` after the lane's last end. Optimal in the number of lanes for
 * intervals, and it guarantees intervals in one lane are disjoint.
 */
export function packLanes(intervals: readonly (readonly [number, number])[], gap: number): number[] {
  const order = intervals
    .map((_, index) => index)
    .sort((first, second) => intervals[first]![0] - intervals[second]![0] || first - second);
  const ends: number[] = [];
  const lanes = intervals.map(() => 0);
  for (const index of order) {
    const [start, end] = intervals[index]!;
    let lane = ends.findIndex((laneEnd) => laneEnd + gap <= start);
    if (lane === -1) lane = ends.length;
    ends[lane] = end;
    lanes[index] = lane;
  }
  return lanes;
}

/**
 * One-dimensional dodging: places boxes of `sizes` as near their `targets` as they can get,
 * in order, `gap` apart and inside [low, high]. A forward pass pushes boxes past their
 * predecessor, a backward pass pulls them back from `high`; when the sizes fit in the
 * interval, the result is inside it and disjoint.
 */
export function dodge(
  targets: readonly number[],
  sizes: readonly number[],
  low: number,
  high: number,
  gap: number,
): number[] {
  const placed: number[] = [];
  targets.forEach((target, index) => {
    const previousEnd = index === 0 ? low - gap : placed[index - 1]! + sizes[index - 1]!;
    placed.push(Math.max(target, low, previousEnd + gap));
  });
  for (let index = placed.length - 1; index >= 0; index--) {
    const limit = index === placed.length - 1 ? high : placed[index + 1]! - gap;
    placed[index] = Math.min(placed[index]!, limit - sizes[index]!);
  }
  return placed;
}

/**
 * Rows of occupied intervals, for labels stacked in rows above their marks: a label in row
 * `row` takes [from, to] in that row, and its leader, a vertical line at `leaderAt`, crosses
 * every row below it (rows 0 … row-1, row 0 being nearest the marks). `tryPlace` puts a label
 * in the lowest row where neither it nor its leader touches anything already placed.
 */
export class LabelRows {
  private readonly rows: [number, number][][];

  constructor(
    rowCount: number,
    /** Least space between two things in one row. */
    private readonly gap: number,
  ) {
    this.rows = Array.from({ length: rowCount }, () => []);
  }

  private free(row: number, from: number, to: number): boolean {
    return this.rows[row]!.every(([start, end]) => to + this.gap <= start || end + this.gap <= from);
  }

  /**
   * Places a label in the lowest row where one of its `spans` (alternative [from, to] places,
   * in order of preference) and its leader are clear. Returns the row and the span chosen, or
   * undefined when no row has room.
   */
  tryPlace(spans: readonly (readonly [number, number])[], leaderAt: number): { row: number; span: number } | undefined {
    for (let row = 0; row < this.rows.length; row++) {
      if (![...Array(row).keys()].every((below) => this.free(below, leaderAt, leaderAt))) continue;
      const span = spans.findIndex(([from, to]) => this.free(row, from, to));
      if (span === -1) continue;
      this.rows[row]!.push([spans[span]![0], spans[span]![1]]);
      for (let below = 0; below < row; below++) this.rows[below]!.push([leaderAt, leaderAt]);
      return { row, span };
    }
    return undefined;
  }
}
