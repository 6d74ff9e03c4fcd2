/**
 * Publishing (issue: publishing): the files hosts read, the 404 page's links, and the GitHub
 * Pages workflow.
 *
 * - dist/_headers parses as the Netlify / Cloudflare Pages format; its CSP is every page's CSP
 *   <meta> plus frame-ancestors 'none' (so the two cannot drift apart); every file of the site
 *   gets nosniff, no-referrer and exactly one Cache-Control: long for Pagefind's hashed files,
 *   short for HTML;
 * - dist/robots.txt names the sitemap at its absolute URL under SITE_URL, and that file exists;
 * - dist/404.html has no canonical URL, is not indexed, and its links start from the site's path;
 *   the link gate accepts such links on 404.html only, and reports them when wrongly rooted;
 * - .github/workflows/deploy.yml is valid YAML, uses only the official Pages actions, runs the
 *   README's commands and takes SITE_URL from configure-pages' base_url.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { listBuiltPages } from '../support/built-pages.ts';
import { distDir, listFiles, PROJECT_ROOT } from '../support/project.ts';
import { parseCsp } from '../support/gates/csp.ts';
import { builtSitePath, checkLinks } from '../support/gates/links.ts';
import { contentSecurityPolicy } from '../../src/lib/content-security-policy.ts';
import { headersFile, LONG_CACHE, robotsTxt, SHORT_CACHE } from '../../src/lib/host-files.ts';
import { rootHref, sitePathOf } from '../../src/lib/site-paths.ts';

const DIST = distDir();
const built = existsSync(join(DIST, '_headers')) && existsSync(join(DIST, '404.html'));
if (!built) console.warn('publishing.test.ts: SKIPPED the checks of dist/: run `npm run build` first');
const work = mkdtempSync(join(tmpdir(), 'chronology-publishing-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface HeaderRule {
  path: string;
  headers: [name: string, value: string][];
}

/** The _headers format: a URL path at the start of a line, then indented "Name: value" lines; # comments. */
function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      if (!line.startsWith('/'))
        throw new Error(`_headers line ${index + 1}: a rule's path must start with "/": ${line}`);
      rules.push({ path: line.trim(), headers: [] });
      continue;
    }
    const header = /^\s+([A-Za-z0-9-]+):\s*(\S.*)$/.exec(line);
    const rule = rules.at(-1);
    if (!header || !rule) throw new Error(`_headers line ${index + 1}: not "Name: value" under a path: ${line}`);
    rule.headers.push([header[1]!, header[2]!.trim()]);
  }
  for (const rule of rules) if (rule.headers.length === 0) throw new Error(`_headers: ${rule.path} has no headers`);
  return rules;
}

/** Netlify and Cloudflare Pages matching: exact, or a trailing "*" matching the rest of the path. */
const matches = (rule: string, path: string): boolean =>
  rule.endsWith('*') ? path.startsWith(rule.slice(0, -1)) : rule === path;

/** Every value of `name` a host would send for `path` (values of several matching rules are joined). */
const headerValues = (rules: readonly HeaderRule[], path: string, name: string): string[] =>
  rules
    .filter((rule) => matches(rule.path, path))
    .flatMap((rule) =>
      rule.headers.filter(([header]) => header.toLowerCase() === name.toLowerCase()).map(([, value]) => value),
    );

const metaCsp = (html: string): string | undefined =>
  /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1]?.replaceAll('&#39;', "'");

