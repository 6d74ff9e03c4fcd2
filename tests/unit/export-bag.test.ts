/**
 * The archive export (README, "archivists"): `node scripts/export.ts --out <tmp>/bag` run
 * against dist/ writes a BagIt bag that validateBag (src/lib/bagit.ts) finds valid, whose
 * payload is dist/, the data files and the captures byte for byte; exporting twice gives
 * byte-identical bags; a changed payload byte makes the bag invalid (so validation is real);
 * and the export refuses to write into a folder that is not empty.
 *
 * Skipped, with a message, when dist/ has not been built.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, distDir, listFiles } from '../support/project.ts';
import { validateBag } from '../../src/lib/bagit.ts';

/** dist/, or $GATES_DIST (relative to the project root), as for the browser gates. */
const DIST = distDir();
const built = existsSync(join(DIST, 'index.html')) && existsSync(join(DIST, 'data', 'events.json'));
const SKIP_REASON = 'SKIPPED: dist/ is missing or incomplete; run `npm run build` first, then this test';
if (!built) console.warn(`export-bag.test.ts: ${SKIP_REASON}`);

function exportTo(out: string) {
  const result = spawnSync(process.execPath, ['scripts/export.ts', '--out', out, '--dist', DIST], { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const work = built ? mkdtempSync(join(tmpdir(), 'chronology-export-')) : '';
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.skipIf(!built)('export to a BagIt bag', () => {
  const first = join(work, 'bag');
  const second = join(work, 'bag-again');

  it('writes a bag that validateBag finds valid, holding dist/, the data files and the captures', () => {
    const run = exportTo(first);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^export: wrote a valid BagIt 1\.0 bag to .+ \(\d+ payload files, \d+ bytes\)\n$/);

    expect(validateBag(first)).toEqual([]);
    for (const tag of ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt', 'manifest-sha512.txt', 'tagmanifest-sha256.txt', 'tagmanifest-sha512.txt'])
      expect(existsSync(join(first, tag)), tag).toBe(true);

    // data/site/ is dist/ exactly.
    const site = join(first, 'data', 'site');
    const distFiles = listFiles(DIST);
    expect(listFiles(site)).toEqual(distFiles);
    const changed = distFiles.filter((path) => !readFileSync(join(DIST, path)).equals(readFileSync(join(site, path))));
    expect(changed, 'files of data/site/ that differ from dist/').toEqual([]);

    // data/datasets/ has the published data files; data/captures/ the captures byte for byte.
    const datasets = listFiles(join(first, 'data', 'datasets'));
    for (const name of ['events.json', 'sources.json', 'places.json', 'eras.json', 'events.csv']) expect(datasets).toContain(name);
    for (const name of datasets) expect(readFileSync(join(first, 'data', 'datasets', name)).equals(readFileSync(join(DIST, 'data', name))), name).toBe(true);
    const capturesDir = join(PROJECT_ROOT, 'content', 'sources', 'captures');
    const captures = listFiles(capturesDir);
    expect(captures.length).toBeGreaterThanOrEqual(5);
    expect(listFiles(join(first, 'data', 'captures'))).toEqual(captures);
    for (const name of captures) expect(readFileSync(join(first, 'data', 'captures', name)).equals(readFileSync(join(capturesDir, name))), name).toBe(true);

    // bag-info.txt names the chronology version the build embedded.
    const version = (JSON.parse(readFileSync(join(DIST, 'data', 'events.json'), 'utf8')) as { version: string }).version;
    const info = readFileSync(join(first, 'bag-info.txt'), 'utf8');
    expect(info).toMatch(new RegExp(`^Chronology-Version: ${version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    expect(info).toMatch(/^Bagging-Date: \d{4}-\d{2}-\d{2}$/m);
    expect(info).toMatch(/^Payload-Oxum: \d+\.\d+$/m);
  });

  it('exporting twice gives byte-identical bags', () => {
    const run = exportTo(second);
    expect(run.status, run.stderr).toBe(0);
    const a = listFiles(first);
    const b = listFiles(second);
    expect(b).toEqual(a);
    const differing = a.filter((path) => !readFileSync(join(first, path)).equals(readFileSync(join(second, path))));
    expect(differing, `files that differ between two exports:\n${differing.slice(0, 20).join('\n')}`).toEqual([]);
  });

  it('a changed payload byte makes the bag invalid', () => {
    // Changes the second bag (its comparison with the first is done).
    appendFileSync(join(second, 'data', 'site', 'index.html'), ' ');
    const problems = validateBag(second);
    expect(problems.some((p) => p.includes('data/site/index.html') && /checksum does not match/.test(p)), problems.join('\n')).toBe(true);
    expect(problems.some((p) => /Payload-Oxum/.test(p)), problems.join('\n')).toBe(true);
  });

  it('refuses to write into a folder that is not empty, with one line', () => {
    const run = exportTo(first);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^export: --out .+ is not empty; refusing to write into it\n$/);
    expect(validateBag(first), 'the refused export left the first bag untouched').toEqual([]);
  });
});

if (!built) it.skip(`export to a BagIt bag: ${SKIP_REASON}`, () => {});
