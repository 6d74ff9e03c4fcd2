/**
 * No script from content, inside Astro too: `astro build` run directly (as `astro dev`, the
 * benchmark and anyone bypassing scripts/build.ts do, so without the pre-build content check)
 * still refuses every body payload of tests/support/planted-faults.ts when the content loads
 * (src/lib/load-chronology.ts), one `file: body: reason` line each, and publishes nothing.
 * The pre-build check refuses the same plants: content-check.test.ts and build-rejects.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildEnv, copyFixture, PROJECT_ROOT } from '../support/content-fixture.ts';
import { PLANTED_FAULTS } from '../support/planted-faults.ts';

const fixture = copyFixture('chronology-payloads-');
afterAll(() => rmSync(fixture.root, { recursive: true, force: true }));

describe('astro build on content carrying script payloads', () => {
  it('is refused when the content loads, one line per payload naming file and field, and publishes nothing', () => {
    const payloads = PLANTED_FAULTS.filter((fault) => / in (an event|a source) body$/.test(fault.kind));
    expect(payloads.length).toBeGreaterThanOrEqual(5);
    for (const fault of payloads) fault.plant(fixture.content);
    const run = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--force'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      env: buildEnv(fixture.content, fixture.out),
    });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status).not.toBe(0);
    expect(
      payloads.filter((fault) => !fault.expected.test(output)).map((fault) => fault.kind),
      output,
    ).toEqual([]);
    expect(existsSync(join(fixture.out, 'index.html'))).toBe(false);
    expect(existsSync(join(fixture.out, 'events', '1992-02-25-payload-0', 'index.html'))).toBe(false);
  });
});
