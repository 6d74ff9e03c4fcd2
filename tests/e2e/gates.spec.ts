/**
 * Quality gates over the built site (dist/, or $GATES_DIST), served by scripts/serve-dist.mjs.
 *
 * Every page:   html-validate (standard preset), internal links and anchors, CSP <meta>,
 *               no third-party resource in the markup, axe (WCAG 2.0/2.1/2.2 A+AA) at 1280 px,
 *               no request to another origin while loading, readable with JavaScript off.
 * Sampled:      axe at 375 px (after typing in a search box and scrolling to the end, with the
 *               request watch), axe in the dark colour scheme, and "JavaScript adds no
 *               reading text", on the largest page of every template (built-pages.ts:
 *               representativePages); GATES_FULL=1 runs the 375 px pass on every page.
 * Home page:    weight budget, 100 KB gzip of HTML + CSS + JS, of which 15 KB JS.
 *
 * The gate functions live in tests/support/gates/, one file per gate. The last block proves that the browser gates
 * fail on tests/fixtures/broken-pages/ (the static ones are proved in tests/unit/gates.test.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import {
  chunkPages,
  listBuiltPages,
  missingTemplates,
  representativePages,
  templateOf,
  type BuiltPage,
} from '../support/built-pages.ts';
import { BROKEN_PAGES_DIR, listBrokenPages } from '../support/broken-pages.ts';
import { distDir } from '../support/project.ts';
import {
  checkCsp,
  checkLinks,
  checkReadableWithoutJs,
  checkStaticPrivacy,
  checkWeight,
  collectResources,
  compareJsText,
  formatProblems,
  HOME_BUDGET,
  measureWeight,
  parsePage,
  preloadAxe,
  renderedText,
  settle,
  runAxe,
  validateHtml,
  watchRequests,
  type GateProblem,
  type RequestWatch,
} from '../support/gates/index.ts';

const DIST = distDir();
const built = existsSync(join(DIST, 'index.html'));
const pages = built ? listBuiltPages(DIST) : [];
/** Redirect pages (meta refresh to a renamed event's new address), by rel, with their target. */
const redirects = new Map(
  pages.flatMap((p) => {
    const target = parsePage(p.file).refresh;
    return target === undefined ? [] : [[p.rel, target] as const];
  }),
);
const samples = representativePages(pages.filter((p) => !redirects.has(p.rel)));
const FULL = process.env.GATES_FULL === '1';

/** Static gates are cheap; split the pages into this many tests so both workers share them. */
const STATIC_CHUNKS = 2;
const chunk = <T>(items: readonly T[], n: number, i: number): T[] => items.filter((_, k) => k % n === i);

const originOf = (baseURL: string | undefined): string => new URL(baseURL ?? 'http://127.0.0.1/').origin;

/** Fails with one line per problem (and not a second copy of them as a diff). */
function expectNone(problems: GateProblem[], what: string, soft = false): void {
  (soft ? expect.soft : expect)(problems.length, `${what}:\n${formatProblems(problems)}\n`).toBe(0);
}

/** A browser page kept for a whole worker, with axe preloaded and requests watched. */
interface GatePage {
  page: Page;
  requests: RequestWatch;
}

/**
 * Opening a browser context costs up to a second on a busy 2-core machine, so the per-page
 * gates reuse one page per worker and per kind (wide, narrow, dark, JavaScript off) and only
 * navigate it. The site is static and keeps no state between pages, so nothing leaks between
 * tests that matters to these gates.
 */
