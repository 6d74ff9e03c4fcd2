import { describe, expect, it } from 'vitest';
import { eventImportance, isDisputed, markName, sourcesOf } from '../../src/lib/event-labels.ts';
import { event } from '../support/timeline-fixtures.ts';

describe('event labels', () => {
  const claims = [
    { id: 'a', source: 'meduza', quote: 'q', kind: 'text' as const },
    { id: 'b', source: 'kyiv', quote: 'q', kind: 'text' as const },
    { id: 'c', source: 'meduza', quote: 'q', kind: 'text' as const },
  ];
  const disputed = event('k', '1992-02-26', 'x', { title: 'T', claims, disputes: [{ question: 'q', positions: [] }] });

  it('lists each source once, in the order first cited', () => {
    expect(sourcesOf(disputed)).toEqual(['meduza', 'kyiv']);
  });

  it('weighs an event by its sources and its disputes', () => {
    expect(eventImportance(disputed)).toBe(3);
    expect(eventImportance(event('plain', '1992', 'x'))).toBe(1);
  });

  it('names a mark by its date in words, title and dispute', () => {
    expect(isDisputed(disputed)).toBe(true);
    expect(markName(disputed)).toBe('26 February 1992: T (disputed)');
    expect(markName(event('p', '1988-02?', 'x', { title: 'U' }))).toBe('February 1988 (uncertain): U');
  });
});
