/**
 * Atomic publishing (issue 12, item 3): `npm run build` killed at any moment, failing in Astro,
 * or started while another build runs, leaves the published folder byte for byte.
 *
 * The published folder is a stand-in site (a few files; only its bytes matter). The content
 * being built differs from it, so a build that got as far as publishing would change it, and
 * it is enlarged with extra events so the build is still running when it is killed at 5 s
 * (each kill checks that it was). On a busy machine, 5 s may all fall before Astro writes a
 * file, so two more kills wait for a phase: Astro writing pages into the staging folder, and
 * Pagefind indexing it. Builds here never finish, so no full build is spent.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addEvent,
  buildEnv,
  copyFixture,
  PROJECT_ROOT,
  runBuild,
  snapshotTree,
  startNpmBuild,
} from '../support/content-fixture.ts';

/** Extra events, so that building the fixture takes well over the longest kill delay even on a quiet 2-core machine (about 7 ms an event). */
const EXTRA_EVENTS = 1500;
const POLL_MS = 20;
/** Longest wait for a build to reach a phase (a busy 2-core machine took 30 s to reach Astro's writing). */
const PHASE_TIMEOUT_MS = 120_000;
const KILL_AFTER_SECONDS = [1, 2, 3, 4, 5] as const;
const MS_PER_SECOND = 1000;

const fixture = copyFixture('chronology-atomic-');
let before: Record<string, string> = {};

/** A stand-in for a previously published site. */
function publishStandIn(out: string): void {
  mkdirSync(join(out, 'data'), { recursive: true });
  mkdirSync(join(out, 'events', 'an-event'), { recursive: true });
  writeFileSync(join(out, 'index.html'), '<!doctype html><title>previous site</title>');
  writeFileSync(join(out, 'data', 'events.json'), '{"version":"previous","events":[]}');
  writeFileSync(join(out, 'events', 'an-event', 'index.html'), '<!doctype html><title>previous event</title>');
}

const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('close', () => resolve()));

/** Kills the whole process group of a detached child (npm, the shell, the build and its steps). */
async function killTree(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // Already gone.
  }
  await exited(child);
}

/** Temporary siblings of the published folder, and its lock: none may remain after a clean stop. */
const leftovers = () =>
  readdirSync(dirname(fixture.out)).filter((name) => !['content', 'dist', 'outside.txt'].includes(name));

beforeAll(() => {
  for (let i = 0; i < EXTRA_EVENTS; i++)
    addEvent(fixture.content, `1992-02-25-copy-${i}.mdx`, [['Killings of civilians at Khojaly', `Copy ${i}`]]);
  publishStandIn(fixture.out);
  before = snapshotTree(fixture.out);
});
afterAll(() => rmSync(fixture.root, { recursive: true, force: true }));

describe('npm run build, interrupted', () => {
  it.each(KILL_AFTER_SECONDS)(
    'killed (SIGKILL, whole process tree) after %i s leaves the published folder byte for byte',
    async (seconds) => {
      const build = startNpmBuild(fixture.content, fixture.out);
      await sleep(seconds * MS_PER_SECOND);
      expect(
        build.child.exitCode,
        `the build ended before ${seconds} s, so the kill proves nothing:\n${build.output()}`,
      ).toBeNull();
      await killTree(build.child, 'SIGKILL');
      expect(build.output(), 'the build took over the lock left by the previous kill').not.toContain('another build');
      expect(snapshotTree(fixture.out)).toEqual(before);
    },
  );

  // Each phase is recognised by what the build prints as it starts it.
  it.each([
    ['Astro writes the pages', /generating static routes/],
    ['Pagefind indexes the new site', /build: indexing the new site with Pagefind/],
  ] as const)('killed (SIGKILL) while %s leaves the published folder byte for byte', async (_, phase) => {
    const build = startNpmBuild(fixture.content, fixture.out);
    for (let waited = 0; !phase.test(build.output()); waited += POLL_MS) {
      if (build.child.exitCode !== null || waited > PHASE_TIMEOUT_MS)
        expect.fail(`the build never reached that phase:\n${build.output()}`);
      await sleep(POLL_MS);
    }
    await killTree(build.child, 'SIGKILL');
    expect(snapshotTree(fixture.out)).toEqual(before);
  });

  it('stopped with SIGTERM after 3 s leaves the published folder and cleans up after itself', async () => {
    const build = startNpmBuild(fixture.content, fixture.out);
    await sleep(3 * MS_PER_SECOND);
    expect(build.child.exitCode, build.output()).toBeNull();
    await killTree(build.child, 'SIGTERM');
    expect(snapshotTree(fixture.out)).toEqual(before);
    expect(build.output()).toContain('is unchanged');
    expect(leftovers(), 'staging folder, cache and lock removed').toEqual([]);
  });

  it('a second build while one runs fails at once, naming it, and disturbs neither', async () => {
    const first = spawn(process.execPath, ['scripts/build.ts'], {
      cwd: PROJECT_ROOT,
      env: buildEnv(fixture.content, fixture.out),
      detached: true,
      stdio: 'ignore',
    });
    const lock = `${fixture.out}.lock`;
    for (let waited = 0; !existsSync(lock) && waited < 20; waited++) await sleep(MS_PER_SECOND / 4);
    const second = runBuild(fixture.content, fixture.out);
    expect(second.status).toBe(1);
    expect(second.output).toMatch(
      new RegExp(`build: another build \\(pid ${first.pid}, started .*\\) is writing .*; wait for it to finish`),
    );
    expect(existsSync(lock), "the refused build left the running build's lock").toBe(true);
    await killTree(first, 'SIGKILL');
    expect(snapshotTree(fixture.out)).toEqual(before);
  });

  it('a build that fails inside Astro (after the content check) leaves the published folder and no leftovers', () => {
    const other = copyFixture('chronology-astro-fails-');
    try {
      // Valid content, but a site address Astro's own configuration check refuses.
      const result = runBuild(other.content, fixture.out, { SITE_URL: 'not a web address' });
      expect(result.status).toBe(1);
      expect(result.output).toMatch(/build: astro build failed \(exit \d+\); see its output above; .* is unchanged/);
      expect(snapshotTree(fixture.out)).toEqual(before);
      expect(leftovers()).toEqual([]);
    } finally {
      rmSync(other.root, { recursive: true, force: true });
    }
  });

  it('the next build puts back a site left aside by a swap interrupted between its two renames', () => {
    const aside = join(dirname(fixture.out), '.dist.previous-99999');
    renameSync(fixture.out, aside);
    const bad = copyFixture('chronology-bad-');
    try {
      addEvent(bad.content, '1992-02-25-dot.mdx', [[/quote: ".*"/, 'quote: "."']]);
      const result = runBuild(bad.content, fixture.out);
      expect(result.output).toContain('build: restored');
      expect(result.status).toBe(1);
      expect(snapshotTree(fixture.out)).toEqual(before);
      expect(leftovers()).toEqual([]);
    } finally {
      rmSync(bad.root, { recursive: true, force: true });
    }
  });
});
