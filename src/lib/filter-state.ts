/**
 * The pure state of the home page's filters (era, source, disputed only): read from and written
 * to the URL, and whether an item matches. The browser side that ties it to the page is
 * src/client/filters.ts, which also documents the markup contract the attributes below serve.
 */
import type { ChronologyEvent } from './model.ts';

/** What the reader asked to see. Empty lists mean "all". */
export interface FilterState {
  eras: string[];
  sources: string[];
  disputed: boolean;
}

/** What an item on the page says about its event. */
export interface FilterItem {
  era: string;
  sources: string[];
  disputed: boolean;
}

/** The data attributes an element needs to take part in filtering. */
export function filterAttributes(
  event: Pick<ChronologyEvent, 'id' | 'era' | 'claims' | 'disputes'>,
): Record<string, string> {
  return {
    'data-event-id': event.id,
    'data-era': event.era,
    'data-sources': [...new Set(event.claims.map((c) => c.source))].sort().join(' '),
    'data-disputed': event.disputes.length > 0 ? '1' : '0',
  };
}

/** Filter state from a query string (`?era=a&era=b&source=s&disputed=1`); unknown keys ignored. */
export function parseFilterState(search: string): FilterState {
  const params = new URLSearchParams(search);
  const list = (key: string) => {
    const seen: string[] = [];
    params.getAll(key).forEach((value) => {
      value.split(',').forEach((part) => {
        const id = part.trim();
        if (id && seen.indexOf(id) === -1) seen.push(id);
      });
    });
    return seen;
  };
  const disputed = params.get('disputed');
  return { eras: list('era'), sources: list('source'), disputed: disputed === '1' || disputed === 'true' };
}

/** The query string for `state`, keeping any other parameters of `search`; "" when nothing is left. */
export function filterSearch(search: string, state: FilterState): string {
  const params = new URLSearchParams(search);
  ['era', 'source', 'disputed'].forEach((key) => params.delete(key));
  state.eras.forEach((id) => params.append('era', id));
  state.sources.forEach((id) => params.append('source', id));
  if (state.disputed) params.set('disputed', '1');
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** An item read from its data attributes (null when an attribute is missing). */
export function filterItem(era: string | null, sources: string | null, disputed: string | null): FilterItem {
  return { era: era || '', sources: (sources || '').split(' ').filter(Boolean), disputed: disputed === '1' };
}

/** True when the item passes every filter: any chosen era, any chosen source, disputed if asked. */
export function matchesFilter(item: FilterItem, state: FilterState): boolean {
  if (state.eras.length > 0 && state.eras.indexOf(item.era) === -1) return false;
  if (state.sources.length > 0 && !item.sources.some((id) => state.sources.indexOf(id) !== -1)) return false;
  return !state.disputed || item.disputed;
}

/** "Showing 12 of 118 events". */
export function countText(shown: number, total: number): string {
  return `Showing ${shown} of ${total} event${total === 1 ? '' : 's'}`;
}

/** The id named by a location hash ("#a%20b" → "a b"), or "" for none or a malformed one. */
export function hashTarget(hash: string): string {
  try {
    return decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return '';
  }
}