const gates = test.extend<object, { wide: GatePage; narrow: GatePage; dark: GatePage; noJs: Page }>({
  wide: [
    async ({ browser }, use, workerInfo) => use(await openGatePage(browser, workerInfo.project.use, {})),
    { scope: 'worker' },
  ],
  narrow: [
    async ({ browser }, use, workerInfo) =>
      use(
        await openGatePage(browser, workerInfo.project.use, {
          viewport: { width: 375, height: 812 },
          isMobile: true,
          hasTouch: true,
        }),
      ),
    { scope: 'worker' },
  ],
  dark: [
    async ({ browser }, use, workerInfo) =>
      use(await openGatePage(browser, workerInfo.project.use, { colorScheme: 'dark' })),
    { scope: 'worker' },
  ],
  noJs: [
    async ({ browser }, use, workerInfo) => {
      const context = await browser.newContext({ ...contextOptions(workerInfo.project.use), javaScriptEnabled: false });
      await use(await context.newPage());
      await context.close();
    },
    { scope: 'worker' },
  ],
});

function contextOptions(use: {
  baseURL?: string | undefined;
  viewport?: { width: number; height: number } | null | undefined;
}): BrowserContextOptions {
  return {
    baseURL: use.baseURL ?? '',
    viewport: use.viewport ?? { width: 1280, height: 800 },
    serviceWorkers: 'block',
  };
}

async function openGatePage(
  browser: Browser,
  use: { baseURL?: string | undefined; viewport?: { width: number; height: number } | null | undefined },
  extra: BrowserContextOptions,
): Promise<GatePage> {
  const context = await browser.newContext({ ...contextOptions(use), ...extra });
  const page = await context.newPage();
  const requests = await watchRequests(page, originOf(use.baseURL));
  await preloadAxe(page);
  return { page, requests };
}

/** The result of visiting one page with a GatePage. */
interface Visit {
  /** The page did not load (HTTP status, timeout, crash). */
  load: GateProblem[];
  axe: GateProblem[];
  requests: GateProblem[];
}

/**
 * Loads a page, optionally searches and scrolls, runs axe, and returns axe's violations and
 * the requests to other origins (and CSP violations). Never throws for a page's fault: a page
 * that does not load becomes a 'load' problem, so a chunk of pages is still checked in full.
 */
async function visit(
  { page, requests }: GatePage,
  urlPath: string,
  label: string,
  options: { interact?: boolean; redirectTo?: string | undefined } = {},
): Promise<Visit> {
  await requests.take(); // forget whatever the previous page still requested
  try {
    const response = await page.goto(urlPath, { waitUntil: 'load' });
    if (response?.status() !== 200)
      return {
        load: [{ page: label, rule: 'load', message: `HTTP ${response?.status() ?? 'no response'}` }],
        axe: [],
        requests: [],
      };
    const redirect = await followRedirect(page, response.url(), label, options.redirectTo ?? redirects.get(label));
    if (redirect) return { load: redirect, axe: [], requests: await requests.take(label) };
    if (options.interact) {
      // Let a search box fetch its index and show results, and lazy images and anything
      // loaded on scroll ask for their files, so both the request watch and axe see that too.
      await settle(page, async () => {
        const search = page.locator('main input[type="search"]:visible').first();
        if ((await search.count()) > 0) await search.fill('Khojaly');
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      });
    }
    const axe = await runAxe(page, label);
    return { load: [], axe, requests: await requests.take(label) };
  } catch (error) {
    return {
      load: [
        {
          page: label,
          rule: 'load',
          message: error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error),
        },
      ],
      axe: [],
      requests: [],
    };
  }
}

/**
 * For a redirect page (meta refresh), waits until the browser has arrived at its target and
 * returns the problems ([] when it arrived); for any other page returns undefined. The target
 * is checked as a page of its own, so axe and the no-JS check skip the redirect itself.
 */
