/**
 * The built site offline and anywhere (issue: offline and anywhere).
 *
 * - From disk: dist/index.html opened as file:// has its styles, its timeline, its list and
 *   working filters; its links lead to an event page, a source page and home again, all from
 *   disk; no console error (a blocked module script, a missing file) on the way.
 * - Under a sub-path: dist/ served by scripts/serve-dist.mjs (spawned here on a free port) at
 *   /archive/karabakh/; the same walk, plus an era page and a search, makes no request outside
 *   /archive/karabakh/ and gets no error response.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test, expect, type Page } from '@playwright/test';
import { PROJECT_ROOT, distDir } from '../support/project.ts';
import { publishedEvents } from '../support/published-events.ts';

const DIST = distDir();
const { file: EVENTS_FILE, built, events } = publishedEvents(DIST);
const SUB_PATH = '/archive/karabakh/';

test.skip(!built, `${EVENTS_FILE} is missing: run \`npm run build\` first`);

/** The event the walks follow: one with claims from two sources, in the middle of the list. */
const walkEvent =
  events.find((e, i) => i >= events.length / 2 && new Set(e.claims.map((c) => c.source)).size >= 2) ?? events[0]!;
const walkSource = walkEvent?.claims[0]?.source ?? '';

/** Console errors, page errors and failed requests, as lines. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) =>
    errors.push(`request failed: ${request.url()} (${request.failure()?.errorText})`),
  );
  return errors;
}

/** What shows that the site's own stylesheet applies (the browser default is a transparent, serif page). */
const styleProbe = (page: Page) =>
  page.evaluate(() => {
    const html = getComputedStyle(document.documentElement);
    const body = getComputedStyle(document.body);
    const skip = document.querySelector('.skip-link');
    return {
      background: html.backgroundColor,
      fontFamily: body.fontFamily,
      // The skip link is moved off screen by the site's CSS only.
      skipLinkOnScreen: skip
        ? skip.getBoundingClientRect().bottom > 0 &&
          skip.getBoundingClientRect().right > 0 &&
          getComputedStyle(skip).position === 'static'
        : false,
    };
  });

async function expectStyled(page: Page): Promise<void> {
  const style = await styleProbe(page);
  expect(style.background, `${page.url()}: page background from the site's CSS`).toBe('rgb(253, 252, 249)');
  expect(style.fontFamily, `${page.url()}: body font from the site's CSS`).toContain('system-ui');
  expect(style.skipLinkOnScreen, `${page.url()}: skip link is positioned by the site's CSS`).toBe(false);
}

/** Home page: the drawing and the list show every event. */
async function expectHome(page: Page): Promise<void> {
  await expect(page.locator('h1')).toContainText('Nagorno-Karabakh chronology');
  const counts = await page.evaluate(() => {
    const svg = Array.from(document.querySelectorAll('svg.timeline-svg')).find((s) => s.getClientRects().length > 0);
    return {
      marks: svg ? svg.querySelectorAll('a.mark').length : 0,
      svgHeight: svg ? svg.getBoundingClientRect().height : 0,
      items: Array.from(document.querySelectorAll('.chronology-list li[data-event-id]')).filter(
        (li) => li.getClientRects().length > 0,
      ).length,
    };
  });
  expect(counts.marks, 'timeline marks').toBe(events.length);
  expect(counts.svgHeight, 'timeline drawn').toBeGreaterThan(100);
  expect(counts.items, 'list items shown').toBe(events.length);
}

/** Home → event → source → home, by clicking links, checking each page. */
async function walk(page: Page, siteRoot: string): Promise<void> {
  await expectHome(page);
  await expectStyled(page);

  await page.locator(`.chronology-list li[id="${walkEvent.id}"] > a`).click();
  await expect(page).toHaveURL(`${siteRoot}events/${walkEvent.id}/index.html`);
  await expect(page.locator('h1')).toHaveText(walkEvent.title);
  await expectStyled(page);

  await page.locator(`[id="src-${walkSource}"] a`).click();
  await expect(page).toHaveURL(`${siteRoot}sources/${walkSource}/index.html`);
  await expect(page.locator('mark.quoted').first()).toBeVisible();
  await expectStyled(page);

  await page.locator('.site-title a').click();
  await expect(page).toHaveURL(`${siteRoot}index.html`);
  await expectHome(page);
}

