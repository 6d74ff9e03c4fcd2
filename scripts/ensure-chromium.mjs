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

function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    console.error(`ensure-chromium: CHROMIUM_PATH is set to ${fromEnv}, which is not an executable file.`);
    process.exit(1);
  }
  return CANDIDATES.find(isExecutable);
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with status ${result.status}`);
}

let found = findChromium();
if (!found) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      'ensure-chromium: no Chromium found; install the Debian/Ubuntu package `chromium` (sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary.',
    );
    process.exit(1);
  }
  console.log('ensure-chromium: no Chromium found; installing the Debian package `chromium` with apt-get.');
  try {
    run('apt-get', ['update']);
    run('apt-get', ['install', '-y', 'chromium']);
  } catch (error) {
    console.error(
      `ensure-chromium: installing chromium failed (${error instanceof Error ? error.message : String(error)}).`,
    );
    process.exit(1);
  }
  found = findChromium();
  if (!found) {
    console.error(
      'ensure-chromium: apt-get finished but no Chromium binary was found at /usr/bin/chromium; set CHROMIUM_PATH.',
    );
    process.exit(1);
  }
}
console.log(`ensure-chromium: using ${found}`);
