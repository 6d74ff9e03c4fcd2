/**
 * The one Content-Security-Policy of the site, for every page's <meta> (BaseLayout and the
 * redirect pages) and for hosts' header files, so they cannot drift apart. Other origins are
 * forbidden. Scripts: this site's files (Pagefind's UI and index) and the site's own inline
 * scripts, each allowed by the hash of the exact text compiled at build time
 * (inline-scripts.ts), never by hashing whatever inline script a page happens to contain; so
 * no 'unsafe-inline' and no 'unsafe-eval'. 'wasm-unsafe-eval' lets Pagefind run its index.
 * Styles keep 'unsafe-inline': Astro inlines each page's CSS as <style> elements that differ
 * by page (and Pagefind's UI sets style attributes), so there is no fixed set of texts to hash;
 * a style cannot run script.
 */
import { inlineScriptHashSources } from './inline-scripts.ts';

export function contentSecurityPolicy(): string {
  const scriptSources = ["'self'", ...inlineScriptHashSources(), "'wasm-unsafe-eval'"].join(' ');
  return `default-src 'self'; script-src ${scriptSources}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'`;
}
