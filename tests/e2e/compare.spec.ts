/**
 * Comparing sources (issue 15), checked against the published data (dist/data/*.json), never
 * against numbers copied from today's content:
 *
 * - each pair of sources has a page (plus its era pages when split), which together link to
 *   every event both report and to every event only one reports, and no other;
 * - each pair's header counts equal the counts from events.json, the disagreement count being
 *   the number of events whose disputes hold a position from each of the two sources;
 * - each source page links to its pairs, and the sources index picker to all of them;
 * - the coverage matrix (SVG and table) holds the claim count of every source and era, each
 *   non-empty cell leads to that source's chronology for that era, and the table passes axe
 *   at 1280 and 375 px, light and dark.
 *
 * UPDATE_SNAPSHOTS=1 writes tests/snapshots/compare-pair.png and coverage-matrix.png.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { test, expect, type Page } from '@playwright/test';
import { compareText } from '../../src/lib/order.ts';
import { listBuiltPages } from '../support/built-pages.ts';
import { PROJECT_ROOT, distDir } from '../support/project.ts';
import { publishedEvents, type PublishedEvent } from '../support/published-events.ts';
import { AXE_TAGS, formatProblems } from '../support/gates/index.ts';

const DIST = distDir();
const readData = <T>(file: string, key: string): T[] =>
  (JSON.parse(readFileSync(join(DIST, 'data', file), 'utf8')) as Record<string, T[]>)[key]!;
const { built, events } = publishedEvents(DIST);
const sourceIds = built
  ? readData<{ id: string }>('sources.json', 'sources')
      .map((s) => s.id)
      .sort(compareText)
  : [];
const eraIds = built ? readData<{ id: string }>('eras.json', 'eras').map((e) => e.id) : [];
const pairs = sourceIds.flatMap((a, i) => sourceIds.slice(i + 1).map((b) => ({ a, b })));
const pages = built ? listBuiltPages(DIST) : [];

test.skip(!built, 'dist/data/events.json is missing: run `npm run build` first');

const cites = (event: PublishedEvent, source: string) => event.claims.some((c) => c.source === source);
/** What the pages of pair a/b must show, computed from events.json alone. */
function expectedFor(a: string, b: string) {
  const ids = (keep: (e: PublishedEvent) => boolean) =>
    events
      .filter(keep)
      .map((e) => e.id)
      .sort(compareText);
  return {
    both: ids((e) => cites(e, a) && cites(e, b)),
    onlyA: ids((e) => cites(e, a) && !cites(e, b)),
    onlyB: ids((e) => cites(e, b) && !cites(e, a)),
    disagree: ids((e) =>
      e.disputes.some((d) => d.positions.some((p) => p.source === a) && d.positions.some((p) => p.source === b)),
    ),
  };
}

/** The site path (e.g. 'events/x/') of a link's target, relative to the site root. */
const sitePath = (href: string, baseURL: string) =>
  new URL(href).pathname.slice(new URL(baseURL).pathname.length).replace(/index\.html$/, '');

/** What one comparison page shows, read in the browser. */
async function readComparison(page: Page) {
  return page.evaluate(() => {
    const hrefsIn = (selector: string) =>
      [...document.querySelectorAll<HTMLAnchorElement>(selector)].map((a) => a.href);
    return {
      both: [...document.querySelectorAll<HTMLElement>('[data-both]')].map((el) => ({
        id: el.dataset.both!,
        href: el.querySelector<HTMLAnchorElement>('h3 a')!.href,
        disagree: el.hasAttribute('data-disagree'),
      })),
      onlyHrefs: [...document.querySelectorAll<HTMLElement>('[data-only]')].map((el) => ({
        source: el.dataset.only!,
        href: el.querySelector('a')!.href,
      })),
      counts: Object.fromEntries(
        [...document.querySelectorAll<HTMLElement>('[data-count]')].map((el) => [
          el.dataset.count!,
          Number.parseInt(el.textContent ?? '', 10),
        ]),
      ),
      links: hrefsIn('main a[href]'),
    };
  });
}

