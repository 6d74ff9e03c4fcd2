/**
 * Event and source pages (issue: event and source pages), against the built site served by
 * the config's webServer:
 *
 * - for one claim of each of the five sources (and one passage that shares its <mark> with an
 *   earlier quote): event page → "See this passage in the article" → the source page at
 *   #q-<event>-<claim>, whose <mark> exists, is highlighted because it is the target, is in
 *   view and holds the quote → its ↩ back link → the event page at #claim-<claim>;
 * - every claim of every event has its passage anchor and its back link on the source page
 *   (statically, from the built HTML);
 * - every event page has a canonical link, og:title, citation_title and DC.title naming the
 *   event, and JSON-LD that parses and describes it;
 * - every event's citation.bib, citation.ris and citation.json exist and are non-empty, and
 *   the download links on the page serve them.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import type { Element } from 'hast';
import { distDir } from '../support/project.ts';
import { publishedEvents, type PublishedEvent } from '../support/published-events.ts';
import { normaliseForMatch } from '../../src/lib/quote-match.ts';

type Claim = PublishedEvent['claims'][number];

const DIST = distDir();
const { file: EVENTS_FILE, built, events } = publishedEvents(DIST);
const sourceIds = [...new Set(events.flatMap((e) => e.claims.map((c) => c.source)))].sort();

test.skip(!built, `${EVENTS_FILE} is missing: run \`npm run build\` first`);

const anchorOf = (eventId: string, claimId: string) => `q-${eventId}-${claimId}`;
const sourceHtml = new Map<string, string>();
const readSource = (id: string): string => {
  if (!sourceHtml.has(id)) {
    const file = join(DIST, 'sources', id, 'index.html');
    sourceHtml.set(id, existsSync(file) ? readFileSync(file, 'utf8') : '');
  }
  return sourceHtml.get(id)!;
};

/** The claims to follow in the browser: the first of each source, and one passage anchored inside another's <mark>. */
const journeys: Array<{ event: PublishedEvent; claim: Claim; why: string }> = [];
for (const source of sourceIds) {
  const event = events.find((e) => e.claims.some((c) => c.source === source))!;
  journeys.push({ event, claim: event.claims.find((c) => c.source === source)!, why: `first claim of ${source}` });
}
for (const event of events) {
  const claim = event.claims.find((c) =>
    readSource(c.source).includes(`<span id="${anchorOf(event.id, c.id)}" class="quote-anchor"`),
  );
  if (claim) {
    journeys.push({ event, claim, why: `passage inside an earlier quote's mark (${claim.source})` });
    break;
  }
}

/** What the source page shows for the passage the URL's hash names. */
function passageState(page: Page, quote: string) {
  return page.evaluate((quoteText) => {
    const id = decodeURIComponent(location.hash.slice(1));
    const target = document.getElementById(id);
    const mark = target ? (target.tagName === 'MARK' ? target : target.closest('mark')) : null;
    if (!target || !mark) return { id, found: !!target, mark: false as const };
    // Text from the anchor to the end of its mark: where the quote must be.
    const range = document.createRange();
    range.setStartBefore(target);
    range.setEnd(mark, mark.childNodes.length);
    const style = getComputedStyle(mark);
    const other = Array.from(document.querySelectorAll('mark.quoted')).find((m) => m !== mark);
    const r = mark.getBoundingClientRect();
    return {
      id,
      found: true,
      mark: true as const,
      text: range.toString(),
      isTarget: target.matches(':target'),
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
      background: style.backgroundColor,
      otherOutline: other ? getComputedStyle(other).outlineStyle : 'none',
      inView: r.bottom > 0 && r.top < innerHeight,
      quote: quoteText,
    };
  }, quote);
}