async function followRedirect(
  page: Page,
  loadedUrl: string,
  label: string,
  target = redirects.get(label),
): Promise<GateProblem[] | undefined> {
  if (target === undefined) return undefined;
  const expected = new URL(target, loadedUrl);
  expected.hash = '';
  const problem = (why: string): GateProblem[] => [
    { page: label, rule: 'redirect', message: `the meta refresh to ${target} ${why}` },
  ];
  try {
    await page.waitForURL((url) => url.origin + url.pathname === expected.origin + expected.pathname, {
      timeout: 10_000,
    });
    await page.waitForLoadState('load');
  } catch {
    return problem(`did not arrive at ${expected.href} (the browser is at ${page.url()})`);
  }
  const status = await page.evaluate(
    () =>
      (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.responseStatus ?? 0,
  );
  return status === 200 ? [] : problem(`arrived at ${expected.href}, which answered HTTP ${status}`);
}

/**
 * Visits every page of a chunk, then fails on pages that did not load, requests to other
 * origins, failed requests or CSP violations (softly, so axe still reports), and axe violations.
 */
async function expectCleanVisits(
  gatePage: GatePage,
  group: readonly BuiltPage[],
  width: string,
  options: { interact?: boolean } = {},
): Promise<void> {
  const visits: Visit[] = [];
  for (const p of group) visits.push(await visit(gatePage, p.urlPath, p.rel, options));
  expectNone(
    visits.flatMap((v) => v.load),
    'pages that did not load',
    true,
  );
  expectNone(
    visits.flatMap((v) => v.requests),
    'requests to other origins, failed requests or CSP violations',
    true,
  );
  expectNone(
    visits.flatMap((v) => v.axe),
    `axe violations at ${width}`,
  );
}

/** Title of a chunk test: its first and last page. */
const chunkTitle = (chunk: readonly BuiltPage[]): string =>
  chunk.length === 1 ? chunk[0]!.rel : `${chunk[0]!.rel} … ${chunk[chunk.length - 1]!.rel} (${chunk.length} pages)`;

test.describe.configure({ mode: 'parallel' });

test('the build exists and has a page for every template', () => {
  expect(built, `${DIST}/index.html is missing: build the site first (npm run build)`).toBe(true);
  const missing = missingTemplates(pages);
  expect(missing, `templates with no built page (the sampled gates cannot cover them): ${missing.join(', ')}`).toEqual(
    [],
  );
  test.info().annotations.push({
    type: 'pages',
    description: `${pages.length} pages; sampled: ${samples.map((p) => `${p.template} → ${p.rel}`).join('; ')}`,
  });
});

test.describe('every page, static', () => {
  for (let i = 0; i < STATIC_CHUNKS; i++) {
    test(`html-validate (standard preset) reports no error (part ${i + 1} of ${STATIC_CHUNKS})`, async () => {
      const problems = await validateHtml(chunk(pages, STATIC_CHUNKS, i));
      expectNone(problems, 'html-validate errors');
    });
  }

  test('no broken internal link, image, script or anchor', () => {
    expectNone(checkLinks(DIST, pages), 'broken internal links');
  });

  test("every page has a CSP <meta> whose default-src is 'self' and that allows no other origin", () => {
    const problems = pages.flatMap((p) => checkCsp(readFileSync(p.file, 'utf8'), p.rel));
    expectNone(problems, 'Content-Security-Policy problems');
  });

  test('no page loads a resource from another origin (markup)', () => {
    const problems = pages.flatMap((p) => checkStaticPrivacy(readFileSync(p.file, 'utf8'), p.rel));
    expectNone(problems, 'third-party resources');
  });
});

gates.describe('every page at 1280 px: axe finds no violation, no request leaves the server or fails', () => {
  for (const group of chunkPages(pages)) {
    gates(chunkTitle(group), async ({ wide }) => {
      test.setTimeout(30_000 + 15_000 * group.length);
      await expectCleanVisits(wide, group, '1280 px');
    });
  }
});

gates.describe(
  `at 375 px (${FULL ? 'every page' : 'largest page of each template'}), after searching and scrolling to the end: axe, requests`,
  () => {
    for (const group of FULL ? chunkPages(pages) : samples.map((p) => [p])) {
      gates(chunkTitle(group), async ({ narrow }) => {
        test.setTimeout(30_000 + 20_000 * group.length);
        await expectCleanVisits(narrow, group, '375 px', { interact: true });
      });
    }
  },
);

gates.describe(
  'largest page of each template, dark colour scheme at 1280 px: axe, and JavaScript adds no reading text',
  () => {
    for (const p of samples) {
      gates(p.rel, async ({ dark, noJs }) => {
        const result = await visit(dark, p.urlPath, p.rel);
        expectNone(result.load, 'page did not load', true);
        expectNone(result.axe, 'axe violations in the dark colour scheme', true);
        // The same page with JavaScript off must show (nearly) all the reading text.
        const withJs = await renderedText(dark.page, 'main');
        await noJs.goto(p.urlPath, { waitUntil: 'load' });
        expectNone(
          compareJsText(withJs, await renderedText(noJs, 'main'), p.rel),
          'reading text that needs JavaScript',
        );
      });
    }
  },
);

gates.describe('every page is readable with JavaScript disabled: visible <main> with text, visible <h1>', () => {
  for (const group of chunkPages(pages, 40)) {
    gates(chunkTitle(group), async ({ noJs }) => {
      test.setTimeout(30_000 + 5_000 * group.length);
      const problems: GateProblem[] = [];
      for (const p of group) {
        try {
          const response = await noJs.goto(p.urlPath, { waitUntil: 'load' });
          if (response?.status() !== 200)
            problems.push({ page: p.rel, rule: 'load', message: `HTTP ${response?.status() ?? 'no response'}` });
          else
            problems.push(
              ...((await followRedirect(noJs, response.url(), p.rel)) ?? (await checkReadableWithoutJs(noJs, p.rel))),
            );
        } catch (error) {
          problems.push({
            page: p.rel,
            rule: 'load',
            message: error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error),
          });
        }
      }
      expectNone(problems, 'not readable without JavaScript');
    });
  }
});

