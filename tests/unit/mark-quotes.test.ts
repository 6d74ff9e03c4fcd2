import { describe, expect, it } from 'vitest';
import { markQuotesInHtml, type QuoteToMark } from '../../src/lib/mark-quotes.ts';

const q = (anchor: string, quote: string): QuoteToMark => ({ anchor, quote, backHref: `../e/${anchor}`, backLabel: `Cited in ${anchor}` });

describe('markQuotesInHtml', () => {
  it('wraps a quote in an anchored mark followed by a back link', () => {
    const { html, missing } = markQuotesInHtml('<p>Before. He said \u201cyes\u201d. After.</p>', [q('q-a', 'He said "yes".')]);
    expect(missing).toEqual([]);
    expect(html).toContain('<mark id="q-a" class="quoted">He said \u201cyes\u201d.</mark><a href="../e/q-a"');
    expect(html.startsWith('<p>Before. ')).toBe(true);
    expect(html.endsWith(' After.</p>')).toBe(true);
  });

  it('keeps overlapping quotes in one mark with an anchor for each', () => {
    const { html, missing } = markQuotesInHtml('<p>one two three four</p>', [q('q-a', 'one two three'), q('q-b', 'two three four')]);
    expect(missing).toEqual([]);
    expect(html).toContain('<mark id="q-a" class="quoted">one <span id="q-b" class="quote-anchor"></span>two three four</mark>');
    expect(html.match(/class="cited-in"/g)).toHaveLength(2);
  });

  it('reports a quote that is not in the article', () => {
    const { missing } = markQuotesInHtml('<p>Nothing here.</p>', [q('q-x', 'Something else')]);
    expect(missing).toEqual(['q-x']);
  });

  it('does not mark text split across two paragraphs', () => {
    const { missing } = markQuotesInHtml('<p>end of one.</p><p>Start of two</p>', [q('q-y', 'end of one. Start of two')]);
    expect(missing).toEqual(['q-y']);
  });
});
