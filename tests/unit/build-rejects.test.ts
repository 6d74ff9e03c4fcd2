/**
 * End-to-end proof that bad content fails the real build with one line naming the file,
 * the field and the reason, and publishes nothing. Astro itself only logs a broken
 * reference(); these builds show the project turns it into a failure.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/lib/content-security-policy.ts';

const FIXTURE = 'tests/fixtures/valid';
const EVENT = 'events/1992-02-25-khojaly.mdx';

function buildWith(mutate: (dir: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'chronology-bad-'));
  const content = join(dir, 'content');
  const out = join(dir, 'dist');
  cpSync(FIXTURE, content, { recursive: true });
  mutate(content);
  const run = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--force'], {
    encoding: 'utf8',
    env: { ...process.env, CHRONOLOGY_CONTENT: content, CHRONOLOGY_OUT_DIR: out, CHRONOLOGY_VERSION: 'test', NO_COLOR: '1' },
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}`, published: existsSync(join(out, 'index.html')), out };
}

const edit = (dir: string, from: string, to: string) => {
  const path = join(dir, EVENT);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`fixture no longer contains ${from}`);
  writeFileSync(path, text.replace(from, to));
};

describe('the build', () => {
  it('publishes the valid fixture', () => {
    const result = buildWith(() => {});
    expect(result.output).not.toContain('problem(s)');
    expect(result.status).toBe(0);
    expect(result.published).toBe(true);
    // The fixture renamed 1992-02-26-khojaly: its old URL must still lead to the event.
    const moved = readFileSync(join(result.out, 'events/1992-02-26-khojaly/index.html'), 'utf8');
    expect(moved).toContain('http-equiv="refresh" content="0; url=../1992-02-25-khojaly/index.html"');
    // The site's one CSP, which allows the page's data: favicon (the old own policy blocked it).
    expect(moved).toContain(`<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">`);
  });

  it('fails on a redirect to an event that does not exist', () => {
    const result = buildWith((dir) => writeFileSync(join(dir, 'redirects.json'), '{ "old-id": "no-such-event" }'));
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/redirects\.json: old-id: redirect target "no-such-event" is not an event id/);
    expect(result.published).toBe(false);
  });

  it('fails on a reference to a source that does not exist', () => {
    const result = buildWith((dir) => edit(dir, 'source: fixture-rebuttal', 'source: no-such-source'));
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/1992-02-25-khojaly\.mdx: claims\[0\]\.source: unknown source "no-such-source"/);
    expect(result.published).toBe(false);
  });

  it('fails on a quote that is not verbatim', () => {
    const result = buildWith((dir) => edit(dir, 'brutally murdered', 'killed'));
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/1992-02-25-khojaly\.mdx: claims\[0\]\.quote: not found verbatim/);
    expect(result.published).toBe(false);
  });

  it('fails when a capture has changed', () => {
    const result = buildWith((dir) => writeFileSync(join(dir, 'sources/captures/003_0b02da9d63b9baaf.txt'), 'altered'));
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/fixture-rebuttal\.mdx: capture\.sha256: capture 003_0b02da9d63b9baaf\.txt has SHA-256/);
    expect(result.published).toBe(false);
  });
});
