/**
 * The site's own inline scripts (src/lib/inline-scripts.ts) and the CSP that vouches for them
 * (src/lib/content-security-policy.ts). That pages ship exactly these texts, and that browsers
 * accept them, is checked on the build by tests/e2e/own-scripts.spec.ts.
 */
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  INLINE_SCRIPT_ENTRIES,
  inlineScript,
  inlineScriptHashSources,
  scriptHashSource,
  type InlineScriptName,
} from '../../src/lib/inline-scripts.ts';
import { contentSecurityPolicy } from '../../src/lib/content-security-policy.ts';

const NAMES = Object.keys(INLINE_SCRIPT_ENTRIES) as InlineScriptName[];
/** The home page's budget for all its JavaScript (README, gates). */
const HOME_JS_BUDGET_BYTES = 15 * 1024;

describe('inline scripts', () => {
  it('are self-contained classic scripts: they parse as scripts and keep nothing of a module', () => {
    for (const name of NAMES) {
      const text = inlineScript(name);
      expect(() => new Script(text), name).not.toThrow();
      // One function expression run at once: nothing leaks into the page's global scope.
      expect(text, name).toMatch(/^(?:"use strict";)?\(\(\)=>\{[\s\S]*\}\)\(\);$/);
      expect(text, name).not.toMatch(/\bimport\s*[({'"]|\bexport\s|import\.meta|require\(/);
      expect(text, name).not.toMatch(/<\/script|<!--/i);
    }
  });

  it('stay small', () => {
    expect(new TextEncoder().encode(inlineScript('filters')).length).toBeLessThan(HOME_JS_BUDGET_BYTES);
  });

  it('compile to the same text every time (reproducible builds, stable hashes)', () => {
    expect(inlineScriptHashSources()).toEqual(inlineScriptHashSources());
  });
});

describe('the CSP', () => {
  it('writes a hash as CSP source expressions do: base64 of the SHA-256 of the UTF-8 text', () => {
    // The well-known SHA-256 of the empty string, in base64.
    expect(scriptHashSource('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
  });

  it("lists the hash of every inline script in script-src, and neither 'unsafe-inline' nor 'unsafe-eval'", () => {
    const scriptSrc = / script-src ([^;]*);/.exec(contentSecurityPolicy())![1]!.split(' ');
    for (const name of NAMES) expect(scriptSrc, name).toContain(scriptHashSource(inlineScript(name)));
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(scriptSrc).toContain("'wasm-unsafe-eval'");
  });
});
