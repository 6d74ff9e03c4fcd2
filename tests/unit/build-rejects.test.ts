/**
 * End-to-end proof, with two real builds (scripts/build.ts, as `npm run build` runs it), that
 * the valid fixture publishes and that bad content publishes nothing: the second build carries
 * every planted fault at once (tests/support/planted-faults.ts), must fail with one
 * `file: field: reason` line for each, and must leave the site the first build published
 * byte for byte. Each fault alone is checked without a build in content-check.test.ts.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyFixture, runBuild, snapshotTree } from '../support/content-fixture.ts';
import { PLANTED_FAULTS } from '../support/planted-faults.ts';
import { contentSecurityPolicy } from '../../src/lib/content-security-policy.ts';

const valid = copyFixture('chronology-build-');
afterAll(() => rmSync(valid.root, { recursive: true, force: true }));

describe('the build', () => {
  it('publishes the valid fixture', () => {
    const result = runBuild(valid.content, valid.out);
    expect(result.output).not.toContain('problem(s)');
    expect(result.status, result.output).toBe(0);
    expect(existsSync(join(valid.out, 'index.html'))).toBe(true);
    expect(existsSync(join(valid.out, 'pagefind', 'pagefind.js')), 'Pagefind indexed the published site').toBe(true);
    // The fixture renamed 1992-02-26-khojaly: its old URL must still lead to the event.
    const moved = readFileSync(join(valid.out, 'events/1992-02-26-khojaly/index.html'), 'utf8');
    expect(moved).toContain('http-equiv="refresh" content="0; url=../1992-02-25-khojaly/index.html"');
    // The site's one CSP, which allows the page's data: favicon (the old own policy blocked it).
    expect(moved).toContain(`<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">`);
  });

  it('refuses content carrying every planted fault, one line each, and leaves the published site byte for byte', () => {
    expect(existsSync(join(valid.out, 'index.html')), 'the first build published').toBe(true);
    const before = snapshotTree(valid.out);
    const faulty = copyFixture('chronology-faults-');
    try {
      const planted = PLANTED_FAULTS.filter((fault) => fault.combinable !== false);
      for (const fault of planted) fault.plant(faulty.content);
      const result = runBuild(faulty.content, valid.out);
      expect(result.status).toBe(1);
      expect(result.output).toMatch(/build: the content has \d+ problem\(s\); nothing was built and .* is unchanged:/);
      const missing = planted.filter((fault) => !fault.expected.test(result.output)).map((fault) => fault.kind);
      expect(missing, result.output).toEqual([]);
      expect(result.output, 'no stack trace').not.toMatch(/^\s+at /m);
      expect(snapshotTree(valid.out)).toEqual(before);
      const siblings = readdirSync(dirname(valid.out)).sort();
      expect(siblings, 'no staging folder or lock left').toEqual(['content', 'dist']);
    } finally {
      rmSync(faulty.root, { recursive: true, force: true });
    }
  });
});
