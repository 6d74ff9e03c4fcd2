/**
 * Files for the hosts that serve the built site: robots.txt, and _headers (the headers file
 * Netlify and Cloudflare Pages read; README, "Publishing", gives the same settings for nginx
 * and Apache). The CSP is the pages' own (contentSecurityPolicy(), called here, never copied)
 * plus frame-ancestors, which only works as an HTTP header.
 */
import { contentSecurityPolicy } from './content-security-policy.ts';
import { sortedBy } from './order.ts';
import { absoluteUrl, sitePathOf } from './site-paths.ts';

/** Cache lifetime of files whose names change with their content (a year, never revalidated). */
export const LONG_CACHE = 'public, max-age=31536000, immutable';
/** Cache lifetime of HTML and every other file whose name stays when it changes (five minutes). */
export const SHORT_CACHE = 'public, max-age=300';
/** Pagefind's folders of content-hashed files (its other files keep their names between builds). */
export const PAGEFIND_HASHED_FOLDERS = ['pagefind/fragment', 'pagefind/index', 'pagefind/filter'] as const;
/** Pagefind's output folder, written after the Astro build. */
const PAGEFIND_FOLDER = 'pagefind';

/** The CSP hosts send: the pages' policy, and no framing by any site. */
export const headerContentSecurityPolicy = (): string => `${contentSecurityPolicy()}; frame-ancestors 'none'`;

/** Security headers for every file of the site. */
export function securityHeaders(): [name: string, value: string][] {
  return [
    ['Content-Security-Policy', headerContentSecurityPolicy()],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'no-referrer'],
  ];
}

/** One entry at the top of the built folder. */
export interface TopLevelEntry {
  name: string;
  folder: boolean;
}

/**
 * The _headers file. Hosts apply every rule whose path matches and join the values of a header
 * set by two rules, so no header is set by two rules that can match one URL: the security
 * headers come from the one site-wide rule, and Cache-Control from rules that do not overlap
 * (one per top-level entry of the site, and one per Pagefind folder of hashed files).
 */
export function headersFile(site: string | URL, topLevel: readonly TopLevelEntry[]): string {
  const base = sitePathOf(site);
  const block = (path: string, headers: readonly [string, string][]) =>
    `${path}\n${headers.map(([name, value]) => `  ${name}: ${value}\n`).join('')}`;
  const short: [string, string][] = [['Cache-Control', SHORT_CACHE]];
  const served = sortedBy(
    topLevel.filter((entry) => entry.name !== PAGEFIND_FOLDER && !entry.name.startsWith('_')),
    (entry) => entry.name,
  );
  return [
    '# Headers for Netlify and Cloudflare Pages, written by the build (src/lib/host-files.ts).',
    '# README, "Publishing", has the same settings for nginx and Apache.\n',
    block(`${base}*`, securityHeaders()),
    block(base, short),
    ...served.map((entry) => block(entry.folder ? `${base}${entry.name}/*` : `${base}${entry.name}`, short)),
    ...PAGEFIND_HASHED_FOLDERS.map((folder) => block(`${base}${folder}/*`, [['Cache-Control', LONG_CACHE]])),
  ].join('\n');
}

/** robots.txt: everything may be crawled; the sitemap at its absolute URL. */
export function robotsTxt(site: string | URL): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(site, '/sitemap-index.xml')}\n`;
}
