import { describe, expect, it } from 'vitest';
import { compareSources, orderedPairIds, pairCounts, pairsWith, sourcePairs } from '../../src/lib/source-comparison.ts';
import { planComparison, sharedEventCost } from '../../src/lib/comparison-pages.ts';
import { hrefFrom, routes } from '../../src/lib/site-paths.ts';
import type { ChronologyEvent, Claim, Dispute, Era, Source } from '../../src/lib/model.ts';

const source = (id: string) =>
  ({ id, title: `Title ${id}`, authorStatus: 'named', authors: [{ name: id }] }) as unknown as Source;
const claim = (sourceId: string, n = 1, quote = `Quote of ${sourceId}.`): Claim => ({
  id: `${sourceId}-${n}`,
  source: sourceId,
  quote,
  kind: 'text',
});
const position = (sourceId: string, answer = `${sourceId} says`) => ({
  source: sourceId,
  claim: `${sourceId}-1`,
  answer,
});
const event = (id: string, era: string, claims: Claim[], disputes: Dispute[] = []): ChronologyEvent =>
  ({ id, title: `Event ${id}`, date: '2000', era, claims, disputes }) as unknown as ChronologyEvent;

// Ids chosen so that code-unit order differs from a case-insensitive or locale order.
const [upper, lower, other] = [source('Zeta'), source('alpha'), source('beta')];

describe('pairs of sources', () => {
  it('orders the two ids by code unit, whichever comes first', () => {
    expect(orderedPairIds('alpha', 'Zeta')).toEqual(['Zeta', 'alpha']);
    expect(orderedPairIds('Zeta', 'alpha')).toEqual(['Zeta', 'alpha']);
    expect(() => orderedPairIds('alpha', 'alpha')).toThrow(/itself/);
  });

  it('lists every pair once: n(n-1)/2', () => {
    const five = ['e', 'b', 'd', 'a', 'c'].map(source);
    const pairs = sourcePairs(five).map(({ a, b }) => `${a.id}/${b.id}`);
    expect(pairs).toHaveLength(10);
    expect(new Set(pairs).size).toBe(10);
    expect(pairs[0]).toBe('a/b');
    expect(pairs.every((p) => p.split('/')[0]! < p.split('/')[1]!)).toBe(true);
  });

  it('gives each source its pairs with the other source named', () => {
    const pairs = pairsWith([upper, lower, other], 'alpha');
    expect(pairs.map((p) => p.other.id)).toEqual(['Zeta', 'beta']);
    expect(pairs.map((p) => `${p.a.id}/${p.b.id}`)).toEqual(['Zeta/alpha', 'alpha/beta']);
  });

  it('has one URL per pair, stable when sources are added', () => {
    expect(routes.comparePair('alpha', 'Zeta')).toBe('/compare/Zeta/alpha/');
    expect(routes.comparePair('Zeta', 'alpha')).toBe(routes.comparePair('alpha', 'Zeta'));
    expect(routes.comparePairEra('b', 'a', 'war', 1)).toBe('/compare/a/b/war/');
    expect(routes.comparePairEra('a', 'b', 'war', 3)).toBe('/compare/a/b/war/3/');
    expect(hrefFrom(routes.comparePair('a', 'b'), routes.event('x'))).toBe('../../../events/x/index.html');
  });
});

describe('compareSources', () => {
  const a = source('a');
  const b = source('b');
  const c = source('c');
  const events = [
    event('both-agree', 'e1', [claim('a'), claim('b')]),
    event(
      'both-dispute',
      'e1',
      [claim('a'), claim('b'), claim('c')],
      [{ question: 'When?', positions: [position('a'), position('b')] }],
    ),
    // A dispute between a and c only is not a disagreement of the pair a/b.
    event(
      'dispute-with-c',
      'e2',
      [claim('a'), claim('b'), claim('c')],
      [{ question: 'Who?', positions: [position('a'), position('c')] }],
    ),
    event('only-a', 'e2', [claim('a'), claim('a', 2)]),
    event('only-b', 'e2', [claim('b'), claim('c')]),
    event('neither', 'e2', [claim('c')]),
  ];
  const comparison = compareSources(events, { a, b });

  it('splits the events into both, only a and only b, keeping their order', () => {
    expect(comparison.shared.map((s) => s.event.id)).toEqual(['both-agree', 'both-dispute', 'dispute-with-c']);
    expect(comparison.onlyA.map((e) => e.id)).toEqual(['only-a']);
    expect(comparison.onlyB.map((e) => e.id)).toEqual(['only-b']);
  });

  it('keeps each side to its own claims', () => {
    const shared = comparison.shared[1]!;
    expect(shared.claimsA.map((c) => c.source)).toEqual(['a']);
    expect(shared.claimsB.map((c) => c.source)).toEqual(['b']);
  });

  it('counts a disagreement only where a dispute holds a position from each of the two', () => {
    expect(comparison.shared.map((s) => s.disagreements.length)).toEqual([0, 1, 0]);
    expect(pairCounts(comparison)).toEqual({ both: 3, onlyA: 1, onlyB: 1, disagree: 1 });
    expect(pairCounts(compareSources(events, { a, b: c })).disagree).toBe(1);
  });
});

describe('planComparison', () => {
  const a = source('a');
  const b = source('b');
  const eras = [{ id: 'e1' }, { id: 'e2' }] as Era[];
  const long = 'x'.repeat(1000);
  const many = (n: number, era: string) =>
    Array.from({ length: n }, (_, i) =>
      event(
        `${era}-${i}`,
        era,
        [claim('a', 1, long), claim('b', 1, long)],
        i % 2 ? [] : [{ question: 'Q?', positions: [position('a'), position('b')] }],
      ),
    );

  it('keeps a comparison that fits the budget on the pair page', () => {
    const plan = planComparison(compareSources(many(3, 'e1'), { a, b }), eras);
    expect(plan.layout).toBe('whole');
    expect(plan.pages.map((p) => p.path)).toEqual(['/compare/a/b/']);
    expect(plan.counts).toEqual({ both: 3, onlyA: 0, onlyB: 0, disagree: 2 });
  });

  it('splits a large comparison by era and into parts within the budget, losing no event', () => {
    const events = [...many(40, 'e1'), ...many(5, 'e2'), event('lone', 'e2', [claim('a')])];
    const comparison = compareSources(events, { a, b });
    const budget = sharedEventCost(comparison.shared[0]!) * 10;
    const plan = planComparison(comparison, eras, budget);
    expect(plan.layout).toBe('by-era');
    expect(plan.eras.map((e) => [e.era.id, e.paths.length])).toEqual([
      ['e1', 4],
      ['e2', 1],
    ]);
    expect(plan.pages.map((p) => p.path)).toEqual([
      '/compare/a/b/e1/',
      '/compare/a/b/e1/2/',
      '/compare/a/b/e1/3/',
      '/compare/a/b/e1/4/',
      '/compare/a/b/e2/',
    ]);
    for (const page of plan.pages)
      expect(page.shared.reduce((n, s) => n + sharedEventCost(s), 0)).toBeLessThanOrEqual(budget);
    expect(plan.pages.flatMap((p) => p.shared.map((s) => s.event.id))).toEqual(
      comparison.shared.map((s) => s.event.id),
    );
    expect(plan.pages.flatMap((p) => p.onlyA.map((e) => e.id))).toEqual(['lone']);
    expect(plan.eras.reduce((n, e) => n + e.counts.disagree, 0)).toBe(plan.counts.disagree);
    expect(plan.pages.at(-1)).toMatchObject({ part: 1, parts: 1 });
  });
});
