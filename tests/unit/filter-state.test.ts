import { describe, expect, it } from 'vitest';
// The module under test, as one namespace: its names read as filterState.<function> below.
import * as filterState from '../../src/lib/filter-state.ts';
import type { FilterState } from '../../src/lib/filter-state.ts';

const ALL: FilterState = { eras: [], sources: [], disputed: false };

describe('parseFilterState', () => {
  it('reads eras, sources and the disputed switch from the query string', () => {
    expect(filterState.parseFilterState('?era=war-2020&era=soviet&source=bbc&disputed=1')).toEqual({
      eras: ['war-2020', 'soviet'],
      sources: ['bbc'],
      disputed: true,
    });
  });

  it('treats missing, empty and repeated values sensibly', () => {
    expect(filterState.parseFilterState('')).toEqual(ALL);
    expect(filterState.parseFilterState('?era=&source=&disputed=0&q=x')).toEqual(ALL);
    expect(filterState.parseFilterState('?era=a,b&era=a&source=%20c%20')).toEqual({
      eras: ['a', 'b'],
      sources: ['c'],
      disputed: false,
    });
  });
});

describe('filterSearch', () => {
  it('writes the state back, keeping unrelated parameters', () => {
    expect(filterState.filterSearch('?q=khojaly&era=old', { eras: ['a', 'b'], sources: ['s'], disputed: true })).toBe(
      '?q=khojaly&era=a&era=b&source=s&disputed=1',
    );
  });

  it('gives an empty string when nothing is filtered', () => {
    expect(filterState.filterSearch('?era=a&disputed=1', ALL)).toBe('');
  });

  it('round-trips through parseFilterState', () => {
    const state: FilterState = { eras: ['war-2020'], sources: ['a b', 'c&d'], disputed: true };
    expect(filterState.parseFilterState(filterState.filterSearch('', state))).toEqual(state);
  });
});

describe('matchesFilter', () => {
  const item = filterState.filterItem('war-2020', 'bbc rferl', '1');

  it('reads an item from its data attributes', () => {
    expect(item).toEqual({ era: 'war-2020', sources: ['bbc', 'rferl'], disputed: true });
    expect(filterState.filterItem(null, null, null)).toEqual({ era: '', sources: [], disputed: false });
  });

  it('shows everything when nothing is chosen', () => {
    expect(filterState.matchesFilter(item, ALL)).toBe(true);
  });

  it('matches any chosen era and any chosen source', () => {
    expect(filterState.matchesFilter(item, { ...ALL, eras: ['soviet', 'war-2020'] })).toBe(true);
    expect(filterState.matchesFilter(item, { ...ALL, eras: ['soviet'] })).toBe(false);
    expect(filterState.matchesFilter(item, { ...ALL, sources: ['x', 'rferl'] })).toBe(true);
    expect(filterState.matchesFilter(item, { ...ALL, sources: ['x'] })).toBe(false);
  });

  it('keeps only disputed events when asked', () => {
    expect(filterState.matchesFilter(filterState.filterItem('a', 's', '0'), { ...ALL, disputed: true })).toBe(false);
    expect(filterState.matchesFilter(filterState.filterItem('a', 's', '1'), { ...ALL, disputed: true })).toBe(true);
  });

  it('combines filters with "and"', () => {
    expect(filterState.matchesFilter(item, { eras: ['war-2020'], sources: ['x'], disputed: true })).toBe(false);
    expect(filterState.matchesFilter(item, { eras: ['war-2020'], sources: ['bbc'], disputed: true })).toBe(true);
  });
});

describe('small helpers', () => {
  it('counts', () => {
    expect(filterState.countText(12, 118)).toBe('Showing 12 of 118 events');
    expect(filterState.countText(1, 1)).toBe('Showing 1 of 1 event');
  });

  it.each([
    ['#1992-02-25-khojaly', '1992-02-25-khojaly'],
    ['#a%20b', 'a b'],
    ['', ''],
    ['#%E0%A4%A', ''], // a malformed escape names no element
  ])('reads the hash %j as the target %j', (hash, target) => {
    expect(filterState.hashTarget(hash)).toBe(target);
  });

  it('writes the attributes the script reads', () => {
    const attrs = filterState.filterAttributes({
      id: 'e1',
      era: 'war-2020',
      claims: [
        { id: 'c1', source: 'rferl', quote: 'q', kind: 'text' },
        { id: 'c2', source: 'bbc', quote: 'q', kind: 'text' },
        { id: 'c3', source: 'rferl', quote: 'q', kind: 'text' },
      ],
      disputes: [{ question: 'q', positions: [] }],
    });
    expect(attrs).toEqual({
      'data-event-id': 'e1',
      'data-era': 'war-2020',
      'data-sources': 'bbc rferl',
      'data-disputed': '1',
    });
    const item = filterState.filterItem(attrs['data-era']!, attrs['data-sources']!, attrs['data-disputed']!);
    expect(filterState.matchesFilter(item, { eras: ['war-2020'], sources: ['bbc'], disputed: true })).toBe(true);
  });
});