describe.skipIf(!built)('dist/_headers', () => {
  const rules = built ? parseHeadersFile(readFileSync(join(DIST, '_headers'), 'utf8')) : [];
  const sitePath = built ? builtSitePath(DIST) : '/';
  /** URL paths of every file of the site, folder pages at their folder URL. */
  const urlPaths = built
    ? listFiles(DIST)
        .filter((path) => !path.startsWith('_'))
        .map((path) => `${sitePath}${path.replace(/(^|\/)index\.html$/, '$1')}`)
    : [];

  it("sends the pages' own CSP plus frame-ancestors 'none', for every page", () => {
    const pages = listBuiltPages(DIST);
    const policies = new Set(pages.map((page) => metaCsp(readFileSync(page.file, 'utf8'))));
    expect(policies, 'every page carries the one CSP').toEqual(new Set([contentSecurityPolicy()]));
    for (const path of urlPaths.filter((p) => p.endsWith('/') || p.endsWith('.html'))) {
      const sent = headerValues(rules, path, 'Content-Security-Policy');
      expect(sent, path).toHaveLength(1);
      expect(sent[0], path).toBe(`${contentSecurityPolicy()}; frame-ancestors 'none'`);
    }
    const directives = parseCsp(headerValues(rules, sitePath, 'Content-Security-Policy')[0] ?? '');
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
  });

  it('sends nosniff and no-referrer with every file, and exactly one Cache-Control: long for hashed Pagefind files, short for HTML', () => {
    const problems: string[] = [];
    for (const path of urlPaths) {
      if (headerValues(rules, path, 'X-Content-Type-Options').join() !== 'nosniff')
        problems.push(`${path}: X-Content-Type-Options`);
      if (headerValues(rules, path, 'Referrer-Policy').join() !== 'no-referrer')
        problems.push(`${path}: Referrer-Policy`);
      const cache = headerValues(rules, path, 'Cache-Control');
      const hashed = /\/pagefind\/(fragment|index|filter)\//.test(path);
      const pagefind = path.startsWith(`${sitePath}pagefind/`);
      if (hashed && cache.join() !== LONG_CACHE)
        problems.push(`${path}: Cache-Control ${JSON.stringify(cache)}, want the long one`);
      else if (!pagefind && cache.join() !== SHORT_CACHE)
        problems.push(`${path}: Cache-Control ${JSON.stringify(cache)}, want the short one`);
      else if (pagefind && !hashed && cache.length > 0)
        problems.push(`${path}: Pagefind file whose name does not change has Cache-Control ${cache.join()}`);
    }
    expect(problems).toEqual([]);
    expect(urlPaths.filter((path) => /\/pagefind\/(fragment|index)\//.test(path)).length).toBeGreaterThan(0);
  });
});

describe('host files for a site under a sub-path', () => {
  const site = 'https://example.org/archive/karabakh/';
  it('prefixes every rule and the sitemap URL with the site path', () => {
    const rules = parseHeadersFile(
      headersFile(site, [
        { name: 'events', folder: true },
        { name: 'index.html', folder: false },
        { name: 'pagefind', folder: true },
        { name: '_headers', folder: false },
      ]),
    );
    expect(rules.map((rule) => rule.path)).toEqual([
      '/archive/karabakh/*',
      '/archive/karabakh/',
      '/archive/karabakh/events/*',
      '/archive/karabakh/index.html',
      '/archive/karabakh/pagefind/fragment/*',
      '/archive/karabakh/pagefind/index/*',
      '/archive/karabakh/pagefind/filter/*',
    ]);
    expect(robotsTxt(site)).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://example.org/archive/karabakh/sitemap-index.xml\n',
    );
    expect(sitePathOf('https://example.org')).toBe('/');
    expect(rootHref('/archive/karabakh/', '/search/')).toBe('/archive/karabakh/search/index.html');
    expect(rootHref('/', '/events/a/#q-1')).toBe('/events/a/index.html#q-1');
  });
});

describe.skipIf(!built)('robots.txt and the 404 page', () => {
  it('robots.txt names the sitemap at its absolute URL under SITE_URL, and the sitemap exists', () => {
    const home = readFileSync(join(DIST, 'index.html'), 'utf8');
    const siteUrl = /<link rel="canonical" href="([^"]+)"/.exec(home)?.[1] ?? '';
    const robots = readFileSync(join(DIST, 'robots.txt'), 'utf8');
    const sitemap = /^Sitemap: (\S+)$/m.exec(robots)?.[1] ?? '';
    expect(sitemap).toBe(`${siteUrl}sitemap-index.xml`);
    expect(existsSync(join(DIST, sitemap.slice(siteUrl.length)))).toBe(true);
    expect(robots).toMatch(/^User-agent: \*$/m);
  });

  it('404.html has no canonical URL, is not indexed, and links from the site path', () => {
    const html = readFileSync(join(DIST, '404.html'), 'utf8');
    expect(html).not.toContain('rel="canonical"');
    expect(html).toContain('<meta name="robots" content="noindex">');
    const hrefs = [...html.matchAll(/<a [^>]*href="([^"]*)"/g)]
      .map((match) => match[1]!)
      .filter((href) => !href.startsWith('#'));
    expect(hrefs.length).toBeGreaterThanOrEqual(6);
    for (const href of hrefs) expect(href.startsWith(builtSitePath(DIST)), href).toBe(true);
  });
});

