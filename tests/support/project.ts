/**
 * Where things are, for every test: the project root, the built site, and a file lister.
 * No Playwright or vitest import here, so both runners share it.
 */
import { readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareText } from '../../src/lib/order.ts';

/** The project root (this file lives in tests/support/). */
export const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** The built site the tests check: $GATES_DIST (relative to the project root) or dist/. */
export function distDir(): string {
  return resolve(PROJECT_ROOT, process.env.GATES_DIST ?? 'dist');
}

/** Every file under `dir`, relative, with '/' separators, in code-unit order. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort(compareText);
}
