/**
 * Ticks of the time axis: each era gets its own, from the finest d3-time interval whose
 * labels fit, and labels name the larger unit only when it changes ("Sep 2023", "Oct").
 */
import type { ScaleTime } from 'd3-scale';
import { utcDay, utcMonday, utcMonth, utcYear, type TimeInterval } from 'd3-time';
import { shortMonthName } from '../date-words.ts';
import type { Era } from '../model.ts';
import { eraRange, positionIn } from './scale.ts';
import { estimateTextWidth } from './text-measure.ts';
import type { TickUnit } from './types.ts';

/** Years divisible by this are major ticks. */
const MAJOR_YEAR_STEP = 10;

/** Candidate tick intervals, coarse to fine; each era uses the finest whose labels fit. */
export const TICK_LADDER: readonly TickUnit[] = [
  ...[100, 50, 25, 20, 10, 5, 2, 1].map((step) => ({ unit: 'year' as const, step })),
  ...[6, 3, 1].map((step) => ({ unit: 'month' as const, step })),
  ...[2, 1].map((step) => ({ unit: 'week' as const, step })),
  { unit: 'day', step: 1 },
];

/** The d3-time interval of a tick unit (weeks start on Monday). */
export function tickInterval({ unit, step }: TickUnit): TimeInterval {
  const base = { year: utcYear, month: utcMonth, week: utcMonday, day: utcDay }[unit];
  return base.every(step) ?? base;
}

/**
 * Tick labels that name the larger unit only when it changes: "Sep 2023", "Oct", "Nov";
 * "25 Sep", "2 Oct", "9", "16". The first tick of an era always names it in full.
 */
export function tickLabels(dates: readonly Date[], unit: TickUnit['unit']): { label: string; major: boolean }[] {
  return dates.map((date, index) => {
    const previous = dates[index - 1];
    const year = date.getUTCFullYear();
    const month = shortMonthName(date.getUTCMonth() + 1) ?? '';
    if (unit === 'year') return { label: String(year), major: year % MAJOR_YEAR_STEP === 0 };
    if (unit === 'month') {
      const major = !previous || previous.getUTCFullYear() !== year;
      return { label: major ? `${month} ${year}` : month, major };
    }
    const major = !previous || previous.getUTCMonth() !== date.getUTCMonth();
    return { label: major ? `${date.getUTCDate()} ${month}` : String(date.getUTCDate()), major };
  });
}

export interface TickCandidate {
  date: Date;
  pos: number;
  label: string;
  major: boolean;
  width: number;
}

/**
 * The ticks of one era: from the finest interval of TICK_LADDER whose labels keep at least
 * `fits(a, b)` apart. The coarsest intervals always fit (they give one tick or none), so
 * this never fails.
 */
export function eraTicks(
  era: Era,
  scale: ScaleTime<number, number>,
  range: readonly [number, number],
  fontSize: number,
  fits: (tick: TickCandidate, next: TickCandidate | undefined) => boolean,
): { unit: TickUnit; ticks: TickCandidate[] } {
  const [start, end] = eraRange(era);
  let best: { unit: TickUnit; ticks: TickCandidate[] } = { unit: TICK_LADDER[0]!, ticks: [] };
  for (const unit of TICK_LADDER) {
    const dates = tickInterval(unit).range(start, end);
    const labels = tickLabels(dates, unit.unit);
    const ticks = dates.map((date, index) => ({
      date,
      pos: positionIn(scale, date, range),
      ...labels[index]!,
      width: estimateTextWidth(labels[index]!.label, fontSize),
    }));
    if (!ticks.every((tick, index) => fits(tick, ticks[index + 1]))) break;
    best = { unit, ticks };
  }
  return best;
}

/**
 * Drops tick labels that would collide with the previous kept one, or leave the drawing.
 * Where two eras meet, the later era's first tick wins over the earlier era's last one
 * (unless that is the earlier era's only tick): the first tick of an era names its year or
 * month in full, and the ticks after it lean on it.
 */
export function keepReadableTicks<T extends { lo: number; hi: number; eraId: string }>(
  ticks: T[],
  min: number,
  max: number,
  gap: number,
): T[] {
  const kept: T[] = [];
  const collides = (before: T | undefined, tick: T) => before !== undefined && tick.lo < before.hi + gap;
  const keptIn = (eraId: string) => kept.filter((tick) => tick.eraId === eraId).length;
  for (const tick of ticks) {
    if (tick.lo < min || tick.hi > max) continue;
    const last = kept.at(-1);
    if (collides(last, tick)) {
      const firstOfEra = last!.eraId !== tick.eraId;
      if (!firstOfEra || keptIn(last!.eraId) < 2 || collides(kept.at(-2), tick)) continue;
      kept.pop();
    }
    kept.push(tick);
  }
  return kept;
}