test.describe('from a claim to its passage and back', () => {
  for (const { event, claim, why } of journeys) {
    test(`${event.id} / ${claim.id} (${why})`, async ({ page, baseURL }) => {
      await page.goto(`events/${event.id}/`);
      const link = page
        .locator(`figure[id="claim-${claim.id}"]`)
        .getByRole('link', { name: 'See this passage in the article' });
      await expect(link).toHaveCount(1);
      await link.click();

      const anchor = anchorOf(event.id, claim.id);
      await expect(page).toHaveURL(new URL(`sources/${claim.source}/index.html#${anchor}`, baseURL).href);
      const state = await passageState(page, claim.quote);
      expect(state.found, `#${anchor} exists on the source page`).toBe(true);
      expect(state.mark, `#${anchor} is a <mark> or inside one`).toBe(true);
      if (!state.mark) return;
      expect(state.isTarget, `#${anchor} matches :target`).toBe(true);
      expect(state.outline, 'the targeted mark is outlined').not.toMatch(/^none|0px$/);
      expect(state.otherOutline, 'marks that are not the target have no outline').toBe('none');
      expect(state.background, 'the mark has a background').not.toBe('rgba(0, 0, 0, 0)');
      expect(state.inView, 'the mark is scrolled into view').toBe(true);
      expect(normaliseForMatch(state.text), 'the mark holds the quote').toContain(normaliseForMatch(claim.quote));

      // Its ↩: the back link to this claim, among the links that follow the mark.
      const back = await page.evaluate(
        ({ id, eventId, claimId }) => {
          const target = document.getElementById(id)!;
          const mark = target.tagName === 'MARK' ? target : target.closest('mark')!;
          const links: string[] = [];
          for (let el = mark.nextElementSibling; el && el.matches('a.cited-in'); el = el.nextElementSibling)
            links.push((el as HTMLAnchorElement).href);
          const want = links.findIndex((href) => {
            const u = new URL(href);
            return u.pathname.endsWith(`/events/${eventId}/index.html`) && u.hash === `#claim-${claimId}`;
          });
          return { links, index: want };
        },
        { id: anchor, eventId: event.id, claimId: claim.id },
      );
      expect(
        back.index,
        `a ↩ to ${event.id}#claim-${claim.id} follows the mark (found: ${back.links.join(', ')})`,
      ).toBeGreaterThanOrEqual(0);
      await page.locator(`a.cited-in[href$="events/${event.id}/index.html#claim-${claim.id}"]`).click();
      await expect(page).toHaveURL(new URL(`events/${event.id}/index.html#claim-${claim.id}`, baseURL).href);
      const landed = await page.evaluate((id) => {
        const el = document.getElementById(id);
        const r = el?.getBoundingClientRect();
        return {
          exists: !!el,
          text: el?.textContent ?? '',
          inView: !!r && r.bottom > 0 && r.top < innerHeight,
          isTarget: !!el?.matches(':target'),
        };
      }, `claim-${claim.id}`);
      expect(landed.exists).toBe(true);
      expect(landed.isTarget).toBe(true);
      expect(landed.inView).toBe(true);
      expect(normaliseForMatch(landed.text)).toContain(normaliseForMatch(claim.quote));
    });
  }
});

test('every claim has its passage anchor and a back link on its source page', () => {
  const problems: string[] = [];
  for (const event of events) {
    for (const claim of event.claims) {
      const html = readSource(claim.source);
      const anchor = anchorOf(event.id, claim.id);
      const at = html.search(new RegExp(`<(mark|span) id="${anchor}"[ >]`));
      if (at < 0) {
        problems.push(`sources/${claim.source}/: no #${anchor} for ${event.id} / ${claim.id}`);
        continue;
      }
      const backHref = `href="../../events/${event.id}/index.html#claim-${claim.id}"`;
      const back = html.indexOf(backHref);
      if (back < 0 || !html.slice(back - 40, back).includes('<a'))
        problems.push(`sources/${claim.source}/: no ↩ ${backHref}`);
      else if (back < at)
        problems.push(`sources/${claim.source}/: the ↩ to ${event.id}#claim-${claim.id} comes before its passage`);
    }
  }
  expect(problems, problems.join('\n')).toEqual([]);
});

/** The head metadata of a built page. */
function headMeta(file: string) {
  const tree = fromHtml(readFileSync(file, 'utf8'));
  const meta = new Map<string, string>();
  const canonical: string[] = [];
  const jsonLd: string[] = [];
  visit(tree, 'element', (node: Element) => {
    const p = node.properties;
    if (node.tagName === 'meta') {
      const key = (p.name ?? p.property) as string | undefined;
      if (key !== undefined && typeof p.content === 'string') meta.set(String(key), p.content);
    } else if (node.tagName === 'link' && Array.isArray(p.rel) && p.rel.includes('canonical'))
      canonical.push(String(p.href));
    else if (node.tagName === 'script' && p.type === 'application/ld+json') {
      jsonLd.push(node.children.map((c) => (c.type === 'text' ? c.value : '')).join(''));
    }
  });
  return { meta, canonical, jsonLd };
}

