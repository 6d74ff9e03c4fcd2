/**
 * The home page timeline (issue: the timeline), against the built site served by the config's
 * webServer:
 *
 * - at 1440, 1024 and 375 px: no two visible SVG labels overlap, the page never scrolls
 *   sideways, and every event of dist/data/events.json is a visible link in the drawing and in
 *   the list;
 * - the filters (era, source, disputed) change what is shown and the URL query, and loading
 *   that URL restores the same view; `#<event-id>` marks the event (is-target) and scrolls it
 *   into view, and, as filter-script.ts promises, the first visible item (the mark in the
 *   drawing, where "Show on the full timeline" on an event page should land) is the one in view;
 * - with JavaScript off every event's title and link is on the page;
 * - UPDATE_SNAPSHOTS=1 writes tests/snapshots/home-1440.png and home-375.png (first screen)
 *   for the README.
 *
 * Expected results are computed from events.json, not from the page's data attributes, so a
 * wrong attribute fails here too.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { PROJECT_ROOT } from '../support/project.ts';
import { publishedEvents } from '../support/published-events.ts';

const { file: EVENTS_FILE, built, events } = publishedEvents();
const allIds = events.map((e) => e.id).sort();

test.skip(!built, `${EVENTS_FILE} is missing: run \`npm run build\` first`);

const WIDTHS = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
  { width: 375, height: 812 },
] as const;

/** A label's box in page coordinates. */
interface LabelBox {
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** What the visible timeline drawing holds, read in one round trip. */
interface Drawing {
  /** Class of the visible <svg> ('timeline-svg timeline-horizontal' …); '' when none is visible. */
  svgClass: string;
  labels: LabelBox[];
  /** Event links in the visible drawing: resolved href, its data-event-id, whether it is shown inside the drawing. */
  marks: Array<{ href: string; eventId: string; shown: boolean; name: string }>;
}

async function readDrawing(page: Page): Promise<Drawing> {
  return page.evaluate(() => {
    const svgs = Array.from(document.querySelectorAll<SVGSVGElement>('svg.timeline-svg'));
    const svg = svgs.find((s) => s.getClientRects().length > 0 && getComputedStyle(s).display !== 'none');
    if (!svg) return { svgClass: '', labels: [], marks: [] };
    const frame = svg.getBoundingClientRect();
    const labels = Array.from(svg.querySelectorAll('text'))
      .filter((t) => !t.closest('[hidden]'))
      .map((t) => {
        const r = t.getBoundingClientRect();
        return { text: (t.textContent ?? '').trim(), left: r.left + scrollX, top: r.top + scrollY, right: r.right + scrollX, bottom: r.bottom + scrollY };
      })
      .filter((b) => b.right - b.left > 0 && b.bottom - b.top > 0);
    const marks = Array.from(svg.querySelectorAll<SVGAElement>('a.mark')).map((a) => {
      const r = a.getBoundingClientRect();
      const shown =
        !a.closest('[hidden]') && r.width > 0 && r.height > 0 &&
        r.left >= frame.left - 1 && r.right <= frame.right + 1 && r.top >= frame.top - 1 && r.bottom <= frame.bottom + 1;
      return {
        href: new URL(a.getAttribute('href') ?? '', location.href).href,
        eventId: a.getAttribute('data-event-id') ?? '',
        shown,
        name: a.getAttribute('aria-label') ?? '',
      };
    });
    return { svgClass: svg.getAttribute('class') ?? '', labels, marks };
  });
}

/** Pairs of boxes that overlap by more than `tolerance` px both ways (sort by left edge, then sweep). */
function overlappingPairs(boxes: readonly LabelBox[], tolerance = 0.5): Array<[LabelBox, LabelBox]> {
  const sorted = [...boxes].sort((a, b) => a.left - b.left);
  const pairs: Array<[LabelBox, LabelBox]> = [];
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length && sorted[j]!.left < a.right - tolerance; j++) {
      const b = sorted[j]!;
      const dx = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (dx > tolerance && dy > tolerance) pairs.push([a, b]);
    }
  }
  return pairs;
}

/** The event id an href leads to (…/events/<id>/index.html), or undefined. */
function eventIdOf(href: string): string | undefined {
  return /\/events\/([^/]+)\/index\.html$/.exec(new URL(href).pathname)?.[1];
}

/** Event links of the list: resolved href, the li's id and its text, whether it is shown. */
async function readList(page: Page): Promise<Array<{ href: string; itemId: string; text: string; shown: boolean }>> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLAnchorElement>('.chronology-list li[data-event-id] > a')).map((a) => {
      const li = a.closest('li')!;
      return { href: a.href, itemId: li.id, text: (a.textContent ?? '').trim(), shown: a.getClientRects().length > 0 && !li.closest('[hidden]') };
    }),
  );
}

