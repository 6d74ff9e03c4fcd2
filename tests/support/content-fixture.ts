/**
 * Temporary content folders for tests: a copy of tests/fixtures/valid to plant faults in, and
 * helpers to run scripts/build.ts on it (directly or through `npm run build`) and to take a
 * byte-exact snapshot of a folder.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from './project.ts';

export { PROJECT_ROOT };
export const FIXTURE = join(PROJECT_ROOT, 'tests', 'fixtures', 'valid');
/** The fixture's one event and the quote it carries. */
export const FIXTURE_EVENT = 'events/1992-02-25-khojaly.mdx';
export const FIXTURE_QUOTE = '613 civilians were brutally murdered on the cold night of February 25–26, 1992';

/** A fresh folder holding `content/` (a copy of the valid fixture); `out` is where builds publish. */
export function copyFixture(prefix = 'chronology-fixture-'): { root: string; content: string; out: string } {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const content = join(root, 'content');
  cpSync(FIXTURE, content, { recursive: true });
  return { root, content, out: join(root, 'dist') };
}

/** Replaces text in a content file, failing loudly if the fixture no longer contains it. */
export function editFile(content: string, path: string, from: string | RegExp, to: string): void {
  const file = join(content, path);
  const text = readFileSync(file, 'utf8');
  if (typeof from === 'string' ? !text.includes(from) : !from.test(text))
    throw new Error(`${path} no longer contains ${String(from)}`);
  writeFileSync(file, text.replace(from, to));
}

/** Adds an event file `events/<name>` made from the fixture's event with the given edits. */
export function addEvent(
  content: string,
  name: string,
  edits: ReadonlyArray<readonly [string | RegExp, string]> = [],
): string {
  const path = `events/${name}`;
  writeFileSync(join(content, path), readFileSync(join(FIXTURE, FIXTURE_EVENT)));
  for (const [from, to] of edits) editFile(content, path, from, to);
  return path;
}

/** Environment of a build of `content` into `out`. */
export const buildEnv = (content: string, out: string): NodeJS.ProcessEnv => ({
  ...process.env,
  CHRONOLOGY_CONTENT: content,
  CHRONOLOGY_OUT_DIR: out,
  CHRONOLOGY_VERSION: 'test',
  NO_COLOR: '1',
});

/** Runs scripts/build.ts to completion. */
export function runBuild(
  content: string,
  out: string,
  extraEnv: NodeJS.ProcessEnv = {},
): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, ['scripts/build.ts'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...buildEnv(content, out), ...extraEnv },
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

/** Starts `npm run build` in a process group of its own, so the whole tree can be killed at once. */
export function startNpmBuild(content: string, out: string): { child: ChildProcess; output: () => string } {
  const child = spawn('npm', ['run', 'build', '--silent'], {
    cwd: PROJECT_ROOT,
    env: buildEnv(content, out),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

/** Every entry under `dir` with its kind and the SHA-256 of its bytes (or its link target). */
export function snapshotTree(dir: string): Record<string, string> {
  const snapshot: Record<string, string> = {};
  const walk = (folder: string): void => {
    for (const name of readdirSync(join(dir, folder)).sort()) {
      const path = folder ? `${folder}/${name}` : name;
      const full = join(dir, path);
      const stats = lstatSync(full);
      if (stats.isSymbolicLink()) snapshot[path] = `link ${readlinkSync(full)}`;
      else if (stats.isDirectory()) {
        snapshot[path] = 'folder';
        walk(path);
      } else snapshot[path] = `file ${createHash('sha256').update(readFileSync(full)).digest('hex')}`;
    }
  };
  walk('');
  return snapshot;
}
