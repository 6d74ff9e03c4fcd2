/**
 * Playwright runs the quality gates (tests/e2e/) against the built site, served by
 * scripts/serve-dist.mjs, with the system Chromium (Playwright cannot download browsers here).
 *
 *   npm run build && npm run test:e2e
 *
 * Environment:
 *   CHROMIUM_PATH  Chromium binary (default /usr/bin/chromium, else /usr/bin/chromium-browser)
 *   GATES_DIST     built site to check, relative to the project root (default dist)
 *   GATES_PORT     port of the site server (default 4390; the broken fixture uses the next one)
 *   GATES_BASE     sub-path to serve the site under, e.g. /archive/karabakh/ (default /)
 *   GATES_FULL=1   run axe at 375 px on every page, not only a sample
 */
import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const executablePath =
  process.env.CHROMIUM_PATH ??
  ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ??
  '/usr/bin/chromium';
const port = Number(process.env.GATES_PORT ?? 4390);
const fixturePort = port + 1;
const base = `/${(process.env.GATES_BASE ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
const dist = process.env.GATES_DIST ?? 'dist';
const root = new URL('..', import.meta.url).pathname;
const ci = Boolean(process.env.CI);

export default defineConfig({
  testDir: './e2e',
  outputDir: '../test-results/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: ci,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  reporter: ci ? [['list'], ['html', { open: 'never', outputFolder: '../playwright-report' }]] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}${base}`,
    trace: 'off',
    screenshot: 'off',
    video: 'off',
    // The gates must see what a reader sees; never let the page's policy be bypassed.
    bypassCSP: false,
    serviceWorkers: 'block',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: [
    {
      command: `node scripts/serve-dist.mjs --dir ${JSON.stringify(dist)} --port ${port} --base ${JSON.stringify(base)}`,
      cwd: root,
      url: `http://127.0.0.1:${port}${base}index.html`,
      reuseExistingServer: !ci,
      timeout: 15_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // The deliberately broken pages, for the browser gates' self-tests.
      command: `node scripts/serve-dist.mjs --dir tests/fixtures/broken-pages --port ${fixturePort}`,
      cwd: root,
      url: `http://127.0.0.1:${fixturePort}/index.html`,
      reuseExistingServer: !ci,
      timeout: 15_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
  metadata: { fixtureBaseURL: `http://127.0.0.1:${fixturePort}/` },
});
