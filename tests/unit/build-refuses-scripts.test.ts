/**
 * No script from content, end to end: a real build of the valid fixture whose event body and
 * source body carry script payloads fails, naming each payload's file and field, and publishes
 * nothing. (The policy itself: body-html-policy.test.ts; the CSP that would stop a payload
 * that slipped through: tests/e2e/own-scripts.spec.ts.)
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const FIXTURE = 'tests/fixtures/valid';
const EVENT = 'events/1992-02-25-khojaly.mdx';
const SOURCE = 'sources/fixture-rebuttal.mdx';

const EVENT_PAYLOADS = [
  'An account <script>alert(1)</script> in prose.',
  'An image <img src=x onerror=alert(2)> in prose.',
  '<iframe src="javascript:alert(3)"></iframe>',
  'A link [x](javascript:alert(4)).',
];
const SOURCE_PAYLOADS = ['<script>alert(5)</script>', 'A link [y](javascript:alert(6)).'];

const dir = mkdtempSync(join(tmpdir(), 'chronology-payloads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a build whose content carries script payloads', () => {
  it('is refused, one line per payload naming file and field, and publishes nothing', () => {
    const content = join(dir, 'content');
    const out = join(dir, 'dist');
    cpSync(FIXTURE, content, { recursive: true });
    appendFileSync(join(content, EVENT), `\n${EVENT_PAYLOADS.join('\n\n')}\n`);
    appendFileSync(join(content, SOURCE), `\n${SOURCE_PAYLOADS.join('\n\n')}\n`);
    const run = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--force'], {
      encoding: 'utf8',
      env: { ...process.env, CHRONOLOGY_CONTENT: content, CHRONOLOGY_OUT_DIR: out, CHRONOLOGY_VERSION: 'test', NO_COLOR: '1' },
    });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status).not.toBe(0);
    const event = /1992-02-25-khojaly\.mdx: body: /.source;
    const source = /fixture-rebuttal\.mdx: body: /.source;
    for (const line of [
      `${event}raw HTML "<script>" is not allowed in an event body`,
      `${event}raw HTML "<img src=x onerror=alert\\(2\\)>" is not allowed`,
      `${event}raw HTML "<iframe src=\\\\"javascript:alert\\(3\\)\\\\"></iframe>" is not allowed`,
      `${event}link target "javascript:alert\\(4\\)" uses javascript:`,
      `${source}element <script> is not allowed in a source body`,
      `${source}link target "javascript:alert\\(6\\)" uses javascript:`,
    ]) {
      expect(output).toMatch(new RegExp(line));
    }
    expect(existsSync(join(out, 'index.html'))).toBe(false);
    expect(existsSync(join(out, 'events', '1992-02-25-khojaly', 'index.html'))).toBe(false);
  });
});
