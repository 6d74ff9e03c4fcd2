import { describe, expect, it } from 'vitest';
import { Script, createContext } from 'node:vm';
import {
  countText,
  filterAttributes,
  filterItem,
  filterScript,
  filterSearch,
  hashTarget,
  matchesFilter,
  parseFilterState,
  type FilterState,
} from '../../src/components/filter-script.ts';

const ALL: FilterState = { eras: [], sources: [], disputed: false };

describe('parseFilterState', () => {
  it('reads eras, sources and the disputed switch from the query string', () => {
    expect(parseFilterState('?era=war-2020&era=soviet&source=bbc&disputed=1')).toEqual({
      eras: ['war-2020', 'soviet'],
      sources: ['bbc'],
      disputed: true,
    });
  });

  it('treats missing, empty and repeated values sensibly', () => {
    expect(parseFilterState('')).toEqual(ALL);
    expect(parseFilterState('?era=&source=&disputed=0&q=x')).toEqual(ALL);
    expect(parseFilterState('?era=a,b&era=a&source=%20c%20')).toEqual({ eras: ['a', 'b'], sources: ['c'], disputed: false });
  });
});

describe('filterSearch', () => {
  it('writes the state back, keeping unrelated parameters', () => {
    expect(filterSearch('?q=khojaly&era=old', { eras: ['a', 'b'], sources: ['s'], disputed: true })).toBe('?q=khojaly&era=a&era=b&source=s&disputed=1');
  });

  it('gives an empty string when nothing is filtered', () => {
    expect(filterSearch('?era=a&disputed=1', ALL)).toBe('');
  });

  it('round-trips through parseFilterState', () => {
    const state: FilterState = { eras: ['war-2020'], sources: ['a b', 'c&d'], disputed: true };
    expect(parseFilterState(filterSearch('', state))).toEqual(state);
  });
});

describe('matchesFilter', () => {
  const item = filterItem('war-2020', 'bbc rferl', '1');

  it('reads an item from its data attributes', () => {
    expect(item).toEqual({ era: 'war-2020', sources: ['bbc', 'rferl'], disputed: true });
    expect(filterItem(null, null, null)).toEqual({ era: '', sources: [], disputed: false });
  });

  it('shows everything when nothing is chosen', () => {
    expect(matchesFilter(item, ALL)).toBe(true);
  });

  it('matches any chosen era and any chosen source', () => {
    expect(matchesFilter(item, { ...ALL, eras: ['soviet', 'war-2020'] })).toBe(true);
    expect(matchesFilter(item, { ...ALL, eras: ['soviet'] })).toBe(false);
    expect(matchesFilter(item, { ...ALL, sources: ['x', 'rferl'] })).toBe(true);
    expect(matchesFilter(item, { ...ALL, sources: ['x'] })).toBe(false);
  });

  it('keeps only disputed events when asked', () => {
    expect(matchesFilter(filterItem('a', 's', '0'), { ...ALL, disputed: true })).toBe(false);
    expect(matchesFilter(filterItem('a', 's', '1'), { ...ALL, disputed: true })).toBe(true);
  });

  it('combines filters with "and"', () => {
    expect(matchesFilter(item, { eras: ['war-2020'], sources: ['x'], disputed: true })).toBe(false);
    expect(matchesFilter(item, { eras: ['war-2020'], sources: ['bbc'], disputed: true })).toBe(true);
  });
});

