/**
 * Filtering the chronology on the home page: by era, by source, and to disputed events only.
 *
 * The pure functions (state from and to the URL, whether an item matches) are unit-tested;
 * `bindFilters` ties them to the page. They reach the browser as ONE INLINE CLASSIC SCRIPT,
 * never as a module file, because module scripts fetched by `src` do not load from file://:
 *
 *   ---
 *   import { filterScript } from '../components/filter-script.ts';
 *   ---
 *   <script is:inline set:html={filterScript()}></script>
 *
 * `filterScript()` runs at build time and returns the source text of the browser functions
 * below (Function.prototype.toString of what Vite compiled, so already plain JavaScript),
 * wrapped in an IIFE. That is why those functions are plain `function` declarations that use
 * nothing from outside their own bodies except one another and the DOM: no imports, no
 * module-level constants. The unit tests run the returned text in a bare VM to hold that.
 *
 * The markup contract (all attributes written by `filterAttributes` below):
 * - every element carrying `data-event-id` (SVG `<a>` marks and list `<li>`s) is an item with
 *   `data-era`, `data-sources` (space-separated source ids) and `data-disputed` ("1" or "0");
 *   non-matching items get the `hidden` attribute;
 * - elements with `data-filter-group` (the list's era and year sections) are hidden when no
 *   item inside them is visible;
 * - `form[data-timeline-filters]`, if present, holds controls named `era`, `source` (select,
 *   checkboxes or radios; an empty value means "all") and a `disputed` checkbox with value "1";
 *   changing it filters in place and rewrites the URL with history.replaceState; the form
 *   also works without script as a GET form, since the state is read back from the URL;
 * - elements with `data-filter-count` receive "Showing N of M events" (give one role="status");
 * - the hash `#<event-id>` (or the id of an element that has `data-event-id`) adds the
 *   class `is-target` to that event's items and scrolls the first visible one into view.
 */
import type { ChronologyEvent } from '../lib/model.ts';

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
export function filterAttributes(event: Pick<ChronologyEvent, 'id' | 'era' | 'claims' | 'disputes'>): Record<string, string> {
  return {
    'data-event-id': event.id,
    'data-era': event.era,
    'data-sources': [...new Set(event.claims.map((c) => c.source))].sort().join(' '),
    'data-disputed': event.disputes.length > 0 ? '1' : '0',
  };
}

// ---------------------------------------------------------------------------------------
// Browser functions: self-contained, see the note at the top.

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

/** Wires the page: reads the URL, filters, listens to the form and the hash. */
export function bindFilters(doc: Document, win: Window): void {
  const items = Array.from(doc.querySelectorAll('[data-event-id]'));
  const groups = Array.from(doc.querySelectorAll('[data-filter-group]'));
  const counters = Array.from(doc.querySelectorAll('[data-filter-count]'));
  const form = doc.querySelector<HTMLFormElement>('form[data-timeline-filters]');
  const total = new Set(items.map((el) => el.getAttribute('data-event-id'))).size;

  const apply = (state: FilterState) => {
    const shown = new Set<string | null>();
    items.forEach((el) => {
      const item = filterItem(el.getAttribute('data-era'), el.getAttribute('data-sources'), el.getAttribute('data-disputed'));
      const ok = matchesFilter(item, state);
      el.toggleAttribute('hidden', !ok);
      if (ok) shown.add(el.getAttribute('data-event-id'));
    });
    groups.forEach((group) => group.toggleAttribute('hidden', !group.querySelector('[data-event-id]:not([hidden])')));
    counters.forEach((counter) => {
      counter.textContent = countText(shown.size, total);
    });
  };

  const show = (state: FilterState) => {
    if (!form) return;
    Array.from(form.elements).forEach((el) => {
      const field = el as HTMLInputElement;
      const values = field.name === 'era' ? state.eras : field.name === 'source' ? state.sources : field.name === 'disputed' ? (state.disputed ? ['1'] : []) : null;
      if (!values) return;
      const wanted = values.length > 0 ? values : [''];
      if (el.tagName === 'SELECT') {
        Array.from((el as HTMLSelectElement).options).forEach((option) => {
          option.selected = wanted.indexOf(option.value) !== -1;
        });
      } else if (field.type === 'checkbox') field.checked = values.indexOf(field.value) !== -1;
      else if (field.type === 'radio') field.checked = wanted.indexOf(field.value) !== -1;
    });
  };

  const update = () => {
    if (!form) return;
    const state = parseFilterState(new URLSearchParams(new FormData(form) as unknown as Record<string, string>).toString());
    apply(state);
    const loc = win.location;
    try {
      win.history.replaceState(win.history.state, '', loc.pathname + filterSearch(loc.search, state) + loc.hash);
    } catch {
      // Some browsers refuse to rewrite file:// URLs; filtering still works.
    }
  };

  const highlight = () => {
    const id = hashTarget(win.location.hash);
    const named = id ? doc.getElementById(id) : null;
    const eventId = (named && named.getAttribute('data-event-id')) || id;
    let first: Element | null = null;
    for (const el of items) {
      const on = eventId !== '' && el.getAttribute('data-event-id') === eventId;
      el.classList.toggle('is-target', on);
      if (on && !first && el.getClientRects().length > 0) first = el;
    }
    if (first) first.scrollIntoView({ block: 'center' });
  };

  const initial = parseFilterState(win.location.search);
  if (form) {
    show(initial);
    form.addEventListener('change', update);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      update();
    });
    form.addEventListener('reset', () => win.setTimeout(update));
  }
  apply(initial);
  highlight();
  win.addEventListener('hashchange', highlight);
  // The browser jumps to the hash target (the list item) after DOMContentLoaded; once the
  // page has loaded, bring the drawing's mark back into view as the highlight promises.
  win.addEventListener('load', () => win.requestAnimationFrame(highlight));
}

const BROWSER_FUNCTIONS = [parseFilterState, filterSearch, filterItem, matchesFilter, countText, hashTarget, bindFilters];

/**
 * The inline classic script for the page (see the note at the top). It waits for the
 * document if it is placed in <head>; indentation is dropped to keep it small.
 */
export function filterScript(): string {
  const source = BROWSER_FUNCTIONS.map(String).join('\n');
  const run = `function(){${bindFilters.name}(document,window)}`;
  return `(function(){'use strict';\n${source}\nif(document.readyState==='loading')document.addEventListener('DOMContentLoaded',${run});else(${run})();})();`
    .replace(/\n[ \t]+/g, '\n');
}
