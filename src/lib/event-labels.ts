/**
 * What the timeline says about one event beside its title: whether it is disputed, the
 * sources that report it, how important it is for the overview's few labels, and its
 * accessible name.
 */
import { edtfInWords } from './date-words.ts';
import type { ChronologyEvent } from './model.ts';

/** True when sources disagree about the event. */
export const isDisputed = (event: Pick<ChronologyEvent, 'disputes'>): boolean => event.disputes.length > 0;

/** Source ids in the order the event first cites them. */
export const sourcesOf = (event: Pick<ChronologyEvent, 'claims'>): string[] => [
  ...new Set(event.claims.map((claim) => claim.source)),
];

/**
 * How much an event matters for a label in the overview: the number of sources that report
 * it plus the number of questions they disagree on. Ties go to the earlier event.
 */
export const eventImportance = (event: Pick<ChronologyEvent, 'claims' | 'disputes'>): number =>
  sourcesOf(event).length + event.disputes.length;

/** The accessible name of an event's mark: "25 February 1992 to 26 February 1992: Title (disputed)". */
export function markName(event: Pick<ChronologyEvent, 'date' | 'title' | 'disputes'>): string {
  return `${edtfInWords(event.date)}: ${event.title}${isDisputed(event) ? ' (disputed)' : ''}`;
}
