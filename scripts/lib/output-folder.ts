/**
 * Writes a set of files as a new folder, all or nothing: everything goes into a hidden sibling
 * `.<name>.partial-<pid>` first, is checked there, and is renamed into place only when complete.
 * On any failure the partial folder is removed and the error names the path and the cause
 * (disk full, read-only, no permission), so nothing half-written is left and a rerun is not
 * refused. Used by scripts/export.ts; any other writer of a folder can call it.
 */
import { mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** An error whose message is the one line the user sees. */
export class OutputError extends Error {}

export interface OutputFile {
  /** Path inside the folder, with "/" separators. */
  path: string;
  bytes: Uint8Array;
}

export interface WriteFolderOptions {
  /** Checks the complete folder before it is put in place; returns a reason to refuse it. */
  check?: (folder: string) => string | undefined;
  /** The file writer (tests pass one that fails like a full disk). */
  writeFile?: (path: string, bytes: Uint8Array) => void;
}

const CAUSES: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exhausted',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'a folder on the way does not exist',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'it already exists',
};

/** "cannot write PATH: no space left on the device (ENOSPC)", from a Node file-system error. */
export function describeFileError(action: string, path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const cause = code
    ? `${CAUSES[code] ?? (error as Error).message} (${code})`
    : error instanceof Error
      ? error.message
      : String(error);
  return `cannot ${action} ${path}: ${cause}`;
}

/**
 * Writes `files` as the folder `out`, which must not exist or be empty.
 * @throws OutputError naming the path and cause; nothing written is left behind.
 */
export function writeNewFolder(out: string, files: readonly OutputFile[], options: WriteFolderOptions = {}): void {
  const writeFile = options.writeFile ?? writeFileSync;
  const partial = join(dirname(out), `.${basename(out)}.partial-${process.pid}`);
  let step = { action: 'create', path: partial };
  try {
    mkdirSync(partial, { recursive: true });
    for (const file of files) {
      const path = join(partial, ...file.path.split('/'));
      step = { action: 'create', path: dirname(path) };
      mkdirSync(dirname(path), { recursive: true });
      step = { action: 'write', path };
      writeFile(path, file.bytes);
    }
    const refused = options.check?.(partial);
    if (refused) throw new OutputError(refused);
    step = { action: 'move the finished folder to', path: out };
    // An empty folder given as --out is replaced; one with files was refused by the caller.
    try {
      if (readdirSync(out).length === 0) rmdirSync(out);
    } catch {
      // Absent: nothing to replace.
    }
    renameSync(partial, out);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    if (error instanceof OutputError) throw error;
    // Name the final path, not the hidden partial one the user never asked for.
    throw new OutputError(
      `${describeFileError(step.action, step.path.replace(partial, out), error)}; nothing was kept, so it can be run again`,
    );
  }
}

/**
 * Writes one new file, all or nothing: into a hidden sibling first, then renamed into place.
 * @throws OutputError naming the path and cause; nothing written is left behind.
 */
export function writeNewFile(
  out: string,
  bytes: Uint8Array,
  writeFile: WriteFolderOptions['writeFile'] = writeFileSync,
): void {
  const partial = join(dirname(out), `.${basename(out)}.partial-${process.pid}`);
  let step = { action: 'create', path: dirname(out) };
  try {
    mkdirSync(dirname(out), { recursive: true });
    step = { action: 'write', path: out };
    writeFile(partial, bytes);
    renameSync(partial, out);
  } catch (error) {
    rmSync(partial, { force: true });
    throw new OutputError(
      `${describeFileError(step.action, step.path, error)}; nothing was kept, so it can be run again`,
    );
  }
}