test('every event page names itself: canonical, og:title, citation_title, DC.title, JSON-LD', () => {
  const problems: string[] = [];
  for (const event of events) {
    const file = join(DIST, 'events', event.id, 'index.html');
    if (!existsSync(file)) {
      problems.push(`${event.id}: no page`);
      continue;
    }
    const { meta, canonical, jsonLd } = headMeta(file);
    const say = (what: string) => problems.push(`events/${event.id}/: ${what}`);
    if (canonical.length !== 1 || canonical[0] !== event.url)
      say(`canonical ${JSON.stringify(canonical)}, expected ["${event.url}"]`);
    for (const key of ['og:title', 'citation_title', 'DC.title'])
      if (meta.get(key) !== event.title) say(`${key} is ${JSON.stringify(meta.get(key))}`);
    if (meta.get('og:url') !== event.url) say(`og:url is ${JSON.stringify(meta.get('og:url'))}`);
    if (jsonLd.length !== 1) say(`${jsonLd.length} JSON-LD blocks`);
    for (const text of jsonLd) {
      let data: Record<string, unknown>;
      try {
        data = JSON.parse(text) as Record<string, unknown>;
      } catch (error) {
        say(`JSON-LD does not parse: ${(error as Error).message}`);
        continue;
      }
      if (data['@context'] !== 'https://schema.org') say(`JSON-LD @context ${JSON.stringify(data['@context'])}`);
      if (data['@type'] !== 'Event') say(`JSON-LD @type ${JSON.stringify(data['@type'])}`);
      if (data.name !== event.title) say(`JSON-LD name ${JSON.stringify(data.name)}`);
      if (data.url !== event.url) say(`JSON-LD url ${JSON.stringify(data.url)}`);
      if (typeof data.startDate !== 'string' || !/^\d{4}(-\d{2}){0,2}$/.test(data.startDate))
        say(`JSON-LD startDate ${JSON.stringify(data.startDate)}`);
      const citations = ((data.subjectOf as { citation?: Array<{ text?: string }> } | undefined)?.citation ?? []).map(
        (c) => c.text,
      );
      if (JSON.stringify(citations) !== JSON.stringify(event.claims.map((c) => c.quote)))
        say('JSON-LD citations are not the claims, in order');
    }
  }
  expect(problems, problems.join('\n')).toEqual([]);
});

test('the head metadata reaches the browser on an event page', async ({ page }) => {
  const event = journeys[0]!.event;
  await page.goto(`events/${event.id}/`);
  const head = await page.evaluate(() => ({
    canonical: document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href,
    og: document.querySelector('meta[property="og:title"]')?.getAttribute('content'),
    citation: document.querySelector('meta[name="citation_title"]')?.getAttribute('content'),
    dc: document.querySelector('meta[name="DC.title"]')?.getAttribute('content'),
    ld: Array.from(document.querySelectorAll('script[type="application/ld+json"]')).map((s) => s.textContent ?? ''),
  }));
  expect(head).toMatchObject({ canonical: event.url, og: event.title, citation: event.title, dc: event.title });
  expect(head.ld.map((t) => (JSON.parse(t) as { name: string }).name)).toEqual([event.title]);
});

test('every event has non-empty citation.bib, citation.ris and citation.json', () => {
  const problems: string[] = [];
  for (const event of events) {
    for (const name of ['citation.bib', 'citation.ris', 'citation.json']) {
      const file = join(DIST, 'events', event.id, name);
      if (!existsSync(file)) problems.push(`events/${event.id}/${name}: missing`);
      else if (statSync(file).size === 0 || readFileSync(file, 'utf8').trim() === '')
        problems.push(`events/${event.id}/${name}: empty`);
    }
  }
  expect(problems, problems.join('\n')).toEqual([]);
});

test('the download links of an event page serve its citation files', async ({ page, request }) => {
  const event = journeys.at(-1)!.event;
  await page.goto(`events/${event.id}/`);
  const links = await page
    .locator('#cite a[download]')
    .evaluateAll((as) =>
      as.map((a) => ({ href: (a as HTMLAnchorElement).href, download: a.getAttribute('download') })),
    );
  expect(links.map((l) => new URL(l.href).pathname.split('/').pop()).sort()).toEqual([
    'citation.bib',
    'citation.json',
    'citation.ris',
  ]);
  for (const link of links) {
    expect(link.download, `${link.href} has a download name`).toMatch(new RegExp(`^${event.id}\\.(bib|ris|json)$`));
    const response = await request.get(link.href);
    expect(response.status(), link.href).toBe(200);
    const body = (await response.text()).trim();
    expect(body.length, `${link.href} is not empty`).toBeGreaterThan(0);
    if (link.href.endsWith('.bib')) expect(body).toMatch(/^@\w+\{/);
    if (link.href.endsWith('.ris')) expect(body).toMatch(/^TY {2}- /);
    if (link.href.endsWith('.json')) expect(() => JSON.parse(body) as unknown).not.toThrow();
  }
});
