/**
 * The WACZ export replayed in a real web-archive client (issue: the site as a web archive).
 *
 * `node scripts/export.ts --format wacz` writes the archive of the built site to a temporary
 * file; ReplayWeb.page (the `replaywebpage` package: its app, ui.js and service worker sw.js)
 * and that file are served from this machine with HTTP range requests, as ReplayWeb.page reads
 * a WACZ. In Chromium, inside the replay:
 * - the home page and a sample of event pages render, with the titles pages.jsonl gives them;
 * - a link from an event page to its source leads to the source page, replayed from the archive;
 * - no request leaves the machine (every request of the context, the service worker's included,
 *   is recorded; requests to any other host are also aborted).
 *
 * The replay needs a service worker, which the gates' config blocks: this file allows them.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { unzipSync } from 'fflate';
import { test, expect, type BrowserContext, type Frame, type Page } from '@playwright/test';
import { PROJECT_ROOT, distDir } from '../support/project.ts';

const DIST = distDir();
const built = existsSync(join(DIST, 'index.html'));
const REPLAY_APP = join(PROJECT_ROOT, 'node_modules', 'replaywebpage');
const WACZ_URL_PATH = '/site.wacz';
/** ReplayWeb.page loads the archive, then the page: allow for a slow shared machine. */
const REPLAY_TIMEOUT = 45_000;

test.skip(!built, `${DIST}/index.html is missing: run \`npm run build\` first`);
test.use({ serviceWorkers: 'allow' });
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.wacz': 'application/wacz',
};

/** Serves ReplayWeb.page's files and the WACZ, answering Range requests (206) as static hosts do. */
function replayServer(wacz: string): Server {
  return createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const file = path === WACZ_URL_PATH ? wacz : resolve(REPLAY_APP, `.${path === '/' ? '/index.html' : path}`);
    if (!file.startsWith(REPLAY_APP + sep) && file !== wacz) return void res.writeHead(403).end();
    if (!existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
    const size = statSync(file).size;
    const headers = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'accept-ranges': 'bytes',
      'cache-control': 'no-store',
    };
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    let [start, end] = [0, size - 1];
    if (range) {
      // "bytes=-N" is the last N bytes (how the ZIP's central directory is read).
      [start, end] =
        range[1] === ''
          ? [Math.max(0, size - Number(range[2])), size - 1]
          : [Number(range[1]), range[2] ? Math.min(Number(range[2]), size - 1) : size - 1];
      res.writeHead(206, {
        ...headers,
        'content-range': `bytes ${start}-${end}/${size}`,
        'content-length': end - start + 1,
      });
    } else res.writeHead(200, { ...headers, 'content-length': size });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file, { start, end }).pipe(res);
  });
}

interface Page_ {
  url: string;
  title: string;
}

let workDir = '';
let server: Server;
let origin = '';
let pages: Page_[] = [];
let siteUrl = '';

test.beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'replay-'));
  const wacz = join(workDir, 'site.wacz');
  const run = spawnSync(process.execPath, ['scripts/export.ts', '--format', 'wacz', '--out', wacz, '--dist', DIST], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`export failed: ${run.stderr}`);
  const listed = new TextDecoder().decode(unzipSync(readFileSync(wacz))['pages/pages.jsonl']);
  pages = listed
    .split('\n')
    .filter(Boolean)
    .slice(1)
    .map((line) => JSON.parse(line) as Page_);
  siteUrl =
    (/<link rel="canonical" href="([^"]+)"/.exec(readFileSync(join(DIST, 'index.html'), 'utf8')) ?? [])[1] ?? '';
  server = replayServer(wacz);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

test.afterAll(async () => {
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/** Records every request of the context and aborts any that is not to this machine. */
async function keepLocal(context: BrowserContext): Promise<string[]> {
  const outside: string[] = [];
  const local = (url: string) =>
    /^(https?|wss?):\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//.test(url) || /^(data|blob|about):/.test(url);
  context.on('request', (request) => {
    if (!local(request.url())) outside.push(request.url());
  });
  await context.route('**/*', (route) =>
    local(route.request().url()) ? route.fallback() : route.abort('blockedbyclient'),
  );
  return outside;
}

/** The frame replaying `url` (ReplayWeb.page rewrites it to …/<timestamp>mp_/<url>). */
async function replayFrame(page: Page, url: string): Promise<Frame> {
  let found: Frame | undefined;
  await expect
    .poll(
      async () => {
        found = page.frames().find((frame) => frame.url().endsWith(`mp_/${url}`));
        return found ? await found.title().catch(() => '') : '';
      },
      { timeout: REPLAY_TIMEOUT, message: `no replayed frame for ${url}` },
    )
    .not.toBe('');
  return found!;
}

/** Opens ReplayWeb.page on the archive, at `url`. */
async function openReplay(page: Page, url: string): Promise<Frame> {
  const source = encodeURIComponent(`${origin}${WACZ_URL_PATH}`);
  await page.goto(`${origin}/?source=${source}#view=replay&url=${encodeURIComponent(url)}`);
  return replayFrame(page, url);
}

test('ReplayWeb.page replays the home page and sample event pages with their titles', async ({ page, context }) => {
  const outside = await keepLocal(context);
  const eventPages = pages.filter((entry) => /\/events\/[^/]+\/$/.test(entry.url));
  expect(eventPages.length).toBeGreaterThan(2);
  const home = pages.find((entry) => entry.url === siteUrl);
  expect(home, `${siteUrl} in pages.jsonl`).toBeDefined();
  const sample = [home!, eventPages[0]!, eventPages[Math.floor(eventPages.length / 2)]!, eventPages.at(-1)!];
  for (const entry of sample) {
    const frame = await openReplay(page, entry.url);
    await expect.poll(() => frame.title()).toBe(entry.title);
    await expect(frame.locator('h1')).toBeVisible();
  }
  expect(outside).toEqual([]);
});

test('in the replay, an event page links to its source page', async ({ page, context }) => {
  const outside = await keepLocal(context);
  const event = pages.find((entry) => /\/events\/[^/]+\/$/.test(entry.url))!;
  // The first link from the event to a source page, as the built page writes it (relative, naming index.html).
  const html = readFileSync(join(DIST, event.url.slice(siteUrl.length), 'index.html'), 'utf8');
  const href = /href="(\.\.\/\.\.\/sources\/[^/"#]+\/index\.html)(#[^"]*)?"/.exec(html)?.[1] ?? '';
  expect(href, 'the event page links to a source page').not.toBe('');
  const target = new URL(href, event.url).href;
  const sourcePage = pages.find((entry) => `${entry.url}index.html` === target);
  expect(sourcePage, `${target} is a page of the archive`).toBeDefined();
  const frame = await openReplay(page, event.url);
  // In the replay the link's href is rewritten to the replay server; it still ends with the same path.
  const link = frame.locator(`main a[href*="${href.slice('../..'.length)}"]`).first();
  await link.click();
  const sourceFrame = await replayFrame(page, target);
  await expect.poll(() => sourceFrame.title()).toBe(sourcePage!.title);
  await expect(sourceFrame.locator('h1')).toBeVisible();
  expect(outside).toEqual([]);
});
