/**
 * The archive export (README, "For archivists"), `node scripts/export.ts --out DIR`, every bag
 * checked with tests/support/bagit-checker.ts, a BagIt checker written from RFC 8493
 * independently of the writer:
 *
 * - against a small fake build: the documented layout and bag-info, byte-identical on a second
 *   run, and one-line refusals (a non-empty folder, a build without its data files);
 * - against the real dist/: the payload is dist/, the data files and the captures byte for
 *   byte, and a refused second export leaves the bag alone. Skipped, with a message, when
 *   dist/ is not built.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, distDir, listFiles } from '../support/project.ts';
import { checkBag, PROJECT_TAG_FILES } from '../support/bagit-checker.ts';

const work = mkdtempSync(join(tmpdir(), 'chronology-export-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let folders = 0;
/** A new empty folder under this file's work folder. */
function tempDir(): string {
  const dir = join(work, String(++folders));
  mkdirSync(dir);
  return dir;
}

function runExport(out: string, dist: string, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['scripts/export.ts', '--out', out, '--dist', dist], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
}

/** Files of two folders that differ, by relative path (including files only one has). */
function differingFiles(a: string, b: string): string[] {
  const inA = listFiles(a);
  const inB = listFiles(b);
  const all = [...new Set([...inA, ...inB])];
  return all.filter(
    (path) =>
      !inA.includes(path) || !inB.includes(path) || !readFileSync(join(a, path)).equals(readFileSync(join(b, path))),
  );
}

describe('export of a small fake build', () => {
  /** A page as the build writes it: the WACZ in the bag needs its title and canonical address. */
  const page = (path: string, title: string): string =>
    `<!doctype html><html><head><title>${title}</title><link rel="canonical" href="https://example.org/${path}"></head><body><h1>${title}</h1></body></html>\n`;

  /** A minimal built site: what `astro build` leaves in dist/ for the export to read. */
  function fakeDist(): string {
    const dist = tempDir();
    const files: Record<string, string> = {
      'index.html': page('', 'Chronology'),
      'events/a/index.html': page('events/a/', 'A'),
      'data/index.html': page('data/', 'Data'),
      'data/events.json': '{\n  "version": "2026-01-02",\n  "events": []\n}\n',
      'data/sources.json': '{}\n',
      'data/places.json': '{}\n',
      'data/eras.json': '{}\n',
      'data/sources.csl.json': '[]\n',
      'data/events.csv': 'event_id\r\n',
    };
    for (const [path, body] of Object.entries(files)) {
      mkdirSync(dirname(join(dist, path)), { recursive: true });
      writeFileSync(join(dist, path), body);
    }
    return dist;
  }

  const FIXTURE_ENV = {
    CHRONOLOGY_VERSION: '2026-01-03',
    CHRONOLOGY_CONTENT: join(PROJECT_ROOT, 'tests/fixtures/valid'),
  };

  it('writes a valid bag in the documented layout, byte-identical on a second run', () => {
    const dist = fakeDist();
    const [first, second] = [join(tempDir(), 'bag'), join(tempDir(), 'bag')];
    const run = runExport(first, dist, FIXTURE_ENV);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(runExport(second, dist, FIXTURE_ENV).status).toBe(0);

    expect(checkBag(first)).toEqual([]);
    expect(differingFiles(first, second)).toEqual([]);
    for (const path of [
      'data/site/index.html',
      'data/site/data/events.json',
      'data/datasets/events.json',
      'data/datasets/sources.csl.json',
      'data/datasets/events.csv',
      'data/captures/003_0b02da9d63b9baaf.txt',
    ])
      expect(existsSync(join(first, path)), path).toBe(true);
    expect(existsSync(join(first, 'data/datasets/index.html'))).toBe(false);

    const info = readFileSync(join(first, 'bag-info.txt'), 'utf8');
    expect(info).toContain('Bagging-Date: 2026-01-03\n');
    expect(info).toContain('Chronology-Version: 2026-01-02\n');
    expect(info).toMatch(/^Source-Organization: Nagorno-Karabakh Chronology/);
    expect(info).toMatch(/\nBag-Software-Agent: karabakh-chronology /);
  });

  it('refuses a non-empty output folder with one line and a non-zero exit', () => {
    const out = tempDir();
    writeFileSync(join(out, 'keep.txt'), 'mine');
    const run = runExport(out, fakeDist(), FIXTURE_ENV);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([`export: --out ${out} is not empty; refusing to write into it`]);
    expect(readdirSync(out)).toEqual(['keep.txt']);
  });

  it('refuses a build without its data files', () => {
    const dist = fakeDist();
    unlinkSync(join(dist, 'data', 'events.csv'));
    const run = runExport(join(tempDir(), 'bag'), dist, FIXTURE_ENV);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^export: .*data\/events\.csv not found/);
  });
});