test.describe('pair pages', () => {
  test('there is one comparison page for each pair of sources', () => {
    expect(pairs.length).toBe((sourceIds.length * (sourceIds.length - 1)) / 2);
    const pairPages = pages.filter((p) => /^compare\/[^/]+\/[^/]+\/$/.test(p.urlPath)).map((p) => p.urlPath);
    expect(pairPages.sort(compareText)).toEqual(pairs.map(({ a, b }) => `compare/${a}/${b}/`).sort(compareText));
  });

  for (const { a, b } of pairs) {
    test(`${a} / ${b}: every shared event side by side, every other event linked, counts from events.json`, async ({
      page,
      baseURL,
    }) => {
      const expected = expectedFor(a, b);
      const own = pages.filter((p) => p.urlPath.startsWith(`compare/${a}/${b}/`));
      const seen = { both: [] as string[], disagree: [] as string[], onlyA: [] as string[], onlyB: [] as string[] };
      let counts: Record<string, number> = {};
      for (const p of own) {
        await page.goto(p.urlPath);
        const shown = await readComparison(page);
        if (p.urlPath === `compare/${a}/${b}/`) counts = shown.counts;
        for (const item of shown.both) {
          expect(sitePath(item.href, baseURL!), `${p.rel}: the shared event ${item.id} links to its page`).toBe(
            `events/${item.id}/`,
          );
          seen.both.push(item.id);
          if (item.disagree) seen.disagree.push(item.id);
        }
        for (const item of shown.onlyHrefs) {
          const id = /^events\/([^/]+)\/$/.exec(sitePath(item.href, baseURL!))?.[1] ?? item.href;
          (item.source === a ? seen.onlyA : seen.onlyB).push(id);
        }
      }
      expect(seen.both.sort(compareText)).toEqual(expected.both);
      expect(seen.disagree.sort(compareText)).toEqual(expected.disagree);
      expect(seen.onlyA.sort(compareText)).toEqual(expected.onlyA);
      expect(seen.onlyB.sort(compareText)).toEqual(expected.onlyB);
      expect(counts).toEqual({
        both: expected.both.length,
        'only-a': expected.onlyA.length,
        'only-b': expected.onlyB.length,
        disagree: expected.disagree.length,
      });
    });
  }

  test('each source page links to its comparison with every other source', async ({ page, baseURL }) => {
    for (const id of sourceIds) {
      await page.goto(`sources/${id}/`);
      const targets = await page
        .locator('[data-pair]')
        .evaluateAll((links) => links.map((l) => (l as HTMLAnchorElement).href));
      const expected = pairs.filter(({ a, b }) => a === id || b === id).map(({ a, b }) => `compare/${a}/${b}/`);
      expect(targets.map((href) => sitePath(href, baseURL!)).sort(compareText), id).toEqual(expected.sort(compareText));
    }
  });

  test('the picker on the sources index leads to every pair, without JavaScript', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${baseURL}sources/`);
      const targets = await page
        .locator('.pair-picker a')
        .evaluateAll((links) => links.map((l) => (l as HTMLAnchorElement).href));
      expect(targets.map((href) => sitePath(href, baseURL!)).sort(compareText)).toEqual(
        pairs.map(({ a, b }) => `compare/${a}/${b}/`).sort(compareText),
      );
      await page.locator('.pair-picker a').first().click();
      await expect(page.locator('h1')).toContainText('compared');
    } finally {
      await context.close();
    }
  });
});

test.describe('coverage matrix', () => {
  /** Claims per source and era, from events.json. */
  const expectedCounts = () =>
    Object.fromEntries(
      sourceIds.map((s) => [
        s,
        Object.fromEntries(
          eraIds.map((era) => [
            era,
            events.filter((e) => e.era === era).reduce((n, e) => n + e.claims.filter((c) => c.source === s).length, 0),
          ]),
        ),
      ]),
    );

  test('the drawing and the table hold the claim count of every source and era', async ({ page, baseURL }) => {
    await page.goto('sources/');
    // Two drawings (wide and narrow screens), each with every cell.
    const drawings = await page.locator('.coverage-svg').evaluateAll((svgs) =>
      svgs.map((svg) =>
        [...svg.querySelectorAll('[data-claims]')].map((c) => ({
          source: c.getAttribute('data-source')!,
          era: c.getAttribute('data-era')!,
          claims: Number(c.getAttribute('data-claims')),
          text: c.textContent?.trim(),
          href: (c as SVGAElement).href?.baseVal,
        })),
      ),
    );
    expect(drawings).toHaveLength(2);
    const tabled = await page.locator('[data-coverage-table] tbody tr').evaluateAll((rows) =>
      rows.flatMap((row) =>
        [...row.querySelectorAll('td')].map((td) => ({
          source: row.getAttribute('data-source')!,
          era: td.getAttribute('data-era')!,
          claims: Number(td.textContent),
        })),
      ),
    );
    const expected = expectedCounts();
    const asGrid = (cells: Array<{ source: string; era: string; claims: number }>) => {
      const grid: Record<string, Record<string, number>> = {};
      for (const c of cells) (grid[c.source] ??= {})[c.era] = c.claims;
      return grid;
    };
    expect(asGrid(tabled)).toEqual(expected);
    for (const drawn of drawings) {
      expect(drawn).toHaveLength(sourceIds.length * eraIds.length);
      expect(asGrid(drawn)).toEqual(expected);
      for (const cell of drawn) {
        expect(cell.text, 'the number drawn in the cell').toBe(String(cell.claims));
        if (cell.claims === 0) expect(cell.href).toBeUndefined();
        else
          expect(sitePath(new URL(cell.href!, page.url()).href, baseURL!)).toBe(
            `sources/${cell.source}/chronology/${cell.era}/`,
          );
      }
    }
  });

  for (const { width, colorScheme } of [
    { width: 1280, colorScheme: 'light' },
    { width: 375, colorScheme: 'light' },
    { width: 1280, colorScheme: 'dark' },
  ] as const) {
    test(`the table and the drawing pass axe at ${width} px (${colorScheme})`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      await page.goto('sources/');
      await page.locator('.coverage-table summary').click();
      await expect(page.locator('[data-coverage-table]')).toBeVisible();
      const results = await new AxeBuilder({ page })
        .include('[data-coverage-table]')
        .include('.coverage')
        .withTags([...AXE_TAGS])
        .analyze();
      const problems = results.violations.map((v) => ({
        page: 'sources/',
        rule: v.id,
        message: `${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
      }));
      expect(problems, formatProblems(problems)).toEqual([]);
      expect(results.passes.length, 'axe looked at the table').toBeGreaterThan(0);
    });
  }
});

