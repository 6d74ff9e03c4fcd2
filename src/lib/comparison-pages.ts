/**
 * Which pages a comparison of two sources is published on. A pair that fits the page budget
 * gets one page (`routes.comparePair`); a larger one gets an overview there and one page per
 * era (`routes.comparePairEra`), an era too large for one page being split into numbered
 * parts, so that no comparison page grows with the size of the chronology.
 */
import type { ChronologyEvent, Era } from './model.ts';
import { routes } from './site-paths.ts';
import {
  pairCounts,
  type PairComparison,
  type PairCounts,
  type SharedEvent,
  type SourcePair,
} from './source-comparison.ts';

/**
 * Estimated characters of HTML per comparison page. Quotes are prose that gzip shrinks about
 * fourfold, so a full page stays near 40 KB compressed, well under the 250 KB page limit.
 */
export const COMPARISON_PAGE_BUDGET = 150_000;
/** Estimated markup of one shared event beyond its words (headings, links, attributes). */
const SHARED_EVENT_MARKUP = 900;
/** Estimated markup of one linked event in the "only one reports" lists. */
const LINKED_EVENT_MARKUP = 250;

/** Estimated size of one shared event on a comparison page. */
export function sharedEventCost(shared: SharedEvent): number {
  const quotes = [...shared.claimsA, ...shared.claimsB].reduce((n, c) => n + c.quote.length + (c.note?.length ?? 0), 0);
  const disputes = shared.disagreements.reduce(
    (n, d) => n + d.question.length + d.positions.reduce((m, p) => m + p.answer.length, 0),
    0,
  );
  return SHARED_EVENT_MARKUP + shared.event.title.length + quotes + disputes;
}

/** Estimated size of one event listed as reported by one source only. */
export const linkedEventCost = (event: ChronologyEvent): number => LINKED_EVENT_MARKUP + event.title.length;

/** The part of a comparison one page shows. */
export interface ComparisonSlice {
  shared: SharedEvent[];
  onlyA: ChronologyEvent[];
  onlyB: ChronologyEvent[];
}

export interface ComparisonPage extends ComparisonSlice {
  /** Site path of the page. */
  path: string;
  /** The era this page covers; absent when the whole comparison is on one page. */
  era?: Era;
  /** 1-based part number within the era, and the era's number of parts. */
  part: number;
  parts: number;
}

/** One era of a comparison split by era: its numbers and the paths of its parts. */
export interface EraOfComparison {
  era: Era;
  counts: PairCounts;
  paths: string[];
}

export interface ComparisonPlan extends SourcePair {
  counts: PairCounts;
  /** Site path of the pair's page (the whole comparison, or the overview of a split one). */
  path: string;
  /** 'whole': everything on the pair's page; 'by-era': the pair's page is an overview of `eras`. */
  layout: 'whole' | 'by-era';
  /** Eras in which either source reports an event (only filled for 'by-era'). */
  eras: EraOfComparison[];
  /** The pages that show events: one for 'whole', one or more per era for 'by-era'. */
  pages: ComparisonPage[];
}

type Item =
  | { kind: 'shared'; value: SharedEvent; cost: number }
  | { kind: 'onlyA' | 'onlyB'; value: ChronologyEvent; cost: number };

/** Splits one era's items (shared events, then each source's own) into slices within the budget. */
function sliceByBudget(slice: ComparisonSlice, budget: number): ComparisonSlice[] {
  const items: Item[] = [
    ...slice.shared.map((value) => ({ kind: 'shared' as const, value, cost: sharedEventCost(value) })),
    ...slice.onlyA.map((value) => ({ kind: 'onlyA' as const, value, cost: linkedEventCost(value) })),
    ...slice.onlyB.map((value) => ({ kind: 'onlyB' as const, value, cost: linkedEventCost(value) })),
  ];
  const slices: ComparisonSlice[] = [];
  let current: ComparisonSlice = { shared: [], onlyA: [], onlyB: [] };
  let used = 0;
  for (const item of items) {
    const empty = used === 0;
    if (!empty && used + item.cost > budget) {
      slices.push(current);
      current = { shared: [], onlyA: [], onlyB: [] };
      used = 0;
    }
    if (item.kind === 'shared') current.shared.push(item.value);
    else current[item.kind].push(item.value);
    used += item.cost;
  }
  if (used > 0) slices.push(current);
  return slices;
}

/** The pages of one comparison, given the eras in chronological order. */
export function planComparison(
  comparison: PairComparison,
  eras: readonly Era[],
  budget = COMPARISON_PAGE_BUDGET,
): ComparisonPlan {
  const { a, b } = comparison;
  const path = routes.comparePair(a.id, b.id);
  const base = { a, b, counts: pairCounts(comparison), path };
  const total =
    comparison.shared.reduce((n, s) => n + sharedEventCost(s), 0) +
    [...comparison.onlyA, ...comparison.onlyB].reduce((n, e) => n + linkedEventCost(e), 0);
  if (total <= budget) {
    const { shared, onlyA, onlyB } = comparison;
    return { ...base, layout: 'whole', eras: [], pages: [{ path, shared, onlyA, onlyB, part: 1, parts: 1 }] };
  }
  const inEra = (era: Era) => (event: ChronologyEvent) => event.era === era.id;
  const plannedEras = eras.flatMap((era) => {
    const slice: ComparisonSlice = {
      shared: comparison.shared.filter((s) => s.event.era === era.id),
      onlyA: comparison.onlyA.filter(inEra(era)),
      onlyB: comparison.onlyB.filter(inEra(era)),
    };
    const slices = sliceByBudget(slice, budget);
    if (slices.length === 0) return [];
    const pages: ComparisonPage[] = slices.map((s, i) => ({
      ...s,
      path: routes.comparePairEra(a.id, b.id, era.id, i + 1),
      era,
      part: i + 1,
      parts: slices.length,
    }));
    return [{ era, counts: pairCounts(slice), paths: pages.map((p) => p.path), pages }];
  });
  return {
    ...base,
    layout: 'by-era',
    eras: plannedEras.map(({ era, counts, paths }) => ({ era, counts, paths })),
    pages: plannedEras.flatMap((e) => e.pages),
  };
}
