/**
 * The reading view: the chronology as text down a vertical time axis. Eras are headings,
 * years are markers, events follow in strict date order (start, then end). Within an era the
 * space between two events follows the time between them, in steps; a gap longer than
 * MAX_GAP_STEPS is drawn at that length and says in words how long it really is, so the
 * compression is marked rather than hidden.
 */
import { utcDay } from 'd3-time';
import { durationInWords, eraDatesInWords, utcDate } from '../date-words.ts';
import { groupByEraAndYear } from '../chronology-groups.ts';
import type { ChronologyEvent, Era } from '../model.ts';
import { eraRange } from './scale.ts';
import type { ReadingEra, ReadingEvent } from './types.ts';

/** Each event of an era buys this many steps of space for the time before it, on average. */
export const STEPS_PER_EVENT = 2;
/** The longest space drawn to scale; longer gaps are drawn this long and marked. */
export const MAX_GAP_STEPS = 6;

/** The day before an ISO day. */
const dayBefore = (iso: string) => utcDay.offset(utcDate(iso), -1).toISOString().slice(0, 10);

/**
 * The reading view of `events`: per era (in order, empty eras left out), the time one step
 * stands for, and per year the events with the space before each.
 */
export function layoutReading(events: readonly ChronologyEvent[], eras: readonly Era[]): ReadingEra[] {
  return groupByEraAndYear(events, eras).map(({ era, years }) => {
    const count = years.reduce((sum, year) => sum + year.events.length, 0);
    const eraDays = utcDay.count(...eraRange(era));
    const daysPerStep = Math.max(1, eraDays / (count * STEPS_PER_EVENT));
    let previousStart = era.start;
    return {
      era,
      dates: eraDatesInWords(era),
      duration: durationInWords(era.start, era.end),
      daysPerStep,
      years: years.map(({ year, events: list }) => ({
        year,
        events: list.map((event): ReadingEvent => {
          const start = event.bounds.start < era.start ? era.start : event.bounds.start;
          const days = utcDay.count(utcDate(previousStart), utcDate(start));
          const steps = Math.round(days / daysPerStep);
          const gapFrom = previousStart;
          previousStart = start;
          if (steps <= MAX_GAP_STEPS) return { event, spaceBefore: steps };
          return { event, spaceBefore: MAX_GAP_STEPS, compressedGap: durationInWords(gapFrom, dayBefore(start)) };
        }),
      })),
    };
  });
}
