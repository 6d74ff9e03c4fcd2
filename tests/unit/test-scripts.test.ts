/**
 * The scripts the browser tests stand on: the static server for dist/ (its sub-path and
 * content types) and the Chromium check that `npm run test:e2e` runs first.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { PROJECT_ROOT } from '../support/project.ts';

describe('scripts/serve-dist.mjs', () => {
  let server: ChildProcess | undefined;
  let origin = '';

  beforeAll(async () => {
    server = spawn(
      process.execPath,
      ['scripts/serve-dist.mjs', '--dir', 'tests/fixtures/broken-pages', '--port', '0', '--base', '/archive/karabakh/'],
      {
        cwd: PROJECT_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    origin = await new Promise<string>((resolve, reject) => {
      let out = '';
      server?.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /http:\/\/[^/\s]+/.exec(out);
        if (match) resolve(match[0]);
      });
      server?.on('exit', (code) => reject(new Error(`serve-dist exited with ${code}`)));
    });
  });
  afterAll(() => {
    server?.kill('SIGTERM');
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
    const probe = `import('./scripts/serve-dist.mjs').then((m) => console.log(JSON.stringify(['a.wasm','a.json','a.xml','a.css','a.js','a.txt','wasm.en.pagefind','en_1.pf_fragment','x.pf_index','pagefind.en.pf_meta'].map(m.contentType))))`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', probe], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    });
    expect(JSON.parse(result.stdout)).toEqual([
      'application/wasm',
      'application/json; charset=utf-8',
      'application/xml; charset=utf-8',
      'text/css; charset=utf-8',
      'text/javascript; charset=utf-8',
      'text/plain; charset=utf-8',
      'application/octet-stream',
      'application/octet-stream',
      'application/octet-stream',
      'application/octet-stream',
    ]);
  });
});

describe('scripts/ensure-chromium.mjs', () => {
  const run = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['scripts/ensure-chromium.mjs'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });

  it('accepts CHROMIUM_PATH when it is executable', () => {
    const result = run({ CHROMIUM_PATH: process.execPath });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(process.execPath);
  });

  it('fails with one sentence when CHROMIUM_PATH is wrong', () => {
    const result = run({ CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('/nonexistent/chromium');
  });
});