/** dist/, or $GATES_DIST (relative to the project root), as for the browser gates. */
const DIST = distDir();
const built = existsSync(join(DIST, 'index.html')) && existsSync(join(DIST, 'data', 'events.json'));
const SKIP_REASON = 'SKIPPED: dist/ is missing or incomplete; run `npm run build` first, then this test';
if (!built) console.warn(`export.test.ts: ${SKIP_REASON}`);

const exportTo = (out: string) => runExport(out, DIST);

// Two exports of one build are byte-identical: shown on the small fake build above (the bag's
// own files) and, for the real build's web archive, in export-wacz.test.ts; a second export of
// the whole real build here would only repeat those at a minute's cost.
describe.skipIf(!built)('export of the real build', () => {
  const first = join(work, 'real-bag');

  it('writes a valid bag holding dist/, the data files and the captures', () => {
    const run = exportTo(first);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^export: wrote a valid BagIt 1\.0 bag to .+ \(\d+ payload files, \d+ bytes\)\n$/);

    expect(checkBag(first)).toEqual([]);
    for (const tag of PROJECT_TAG_FILES) expect(existsSync(join(first, tag)), tag).toBe(true);

    // data/site/ is dist/ exactly.
    const site = join(first, 'data', 'site');
    const distFiles = listFiles(DIST);
    expect(listFiles(site)).toEqual(distFiles);
    const changed = distFiles.filter((path) => !readFileSync(join(DIST, path)).equals(readFileSync(join(site, path))));
    expect(changed, 'files of data/site/ that differ from dist/').toEqual([]);

    // data/datasets/ has the published data files; data/captures/ the captures byte for byte.
    const datasets = listFiles(join(first, 'data', 'datasets'));
    for (const name of ['events.json', 'sources.json', 'places.json', 'eras.json', 'events.csv'])
      expect(datasets).toContain(name);
    for (const name of datasets)
      expect(
        readFileSync(join(first, 'data', 'datasets', name)).equals(readFileSync(join(DIST, 'data', name))),
        name,
      ).toBe(true);
    const capturesDir = join(PROJECT_ROOT, 'content', 'sources', 'captures');
    const captures = listFiles(capturesDir);
    expect(captures.length).toBeGreaterThanOrEqual(5);
    expect(listFiles(join(first, 'data', 'captures'))).toEqual(captures);
    for (const name of captures)
      expect(
        readFileSync(join(first, 'data', 'captures', name)).equals(readFileSync(join(capturesDir, name))),
        name,
      ).toBe(true);

    // bag-info.txt names the chronology version the build embedded.
    const version = (JSON.parse(readFileSync(join(DIST, 'data', 'events.json'), 'utf8')) as { version: string })
      .version;
    const info = readFileSync(join(first, 'bag-info.txt'), 'utf8');
    expect(info).toMatch(new RegExp(`^Chronology-Version: ${version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    expect(info).toMatch(/^Bagging-Date: \d{4}-\d{2}-\d{2}$/m);
    expect(info).toMatch(/^Payload-Oxum: \d+\.\d+$/m);
  });

  it('refuses to write into a folder that is not empty, with one line', () => {
    const run = exportTo(first);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^export: --out .+ is not empty; refusing to write into it\n$/);
    expect(checkBag(first), 'the refused export left the first bag untouched').toEqual([]);
  });
});

if (!built) it.skip(`export to a BagIt bag: ${SKIP_REASON}`, () => {});
