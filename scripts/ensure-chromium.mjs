#!/usr/bin/env node
/**
 * Makes sure a Chromium binary is available for the Playwright gates (Playwright cannot
 * download its own browsers here). Plain ESM JavaScript: runs on node 20 and 24.
 *
 * Looks at $CHROMIUM_PATH, then /usr/bin/chromium, then /usr/bin/chromium-browser. If none
 * exists: as root, installs the Debian package `chromium` with apt-get; otherwise prints
 * one sentence saying what to install and exits 1.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** True when `file` is an existing, executable regular file. */
function isExecutable(file) {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The Chromium to use: `{ path }`, or `{ problem }` (one sentence) when CHROMIUM_PATH names
 * something that is not an executable file, or `{}` when there is none.
 */
export function findChromium(env = process.env) {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    return isExecutable(fromEnv)
      ? { path: fromEnv }
      : { problem: `ensure-chromium: CHROMIUM_PATH is set to ${fromEnv}, which is not an executable file.` };
  }
  const path = CANDIDATES.find(isExecutable);
  return path ? { path } : {};
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with status ${result.status}`);
}

/** Prints one sentence and stops the script. */
function fail(sentence) {
  console.error(sentence);
  process.exit(1);
}

/** The Chromium found, or installed with apt-get when running as root; fails otherwise. */
function ensureChromium() {
  const first = findChromium();
  if (first.problem) fail(first.problem);
  if (first.path) return first.path;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot)
    fail(
      'ensure-chromium: no Chromium found; install the Debian/Ubuntu package `chromium` (sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary.',
    );
  console.log('ensure-chromium: no Chromium found; installing the Debian package `chromium` with apt-get.');
  try {
    run('apt-get', ['update']);
    run('apt-get', ['install', '-y', 'chromium']);
  } catch (error) {
    fail(`ensure-chromium: installing chromium failed (${error instanceof Error ? error.message : String(error)}).`);
  }
  const installed = findChromium().path;
  if (!installed)
    fail('ensure-chromium: apt-get finished but no Chromium binary was found at /usr/bin/chromium; set CHROMIUM_PATH.');
  return installed;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`ensure-chromium: using ${ensureChromium()}`);
}