/** Ids of the events shown in the list and in the visible drawing, and the count text. */
async function shownIds(page: Page): Promise<{ list: string[]; drawing: string[]; count: string }> {
  return page.evaluate(() => {
    const shown = (el: Element) => el.getClientRects().length > 0 && !el.closest('[hidden]');
    const svg = Array.from(document.querySelectorAll('svg.timeline-svg')).find((s) => s.getClientRects().length > 0);
    const ids = (els: Element[]) => [...new Set(els.filter(shown).map((el) => el.getAttribute('data-event-id') ?? ''))].sort();
    return {
      list: ids(Array.from(document.querySelectorAll('.chronology-list li[data-event-id]'))),
      drawing: svg ? ids(Array.from(svg.querySelectorAll('a.mark[data-event-id]'))) : [],
      count: (document.querySelector('[data-filter-count]')?.textContent ?? '').trim(),
    };
  });
}

const describePair = ([a, b]: [LabelBox, LabelBox]) =>
  `"${a.text}" [${a.left.toFixed(1)},${a.top.toFixed(1)} → ${a.right.toFixed(1)},${a.bottom.toFixed(1)}] overlaps ` +
  `"${b.text}" [${b.left.toFixed(1)},${b.top.toFixed(1)} → ${b.right.toFixed(1)},${b.bottom.toFixed(1)}]`;

test.describe('timeline layout', () => {
  test('the overlap check itself finds overlaps and ignores touching boxes', () => {
    const box = (text: string, left: number, top: number, w = 10, h = 10): LabelBox => ({ text, left, top, right: left + w, bottom: top + h });
    expect(overlappingPairs([box('a', 0, 0), box('b', 10, 0), box('c', 0, 10)])).toHaveLength(0);
    expect(overlappingPairs([box('a', 0, 0), box('b', 5, 5), box('c', 100, 0)]).map(([a, b]) => a.text + b.text)).toEqual(['ab']);
    // A long box overlapping a box that starts far to its right is still found by the sweep.
    expect(overlappingPairs([box('long', 0, 0, 500), box('x', 1, 50), box('far', 400, 5)]).map(([a, b]) => a.text + b.text)).toEqual(['longfar']);
  });

  for (const size of WIDTHS) {
    test(`at ${size.width} px: labels do not overlap, no sideways scroll, every event is a link in the drawing and the list`, async ({ page }) => {
      await page.setViewportSize(size);
      await page.goto('./');
      const drawing = await readDrawing(page);
      expect(drawing.svgClass, 'a timeline drawing is visible').toContain('timeline-svg');
      expect(drawing.svgClass).toContain(size.width >= 768 ? 'timeline-horizontal' : 'timeline-vertical');

      const pairs = overlappingPairs(drawing.labels);
      expect(pairs.length, `overlapping labels at ${size.width} px:\n${pairs.slice(0, 20).map(describePair).join('\n')}`).toBe(0);
      // Every event's label is among the boxes compared (nothing was skipped as invisible).
      expect(drawing.labels.length).toBeGreaterThanOrEqual(events.length);

      const scroll = await page.evaluate(() => {
        const el = document.scrollingElement!;
        return { scrollWidth: el.scrollWidth, clientWidth: el.clientWidth };
      });
      expect(scroll.scrollWidth, `the page scrolls sideways at ${size.width} px`).toBeLessThanOrEqual(scroll.clientWidth);

      // Drawing: one shown link per event, pointing at that event's page.
      const problems: string[] = [];
      for (const mark of drawing.marks) {
        if (eventIdOf(mark.href) !== mark.eventId) problems.push(`drawing: mark for ${mark.eventId} links to ${mark.href}`);
        if (!mark.shown) problems.push(`drawing: mark for ${mark.eventId} is hidden or outside the drawing`);
        if (!mark.name) problems.push(`drawing: mark for ${mark.eventId} has no accessible name`);
      }
      expect(problems, problems.join('\n')).toEqual([]);
      expect([...new Set(drawing.marks.filter((m) => m.shown).map((m) => eventIdOf(m.href)))].sort()).toEqual(allIds);

      // List: one shown link per event.
      const list = await readList(page);
      expect(list.filter((l) => l.shown && eventIdOf(l.href) === l.itemId).map((l) => l.itemId).sort()).toEqual(allIds);
    });
  }
});

