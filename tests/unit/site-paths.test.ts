import { describe, expect, it } from 'vitest';
import { absoluteUrl, hrefFrom } from '../../src/lib/site-paths.ts';

describe('hrefFrom', () => {
  it.each([
    ['/', '/events/a/', 'events/a/index.html'],
    ['/events/a/', '/events/b/', '../b/index.html'],
    ['/events/a/', '/sources/b/#q-1', '../../sources/b/index.html#q-1'],
    ['/sources/b/', '/', '../../index.html'],
    ['/sources/b/chronology/', '/events/a/', '../../../events/a/index.html'],
    ['/events/a/', '/events/a/citation.bib', 'citation.bib'],
    ['/search/', '/pagefind/', '../pagefind/index.html'],
    ['/', '/#1992-x', 'index.html#1992-x'],
  ])('from %s to %s is %s', (from, to, expected) => {
    expect(hrefFrom(from, to)).toBe(expected);
  });

  it('resolves back to the target from the page it is written on', () => {
    const from = '/sources/b/chronology/';
    const href = hrefFrom(from, '/events/x/');
    expect(new URL(href, `https://h.test/archive${from}`).pathname).toBe('/archive/events/x/index.html');
  });
});

describe('absoluteUrl', () => {
  it('keeps a sub-path of the site', () => {
    expect(absoluteUrl('https://example.org/archive/', '/events/a/')).toBe('https://example.org/archive/events/a/');
  });
});
