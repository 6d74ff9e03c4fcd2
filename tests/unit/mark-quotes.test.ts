import { describe, expect, it } from 'vitest';
import {
  MAX_BACK_LINKS_PER_PASSAGE,
  markQuotesInHtml,
  passagePath,
  quoteAnchor,
  type QuoteToMark,
} from '../../src/lib/mark-quotes.ts';

const q = (anchor: string, quote: string): QuoteToMark => ({
  anchor,
  quote,
  backHref: `../e/${anchor}`,
  backLabel: `Cited in ${anchor}`,
});

describe('markQuotesInHtml', () => {
  it('wraps a quote in an anchored mark followed by a back link', () => {
    const { html, missing } = markQuotesInHtml('<p>Before. He said \u201cyes\u201d. After.</p>', [
      q('q-a', 'He said "yes".'),
    ]);
    expect(missing).toEqual([]);
    expect(html).toContain('<mark id="q-a" class="quoted">He said \u201cyes\u201d.</mark><a href="../e/q-a"');
    expect(html.startsWith('<p>Before. ')).toBe(true);
    expect(html.endsWith(' After.</p>')).toBe(true);
  });

  it('keeps overlapping quotes in one mark with an anchor for each', () => {
    const { html, missing } = markQuotesInHtml('<p>one two three four</p>', [
      q('q-a', 'one two three'),
      q('q-b', 'two three four'),
    ]);
    expect(missing).toEqual([]);
    expect(html).toContain(
      '<mark id="q-a" class="quoted">one <span id="q-b" class="quote-anchor"></span>two three four</mark>',
    );
    expect(html.match(/class="cited-in"/g)).toHaveLength(2);
  });

  it('reports a quote that is not in the article', () => {
    const { missing } = markQuotesInHtml('<p>Nothing here.</p>', [q('q-x', 'Something else')]);
    expect(missing).toEqual(['q-x']);
  });

  it('does not mark text split across two paragraphs', () => {
    const { missing } = markQuotesInHtml('<p>end of one.</p><p>Start of two</p>', [
      q('q-y', 'end of one. Start of two'),
    ]);
    expect(missing).toEqual(['q-y']);
  });
});

describe('markQuotesInHtml: a passage quoted by many events', () => {
  const passage = 'The same passage quoted again and again.';
  const quotes = Array.from({ length: MAX_BACK_LINKS_PER_PASSAGE + 3 }, (_, i) => q(`q-${i}`, passage));
  const more = { href: '../chronology/index.html', label: (count: number) => `${count} more` };

  it('links back to at most MAX_BACK_LINKS_PER_PASSAGE events, then once to the full list with the count', () => {
    const { html, missing } = markQuotesInHtml(`<p>${passage}</p>`, quotes, more);
    expect(missing).toEqual([]);
    expect(html.match(/href="\.\.\/e\//g)).toHaveLength(MAX_BACK_LINKS_PER_PASSAGE);
    expect(html).toContain(
      '<a href="../chronology/index.html" class="cited-in" aria-label="3 more" title="3 more">+3</a>',
    );
    // Every quote keeps its anchor, so each event's link to its passage still lands.
    for (const quote of quotes) expect(html).toContain(`id="${quote.anchor}"`);
  });

  it('without a place for the rest, links back to every event', () => {
    const { html } = markQuotesInHtml(`<p>${passage}</p>`, quotes);
    expect(html.match(/class="cited-in"/g)).toHaveLength(quotes.length);
  });
});

describe('passagePath', () => {
  it("leads to the passage's anchor on its source's page", () => {
    expect(passagePath('meduza-2023', '1992-02-26-khojaly', 'meduza')).toBe(
      '/sources/meduza-2023/#q-1992-02-26-khojaly-meduza',
    );
    expect(passagePath('meduza-2023', 'e', 'c').split('#')[1]).toBe(quoteAnchor('e', 'c'));
  });
});