test.describe('screenshots for the issue', () => {
  test.skip(
    process.env.UPDATE_SNAPSHOTS !== '1',
    'set UPDATE_SNAPSHOTS=1 to write tests/snapshots/compare-pair.png and coverage-matrix.png',
  );
  test('a comparison page and the coverage matrix', async ({ page }) => {
    const dir = join(PROJECT_ROOT, 'tests', 'snapshots');
    mkdirSync(dir, { recursive: true });
    await page.setViewportSize({ width: 1280, height: 1700 });
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    // The pair with the most disagreements shows the most of the page: header, list, first events.
    const pair = pairs.reduce((best, p) =>
      expectedFor(p.a, p.b).disagree.length > expectedFor(best.a, best.b).disagree.length ? p : best,
    );
    await page.goto(`compare/${pair.a}/${pair.b}/`);
    await page.screenshot({
      path: join(dir, 'compare-pair.png'),
      fullPage: false,
      animations: 'disabled',
      caret: 'hide',
      scale: 'css',
    });
    await page.goto('sources/');
    const box = (await page.locator('section', { has: page.locator('#coverage-heading') }).boundingBox())!;
    const margin = 16;
    await page.screenshot({
      path: join(dir, 'coverage-matrix.png'),
      fullPage: true,
      clip: { x: box.x - margin, y: box.y - margin, width: box.width + 2 * margin, height: box.height + 2 * margin },
      animations: 'disabled',
      caret: 'hide',
      scale: 'css',
    });
  });
});