describe('the link gate on a page served at any URL', () => {
  it('follows 404.html links from the site path and reports wrongly rooted or missing ones; other pages still may not be root-relative', () => {
    const dir = join(work, 'site');
    const page = (title: string, body: string) =>
      `<!doctype html><html lang="en"><head><title>${title}</title><link rel="canonical" href="https://example.org/sub/"></head><body>${body}</body></html>`;
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'search'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), page('Home', '<a href="search/index.html">Search</a>'));
    writeFileSync(join(dir, 'search', 'index.html'), page('Search', '<a href="/sub/index.html">Root-relative</a>'));
    writeFileSync(
      join(dir, '404.html'),
      page(
        'Not found',
        '<a href="/sub/search/index.html">ok</a><a href="/search/index.html">wrong root</a><a href="/sub/gone/index.html">missing</a>',
      ),
    );
    expect(builtSitePath(dir)).toBe('/sub/');
    const problems = checkLinks(dir).map((problem) => `${problem.page} ${problem.rule}`);
    expect(problems.sort()).toEqual([
      '404.html missing-target',
      '404.html not-site-rooted',
      'search/index.html root-relative',
    ]);
  });
});

describe('.github/workflows/deploy.yml', () => {
  const file = join(PROJECT_ROOT, '.github', 'workflows', 'deploy.yml');
  const workflow = parseYaml(readFileSync(file, 'utf8')) as {
    permissions: Record<string, string>;
    jobs: Record<
      string,
      {
        steps: {
          id?: string;
          uses?: string;
          run?: string;
          env?: Record<string, string>;
          with?: Record<string, unknown>;
        }[];
      }
    >;
  };
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
  const OFFICIAL = [
    'actions/checkout',
    'actions/setup-node',
    'actions/configure-pages',
    'actions/upload-pages-artifact',
    'actions/deploy-pages',
  ];

  it('is valid YAML that uses only the official Pages actions, each pinned to a major version', () => {
    const used = steps.filter((step) => step.uses).map((step) => step.uses!);
    for (const action of used) expect(OFFICIAL, action).toContain(action.replace(/@v\d+$/, ''));
    expect(used.map((action) => action.replace(/@v\d+$/, '')).sort()).toEqual([...OFFICIAL].sort());
    expect(workflow.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
  });

  it("runs the README's commands, with SITE_URL from configure-pages, and uploads dist/", () => {
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
    const quickStart = /## Quick start[\s\S]*?```sh\n([^\n]*)/.exec(readme)?.[1]?.replace(/#.*$/, '').trim();
    expect(quickStart).toBe('npm ci && npm run build');
    const runs = steps.filter((step) => step.run);
    expect(runs.map((step) => step.run!.trim())).toEqual([quickStart]);
    const pagesStep = steps.find((step) => step.uses?.startsWith('actions/configure-pages@'));
    expect(runs[0]!.env?.SITE_URL).toBe(`\${{ steps.${pagesStep?.id}.outputs.base_url }}`);
    expect(steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact@'))?.with?.path).toBe('dist');
    expect(steps.indexOf(pagesStep!)).toBeLessThan(steps.indexOf(runs[0]!));
  });
});
