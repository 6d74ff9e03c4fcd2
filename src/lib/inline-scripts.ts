/**
 * The site's own scripts, compiled at build time from src/client/ with esbuild into
 * self-contained classic scripts (IIFE) that each page carries inline: module scripts and
 * script files loaded by `src` do not run from file://. The CSP (content-security-policy.ts)
 * allows exactly these texts by their SHA-256, so a page must ship the text unchanged:
 *
 *   <script is:inline set:html={inlineScript('filters')}></script>
 *
 * Entry paths are relative to the project root, the folder every build runs in (as for
 * CONTENT_ROOT): once Vite bundles this module, import.meta.url no longer points into src/.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { buildSync } from 'esbuild';

/** Every inline script the site ships, by name: its browser entry under src/client/. */
export const INLINE_SCRIPT_ENTRIES = {
  filters: 'src/client/filters.ts',
  search: 'src/client/search.ts',
} as const;

export type InlineScriptName = keyof typeof INLINE_SCRIPT_ENTRIES;

/** Browsers the scripts must run in: every current engine, with no polyfills. */
const BROWSER_TARGET = 'es2020';

const compiled = new Map<InlineScriptName, string>();

function compile(name: InlineScriptName): string {
  const result = buildSync({
    entryPoints: [resolve(INLINE_SCRIPT_ENTRIES[name])],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: BROWSER_TARGET,
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
  });
  const text = result.outputFiles[0]!.text.trimEnd();
  // The text goes between <script> and </script> as is; these would end or garble the element.
  if (/<\/script|<!--/i.test(text))
    throw new Error(`${INLINE_SCRIPT_ENTRIES[name]}: compiled script contains "</script" or "<!--"`);
  return text;
}

/** The compiled text of one inline script, exactly as pages carry it (compiled once per build). */
export function inlineScript(name: InlineScriptName): string {
  let text = compiled.get(name);
  if (text === undefined) {
    text = compile(name);
    compiled.set(name, text);
  }
  return text;
}

/** CSP source expression for a script text: 'sha256-<base64 of the UTF-8 text's digest>'. */
export function scriptHashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The hash sources of every inline script the site ships, in a fixed order. */
export function inlineScriptHashSources(): string[] {
  return (Object.keys(INLINE_SCRIPT_ENTRIES) as InlineScriptName[]).map((name) => scriptHashSource(inlineScript(name)));
}
