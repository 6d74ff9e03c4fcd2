/**
 * Two builds of one commit are byte-identical (README, "archivists"): builds the site again
 * into a temporary folder with scripts/build.ts, as `npm run build` does (content check, astro
 * build, Pagefind; with a fresh content cache), and compares every file with dist/ (or
 * $GATES_DIST), byte for byte. The rebuild runs on a clock moved 400 days and 7 hours on
 * (tests/support/shifted-clock.mjs) and in another time zone, so a build date or time on any
 * page makes the builds differ even when both run on the same day.
 *
 * dist/ must have been built from the current working tree: when it differs, the failure
 * lists the differing files and names any source file changed since dist/ was built.
 * Pagefind is checked on its own too: indexing one set of pages twice must give identical
 * files, so a difference under pagefind/ can be told apart from a difference in the pages.
 *
 * Skipped, with a message, when dist/ has not been built.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, distDir, listFiles } from '../support/project.ts';

/** dist/, or $GATES_DIST (relative to the project root), as for the browser gates. */
const DIST = distDir();
const built = existsSync(join(DIST, 'index.html'));
const SKIP_REASON = 'SKIPPED: dist/index.html is missing; run `npm run build` first, then this test';
if (!built) console.warn(`reproducible-build.test.ts: ${SKIP_REASON}`);

/** Where two byte strings first differ, with a little text around it. */
function firstDifference(a: Buffer, b: Buffer): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const slice = (buf: Buffer) => buf.subarray(Math.max(0, i - 30), i + 50);
  // Pagefind's index and fragments are gzip blobs: show bytes as hex, text as text.
  const binary = [a, b].some(
    (buf) => slice(buf).includes(0) || !slice(buf).equals(Buffer.from(slice(buf).toString('utf8'), 'utf8')),
  );
  const show = (buf: Buffer) => (binary ? slice(buf).toString('hex') : JSON.stringify(slice(buf).toString('utf8')));
  return `sizes ${a.length} / ${b.length}, first difference at byte ${i}: ${show(a)} vs ${show(b)}`;
}

interface Comparison {
  onlyInA: string[];
  onlyInB: string[];
  differing: Array<{ path: string; detail: string }>;
}

function compareTrees(a: string, b: string, filter: (path: string) => boolean = () => true): Comparison {
  const inA = listFiles(a).filter(filter);
  const inB = listFiles(b).filter(filter);
  const setB = new Set(inB);
  const setA = new Set(inA);
  const differing: Comparison['differing'] = [];
  for (const path of inA) {
    if (!setB.has(path)) continue;
    const x = readFileSync(join(a, path));
    const y = readFileSync(join(b, path));
    if (!x.equals(y)) differing.push({ path, detail: firstDifference(x, y) });
  }
  return { onlyInA: inA.filter((p) => !setB.has(p)), onlyInB: inB.filter((p) => !setA.has(p)), differing };
}

function describeComparison(c: Comparison, a: string, b: string, limit = 40): string {
  const lines = [
    ...c.onlyInA.map((p) => `only in ${a}: ${p}`),
    ...c.onlyInB.map((p) => `only in ${b}: ${p}`),
    ...c.differing.map((d) => `differs: ${d.path} (${d.detail})`),
  ];
  return lines.length > limit
    ? [...lines.slice(0, limit), `… and ${lines.length - limit} more`].join('\n')
    : lines.join('\n');
}

const isPagefind = (path: string) => path.startsWith('pagefind/');

/** Source files changed after dist/ was built: the likeliest reason for a difference. */
function changedSinceDist(): string[] {
  const builtAt = statSync(join(DIST, 'index.html')).mtimeMs;
  const changed: string[] = [];
  const walk = (folder: string) => {
    if (!existsSync(folder)) return;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (statSync(path).mtimeMs > builtAt) changed.push(relative(PROJECT_ROOT, path));
    }
  };
  for (const folder of ['src', 'content', 'public']) walk(join(PROJECT_ROOT, folder));
  for (const file of ['astro.config.mjs', 'package-lock.json', 'tsconfig.json'])
    if (existsSync(join(PROJECT_ROOT, file)) && statSync(join(PROJECT_ROOT, file)).mtimeMs > builtAt)
      changed.push(file);
  return changed.sort();
}