describe('small helpers', () => {
  it('counts', () => {
    expect(countText(12, 118)).toBe('Showing 12 of 118 events');
    expect(countText(1, 1)).toBe('Showing 1 of 1 event');
  });

  it('reads the hash', () => {
    expect(hashTarget('#1992-02-25-khojaly')).toBe('1992-02-25-khojaly');
    expect(hashTarget('#a%20b')).toBe('a b');
    expect(hashTarget('')).toBe('');
    expect(hashTarget('#%E0%A4%A')).toBe('');
  });

  it('writes the attributes the script reads', () => {
    const attrs = filterAttributes({
      id: 'e1',
      era: 'war-2020',
      claims: [
        { id: 'c1', source: 'rferl', quote: 'q', kind: 'text' },
        { id: 'c2', source: 'bbc', quote: 'q', kind: 'text' },
        { id: 'c3', source: 'rferl', quote: 'q', kind: 'text' },
      ],
      disputes: [{ question: 'q', positions: [] }],
    });
    expect(attrs).toEqual({ 'data-event-id': 'e1', 'data-era': 'war-2020', 'data-sources': 'bbc rferl', 'data-disputed': '1' });
    const item = filterItem(attrs['data-era']!, attrs['data-sources']!, attrs['data-disputed']!);
    expect(matchesFilter(item, { eras: ['war-2020'], sources: ['bbc'], disputed: true })).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------
// The inline script as the page gets it, run in a bare VM against a tiny fake DOM. This is
// what catches a browser function that leans on an import or a module-level constant.

type Listener = (event: { preventDefault(): void }) => void;

class FakeElement {
  attrs = new Map<string, string>();
  classes = new Set<string>();
  children: FakeElement[] = [];
  scrolled = 0;
  listeners = new Map<string, Listener>();
  textContent = '';
  constructor(
    public tagName: string,
    attrs: Record<string, string> = {},
    public visible = true,
  ) {
    for (const [k, v] of Object.entries(attrs)) this.attrs.set(k, v);
  }
  getAttribute(name: string) {
    return this.attrs.get(name) ?? null;
  }
  toggleAttribute(name: string, force: boolean) {
    if (force) this.attrs.set(name, '');
    else this.attrs.delete(name);
  }
  classList = {
    toggle: (name: string, on: boolean) => (on ? this.classes.add(name) : this.classes.delete(name)),
  };
  querySelector(selector: string) {
    if (selector !== '[data-event-id]:not([hidden])') throw new Error(`unexpected selector ${selector}`);
    return this.children.find((c) => c.attrs.has('data-event-id') && !c.attrs.has('hidden')) ?? null;
  }
  getClientRects() {
    return this.visible && !this.attrs.has('hidden') ? [{}] : [];
  }
  scrollIntoView() {
    this.scrolled++;
  }
  addEventListener(type: string, listener: Listener) {
    this.listeners.set(type, listener);
  }
}

interface Field {
  name: string;
  tagName: string;
  type?: string;
  value: string;
  checked?: boolean;
  options?: { value: string; selected: boolean }[];
}

function page(search: string, hash = '') {
  const e1 = new FakeElement('li', { id: 'e1', 'data-event-id': 'e1', 'data-era': 'a', 'data-sources': 's1', 'data-disputed': '1' });
  const e2 = new FakeElement('li', { id: 'e2', 'data-event-id': 'e2', 'data-era': 'a', 'data-sources': 's2', 'data-disputed': '0' });
  const e3 = new FakeElement('li', { id: 'e3', 'data-event-id': 'e3', 'data-era': 'b', 'data-sources': 's1 s2', 'data-disputed': '1' });
  // The horizontal drawing is display:none on a phone: its mark has no boxes.
  const mark1 = new FakeElement('a', { 'data-event-id': 'e1', 'data-era': 'a', 'data-sources': 's1', 'data-disputed': '1' }, false);
  const groupA = new FakeElement('section', { 'data-filter-group': '' });
  groupA.children = [e1, e2];
  const groupB = new FakeElement('section', { 'data-filter-group': '' });
  groupB.children = [e3];
  const counter = new FakeElement('p', { 'data-filter-count': '' });
  const era: Field = { name: 'era', tagName: 'SELECT', value: '', options: [{ value: '', selected: true }, { value: 'a', selected: false }, { value: 'b', selected: false }] };
  const disputed: Field = { name: 'disputed', tagName: 'INPUT', type: 'checkbox', value: '1', checked: false };
  const form = Object.assign(new FakeElement('form'), { elements: [era, disputed] });
  const items = [mark1, e1, e2, e3];
  const replaced: string[] = [];
  const all: Record<string, FakeElement[]> = { '[data-event-id]': items, '[data-filter-group]': [groupA, groupB], '[data-filter-count]': [counter] };
  const document = {
    readyState: 'complete',
    querySelectorAll: (selector: string) => all[selector] ?? [],
    querySelector: (selector: string) => (selector === 'form[data-timeline-filters]' ? form : null),
    getElementById: (id: string) => items.find((el) => el.getAttribute('id') === id) ?? null,
    addEventListener() {},
  };
  const window = {
    location: { pathname: '/index.html', search, hash },
    history: { state: null, replaceState: (_s: unknown, _t: string, url: string) => replaced.push(url) },
    addEventListener() {},
    setTimeout: (fn: () => void) => fn(),
  };
  /** FormData over the fake fields, as a browser would build it. */
  class FormData {
    pairs: [string, string][];
    constructor(f: typeof form) {
      this.pairs = f.elements.flatMap((field): [string, string][] =>
        field.options ? field.options.filter((o) => o.selected).map((o) => [field.name, o.value]) : field.type === 'checkbox' && !field.checked ? [] : [[field.name, field.value]],
      );
    }
    [Symbol.iterator]() {
      return this.pairs[Symbol.iterator]();
    }
  }
  const context = createContext({ document, window, URLSearchParams, FormData });
  return { run: () => new Script(filterScript()).runInContext(context), e1, e2, e3, mark1, groupA, groupB, counter, era, disputed, form, replaced };
}

const hidden = (el: FakeElement) => el.attrs.has('hidden');

describe('filterScript', () => {
  it('is a small classic script with nothing left of the module around it', () => {
    const source = filterScript();
    expect(() => new Script(source)).not.toThrow();
    expect(source).not.toMatch(/\b(import|export)\b|__vite|__name\(/);
    expect(new TextEncoder().encode(source).length).toBeLessThan(5 * 1024);
  });

  it('restores the filters from the URL on load, in the list, the drawing and the form', () => {
    const p = page('?era=a&disputed=1');
    p.run();
    expect([p.mark1, p.e1, p.e2, p.e3].map(hidden)).toEqual([false, false, true, true]);
    expect([p.groupA, p.groupB].map(hidden)).toEqual([false, true]);
    expect(p.counter.textContent).toBe('Showing 1 of 3 events');
    expect(p.era.options!.map((o) => o.selected)).toEqual([false, true, false]);
    expect(p.disputed.checked).toBe(true);
    expect(p.replaced).toEqual([]);
  });

  it('filters in place when the form changes and rewrites the URL', () => {
    const p = page('?era=a&disputed=1&lang=en', '#e2');
    p.run();
    p.disputed.checked = false;
    p.form.listeners.get('change')!({ preventDefault() {} });
    expect([p.e1, p.e2, p.e3].map(hidden)).toEqual([false, false, true]);
    expect(p.counter.textContent).toBe('Showing 2 of 3 events');
    expect(p.replaced).toEqual(['/index.html?lang=en&era=a#e2']);
  });

  it('highlights the event named by the hash and scrolls its visible item into view', () => {
    const p = page('', '#e1');
    p.run();
    expect(p.mark1.classes.has('is-target') && p.e1.classes.has('is-target')).toBe(true);
    expect(p.e2.classes.has('is-target')).toBe(false);
    expect([p.mark1.scrolled, p.e1.scrolled]).toEqual([0, 1]);
  });
});