test('from disk (file://): styled, timeline and list shown, filters work, links lead to an event, a source and home', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  const errors = watchErrors(page);
  const root = pathToFileURL(DIST).href.replace(/\/?$/, '/');
  await page.goto(`${root}index.html`);

  // The filter script is inline, so it runs from disk too.
  await page.locator('select[name="era"]').selectOption(walkEvent.era);
  const shown = await page.locator('.chronology-list li[data-event-id]:visible').count();
  expect(shown).toBe(events.filter((e) => e.era === walkEvent.era).length);
  await page.locator('select[name="era"]').selectOption('');

  await walk(page, root);
  expect(errors, errors.join('\n')).toEqual([]);
});

test.describe('under a sub-path', () => {
  let server: ChildProcess | undefined;
  let origin = '';
  /** Every request the server answered ('404 GET /favicon.ico'), from its --log output. */
  const served: string[] = [];

  test.beforeAll(async () => {
    server = spawn(
      process.execPath,
      [join(PROJECT_ROOT, 'scripts', 'serve-dist.mjs'), '--dir', DIST, '--port', '0', '--base', SUB_PATH, '--log'],
      {
        cwd: PROJECT_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    origin = await new Promise<string>((resolvePromise, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`serve-dist did not start: ${out}`)), 10_000);
      const onData = (chunk: Buffer) => {
        out += chunk.toString();
        const match = /at (http:\/\/[^/\s]+)\//.exec(out);
        if (match) {
          clearTimeout(timer);
          resolvePromise(match[1]!);
        }
      };
      server!.stdout!.on('data', onData);
      server!.stderr!.on('data', onData);
      let rest = '';
      server!.stdout!.on('data', (chunk: Buffer) => {
        const lines = (rest + chunk.toString()).split('\n');
        rest = lines.pop() ?? '';
        served.push(...lines.filter((line) => /^\d{3} /.test(line)));
      });
      server!.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`serve-dist exited with ${code}: ${out}`));
      });
    });
  });

  test.afterAll(() => {
    server?.kill('SIGTERM');
  });

  test(`served at ${SUB_PATH}: the walk, an era page and a search stay inside it, with no error response`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    const root = `${origin}${SUB_PATH}`;
    // The sub-path without its trailing slash is redirected into it, as a static host does.
    const bare = await page.request.get(root.slice(0, -1), { maxRedirects: 0 });
    expect(bare.status()).toBe(301);
    expect(bare.headers()['location']).toBe(SUB_PATH);
    const outside: string[] = [];
    const failed: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!/^(data|blob|about):/.test(url) && !url.startsWith(root)) outside.push(url);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`HTTP ${response.status()} ${response.url()}`);
    });
    const errors = watchErrors(page);

    await page.goto(`${root}index.html`);
    await walk(page, root);

    // An era page, from the event page's era link.
    await page.locator(`.chronology-list li[id="${walkEvent.id}"] > a`).click();
    await page.locator('.facts dd a').first().click();
    await expect(page).toHaveURL(`${root}eras/${walkEvent.era}/index.html`);
    await expectStyled(page);

    // Search: Pagefind's files and the result links stay under the sub-path.
    await page.locator('header nav a', { hasText: 'Search' }).click();
    await expect(page).toHaveURL(`${root}search/index.html`);
    const input = page.locator('#search input[type="text"], #search input[type="search"]').first();
    await input.fill(walkEvent.title.split(/\s+/).filter((w) => w.length > 5)[0] ?? walkEvent.title);
    const result = page.locator('#search .pagefind-ui__result-link').first();
    await expect(result).toBeVisible({ timeout: 10_000 });
    const href = await result.evaluate((a) => (a as HTMLAnchorElement).href);
    expect(href, 'a search result links inside the sub-path').toMatch(
      new RegExp(`^${root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    );
    await result.click();
    await expect(page.locator('h1')).toBeVisible();
    expect(page.url().startsWith(root), `the search result opened ${page.url()}`).toBe(true);

    expect(outside, `requests outside ${SUB_PATH}:\n${outside.join('\n')}`).toEqual([]);
    expect(failed, failed.join('\n')).toEqual([]);
    // The server sees what the page events do not, such as the browser's own /favicon.ico.
    await expect.poll(() => served.length).toBeGreaterThan(0);
    const strayOrFailed = served.filter((line) => {
      const [status, , path = ''] = line.split(' ');
      return !path.startsWith(SUB_PATH) && !(status === '301' && path === SUB_PATH.slice(0, -1))
        ? true
        : Number(status) >= 400;
    });
    expect(
      strayOrFailed,
      `the server was asked for paths outside ${SUB_PATH} or answered with an error:\n${strayOrFailed.join('\n')}`,
    ).toEqual([]);
    expect(errors, errors.join('\n')).toEqual([]);
  });
});
