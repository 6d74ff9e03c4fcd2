/**
 * The one Content-Security-Policy of the site, for every page's <meta> and for hosts' header
 * files, so the two cannot drift apart. Other origins are forbidden; inline script and style
 * are needed because module scripts and linked files cannot load from file://.
 * wasm-unsafe-eval lets Pagefind run its index.
 */
export function contentSecurityPolicy(): string {
  return "default-src 'self'; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";
}
