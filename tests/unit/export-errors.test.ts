/**
 * The export writes all or nothing (scripts/output-folder.ts): on a full disk, a read-only
 * mount or a path it cannot create, it names the path and the cause, leaves no partial files,
 * and a rerun into the same folder is not refused. Runs on a small stand-in site; no build.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportBag, REQUIRED_DATA_FILES } from '../../scripts/export.ts';
import { describeFileError } from '../../scripts/lib/output-folder.ts';
import { checkBag } from '../support/bagit-checker.ts';
import { FIXTURE } from '../support/content-fixture.ts';

const work = mkdtempSync(join(tmpdir(), 'chronology-export-errors-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const dist = join(work, 'dist');
mkdirSync(join(dist, 'data'), { recursive: true });
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>stand-in</title>');
for (const name of REQUIRED_DATA_FILES)
  writeFileSync(join(dist, 'data', name), name === 'events.json' ? '{"version":"test","events":[]}' : '[]');
const captures = join(FIXTURE, 'sources', 'captures');

/** A writer that fails like the given file-system error after `okFiles` files. */
function failingAfter(okFiles: number, code: string) {
  let written = 0;
  return (path: string, bytes: Uint8Array) => {
    if (written++ >= okFiles) throw Object.assign(new Error(`${code}: simulated, write '${path}'`), { code });
    writeFileSync(path, bytes);
  };
}

const leftovers = () => readdirSync(work).filter((name) => name !== 'dist');

describe('export errors', () => {
  it('on a full disk names the file and the cause, leaves nothing, and can be run again', () => {
    const out = join(work, 'bag');
    expect(() => exportBag({ out, dist, captures, writeFile: failingAfter(3, 'ENOSPC') })).toThrow(
      new RegExp(
        `^cannot write ${out}/\\S+: no space left on the device \\(ENOSPC\\); nothing was kept, so it can be run again$`,
      ),
    );
    expect(leftovers(), 'no partial bag').toEqual([]);
    exportBag({ out, dist, captures });
    expect(checkBag(out)).toEqual([]);
    rmSync(out, { recursive: true });
  });

  it('on a read-only file system says so, and leaves an empty --out folder as it was', () => {
    const out = join(work, 'empty');
    mkdirSync(out);
    expect(() => exportBag({ out, dist, captures, writeFile: failingAfter(0, 'EROFS') })).toThrow(
      /^cannot write .+: the file system is read-only \(EROFS\); nothing was kept/,
    );
    expect(readdirSync(out)).toEqual([]);
    expect(leftovers()).toEqual(['empty']);
    rmSync(out, { recursive: true });
  });

  it('when the folder cannot be created, names it and the cause', () => {
    writeFileSync(join(work, 'a-file'), '');
    const out = join(work, 'a-file', 'bag');
    expect(() => exportBag({ out, dist, captures })).toThrow(
      /^cannot create .*a-file.*: a part of the path is a file, not a folder \(ENOTDIR\)/,
    );
    expect(existsSync(out)).toBe(false);
    rmSync(join(work, 'a-file'));
  });

  it('describes permission errors', () => {
    expect(describeFileError('write', '/x/y', Object.assign(new Error('x'), { code: 'EACCES' }))).toBe(
      'cannot write /x/y: permission denied (EACCES)',
    );
  });
});