test.describe('timeline filters', () => {
  const firstEra = events[0]?.era ?? '';
  const sourceIds = [...new Set(events.flatMap((e) => e.claims.map((c) => c.source)))].sort();
  // The source cited by the fewest events: the strongest test that filtering happens.
  const rareSource = sourceIds
    .map((id) => ({ id, n: events.filter((e) => e.claims.some((c) => c.source === id)).length }))
    .sort((a, b) => a.n - b.n)[0]?.id ?? '';
  const cases = [
    {
      name: 'era',
      query: `era=${firstEra}`,
      choose: (page: Page) => page.locator('form[data-timeline-filters] select[name="era"]').selectOption(firstEra),
      form: { era: firstEra, source: '', disputed: false },
      expected: events.filter((e) => e.era === firstEra),
    },
    {
      name: 'source',
      query: `source=${rareSource}`,
      choose: (page: Page) => page.locator('form[data-timeline-filters] select[name="source"]').selectOption(rareSource),
      form: { era: '', source: rareSource, disputed: false },
      expected: events.filter((e) => e.claims.some((c) => c.source === rareSource)),
    },
    {
      name: 'disputed',
      query: 'disputed=1',
      choose: (page: Page) => page.locator('form[data-timeline-filters] input[name="disputed"]').check(),
      form: { era: '', source: '', disputed: true },
      expected: events.filter((e) => e.disputes.length > 0),
    },
  ];

  const formState = (page: Page) =>
    page.evaluate(() => {
      const form = document.querySelector<HTMLFormElement>('form[data-timeline-filters]')!;
      return {
        era: (form.elements.namedItem('era') as HTMLSelectElement).value,
        source: (form.elements.namedItem('source') as HTMLSelectElement).value,
        disputed: (form.elements.namedItem('disputed') as HTMLInputElement).checked,
      };
    });

  for (const c of cases) {
    test(`choosing ${c.name} filters the drawing and the list, writes ?${c.query}, and the URL restores the view`, async ({ page, browser, baseURL }) => {
      const expected = c.expected.map((e) => e.id).sort();
      expect(expected.length, `${c.name}: the filter would show some events`).toBeGreaterThan(0);
      expect(expected.length, `${c.name}: the filter would hide some events`).toBeLessThan(events.length);

      await page.goto('./');
      expect((await shownIds(page)).list).toEqual(allIds);
      await c.choose(page);
      await expect(page).toHaveURL(new RegExp(`\\?${c.query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
      const filtered = await shownIds(page);
      expect(filtered.list).toEqual(expected);
      expect(filtered.drawing).toEqual(expected);
      expect(filtered.count).toBe(`Showing ${expected.length} of ${events.length} events`);
      // Era and year headings with nothing left under them are hidden too.
      const emptyGroupsShown = await page.evaluate(() =>
        Array.from(document.querySelectorAll('.chronology-list [data-filter-group]')).filter(
          (g) => g.getClientRects().length > 0 && !g.querySelector('[data-event-id]:not([hidden])'),
        ).length,
      );
      expect(emptyGroupsShown, 'era/year groups with no visible event are hidden').toBe(0);

      // A new tab on the URL the filter wrote shows the same view and the same form state.
      const url = page.url();
      expect(url.startsWith(baseURL!)).toBe(true);
      const again = await browser.newPage();
      try {
        await again.goto(url);
        const restored = await shownIds(again);
        expect(restored).toEqual(filtered);
        expect(await formState(again)).toEqual(c.form);
      } finally {
        await again.close();
      }

      // Clearing the filter shows everything again and drops the query.
      if (c.name === 'disputed') await page.locator('input[name="disputed"]').uncheck();
      else await page.locator(`select[name="${c.name}"]`).selectOption('');
      await expect(page).toHaveURL(/\/(index\.html)?$/);
      expect((await shownIds(page)).list).toEqual(allIds);
    });
  }

  test('era and disputed combine, and the combined URL restores the view', async ({ page, browser }) => {
    const era = [...new Set(events.filter((e) => e.disputes.length > 0).map((e) => e.era))][0]!;
    const expected = events.filter((e) => e.era === era && e.disputes.length > 0).map((e) => e.id).sort();
    await page.goto('./');
    await page.locator('select[name="era"]').selectOption(era);
    await page.locator('input[name="disputed"]').check();
    await expect(page).toHaveURL(new RegExp(`\\?era=${era}&disputed=1$`));
    const view = await shownIds(page);
    expect(view.list).toEqual(expected);
    const again = await browser.newPage();
    try {
      await again.goto(page.url());
      expect(await shownIds(again)).toEqual(view);
      expect(await formState(again)).toEqual({ era, source: '', disputed: true });
    } finally {
      await again.close();
    }
  });
});

test.describe('timeline targets', () => {
  // The last event: at the bottom of the list and of the vertical drawing, so it needs a scroll.
  const target = events.at(-1)!;
  const other = events[Math.floor(events.length / 2)]!;

  const targetState = (page: Page, id: string) =>
    page.evaluate((eventId) => {
      const items = Array.from(document.querySelectorAll('[data-event-id]'));
      const on = items.filter((el) => el.classList.contains('is-target'));
      const visible = on.filter((el) => el.getClientRects().length > 0);
      const inView = (el: Element | undefined) => {
        const r = el?.getBoundingClientRect();
        return !!r && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
      };
      return {
        marked: on.map((el) => el.getAttribute('data-event-id')).filter((v, i, a) => a.indexOf(v) === i),
        markedCount: on.length,
        expectedCount: items.filter((el) => el.getAttribute('data-event-id') === eventId).length,
        visibleCount: visible.length,
        /** Some highlighted item of the event is on screen (the list item or the drawing's mark). */
        anyInView: visible.some((el) => inView(el)),
        /** The first visible one, the drawing's mark, is on screen (filter-script.ts: "scrolls the first visible one into view"). */
        markInView: visible[0]?.tagName.toLowerCase() === 'a' && inView(visible[0]),
        where: visible.map((el) => `${el.tagName.toLowerCase()} at top ${Math.round(el.getBoundingClientRect().top)}`).join(', '),
        scrollY,
      };
    }, id);

  for (const size of [WIDTHS[0], WIDTHS[2]]) {
    test(`at ${size.width} px, /#<event-id> marks that event in the drawing and the list and scrolls it into view; a new hash moves the mark`, async ({ page }) => {
      await page.setViewportSize(size);
      await page.goto(`./#${target.id}`);
      await expect.poll(async () => (await targetState(page, target.id)).anyInView, { message: `${target.id} scrolled into view` }).toBe(true);
      const state = await targetState(page, target.id);
      expect(state.marked).toEqual([target.id]);
      // The list item and both drawings' marks carry is-target, and nothing else does.
      expect(state.markedCount).toBe(state.expectedCount);
      expect(state.markedCount).toBeGreaterThanOrEqual(3);
      expect(state.visibleCount).toBeGreaterThanOrEqual(2);
      if (size.width < 768) expect(state.scrollY, 'the page scrolled down to the last event').toBeGreaterThan(size.height);

      // A later hash change moves the mark, and the script brings the drawing's mark into view.
      await page.evaluate((id) => {
        location.hash = id;
      }, other.id);
      await expect.poll(async () => (await targetState(page, other.id)).marked).toEqual([other.id]);
      await expect.poll(async () => (await targetState(page, other.id)).markInView, { message: 'the drawing mark of the new target is in view' }).toBe(true);
    });

    test(`at ${size.width} px, opening /#<event-id> shows the event's mark in the drawing ("Show on the full timeline")`, async ({ page }) => {
      await page.setViewportSize(size);
      await page.goto(`./#${target.id}`);
      await expect
        .poll(async () => (await targetState(page, target.id)).markInView, {
          message: `after load, the drawing's mark for ${target.id} is in view (highlighted items: ${(await targetState(page, target.id)).where})`,
          timeout: 3_000,
        })
        .toBe(true);
    });
  }
});

test('without JavaScript every event title and link is on the home page', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, ...(baseURL ? { baseURL } : {}) });
  try {
    const page = await context.newPage();
    await page.goto('./');
    const list = await readList(page);
    const byId = new Map(list.map((l) => [l.itemId, l]));
    const problems: string[] = [];
    for (const event of events) {
      const item = byId.get(event.id);
      if (!item) problems.push(`list: no item for ${event.id}`);
      else {
        if (item.text !== event.title) problems.push(`list: ${event.id} reads "${item.text}", not "${event.title}"`);
        if (eventIdOf(item.href) !== event.id) problems.push(`list: ${event.id} links to ${item.href}`);
        if (!item.shown) problems.push(`list: ${event.id} is not shown`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
    // The drawing is there without script as well (nothing is hidden by default).
    const drawing = await readDrawing(page);
    expect([...new Set(drawing.marks.filter((m) => m.shown).map((m) => eventIdOf(m.href)))].sort()).toEqual(allIds);
    // The count names every event, with no script to compute it.
    await expect(page.locator('[data-filter-count]')).toHaveText(`Showing ${events.length} of ${events.length} events`);
  } finally {
    await context.close();
  }
});

test.describe('README screenshots', () => {
  test.skip(process.env.UPDATE_SNAPSHOTS !== '1', 'set UPDATE_SNAPSHOTS=1 to write tests/snapshots/home-*.png');
  for (const size of [WIDTHS[0], WIDTHS[2]]) {
    test(`home page first screen at ${size.width} px`, async ({ page }) => {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
      await page.goto('./');
      await page.evaluate(() => document.fonts.ready);
      const dir = join(PROJECT_ROOT, 'tests', 'snapshots');
      mkdirSync(dir, { recursive: true });
      const path = join(dir, `home-${size.width}.png`);
      await page.screenshot({ path, fullPage: false, animations: 'disabled', caret: 'hide', scale: 'css' });
      expect(existsSync(path)).toBe(true);
    });
  }
});
