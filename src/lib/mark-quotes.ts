/**
 * Highlights quoted passages in a source's rendered article. The source page renders the
 * MDX body to HTML, then this marks every passage the chronology quotes with an anchored
 * <mark> and a link back to each event citing it. Matching uses the same normalisation as
 * the build's quote check, so a quote that passed the check is found here too; any quote
 * that is not found is reported so the page can fail the build rather than lose a link.
 */
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { Element, ElementContent, Root, Text } from 'hast';
import { locateNormalised, normaliseForMatch, normaliseWithMap } from './quote-match.ts';

export interface QuoteToMark {
  /** Fragment id of the passage, e.g. `q-1992-02-26-khojaly-meduza`. */
  anchor: string;
  quote: string;
  /** Link back to the citing event (relative href). */
  backHref: string;
  /** Accessible text of the back link, e.g. "Cited in: Killings at Khojaly (February 1992)". */
  backLabel: string;
}

/** Anchor id of a claim's passage on its source page. */
export const quoteAnchor = (eventId: string, claimId: string): string => `q-${eventId}-${claimId}`;

interface Hit {
  start: number;
  end: number;
  quote: QuoteToMark;
}

/** Merges overlapping hits into clusters so marks never nest or cross. */
function clusterHits(hits: Hit[]): Hit[][] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  const clusters: Hit[][] = [];
  let end = -1;
  for (const hit of sorted) {
    const current = clusters.at(-1);
    if (current && hit.start < end) {
      current.push(hit);
      end = Math.max(end, hit.end);
    } else {
      clusters.push([hit]);
      end = hit.end;
    }
  }
  return clusters;
}

const text = (value: string): Text => ({ type: 'text', value });

function backLink(quote: QuoteToMark): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: { href: quote.backHref, className: ['cited-in'], ariaLabel: quote.backLabel, title: quote.backLabel },
    children: [text('↩')],
  };
}

/** Splits one text node into text, marks and back links for the hits inside it. */
function markTextNode(value: string, hits: Hit[]): ElementContent[] {
  const out: ElementContent[] = [];
  let cursor = 0;
  for (const cluster of clusterHits(hits)) {
    const start = cluster[0]!.start;
    const end = Math.max(...cluster.map((h) => h.end));
    if (start > cursor) out.push(text(value.slice(cursor, start)));
    // Later quotes in a cluster get an empty anchor at their own start inside the mark.
    const inner: ElementContent[] = [];
    let at = start;
    for (const hit of cluster.slice(1)) {
      if (hit.start > at) inner.push(text(value.slice(at, hit.start)));
      inner.push({ type: 'element', tagName: 'span', properties: { id: hit.quote.anchor, className: ['quote-anchor'] }, children: [] });
      at = Math.max(at, hit.start);
    }
    inner.push(text(value.slice(at, end)));
    out.push({
      type: 'element',
      tagName: 'mark',
      properties: { id: cluster[0]!.quote.anchor, className: ['quoted'] },
      children: inner,
    });
    for (const hit of cluster) out.push(backLink(hit.quote));
    cursor = end;
  }
  if (cursor < value.length) out.push(text(value.slice(cursor)));
  return out;
}

/**
 * Wraps each quote's first occurrence (within a single text node, i.e. one paragraph,
 * heading or caption) in an anchored <mark>, followed by a link back to its event.
 * @returns the new HTML and the anchors of quotes that could not be found.
 */
export function markQuotesInHtml(html: string, quotes: readonly QuoteToMark[]): { html: string; missing: string[] } {
  const tree: Root = fromHtml(html, { fragment: true });
  const pending = new Map(quotes.map((q) => [q.anchor, q]));
  const needles = new Map(quotes.map((q) => [q.anchor, normaliseForMatch(q.quote)]));

  const visit = (node: Root | Element) => {
    const next: (typeof node.children)[number][] = [];
    for (const child of node.children) {
      if (child.type === 'element') {
        visit(child);
        next.push(child);
      } else if (child.type === 'text' && pending.size > 0) {
        const hits: Hit[] = [];
        const hay = normaliseWithMap(child.value);
        for (const quote of pending.values()) {
          const [first] = locateNormalised(hay, needles.get(quote.anchor)!);
          if (first) hits.push({ ...first, quote });
        }
        hits.forEach((hit) => pending.delete(hit.quote.anchor));
        next.push(...(hits.length ? markTextNode(child.value, hits) : [child]));
      } else {
        next.push(child);
      }
    }
    node.children = next as typeof node.children;
  };
  visit(tree);
  return { html: toHtml(tree), missing: [...pending.keys()] };
}
