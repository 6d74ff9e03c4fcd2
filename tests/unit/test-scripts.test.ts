/**
 * The scripts the browser tests stand on: the static server for dist/ (its sub-path and
 * content types) and the Chromium check that `npm run test:e2e` runs first. Both are tested
 * in this process; every `npm run test:e2e` runs them through their command lines.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import type { AddressInfo } from 'node:net';
import { findChromium } from '../../scripts/ensure-chromium.mjs';
import { contentType, createStaticServer } from '../../scripts/serve-dist.mjs';
import { BROKEN_PAGES_DIR } from '../support/broken-pages.ts';
import { PROJECT_ROOT } from '../support/project.ts';

// The server is started in this process; the browser tests start it through its command line.
describe('scripts/serve-dist.mjs', () => {
  const server = createStaticServer({
    root: BROKEN_PAGES_DIR,
    base: '/archive/karabakh/',
  });
  let origin = '';

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('serves the folder under the base path, folders as index.html, with content types', async () => {
    const home = await fetch(`${origin}/archive/karabakh/`);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await home.text()).toContain('A page that passes every gate');
    const js = await fetch(`${origin}/archive/karabakh/heavy/heavy.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(Number(js.headers.get('content-length'))).toBe(200 * 1024);
    const redirect = await fetch(`${origin}/archive/karabakh/heavy`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/archive/karabakh/heavy/');
  });

  it('answers 404 outside the base path and for missing files, 403 for escapes', async () => {
    expect((await fetch(`${origin}/index.html`)).status).toBe(404);
    expect((await fetch(`${origin}/archive/karabakh/nope.html`)).status).toBe(404);
    expect((await fetch(`${origin}/archive/karabakh/%2e%2e/%2e%2e/package.json`)).status).toBe(404); // normalised by URL parsing
    expect((await fetch(`${origin}/archive/karabakh/..%2f..%2f..%2fpackage.json`)).status).toBe(403);
  });

  it('knows the content types of the files the build writes', () => {
    const typeOfFile: Array<[file: string, contentType: string]> = [
      ['a.wasm', 'application/wasm'],
      ['a.json', 'application/json; charset=utf-8'],
      ['a.xml', 'application/xml; charset=utf-8'],
      ['a.css', 'text/css; charset=utf-8'],
      ['a.js', 'text/javascript; charset=utf-8'],
      ['a.txt', 'text/plain; charset=utf-8'],
      ['wasm.en.pagefind', 'application/octet-stream'],
      ['en_1.pf_fragment', 'application/octet-stream'],
      ['x.pf_index', 'application/octet-stream'],
      ['pagefind.en.pf_meta', 'application/octet-stream'],
    ];
    expect(typeOfFile.map(([file]) => [file, contentType(file)])).toEqual(typeOfFile);
  });
});

describe('scripts/ensure-chromium.mjs', () => {
  it('accepts CHROMIUM_PATH when it is executable', () => {
    expect(findChromium({ CHROMIUM_PATH: process.execPath })).toEqual({ path: process.execPath });
  });

  it('refuses a CHROMIUM_PATH that is not an executable file, in one sentence naming it', () => {
    const { path, problem } = findChromium({ CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(path).toBeUndefined();
    expect(problem).toMatch(/^ensure-chromium: [^\n]*\/nonexistent\/chromium[^\n]*\.$/);
    expect(findChromium({ CHROMIUM_PATH: PROJECT_ROOT }).problem, 'a folder is not a browser').toContain(PROJECT_ROOT);
  });
});
