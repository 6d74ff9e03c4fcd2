#!/usr/bin/env node
/**
 * `npm run build`: publishes the site atomically. The published folder (dist/, or
 * $CHRONOLOGY_OUT_DIR) is replaced only once everything has succeeded:
 *
 *   1. take the lock `<out>.lock` (a second build at the same time fails at once, naming the
 *      running one; a lock left by a killed build is taken over);
 *   2. check the whole content folder (scripts/check-content.ts) and stop on any problem,
 *      one `file: field: reason` line each, before anything is written;
 *   3. `astro build` into a staging folder beside the published one, `.<out>.staging-<pid>`,
 *      with a content cache of its own unless it builds the default content into dist/;
 *   4. Pagefind indexes the staging folder; the result is checked for the files every
 *      published site has;
 *   5. swap: the published folder is renamed aside, the staging folder renamed into its
 *      place, and the old one deleted.
 *
 * Killed at any moment before step 5 (SIGKILL included), it leaves the published folder as it
 * was, byte for byte; leftovers are removed by the next build. Step 5 is two renames on one
 * file system: if a kill falls between them, the next build renames the previous site back
 * before doing anything else. Arguments are passed on to `astro build`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContent } from './check-content.ts';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_OUT = join(PROJECT_ROOT, 'dist');
const DEFAULT_CONTENT = join(PROJECT_ROOT, 'content');
const DEFAULT_CACHE = join(PROJECT_ROOT, 'node_modules', '.astro');
const ASTRO = join(PROJECT_ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
const PAGEFIND = join(PROJECT_ROOT, 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs');
/** Files without which a site is not published: the home page, the data, the search bundle. */
const REQUIRED_OUTPUT = ['index.html', 'data/events.json', 'pagefind/pagefind.js'] as const;
const SIGNAL_EXIT_BASE = 128;
/** How long a step may take to stop after a signal before it is killed. */
const CHILD_STOP_GRACE_MS = 3000;
const SIGNAL_NUMBERS: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

/** An error whose message is the one line the user sees. */
class BuildError extends Error {}

/** Where one build writes: the published folder, its lock, and the names of its temporary siblings. */
export interface BuildPaths {
  out: string;
  lock: string;
  staging: string;
  previous: string;
  cache: string | undefined;
  /** Prefixes of temporary siblings of `out`; any found at the start are leftovers of a killed build. */
  leftoverPrefixes: readonly string[];
}

export function buildPaths(out: string, contentRoot: string, pid = process.pid): BuildPaths {
  const parent = dirname(out);
  const name = basename(out);
  const staging = join(parent, `.${name}.staging-${pid}`);
  // The default build shares Astro's cache (node_modules/.astro) under the lock on dist/; any
  // other build gets its own, so builds of other folders never mix content through the cache.
  const shared = out === DEFAULT_OUT && contentRoot === DEFAULT_CONTENT;
  return {
    out,
    lock: `${out}.lock`,
    staging,
    previous: join(parent, `.${name}.previous-${pid}`),
    cache: shared ? undefined : `${staging}-cache`,
    leftoverPrefixes: [`.${name}.staging-`, `.${name}.previous-`],
  };
}

/** Whether a process is running; a zombie (killed, not yet reaped by its parent) is not. */
const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    // Linux: the state follows the command name in parentheses, e.g. "123 (node) Z 1 …".
    return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true; // no /proc (macOS): kill(pid, 0) is the best answer there is
  }
};

/** Takes the lock, or throws naming the build that holds it. A lock whose process is gone is taken over. */
export function acquireLock(lock: string, out: string): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, `${JSON.stringify({ pid: process.pid, started: new Date().toISOString() })}\n`);
      closeSync(fd);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder: { pid?: unknown; started?: unknown } = {};
    try {
      holder = JSON.parse(readFileSync(lock, 'utf8')) as typeof holder;
    } catch {
      // Empty or half-written: the process that wrote it was killed while writing.
    }
    if (typeof holder.pid === 'number' && holder.pid !== process.pid && isAlive(holder.pid)) {
      throw new BuildError(
        `another build (pid ${holder.pid}, started ${String(holder.started)}) is writing ${out}; wait for it to finish, or delete ${lock} if no build is running`,
      );
    }
    rmSync(lock, { force: true });
  }
  throw new BuildError(`could not take the lock ${lock}`);
}

/** Puts back a site left aside by a swap that was interrupted, and removes every other leftover. */
function recoverLeftovers(paths: BuildPaths): void {
  const parent = dirname(paths.out);
  const leftovers = readdirSync(parent).filter((name) =>
    paths.leftoverPrefixes.some((prefix) => name.startsWith(prefix)),
  );
  const previous = leftovers.filter((name) => name.startsWith(paths.leftoverPrefixes[1]!) && !name.endsWith('-cache'));
  if (!existsSync(paths.out) && previous.length === 1) {
    renameSync(join(parent, previous[0]!), paths.out);
    console.error(`build: restored ${paths.out} from ${previous[0]}, left aside by an interrupted build`);
  }
  for (const name of leftovers) rmSync(join(parent, name), { recursive: true, force: true });
}

