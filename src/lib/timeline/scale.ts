/**
 * The time axis: a piecewise d3 UTC scale with one linear piece per era. Each piece gets a
 * length mixing the era's share of events and its share of time, so 1921–1987 does not
 * swallow the drawing and September 2023 is not a smudge. Because that breaks "equal
 * distance, equal time" across eras, every era carries its own ticks and a visible break
 * from the next (the drawing's legend says so).
 */
import { scaleUtc, type ScaleTime } from 'd3-scale';
import { utcDay } from 'd3-time';
import { utcDate } from '../date-words.ts';
import type { ChronologyEvent, Era } from '../model.ts';

/** Code-unit order of ISO days: independent of the build machine's locale. */
const compareText = (first: string, second: string): number => (first < second ? -1 : first > second ? 1 : 0);

export { utcDate };

/** ISO day of a UTC date. */
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/** The half-open instant range [first day, day after the last) an era covers. */
export function eraRange(era: Pick<Era, 'start' | 'end'>): [Date, Date] {
  return [utcDate(era.start), utcDay.offset(utcDate(era.end), 1)];
}

/** Eras ordered by start, refusing overlaps: the piecewise scale needs an ordered domain. */
export function orderedEras(eras: readonly Era[]): Era[] {
  const sorted = [...eras].sort((first, second) => compareText(first.start, second.start));
  sorted.forEach((era, index) => {
    const previous = sorted[index - 1];
    if (previous && previous.end >= era.start) throw new Error(`eras ${previous.id} and ${era.id} overlap`);
  });
  return sorted;
}

/**
 * Each era's weight: `countWeight` of it from the era's share of the events, the rest from
 * its share of the total time. With no events at all, time alone decides.
 */
export function eraWeights(events: readonly ChronologyEvent[], eras: readonly Era[], countWeight: number): number[] {
  const counts = eras.map((era) => events.filter((event) => event.era === era.id).length);
  const durations = eras.map((era) => utcDay.count(...eraRange(era)));
  const totalCount = counts.reduce((sum, count) => sum + count, 0);
  const totalDuration = durations.reduce((sum, days) => sum + days, 0);
  const weightOfCount = totalCount === 0 ? 0 : countWeight;
  return eras.map(
    (_, index) =>
      (weightOfCount * (counts[index] ?? 0)) / Math.max(totalCount, 1) +
      ((1 - weightOfCount) * (durations[index] ?? 0)) / totalDuration,
  );
}

/** Rounding slack when comparing lengths. */
const EPSILON = 1e-9;

/**
 * Splits `total` in proportion to `weights`, but never gives a part less than `min` (or
 * total/n if that is smaller): parts below the floor are raised to it and the rest is
 * shared again among the others, until nothing is below it.
 */
export function allocateLengths(weights: readonly number[], total: number, min: number): number[] {
  const count = weights.length;
  const floor = Math.min(min, total / Math.max(count, 1));
  const fixed = weights.map(() => false);
  for (;;) {
    const freeWeights = weights.filter((_, index) => !fixed[index]);
    const freeWeight = freeWeights.reduce((sum, weight) => sum + weight, 0);
    const freeTotal = total - floor * (count - freeWeights.length);
    const lengths = weights.map((weight, index) =>
      fixed[index] ? floor : freeWeight > 0 ? (freeTotal * weight) / freeWeight : freeTotal / freeWeights.length,
    );
    const tooShort = (length: number, index: number) => !fixed[index] && length < floor - EPSILON;
    if (!lengths.some(tooShort)) return lengths;
    lengths.forEach((length, index) => {
      if (tooShort(length, index)) fixed[index] = true;
    });
  }
}

/**
 * The piecewise time scale: era i's days [start, end] map linearly onto [from_i, to_i],
 * and nothing maps into the gaps between eras. Contiguous eras give repeated domain
 * values (one era's exclusive end is the next one's start); d3 resolves those to the later
 * piece, which `positionIn` clamps back for an era's own end.
 */
export function timelineScale(eras: readonly Era[], ranges: readonly [number, number][]): ScaleTime<number, number> {
  return scaleUtc<number>()
    .domain(eras.flatMap((era) => eraRange(era)))
    .range(ranges.flatMap(([from, to]) => [from, to]));
}

/** Position of `date` on the axis, kept inside the piece of the era it belongs to. */
export function positionIn(scale: ScaleTime<number, number>, date: Date, range: readonly [number, number]): number {
  return Math.min(Math.max(scale(date), range[0]), range[1]);
}

/** Where an event sits on its era's stretch of axis: the middle of its first day, kept inside the era. */
export function eventInstant(event: Pick<ChronologyEvent, 'bounds'>, era: Pick<Era, 'start' | 'end'>): Date {
  const [eraStart, eraEnd] = eraRange(era);
  const noon = +utcDate(event.bounds.start) + utcDay.offset(new Date(0), 1).getTime() / 2;
  return new Date(Math.min(Math.max(noon, +eraStart), +eraEnd - 1));
}
