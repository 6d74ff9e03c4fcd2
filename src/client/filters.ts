/**
 * Filtering the chronology on the home page: by era, by source, and to disputed events only.
 * The pure state (URL in and out, matching) is src/lib/filter-state.ts; this file ties it to
 * the page. It reaches the browser as ONE INLINE CLASSIC SCRIPT, compiled at build time by
 * src/lib/inline-scripts.ts (module scripts and script files loaded by `src` do not run from
 * file://), and the CSP allows exactly that text by its hash:
 *
 *   <script is:inline set:html={inlineScript('filters')}></script>
 *
 * The markup contract (all attributes written by `filterAttributes` in src/lib/filter-state.ts):
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
 *   class `is-target` to that event's items and scrolls the first visible one that assistive
 *   technology sees (not inside `aria-hidden="true"`, i.e. the reading view's item rather than
 *   the overview's mark) into view, else the first visible one.
 */
import {
  countText,
  filterItem,
  filterSearch,
  hashTarget,
  matchesFilter,
  parseFilterState,
  type FilterState,
} from '../lib/filter-state.ts';

/** The values a form control named `name` should show for `state`; null for other controls. */
function valuesFor(name: string, state: FilterState): string[] | null {
  switch (name) {
    case 'era':
      return state.eras;
    case 'source':
      return state.sources;
    case 'disputed':
      return state.disputed ? ['1'] : [];
    default:
      return null;
  }
}

/** Sets the form's controls to `state`, so the form shows what the URL asked for. */
function showState(form: HTMLFormElement, state: FilterState): void {
  Array.from(form.elements).forEach((el) => {
    const field = el as HTMLInputElement;
    const values = valuesFor(field.name, state);
    if (!values) return;
    const wanted = values.length > 0 ? values : [''];
    if (el.tagName === 'SELECT') {
      Array.from((el as HTMLSelectElement).options).forEach((option) => {
        option.selected = wanted.indexOf(option.value) !== -1;
      });
    } else if (field.type === 'checkbox') field.checked = values.indexOf(field.value) !== -1;
    else if (field.type === 'radio') field.checked = wanted.indexOf(field.value) !== -1;
  });
}

/** Marks the items of the event named by the hash and scrolls the reading-view one into view. */
function highlightTarget(items: readonly Element[], doc: Document, win: Window): void {
  const id = hashTarget(win.location.hash);
  const named = id ? doc.getElementById(id) : null;
  const eventId = (named && named.getAttribute('data-event-id')) || id;
  let first: Element | null = null;
  let firstRead: Element | null = null;
  for (const el of items) {
    const on = eventId !== '' && el.getAttribute('data-event-id') === eventId;
    el.classList.toggle('is-target', on);
    if (!on || el.getClientRects().length === 0) continue;
    first = first || el;
    if (!firstRead && !el.closest('[aria-hidden="true"]')) firstRead = el;
  }
  const target = firstRead || first;
  if (target) target.scrollIntoView({ block: 'center' });
}

/** Wires the page: reads the URL, filters, listens to the form and the hash. */
function bindFilters(doc: Document, win: Window): void {
  const items = Array.from(doc.querySelectorAll('[data-event-id]'));
  const groups = Array.from(doc.querySelectorAll('[data-filter-group]'));
  const counters = Array.from(doc.querySelectorAll('[data-filter-count]'));
  const form = doc.querySelector<HTMLFormElement>('form[data-timeline-filters]');
  const total = new Set(items.map((el) => el.getAttribute('data-event-id'))).size;

  const apply = (state: FilterState) => {
    const shown = new Set<string | null>();
    items.forEach((el) => {
      const item = filterItem(
        el.getAttribute('data-era'),
        el.getAttribute('data-sources'),
        el.getAttribute('data-disputed'),
      );
      const ok = matchesFilter(item, state);
      el.toggleAttribute('hidden', !ok);
      if (ok) shown.add(el.getAttribute('data-event-id'));
    });
    groups.forEach((group) => group.toggleAttribute('hidden', !group.querySelector('[data-event-id]:not([hidden])')));
    counters.forEach((counter) => {
      counter.textContent = countText(shown.size, total);
    });
  };

  const update = () => {
    if (!form) return;
    const state = parseFilterState(
      new URLSearchParams(new FormData(form) as unknown as Record<string, string>).toString(),
    );
    apply(state);
    const loc = win.location;
    try {
      win.history.replaceState(win.history.state, '', loc.pathname + filterSearch(loc.search, state) + loc.hash);
    } catch {
      // Some browsers refuse to rewrite file:// URLs; filtering still works.
    }
  };

  const highlight = () => highlightTarget(items, doc, win);

  const initial = parseFilterState(win.location.search);
  if (form) {
    showState(form, initial);
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
  // The browser jumps to the hash target after DOMContentLoaded; once the page has loaded,
  // bring the reading-view item into view as the highlight promises.
  win.addEventListener('load', () => win.requestAnimationFrame(highlight));
}

// The script may sit anywhere in the page: wait for the document if it is still loading.
if (document.readyState === 'loading')
  document.addEventListener('DOMContentLoaded', () => bindFilters(document, window));
else bindFilters(document, window);
