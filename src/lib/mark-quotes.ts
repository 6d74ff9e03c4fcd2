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
import { routes } from './site-paths.ts';

export interface QuoteToMark {
  /** Fragment id of the passage, e.g. `q-1992-02-26-khojaly-meduza`. */
  anchor: string;
  quote: string;
  /** Link back to the citing event (relative href). */
  backHref: string;
  /** Accessible text of the back link, e.g. "Cited in: Killings at Khojaly (February 1992)". */
  backLabel: string;
}

/**
 * Back links written after one passage. A passage quoted by more events gets one further link
 * ("N more") to the page that lists every event quoting the source, so the source page stays
 * bounded by its article's length, not by the size of the chronology.
 */
export const MAX_BACK_LINKS_PER_PASSAGE = 5;

/** Where the "N more" link of a much-quoted passage leads (relative href). */
export interface MoreLink {
  href: string;
  /** Accessible text for `count` further events, e.g. "12 more events cite this source". */
  label: (count: number) => string;
}

/** Anchor id of a claim's passage on its source page. */
export const quoteAnchor = (eventId: string, claimId: string): string => `q-${eventId}-${claimId}`;

/** The site path of a claim's passage on its source's page (marked there with quoteAnchor). */
export const passagePath = (sourceId: string, eventId: string, claimId: string): string =>
  `${routes.source(sourceId)}#${quoteAnchor(eventId, claimId)}`;

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

function backLink(href: string, label: string, symbol: string): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: { href, className: ['cited-in'], ariaLabel: label, title: label },
    children: [text(symbol)],
  };
}

/** The back links of one passage: one per citing event, up to the cap, then one "N more". */
function backLinks(cluster: readonly Hit[], more: MoreLink | undefined): Element[] {
  const shown =
    more && cluster.length > MAX_BACK_LINKS_PER_PASSAGE ? cluster.slice(0, MAX_BACK_LINKS_PER_PASSAGE) : cluster;
  const links = shown.map((hit) => backLink(hit.quote.backHref, hit.quote.backLabel, '↩'));
  const rest = cluster.length - shown.length;
  if (more && rest > 0) links.push(backLink(more.href, more.label(rest), `+${rest}`));
  return links;
}

/** Splits one text node into text, marks and back links for the hits inside it. */
function markTextNode(value: string, hits: Hit[], more: MoreLink | undefined): ElementContent[] {
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
      inner.push({
        type: 'element',
        tagName: 'span',
        properties: { id: hit.quote.anchor, className: ['quote-anchor'] },
        children: [],
      });
      at = Math.max(at, hit.start);
    }
    inner.push(text(value.slice(at, end)));
    out.push({
      type: 'element',
      tagName: 'mark',
      properties: { id: cluster[0]!.quote.anchor, className: ['quoted'] },
      children: inner,
    });
    out.push(...backLinks(cluster, more));
    cursor = end;
  }
  if (cursor < value.length) out.push(text(value.slice(cursor)));
  return out;
}

/**
 * Wraps each quote's first occurrence (within a single text node, i.e. one paragraph,
 * heading or caption) in an anchored <mark>, followed by a link back to its event (with
 * `more`, at most MAX_BACK_LINKS_PER_PASSAGE of them, then one link to `more.href`).
 * @returns the new HTML and the anchors of quotes that could not be found.
 */
export function markQuotesInHtml(
  html: string,
  quotes: readonly QuoteToMark[],
  more?: MoreLink,
): { html: string; missing: string[] } {
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
        next.push(...(hits.length ? markTextNode(child.value, hits, more) : [child]));
      } else {
        next.push(child);
      }
    }
    node.children = next as typeof node.children;
  };
  visit(tree);
  return { html: toHtml(tree), missing: [...pending.keys()] };
}