/**
 * Astro keeps parsed content entries in its cache and re-parses an entry only when the entry
 * changes, not when its schema does: after a schema change (a new field with a default, say)
 * it would publish entries shaped by the old schema. The cache is therefore cleared (--force)
 * whenever the files that shape entries differ from those of the build that filled it.
 */
const CACHE_KEY_FILE = 'chronology-schema-key';
const SCHEMA_INPUTS = ['src/content.config.ts', 'src/content-root.ts', 'package-lock.json'] as const;

function schemaKey(): string {
  const hash = createHash('sha256');
  const schemas = readdirSync(join(PROJECT_ROOT, 'src', 'schemas'))
    .sort()
    .map((name) => `src/schemas/${name}`);
  for (const path of [...SCHEMA_INPUTS, ...schemas]) hash.update(path).update(readFileSync(join(PROJECT_ROOT, path)));
  return hash.digest('hex');
}

function cacheIsStale(cache: string): boolean {
  try {
    return readFileSync(join(cache, CACHE_KEY_FILE), 'utf8') !== schemaKey();
  } catch {
    return true;
  }
}

function writeCacheKey(cache: string): void {
  mkdirSync(cache, { recursive: true });
  writeFileSync(join(cache, CACHE_KEY_FILE), schemaKey());
}

let running: ChildProcess | undefined;

function run(args: string[], env: NodeJS.ProcessEnv, what: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    running = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env, stdio: 'inherit' });
    running.on('error', (error) => reject(new BuildError(`${what} could not start: ${error.message}`)));
    running.on('exit', (code, signal) => {
      running = undefined;
      if (code === 0) resolvePromise();
      else reject(new BuildError(`${what} failed (${signal ?? `exit ${code}`}); see its output above`));
    });
  });
}

function checkOutput(staging: string): void {
  const missing = REQUIRED_OUTPUT.filter((path) => !existsSync(join(staging, path)));
  if (missing.length > 0) throw new BuildError(`the new site lacks ${missing.join(', ')}; it was not published`);
}

/** Replaces `out` with `staging`: two renames, the window between them recovered by the next build. */
function swapIn(paths: BuildPaths): void {
  const hadSite = existsSync(paths.out);
  if (hadSite) renameSync(paths.out, paths.previous);
  renameSync(paths.staging, paths.out);
  if (hadSite) rmSync(paths.previous, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const out = resolve(PROJECT_ROOT, process.env.CHRONOLOGY_OUT_DIR ?? 'dist');
  const contentRoot = resolve(PROJECT_ROOT, process.env.CHRONOLOGY_CONTENT ?? 'content');
  const paths = buildPaths(out, contentRoot);
  const shown = relative(process.cwd(), out).startsWith('..') ? out : relative(process.cwd(), out) || '.';

  acquireLock(paths.lock, shown);
  const cleanUp = (): void => {
    rmSync(paths.staging, { recursive: true, force: true });
    if (paths.cache) rmSync(paths.cache, { recursive: true, force: true });
    rmSync(paths.lock, { force: true });
  };
  for (const signal of Object.keys(SIGNAL_NUMBERS) as NodeJS.Signals[]) {
    process.once(signal, () => {
      // Stop the running step first, so it writes nothing into the staging folder after its removal.
      const finish = (): never => {
        cleanUp();
        console.error(`build: stopped by ${signal}; ${shown} is unchanged`);
        process.exit(SIGNAL_EXIT_BASE + SIGNAL_NUMBERS[signal]!);
      };
      if (!running || running.exitCode !== null) finish();
      running!.once('exit', finish);
      running!.kill(signal);
      setTimeout(() => {
        running?.kill('SIGKILL');
        finish();
      }, CHILD_STOP_GRACE_MS).unref();
    });
  }

  try {
    recoverLeftovers(paths);
    const problems = checkContent(contentRoot);
    if (problems.length > 0) {
      console.error(
        `build: the content has ${problems.length} problem(s); nothing was built and ${shown} is unchanged:`,
      );
      for (const line of problems) console.error(line);
      process.exitCode = 1;
      return;
    }
    const env = {
      ...process.env,
      CHRONOLOGY_OUT_DIR: paths.staging,
      ...(paths.cache ? { CHRONOLOGY_CACHE_DIR: paths.cache } : {}),
    };
    const force = cacheIsStale(paths.cache ?? DEFAULT_CACHE) ? ['--force'] : [];
    await run([ASTRO, 'build', ...force, ...process.argv.slice(2)], env, 'astro build');
    writeCacheKey(paths.cache ?? DEFAULT_CACHE);
    console.log('build: indexing the new site with Pagefind');
    await run([PAGEFIND, '--site', paths.staging, '--quiet'], env, 'pagefind');
    checkOutput(paths.staging);
    swapIn(paths);
    console.log(`build: published ${shown}`);
  } finally {
    cleanUp();
  }
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    const message =
      error instanceof BuildError
        ? error.message
        : error instanceof Error
          ? (error.stack ?? error.message)
          : String(error);
    console.error(`build: ${message}; ${process.env.CHRONOLOGY_OUT_DIR ?? 'dist'} is unchanged`);
    process.exitCode = 1;
  });
}
