/**
 * Self-tests of the static quality gates (tests/support/gates/, one file per gate): each gate must REPORT the
 * breakage planted in tests/fixtures/broken-pages/ and must not report anything on the clean
 * page there. The browser gates (axe, requests, weight, no-JS) are self-tested in
 * tests/e2e/gates.spec.ts, which has a browser; their pure parts are also tested here.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// Each gate from its own file: the index also holds the browser gates, whose axe-core and
// Playwright imports this file does not need.
import { checkCsp, parseCsp } from '../support/gates/csp.ts';
import { validateHtml } from '../support/gates/html-validity.ts';
import { checkLinks } from '../support/gates/links.ts';
import { compareJsText } from '../support/gates/no-js.ts';
import { checkWeight, HOME_BUDGET, measureWeight, type LoadedResource } from '../support/gates/page-weight.ts';
import { checkStaticPrivacy } from '../support/gates/privacy.ts';
import type { GateProblem } from '../support/gates/problems.ts';
import { contentSecurityPolicy } from '../../src/lib/content-security-policy.ts';
import {
  chunkPages,
  missingTemplates,
  representativePages,
  templateOf,
  type BuiltPage,
} from '../support/built-pages.ts';
import { BROKEN_PAGES_DIR, brokenPage, listBrokenPages } from '../support/broken-pages.ts';

const fixturePages = listBrokenPages();
const html = (rel: string): string => readFileSync(join(BROKEN_PAGES_DIR, rel), 'utf8');
const rulesOf = (problems: GateProblem[]): string[] => [...new Set(problems.map((p) => p.rule))].sort();

describe('built-pages: listing and templates', () => {
  it('lists every HTML file of the fixture with its served URL path', () => {
    expect(fixturePages.map((p) => p.rel)).toEqual([
      'a11y/index.html',
      'broken-links/index.html',
      'csp-blocked/index.html',
      'heavy/index.html',
      'index.html',
      'invalid-html/index.html',
      'moved-broken/index.html',
      'moved/index.html',
      'needs-js/index.html',
      'third-party/index.html',
      'weak-csp/index.html',
    ]);
    expect(brokenPage('index.html').urlPath).toBe('');
    expect(brokenPage('heavy/index.html').urlPath).toBe('heavy/');
  });

  it('groups pages by template, samples each template and names the missing ones', () => {
    const fake = (urlPath: string, bytes = 100): BuiltPage => ({
      file: `/x/${urlPath}index.html`,
      rel: `${urlPath}index.html`,
      urlPath,
      bytes,
    });
    const pages = [
      fake(''),
      fake('events/a/', 10),
      fake('events/b/', 900),
      fake('events/c/', 50),
      fake('sources/s1/'),
      fake('sources/s1/chronology/'),
      fake('sources/'),
      fake('about/'),
    ];
    expect(templateOf(fake('events/b/'))).toBe('event');
    expect(templateOf(fake('sources/s1/chronology/'))).toBe('source chronology');
    expect(templateOf(fake('about/'))).toBe('other: about/');
    const sample = representativePages(pages).map((p) => p.urlPath);
    // The largest event, every other template once, the unknown page too.
    expect(sample).toEqual(['', 'events/b/', 'sources/s1/', 'sources/s1/chronology/', 'sources/', 'about/']);
    expect(missingTemplates(pages).map((t) => t.split(' (')[0])).toEqual([
      'compare pair',
      'methodology',
      'data',
      'places',
      'place',
      'search',
      'era',
      'corrections',
    ]);
  });
  it('chunks pages for the browser gates: bounded, balanced by size, in order, at least two', () => {
    const sizes = [300_000, ...Array<number>(30).fill(20_000), 100_000];
    const pages = sizes.map((bytes, i) => ({ rel: `p${i}`, bytes }));
    const chunks = chunkPages(pages, 12);
    expect(chunks.flat()).toEqual(pages);
    expect(chunks.every((c) => c.length <= 12)).toBe(true);
    expect(chunks).toHaveLength(3);
    // The chunk with the 300 KB page holds fewer pages than the others.
    expect(chunks[0]!.length).toBeLessThan(Math.min(...chunks.slice(1).map((c) => c.length)));
    expect(chunkPages(pages.slice(0, 3), 12)).toHaveLength(2);
    expect(chunkPages([], 12)).toEqual([]);
  });
});

describe('gate: HTML validity (html-validate, standard preset)', () => {
  it('reports the duplicate id and the unclosed element', async () => {
    const problems = await validateHtml([brokenPage('invalid-html/index.html')]);
    expect(rulesOf(problems)).toEqual(expect.arrayContaining(['no-dup-id', 'close-order']));
    expect(problems.find((p) => p.rule === 'no-dup-id')?.message).toMatch(/twice/);
    expect(problems.every((p) => p.page === 'invalid-html/index.html')).toBe(true);
  });

  it('reports nothing on the valid fixture pages', async () => {
    const valid = fixturePages.filter((p) => p.rel !== 'invalid-html/index.html');
    expect(await validateHtml(valid)).toEqual([]);
  });
});

describe('gate: internal links and anchors', () => {
  const problems = checkLinks(BROKEN_PAGES_DIR);

  it('reports the missing page, the missing anchors, the missing image and the non-relative links', () => {
    const got = problems.map((p) => `${p.page} ${p.rule} ${p.message.split('"')[1]}`).sort();
    expect(got).toEqual(
      [
        'broken-links/index.html missing-target ../events/no-such-event/index.html',
        'broken-links/index.html missing-anchor ../index.html#no-such-anchor',
        'broken-links/index.html missing-anchor #nowhere',
        'broken-links/index.html folder-link ../heavy/',
        'broken-links/index.html root-relative /index.html',
        'broken-links/index.html outside-site ../../../outside.html',
        'broken-links/index.html missing-target missing.png',
        'moved-broken/index.html missing-target ../gone/index.html',
        'moved-broken/index.html missing-target ../gone/index.html',
      ].sort(),
    );
  });

  it('accepts existing pages, existing anchors and external links', () => {
    expect(problems.filter((p) => !['broken-links/index.html', 'moved-broken/index.html'].includes(p.page))).toEqual(
      [],
    );
    expect(problems.some((p) => p.message.includes('#about') || p.message.includes('#top-heading'))).toBe(false);
  });

  it('checks a page against the ids of the target page, percent-decoded', () => {
    const only = checkLinks(BROKEN_PAGES_DIR, [brokenPage('index.html')]);
    expect(only).toEqual([]);
  });
});

describe('gate: Content-Security-Policy meta', () => {
  it('reports a page with no policy', () => {
    expect(checkCsp(html('third-party/index.html'), 'third-party/index.html')).toEqual([
      { page: 'third-party/index.html', rule: 'csp', message: 'has no <meta http-equiv="Content-Security-Policy">' },
    ]);
  });

  it('reports a policy that allows other origins', () => {
    const messages = checkCsp(html('weak-csp/index.html'), 'weak-csp/index.html').map((p) => p.message);
    expect(messages).toEqual([
      `CSP default-src is "'self' https://cdn.example.com", not 'self'`,
      'CSP default-src allows another origin: https://cdn.example.com',
      'CSP img-src allows another origin: https:',
    ]);
  });

  it('reports a policy placed where it does not protect the page', () => {
    const canonicalFirst = `<!doctype html><html><head><link rel="canonical" href="https://x.example/"><meta http-equiv="Content-Security-Policy" content="default-src 'self'"></head></html>`;
    expect(checkCsp(canonicalFirst, 'c')).toEqual([]); // a canonical link fetches nothing
    const inBody =
      '<!doctype html><html lang="en"><head><title>x</title><script src="a.js"></script></head><body>' +
      `<meta http-equiv="content-security-policy" content="default-src 'self'"></body></html>`;
    const messages = checkCsp(inBody, 'x').map((p) => p.message);
    expect(messages).toEqual([
      'CSP <meta> is outside <head>, where browsers ignore it',
      'CSP <meta> comes after <script>, which it therefore does not cover',
    ]);
    expect(
      checkCsp(
        `<head><meta http-equiv="Content-Security-Policy" content="default-src *; report-uri https://r.example"></head>`,
        'y',
      ).map((p) => p.message),
    ).toEqual([
      `CSP default-src is "*", not 'self'`,
      'CSP default-src allows another origin: *',
      'CSP report-uri would send reports to https://r.example',
    ]);
  });

  it('reports a script policy that allows inline script or eval, in any script directive', () => {
    const policy = (scripts: string) =>
      `<head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; ${scripts}"></head>`;
    expect(checkCsp(policy("script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'"), 'e').map((p) => p.message)).toEqual([
      "CSP script-src allows 'unsafe-eval'",
    ]);
    expect(
      checkCsp(policy("script-src 'self' 'unsafe-inline'; script-src-attr 'UNSAFE-INLINE'"), 'i').map((p) => p.message),
    ).toEqual(["CSP script-src allows 'unsafe-inline'", "CSP script-src-attr allows 'UNSAFE-INLINE'"]);
    // Styles may stay inline: Astro inlines each page's CSS.
    expect(checkCsp(policy("script-src 'self' 'sha256-abc='; style-src 'self' 'unsafe-inline'"), 's')).toEqual([]);
  });

  it('accepts the site policy and every policy on the clean fixture pages', () => {
    const site = contentSecurityPolicy();
    expect(parseCsp(site).get('default-src')).toEqual(["'self'"]);
    expect(
      checkCsp(
        `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${site}"></head></html>`,
        'site',
      ),
    ).toEqual([]);
    for (const rel of ['index.html', 'a11y/index.html', 'heavy/index.html', 'csp-blocked/index.html'])
      expect(checkCsp(html(rel), rel)).toEqual([]);
  });
});

describe('gate: privacy in the markup', () => {
  it('reports a script from a CDN', () => {
    expect(checkStaticPrivacy(html('third-party/index.html'), 'third-party/index.html')).toEqual([
      {
        page: 'third-party/index.html',
        rule: 'third-party-resource',
        message: '<script src="https://cdn.example.com/x.js"> loads from another origin',
      },
    ]);
  });

  it('reports an image from another origin even when the policy would block it', () => {
    expect(checkStaticPrivacy(html('csp-blocked/index.html'), 'csp-blocked/index.html').map((p) => p.message)).toEqual([
      '<img src="https://cdn.example.com/pixel.gif"> loads from another origin',
    ]);
  });

  it('reports fonts, preconnects, CSS url() and ping, but not links the reader follows', () => {
    const page = `<!doctype html><html><head>
      <link rel="preconnect" href="https://fonts.example.com">
      <link rel="canonical" href="https://site.example.org/">
      <style>@import "https://fonts.example.com/f.css"; body { background: url('//img.example.com/b.png') }</style>
      </head><body><a href="https://example.org/" ping="https://t.example.com/p">x</a><img src="data:image/gif;base64,R0lGOD" alt=""></body></html>`;
    expect(rulesOf(checkStaticPrivacy(page, 'p'))).toEqual(['ping', 'third-party-resource']);
    expect(checkStaticPrivacy(page, 'p').map((p) => p.message)).toEqual([
      '<link href="https://fonts.example.com"> loads from another origin',
      'CSS loads https://fonts.example.com/f.css from another origin',
      'CSS loads //img.example.com/b.png from another origin',
      '<a ping="https://t.example.com/p"> sends a request when followed',
    ]);
  });

  it('reports nothing on the other fixture pages', () => {
    for (const page of fixturePages.filter(
      (p) => !['third-party/index.html', 'csp-blocked/index.html'].includes(p.rel),
    )) {
      expect(checkStaticPrivacy(html(page.rel), page.rel)).toEqual([]);
    }
  });
});

describe('gate: page weight (pure part; the browser measurement is self-tested in gates.spec.ts)', () => {
  const res = (url: string, type: string, contentType: string, body: string | Buffer): LoadedResource => ({
    url,
    type,
    contentType,
    body: Buffer.isBuffer(body) ? body : Buffer.from(body),
  });

  it('reports a page with a 200 KB script over both budgets', () => {
    const weight = measureWeight([
      res('heavy/', 'document', 'text/html', html('heavy/index.html')),
      res('heavy/heavy.js', 'script', 'text/javascript', readFileSync(join(BROKEN_PAGES_DIR, 'heavy/heavy.js'))),
    ]);
    expect(weight.js).toBeGreaterThan(140 * 1024);
    expect(rulesOf(checkWeight(weight, HOME_BUDGET, 'heavy/'))).toEqual(['weight-js', 'weight-total']);
  });

  it('counts inline scripts as JavaScript, inline styles as HTML, and ignores images', () => {
    const inline =
      `<!doctype html><html><head><style>${'p{color:red}'.repeat(10)}</style></head><body><script>${'let a = 1;\n'.repeat(5)}</script>` +
      '<script type="application/ld+json">{"@context":"https://schema.org"}</script></body></html>';
    const weight = measureWeight([
      res('/', 'document', 'text/html; charset=utf-8', inline),
      res('/s.css', 'stylesheet', 'text/css', 'body{margin:0}'),
      res('/i.png', 'image', 'image/png', Buffer.alloc(50_000, 1)),
    ]);
    expect(weight.files.map((f) => f.kind)).toEqual(['html', 'inline-js', 'css']);
    expect(weight.ignored.map((f) => f.url)).toEqual(['/i.png']);
    expect(weight.total).toBe(weight.html + weight.css);
    expect(weight.js).toBeGreaterThan(0);
    expect(checkWeight(weight, HOME_BUDGET, '/')).toEqual([]);
  });
});

describe('gate: readable without JavaScript (pure part)', () => {
  it('reports reading text that only JavaScript brings', () => {
    expect(compareJsText('a'.repeat(1000), 'a'.repeat(100), 'p').map((p) => p.rule)).toEqual(['no-js']);
    expect(compareJsText('a'.repeat(1000), 'a'.repeat(950), 'p')).toEqual([]);
  });
});