function run(args: string[], env: Record<string, string> = {}): void {
  const result = spawnSync(process.execPath, args, {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  if (result.status !== 0)
    throw new Error(`${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`.slice(-4000));
}

const PAGEFIND = join('node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs');
/** The rebuild's clock runs this many days ahead: another day, month and year, and another hour. */
const CLOCK_SHIFT_DAYS = 400.3;
const OTHER_TIME_ZONE = 'Pacific/Kiritimati';
const temp: string[] = [];
afterAll(() => {
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!built)('reproducible build', () => {
  let rebuilt = '';

  it('a second build (scripts/build.ts, 400 days later, in UTC+14) is byte-identical to dist/', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chronology-rebuild-'));
    rebuilt = join(dir, 'site');
    run(['scripts/build.ts'], {
      CHRONOLOGY_OUT_DIR: rebuilt,
      NODE_OPTIONS:
        `${process.env.NODE_OPTIONS ?? ''} --import=${join(PROJECT_ROOT, 'tests', 'support', 'shifted-clock.mjs')}`.trim(),
      SHIFTED_CLOCK_DAYS: String(CLOCK_SHIFT_DAYS),
      TZ: OTHER_TIME_ZONE,
    });
    const comparison = compareTrees(DIST, rebuilt);
    const total = comparison.onlyInA.length + comparison.onlyInB.length + comparison.differing.length;
    if (total > 0) {
      // Keep the rebuild for inspection; say where it is and why it may differ.
      const changed = changedSinceDist();
      const pagesDiffer = [
        ...comparison.onlyInA,
        ...comparison.onlyInB,
        ...comparison.differing.map((d) => d.path),
      ].some((p) => !isPagefind(p));
      const hint = changed.length
        ? `\nThese source files changed after dist/ was built, so dist/ is stale: rebuild it (npm run build) and run again:\n  ${changed.slice(0, 20).join('\n  ')}`
        : '';
      const why = pagesDiffer
        ? ''
        : '\nOnly pagefind/ differs while every page is identical: Pagefind wrote a different index from the same pages (see the next test).';
      expect.fail(
        `the rebuild in ${rebuilt} differs from dist/ in ${total} file(s):\n${describeComparison(comparison, 'dist', 'rebuild')}${why}${hint}`,
      );
    } else temp.push(dir);
    expect(listFiles(rebuilt).length).toBeGreaterThan(100);
  });

  it('Pagefind indexes the same pages identically twice', () => {
    // Copies dist/ without pagefind/ and indexes the copy: no Astro involved, so any
    // difference from dist/pagefind/ is Pagefind's own (or dist/pagefind/ is stale).
    const dir = mkdtempSync(join(tmpdir(), 'chronology-pagefind-'));
    const site = join(dir, 'site');
    cpSync(DIST, site, { recursive: true, filter: (src) => !src.startsWith(join(DIST, 'pagefind')) });
    run([PAGEFIND, '--site', site, '--quiet']);
    const comparison = compareTrees(DIST, site, isPagefind);
    const total = comparison.onlyInA.length + comparison.onlyInB.length + comparison.differing.length;
    expect(listFiles(site).filter(isPagefind).length, 'Pagefind wrote its bundle').toBeGreaterThan(5);
    if (total > 0)
      expect.fail(
        `Pagefind indexed dist/'s own pages into ${site}/pagefind/ and got ${total} different file(s) from dist/pagefind/ ` +
          `(stale dist/pagefind/, or Pagefind is not deterministic):\n${describeComparison(comparison, 'dist', 'reindex')}`,
      );
    temp.push(dir);
  });
});

if (!built) it.skip(`reproducible build: ${SKIP_REASON}`, () => {});
