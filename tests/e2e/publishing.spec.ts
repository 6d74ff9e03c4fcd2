/**
 * Served the way static hosts serve it (issue: publishing): scripts/serve-dist.mjs with
 * --not-found 404.html answers a missing URL with dist/404.html and status 404, as GitHub Pages,
 * Netlify and Cloudflare Pages do.
 *
 * - At the site root: dist/ as built (SITE_URL at a host's root).
 * - Under a sub-path: a second build (npm run build's script) with SITE_URL=https://…/archive/karabakh/ (as on GitHub
 *   Pages, where a project site lives under /<repository>/), served under /archive/karabakh/.
 *
 * Each time, missing URLs at several depths get the 404 page with status 404, every link on it
 * answers 200 with a page of the site, and following one of them leads there.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { createStaticServer } from '../../scripts/serve-dist.mjs';
import { PROJECT_ROOT, distDir } from '../support/project.ts';

const DIST = distDir();
const built = existsSync(join(DIST, '404.html'));
const SUB_PATH = '/archive/karabakh/';
const SUB_PATH_SITE = `https://karabakh-chronology.example.org${SUB_PATH}`;

test.skip(!built, `${DIST}/404.html is missing: run \`npm run build\` first`);
test.describe.configure({ mode: 'serial', timeout: 180_000 });

/** Missing URLs at the site's root, one folder down, two down, and a missing file. */
const MISSING = ['no-such-page/', 'events/no-such-event/', 'events/no-such-event/deeper/', 'missing.html'];

const servers: Server[] = [];
let subPathBuild = '';

async function serve(root: string, base: string): Promise<string> {
  const server = createStaticServer({ root, base, notFound: '404.html' });
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}${base}`;
}

test.afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((done) => server.close(done))));
  if (subPathBuild) rmSync(subPathBuild, { recursive: true, force: true });
});

/** Checks the 404 page at every MISSING URL under `siteUrl`, its links and following one. */
async function checkNotFound(page: Page, siteUrl: string): Promise<void> {
  for (const missing of MISSING) {
    const response = await page.goto(`${siteUrl}${missing}`);
    expect(response?.status(), missing).toBe(404);
    await expect(page.locator('h1')).toHaveText('Page not found');
    // The site's own style applies (the inlined stylesheet, not the browser default).
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).not.toMatch(/^"?Times/);

    const hrefs = await page
      .locator('a[href]:not(.skip-link)')
      .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    expect(hrefs.length).toBeGreaterThanOrEqual(6);
    for (const href of new Set(hrefs)) {
      expect(href.startsWith(siteUrl), `${href} is under ${siteUrl}`).toBe(true);
      const target = await page.request.get(href);
      expect(target.status(), `${href} linked from ${missing}`).toBe(200);
      expect(await target.text()).toContain('<h1');
    }
  }
  // Following a link from the deepest missing URL lands on the page it names.
  await page.goto(`${siteUrl}${MISSING[2]}`);
  await page.locator('main').getByRole('link', { name: 'Search' }).click();
  await expect(page).toHaveURL(`${siteUrl}search/index.html`);
  await expect(page.locator('h1')).toBeVisible();
}

test('at the site root, a missing URL gets the 404 page with status 404, and its links work', async ({ page }) => {
  await checkNotFound(page, await serve(DIST, '/'));
});

test('under a sub-path (SITE_URL with a path), a missing URL gets the 404 page, and its links work', async ({
  page,
}) => {
  subPathBuild = mkdtempSync(join(tmpdir(), 'chronology-subpath-'));
  const out = join(subPathBuild, 'site');
  const run = spawnSync(process.execPath, ['scripts/build.ts'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', SITE_URL: SUB_PATH_SITE, CHRONOLOGY_OUT_DIR: out },
  });
  expect(run.status, run.stderr.slice(-2000)).toBe(0);
  await checkNotFound(page, await serve(out, SUB_PATH));
});