test('home page weight: HTML + CSS + JS at most 100 KB gzip, of which JS at most 15 KB', async ({ page }) => {
  const resources = await collectResources(page, '');
  const weight = measureWeight(resources);
  test.info().annotations.push({
    type: 'home weight (gzip)',
    description: `total ${weight.total} B (html ${weight.html}, css ${weight.css}), js ${weight.js} B; ${weight.files.map((f) => `${f.url}: ${f.raw} → ${f.gzip}`).join(', ')}`,
  });
  expectNone(checkWeight(weight, HOME_BUDGET, 'index.html'), 'over the home page budget');
});

/* ------------------------------------------------------------------------------------------ */
/* Self-tests: the browser gates fail on tests/fixtures/broken-pages/                          */
/* ------------------------------------------------------------------------------------------ */

test.describe('gate self-tests on tests/fixtures/broken-pages', () => {
  const fixtureBase = (): string => {
    const url = test.info().config.metadata['fixtureBaseURL'];
    if (typeof url !== 'string') throw new Error('playwright.config.ts must set metadata.fixtureBaseURL');
    return url;
  };

  /** A fresh page with the request watch installed (axe injected on demand, not preloaded). */
  const fixturePage = async (page: Page): Promise<GatePage> => ({
    page,
    requests: await watchRequests(page, new URL(fixtureBase()).origin),
  });

  test('axe reports the image without alt and the faint text, and nothing on the clean page', async ({ page }) => {
    const gatePage = await fixturePage(page);
    const broken = await visit(gatePage, `${fixtureBase()}a11y/index.html`, 'a11y');
    expect(broken.axe.map((p) => p.rule).sort()).toEqual(['color-contrast', 'image-alt']);
    expect(broken.axe.find((p) => p.rule === 'image-alt')?.message).toContain('img');
    const clean = await visit(gatePage, fixtureBase(), 'clean');
    expect(clean.axe).toEqual([]);
  });

  test('axe also works preloaded (the way the per-page gates run it)', async ({ page }) => {
    await preloadAxe(page);
    await page.goto(`${fixtureBase()}a11y/index.html`);
    expect((await runAxe(page, 'a11y')).map((p) => p.rule).sort()).toEqual(['color-contrast', 'image-alt']);
  });

  test('the request watch reports a CDN script, a request the CSP blocked, a missing image, and nothing on the clean page', async ({
    page,
  }) => {
    const gatePage = await fixturePage(page);
    const thirdParty = await visit(gatePage, `${fixtureBase()}third-party/index.html`, 'third-party');
    expect(thirdParty.requests).toEqual([
      { page: 'third-party', rule: 'third-party-request', message: 'requested https://cdn.example.com/x.js' },
    ]);
    const blocked = await visit(gatePage, `${fixtureBase()}csp-blocked/index.html`, 'csp-blocked', { interact: true });
    expect(blocked.requests.map((p) => p.rule)).toContain('csp-violation');
    expect(formatProblems(blocked.requests)).toContain('https://cdn.example.com/pixel.gif');
    const missing = await visit(gatePage, `${fixtureBase()}broken-links/index.html`, 'broken-links');
    expect(missing.requests.map((p) => `${p.rule} ${p.message}`)).toEqual([
      `failed-request HTTP 404 for ${fixtureBase()}broken-links/missing.png`,
    ]);
    const clean = await visit(gatePage, fixtureBase(), 'clean', { interact: true });
    expect(clean.requests).toEqual([]);
  });

  test('a redirect page is followed to its target, and a redirect to a missing page is reported', async ({ page }) => {
    const gatePage = await fixturePage(page);
    const moved = await visit(gatePage, `${fixtureBase()}moved/index.html`, 'moved', { redirectTo: '../index.html' });
    expect(moved).toEqual({ load: [], axe: [], requests: [] });
    expect(page.url()).toBe(`${fixtureBase()}index.html`);
    const broken = await visit(gatePage, `${fixtureBase()}moved-broken/index.html`, 'moved-broken', {
      redirectTo: '../gone/index.html',
    });
    expect(broken.load.map((p) => p.message)).toEqual([
      `the meta refresh to ../gone/index.html arrived at ${fixtureBase()}gone/index.html, which answered HTTP 404`,
    ]);
    expect(broken.requests.map((p) => p.rule)).toEqual(['failed-request']);
  });

  test('the weight budget reports the page with a 200 KB script, and not the clean page', async ({ page }) => {
    const heavy = measureWeight(await collectResources(page, `${fixtureBase()}heavy/index.html`));
    expect(heavy.files.map((f) => f.kind).sort()).toEqual(['html', 'js']);
    expect(
      checkWeight(heavy, HOME_BUDGET, 'heavy')
        .map((p) => p.rule)
        .sort(),
    ).toEqual(['weight-js', 'weight-total']);
    const clean = measureWeight(await collectResources(page, fixtureBase()));
    expect(checkWeight(clean, HOME_BUDGET, 'clean')).toEqual([]);
  });

  test('the no-JavaScript check reports a page whose text a script writes, and not the clean page', async ({
    browser,
    page,
  }) => {
    await page.goto(`${fixtureBase()}needs-js/index.html`);
    const withJs = await renderedText(page, 'main');
    expect(withJs).toContain('Text that only JavaScript writes');
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const off = await context.newPage();
      await off.goto(`${fixtureBase()}needs-js/index.html`);
      const problems = await checkReadableWithoutJs(off, 'needs-js');
      expect(problems.map((p) => p.message)).toEqual(['<main> is not visible without JavaScript', 'has no <h1>']);
      expect(compareJsText(withJs, await renderedText(off, 'main'), 'needs-js').map((p) => p.rule)).toEqual(['no-js']);
      await off.goto(fixtureBase());
      expect(await checkReadableWithoutJs(off, 'clean')).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('the page list and the static gates see the fixture (sanity check of the wiring)', () => {
    const fixturePages = listBrokenPages();
    expect(fixturePages.length).toBeGreaterThan(5);
    expect(templateOf(fixturePages[0]!)).toMatch(/^other: /);
    expect(checkLinks(BROKEN_PAGES_DIR, fixturePages).length).toBeGreaterThan(0);
    expect(parsePage(join(BROKEN_PAGES_DIR, 'index.html')).anchors.has('about')).toBe(true);
  });
});
