/**
 * Two sources read against each other: which events both report (with each one's claims),
 * which only one reports, and on which shared events the editors recorded a disagreement
 * between them (a dispute with a position from each). Counts only; nothing here judges.
 */
import type { ChronologyEvent, Claim, Dispute, Source } from './model.ts';
import { compareText, sortedBy } from './order.ts';

/** Two source ids in code-unit order, so every pair has exactly one URL whatever sources exist. */
export function orderedPairIds(first: string, second: string): [string, string] {
  if (first === second) throw new Error(`a source cannot be compared with itself: ${first}`);
  return compareText(first, second) < 0 ? [first, second] : [second, first];
}

/** A pair of sources, `a` before `b` in code-unit order of their ids. */
export interface SourcePair {
  a: Source;
  b: Source;
}

/** Every pair of distinct sources, each once, ordered by the ids of `a` then `b`. */
export function sourcePairs(sources: readonly Source[]): SourcePair[] {
  const sorted = sortedBy(sources, (source) => source.id);
  return sorted.flatMap((a, i) => sorted.slice(i + 1).map((b) => ({ a, b })));
}

/** The pairs that include one source, with that source's counterpart first in each. */
export function pairsWith(sources: readonly Source[], sourceId: string): Array<SourcePair & { other: Source }> {
  return sourcePairs(sources)
    .filter(({ a, b }) => a.id === sourceId || b.id === sourceId)
    .map((pair) => ({ ...pair, other: pair.a.id === sourceId ? pair.b : pair.a }));
}

/** An event both sources report, with each one's claims and the disputes that set them against each other. */
export interface SharedEvent {
  event: ChronologyEvent;
  claimsA: Claim[];
  claimsB: Claim[];
  /** Disputes of the event holding a position from each of the two sources (empty: no recorded disagreement). */
  disagreements: Dispute[];
}

export interface PairComparison extends SourcePair {
  /** Events both report, in chronological order. */
  shared: SharedEvent[];
  /** Events only `a` reports (of the two), in chronological order. */
  onlyA: ChronologyEvent[];
  /** Events only `b` reports (of the two), in chronological order. */
  onlyB: ChronologyEvent[];
}

const cites = (event: ChronologyEvent, sourceId: string): boolean => event.claims.some((c) => c.source === sourceId);

/** Whether a dispute holds a position from each of two sources. */
export const disputeSetsAgainst = (dispute: Dispute, aId: string, bId: string): boolean =>
  dispute.positions.some((p) => p.source === aId) && dispute.positions.some((p) => p.source === bId);

/** Compares two sources over `events` (taken to be in chronological order already). */
export function compareSources(events: readonly ChronologyEvent[], pair: SourcePair): PairComparison {
  const { a, b } = pair;
  const shared: SharedEvent[] = [];
  const onlyA: ChronologyEvent[] = [];
  const onlyB: ChronologyEvent[] = [];
  for (const event of events) {
    const inA = cites(event, a.id);
    const inB = cites(event, b.id);
    if (inA && inB) {
      shared.push({
        event,
        claimsA: event.claims.filter((c) => c.source === a.id),
        claimsB: event.claims.filter((c) => c.source === b.id),
        disagreements: event.disputes.filter((d) => disputeSetsAgainst(d, a.id, b.id)),
      });
    } else if (inA) onlyA.push(event);
    else if (inB) onlyB.push(event);
  }
  return { a, b, shared, onlyA, onlyB };
}

/** The header's numbers: counts only, never a verdict. */
export interface PairCounts {
  both: number;
  onlyA: number;
  onlyB: number;
  /** Shared events with at least one dispute holding a position from each source. */
  disagree: number;
}

export function pairCounts(comparison: Pick<PairComparison, 'shared' | 'onlyA' | 'onlyB'>): PairCounts {
  return {
    both: comparison.shared.length,
    onlyA: comparison.onlyA.length,
    onlyB: comparison.onlyB.length,
    disagree: comparison.shared.filter((s) => s.disagreements.length > 0).length,
  };
}
