/**
 * The quality gates as plain functions. Each returns the problems it finds (an empty list
 * means the gate passes), so the same function runs over the real build in gates.spec.ts and
 * over the deliberately broken pages in tests/fixtures/broken-pages/ in the self-tests
 * (tests/unit/gates.test.ts for the static gates, gates.spec.ts for the browser ones).
 *
 * Static gates (no browser): validateHtml, checkLinks, checkCsp, checkStaticPrivacy.
 * Browser gates (take a Playwright Page): runAxe (+ preloadAxe), watchRequests,
 * collectResources + measureWeight + checkWeight, checkReadableWithoutJs + compareJsText.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Parser } from 'htmlparser2';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { AxeBuilder } from '@axe-core/playwright';
import axe from 'axe-core';
import type { Page, Request } from '@playwright/test';
import { listBuiltPages, type BuiltPage } from '../support/built-pages.ts';

/** One thing a gate found wrong. */
export interface GateProblem {
  /** The page, as its path inside the site folder (e.g. 'events/x/index.html') or its URL. */
  page: string;
  /** A short rule name: an html-validate or axe rule id, or one of this file's own. */
  rule: string;
  /** What is wrong, naming the element, attribute or URL. */
  message: string;
}

/** One line per problem, for assertion messages. */
export function formatProblems(problems: readonly GateProblem[], limit = 200): string {
  const lines = problems.slice(0, limit).map((p) => `  ${p.page}: [${p.rule}] ${p.message}`);
  if (problems.length > limit) lines.push(`  … and ${problems.length - limit} more`);
  return lines.join('\n');
}

type PageInput = BuiltPage | Pick<BuiltPage, 'file' | 'rel'>;

/* ------------------------------------------------------------------------------------------ */
/* HTML validity                                                                              */
/* ------------------------------------------------------------------------------------------ */

/** The validator: exactly the standard preset, ignoring any .htmlvalidate.json lying around. */
export const HTML_VALIDATE_CONFIG = { extends: ['html-validate:standard'] } as const;

let validator: HtmlValidate | undefined;
function htmlValidator(): HtmlValidate {
  validator ??= new HtmlValidate(new StaticConfigLoader({ extends: [...HTML_VALIDATE_CONFIG.extends] }));
  return validator;
}

/** html-validate (standard preset) errors of every file, one problem per message. */
export async function validateHtml(pages: readonly PageInput[]): Promise<GateProblem[]> {
  const hv = htmlValidator();
  const problems: GateProblem[] = [];
  for (const page of pages) {
    const report = await hv.validateString(readFileSync(page.file, 'utf8'), page.file);
    for (const result of report.results) {
      for (const m of result.messages) {
        if (m.severity < 2) continue;
        const where = m.selector ? ` at ${m.selector}` : '';
        problems.push({ page: page.rel, rule: m.ruleId, message: `${m.message}${where} (line ${m.line}:${m.column})` });
      }
    }
  }
  return problems;
}

/* ------------------------------------------------------------------------------------------ */
/* Parsing helpers                                                                            */
/* ------------------------------------------------------------------------------------------ */

/** A URL-bearing attribute found in a page. */
export interface UrlRef {
  tag: string;
  attr: string;
  value: string;
  /** rel of <link>, lower-cased tokens. */
  rel: string[];
}

interface ParsedPage {
  /** Every id, and every <a name>: the targets a #fragment can point at. */
  anchors: Set<string>;
  refs: UrlRef[];
  /** content of each <meta http-equiv="content-security-policy">, with whether it sits in <head> before any resource. */
  csp: Array<{ content: string; inHead: boolean; afterResource: string | undefined }>;
  /** Inline <script> bodies that are JavaScript (not JSON-LD, import maps, …). */
  inlineScripts: string[];
  /** Contents of <style> elements and style="" attributes. */
  styles: string[];
  /** Elements with a ping attribute (each ping sends a request when the link is followed). */
  pings: string[];
  /** The URL of a <meta http-equiv="refresh" content="0; url=…"> (a redirect page), if any. */
  refresh: string | undefined;
}

/** Attributes that hold one URL, by element. */
const URL_ATTRS: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src'],
  script: ['src'],
  iframe: ['src'],
  frame: ['src'],
  source: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  embed: ['src'],
  object: ['data'],
  input: ['src'],
  image: ['href', 'xlink:href'],
  use: ['href', 'xlink:href'],
  form: ['action'],
  blockquote: ['cite'],
  q: ['cite'],
  ins: ['cite'],
  del: ['cite'],
};
/** Attributes that hold a srcset (several URLs). */
const SRCSET_ATTRS: Record<string, string[]> = { img: ['srcset'], source: ['srcset'], link: ['imagesrcset'] };

const JS_SCRIPT_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript', 'application/ecmascript', 'text/ecmascript']);

function srcsetUrls(value: string): string[] {
  return value
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter((url) => url !== '');
}

const parsedCache = new Map<string, { mtimeMs: number; size: number; parsed: ParsedPage }>();

/** Parses one page's HTML (cached per file and modification time). */
export function parsePage(file: string): ParsedPage {
  const stat = statSync(file);
  const cached = parsedCache.get(file);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.parsed;
  const parsed = parseHtml(readFileSync(file, 'utf8'));
  parsedCache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, parsed });
  return parsed;
}

/** Parses an HTML string with htmlparser2 into what the static gates need. */
export function parseHtml(html: string): ParsedPage {
  const out: ParsedPage = { anchors: new Set(), refs: [], csp: [], inlineScripts: [], styles: [], pings: [], refresh: undefined };
  let inHead = false;
  let headSeen = false;
  let firstResource: string | undefined;
  let captureScript: string | undefined;
  let captureStyle: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'head') {
          inHead = true;
          headSeen = true;
        } else if (name === 'body') inHead = false;
        if (attribs.id !== undefined) out.anchors.add(attribs.id);
        if (name === 'a' && attribs.name !== undefined) out.anchors.add(attribs.name);
        if (attribs.style) out.styles.push(attribs.style);
        if (attribs.ping !== undefined) out.pings.push(`<${name} ping="${attribs.ping}">`);
        const rel = (attribs.rel ?? '').toLowerCase().split(/\s+/).filter(Boolean);
        for (const attr of URL_ATTRS[name] ?? []) {
          const value = attribs[attr];
          if (value !== undefined && !(name === 'input' && (attribs.type ?? '').toLowerCase() !== 'image')) {
            out.refs.push({ tag: name, attr, value: value.trim(), rel });
          }
        }
        for (const attr of SRCSET_ATTRS[name] ?? []) {
          const value = attribs[attr];
          if (value !== undefined) for (const url of srcsetUrls(value)) out.refs.push({ tag: name, attr, value: url, rel });
        }
        if (name === 'meta' && (attribs['http-equiv'] ?? '').toLowerCase() === 'refresh') {
          const url = /^\s*\d+(?:\.\d*)?\s*[;,]\s*(?:url\s*=\s*)?(['"]?)(.+?)\1\s*$/i.exec(attribs.content ?? '')?.[2];
          if (url) {
            out.refresh = url;
            out.refs.push({ tag: 'meta http-equiv=refresh', attr: 'content', value: url, rel: [] });
          }
        }
        if (name === 'meta' && (attribs['http-equiv'] ?? '').toLowerCase() === 'content-security-policy') {
          out.csp.push({ content: attribs.content ?? '', inHead: inHead || !headSeen, afterResource: firstResource });
        }
        if (name === 'script') {
          firstResource ??= '<script>';
          const type = (attribs.type ?? '').trim().toLowerCase();
          captureScript = attribs.src === undefined && JS_SCRIPT_TYPES.has(type) ? '' : undefined;
        }
        if (name === 'style') {
          firstResource ??= '<style>';
          captureStyle = '';
        }
        if (name === 'link' && attribs.href !== undefined && rel.some((r) => FETCHING_LINK_RELS.has(r))) firstResource ??= `<link rel="${attribs.rel ?? ''}">`;
        if (name === 'img' || name === 'iframe' || name === 'object' || name === 'embed') firstResource ??= `<${name}>`;
      },
      ontext(text) {
        if (captureScript !== undefined) captureScript += text;
        if (captureStyle !== undefined) captureStyle += text;
      },
      onclosetag(name) {
        if (name === 'head') inHead = false;
        if (name === 'script' && captureScript !== undefined) {
          out.inlineScripts.push(captureScript);
          captureScript = undefined;
        }
        if (name === 'style' && captureStyle !== undefined) {
          out.styles.push(captureStyle);
          captureStyle = undefined;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return out;
}

/* ------------------------------------------------------------------------------------------ */
/* Links and anchors                                                                          */
/* ------------------------------------------------------------------------------------------ */

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Pages a host serves in place of any missing URL, at any depth. */
const SERVED_AT_ANY_URL = new Set(['404.html']);

/** The site's path on its host, from the home page's canonical URL ('/' when there is none). */
export function builtSitePath(dir: string): string {
  const home = join(dir, 'index.html');
  const canonical = existsSync(home) ? /<link rel="canonical" href="([^"]+)"/.exec(readFileSync(home, 'utf8'))?.[1] : undefined;
  return canonical ? new URL(canonical).pathname.replace(/\/?$/, '/') : '/';
}

/**
 * Every internal link, stylesheet, image, script and other URL in every HTML page of `dir`
 * must resolve, relative to its page, to a file inside `dir`, and a #fragment must name an id
 * (or <a name>) in the target page. Links must be relative and name a file: a root-relative
 * link ('/x/') breaks under a sub-path and from disk, and a link to a folder ('x/') opens a
 * directory listing from disk, so both are reported too. Other schemes and hosts are skipped
 * here (checkStaticPrivacy looks at those that load something).
 *
 * The exception is a page the host serves at any missing URL (404.html): its links cannot be
 * relative, so they must start with the site's path on its host (`sitePath`, by default the
 * path of the home page's canonical URL) and are checked against the folder from there.
 */
export function checkLinks(dir: string, pages: readonly PageInput[] = listBuiltPages(dir), sitePath: string = builtSitePath(dir)): GateProblem[] {
  const problems: GateProblem[] = [];
  const anchorsOf = (rel: string): Set<string> => parsePage(join(dir, rel)).anchors;
  for (const page of pages) {
    const parsed = parsePage(page.file);
    const seen = new Set<string>();
    for (const ref of parsed.refs) {
      const { value } = ref;
      const key = `${ref.tag}|${ref.attr}|${value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const report = (rule: string, message: string): void => {
        problems.push({ page: page.rel, rule, message: `<${ref.tag} ${ref.attr}="${value}"> ${message}` });
      };
      // <link rel="canonical|alternate …" href="https://…"> and external <a> are not ours to check.
      const scheme = SCHEME.exec(value)?.[1]?.toLowerCase();
      if (scheme !== undefined || value.startsWith('//')) continue;
      if (value === '') {
        if (ref.tag !== 'form') report('empty-url', 'is empty');
        continue;
      }
      const hashAt = value.indexOf('#');
      const beforeHash = hashAt === -1 ? value : value.slice(0, hashAt);
      const fragment = hashAt === -1 ? undefined : value.slice(hashAt + 1);
      const pathPart = beforeHash.split('?')[0] ?? '';
      let targetRel: string;
      if (pathPart === '') {
        targetRel = page.rel;
      } else {
        const servedAtAnyUrl = SERVED_AT_ANY_URL.has(page.rel);
        if (pathPart.startsWith('/') && !servedAtAnyUrl) {
          report('root-relative', 'is root-relative; it breaks under a sub-path and from disk (use a relative link)');
          continue;
        }
        if (servedAtAnyUrl && !pathPart.startsWith(sitePath)) {
          report('not-site-rooted', `is served at any URL, so its links must start with the site's path ${sitePath}`);
          continue;
        }
        const joined = servedAtAnyUrl
          ? posix.normalize(safeDecode(pathPart.slice(sitePath.length)) || '.')
          : posix.normalize(posix.join(posix.dirname(page.rel), safeDecode(pathPart)));
        if (joined === '..' || joined.startsWith('../')) {
          report('outside-site', 'points outside the site folder');
          continue;
        }
        const target = join(dir, joined);
        const isFolder = pathPart.endsWith('/') || (existsSync(target) && statSync(target).isDirectory());
        if (isFolder) {
          const suggestion = `${pathPart.endsWith('/') ? pathPart : `${pathPart}/`}index.html`;
          report(
            'folder-link',
            existsSync(join(dir, joined, 'index.html'))
              ? `points to a folder; link ${suggestion} so the link also works from disk`
              : `points to a folder with no index.html (${joined}/)`,
          );
          continue;
        }
        if (!existsSync(target)) {
          report('missing-target', `points to ${joined}, which does not exist in the build`);
          continue;
        }
        targetRel = joined;
      }
      if (fragment === undefined || fragment === '' || /^top$/i.test(fragment) || fragment.startsWith(':~:')) continue;
      if (!/\.html?$/i.test(targetRel)) continue; // fragments of text, JSON, PDF … are not ids
      const anchors = anchorsOf(targetRel);
      if (!anchors.has(fragment) && !anchors.has(safeDecode(fragment))) {
        report('missing-anchor', `#${fragment} matches no id in ${targetRel}`);
      }
    }
  }
  return problems;
}

/* ------------------------------------------------------------------------------------------ */
/* Privacy (static): CSP meta and third-party resources                                       */
/* ------------------------------------------------------------------------------------------ */

/** Source-list directives (and the reporting ones, which would send data elsewhere). */
const SOURCE_DIRECTIVE = /(-src|-src-elem|-src-attr)$|^(form-action|base-uri|frame-ancestors|navigate-to)$/;
const ALLOWED_SOURCE = /^('self'|'none'|'unsafe-inline'|'unsafe-eval'|'wasm-unsafe-eval'|'unsafe-hashes'|'strict-dynamic'|'report-sample'|'inline-speculation-rules'|'nonce-[^']+'|'sha(256|384|512)-[^']+'|data:|blob:)$/i;

/** Directives that govern scripts: they may allow inline script only by hash, and never eval. */
const SCRIPT_DIRECTIVE = /^script-src(-elem|-attr)?$/;
const UNSAFE_SCRIPT_SOURCE = /^'(unsafe-inline|unsafe-eval)'$/i;

/** Parses a policy into directive → tokens (first occurrence wins, as browsers do). */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...tokens] = part.trim().split(/\s+/).filter(Boolean);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), tokens);
  }
  return directives;
}

/**
 * The page must carry a Content-Security-Policy <meta> in its <head>, before any script, style
 * or linked resource (a policy only covers what follows it), whose default-src is exactly
 * 'self', no directive may allow another origin (host, scheme such as https:, or *) or
 * name a report endpoint, and no script directive may allow 'unsafe-inline' or 'unsafe-eval'
 * (the site's own inline scripts are allowed by their hashes).
 */
export function checkCsp(html: string, page: string): GateProblem[] {
  const { csp } = parseHtml(html);
  const problems: GateProblem[] = [];
  const report = (message: string): void => {
    problems.push({ page, rule: 'csp', message });
  };
  if (csp.length === 0) {
    report('has no <meta http-equiv="Content-Security-Policy">');
    return problems;
  }
  for (const meta of csp) {
    if (!meta.inHead) report('CSP <meta> is outside <head>, where browsers ignore it');
    if (meta.afterResource) report(`CSP <meta> comes after ${meta.afterResource}, which it therefore does not cover`);
    const directives = parseCsp(meta.content);
    const defaultSrc = directives.get('default-src');
    if (!defaultSrc) report(`CSP has no default-src: "${meta.content}"`);
    else if (defaultSrc.length !== 1 || defaultSrc[0] !== "'self'") report(`CSP default-src is "${defaultSrc.join(' ')}", not 'self'`);
    for (const [name, tokens] of directives) {
      if (name === 'report-uri' || name === 'report-to') {
        report(`CSP ${name} would send reports to ${tokens.join(' ')}`);
        continue;
      }
      if (!SOURCE_DIRECTIVE.test(name)) continue;
      for (const token of tokens) {
        if (!ALLOWED_SOURCE.test(token)) report(`CSP ${name} allows another origin: ${token}`);
        else if (SCRIPT_DIRECTIVE.test(name) && UNSAFE_SCRIPT_SOURCE.test(token)) report(`CSP ${name} allows ${token}`);
      }
    }
  }
  return problems;
}

/** rel values of <link> that make the browser fetch (or connect to) the href. */
const FETCHING_LINK_RELS = new Set([
  'stylesheet', 'preload', 'modulepreload', 'prefetch', 'prerender', 'preconnect', 'dns-prefetch', 'icon',
  'apple-touch-icon', 'apple-touch-icon-precomposed', 'mask-icon', 'manifest', 'pingback', 'webmention',
]);
/** Elements whose URL attribute is fetched when the page loads (not links the reader follows). */
const FETCHING = new Set(['img|src', 'img|srcset', 'script|src', 'iframe|src', 'frame|src', 'source|src', 'source|srcset',
  'video|src', 'video|poster', 'audio|src', 'track|src', 'embed|src', 'object|data', 'input|src', 'image|href',
  'image|xlink:href', 'use|href', 'use|xlink:href', 'link|imagesrcset']);

function isOtherOrigin(url: string): boolean {
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (url.startsWith('//')) return true;
  return scheme !== undefined && !['data', 'blob', 'about', 'mailto', 'tel', 'javascript'].includes(scheme);
}

/**
 * Nothing in the page's markup loads from another origin: no script, stylesheet, image, font,
 * frame or preconnect on another host, no url()/@import to another host in CSS, no ping=.
 * (Links the reader may follow, canonical and alternate links are fine.)
 */
export function checkStaticPrivacy(html: string, page: string): GateProblem[] {
  const parsed = parseHtml(html);
  const problems: GateProblem[] = [];
  for (const ref of parsed.refs) {
    const fetches = ref.tag === 'link' ? ref.rel.some((r) => FETCHING_LINK_RELS.has(r)) : FETCHING.has(`${ref.tag}|${ref.attr}`);
    if (fetches && isOtherOrigin(ref.value)) {
      problems.push({ page, rule: 'third-party-resource', message: `<${ref.tag} ${ref.attr}="${ref.value}"> loads from another origin` });
    }
  }
  for (const css of parsed.styles) {
    for (const match of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3/gi)) {
      const url = (match[2] ?? match[4] ?? '').trim();
      if (isOtherOrigin(url)) problems.push({ page, rule: 'third-party-resource', message: `CSS loads ${url} from another origin` });
    }
  }
  for (const ping of parsed.pings) problems.push({ page, rule: 'ping', message: `${ping} sends a request when followed` });
  return problems;
}

/* ------------------------------------------------------------------------------------------ */
/* Browser gates                                                                              */
/* ------------------------------------------------------------------------------------------ */

/** The WCAG tags the accessibility gate runs. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

/**
 * Makes axe-core part of every document the page loads, as an init script, so each analysis
 * need not push the 550 KB source over the protocol (AxeBuilder's legacy mode pushes it twice
 * per analysis). Optional: runAxe injects axe itself when it is not there.
 */
export async function preloadAxe(page: Page): Promise<void> {
  await page.addInitScript({ content: axe.source });
}

/** axe-core violations of the page as loaded, one problem per rule with the offending elements. */
export async function runAxe(page: Page, label: string = page.url()): Promise<GateProblem[]> {
  const preloaded = await page.evaluate(() => typeof (window as unknown as { axe?: { run?: unknown } }).axe?.run === 'function');
  // Legacy mode runs axe.run() in the page itself; the partial mode opens an extra blank page
  // per analysis, which doubles the time and only matters for cross-origin iframes (none here).
  const results = await new AxeBuilder(preloaded ? { page, axeSource: ';' } : { page })
    .options({ resultTypes: ['violations'] })
    .withTags([...AXE_TAGS])
    .setLegacyMode(true)
    .analyze();
  return results.violations.map((v) => {
    const summaries = [...new Set(v.nodes.map((n) => (n.failureSummary ?? '').replace(/\s+/g, ' ').replace(/^Fix (any|all) of the following: /, '').trim()))];
    const targets = v.nodes.slice(0, 4).map((n) => n.target.join(' '));
    const more = v.nodes.length > 4 ? ` (+${v.nodes.length - 4} more)` : '';
    const why = summaries.length === 1 ? ` — ${summaries[0]}` : summaries.length > 1 ? ` — e.g. ${summaries[0]}` : '';
    return { page: label, rule: v.id, message: `${v.help} [${v.impact ?? 'n/a'}]${why} — ${v.nodes.length} element(s): ${targets.join(' | ')}${more}` };
  });
}

/** What watchRequests returns. */
export interface RequestWatch {
  /**
   * The requests to other origins and the failed requests to this one (HTTP 4xx/5xx: a file a
   * script asked for that is not in the build) since the last take() (or since the watch
   * began), and the CSP violations of the current document, as problems labelled `label`;
   * then starts afresh.
   */
  take(label?: string): Promise<GateProblem[]>;
}

/**
 * Records every request the page makes to an origin other than `origin`, and aborts it (so a
 * broken page never waits on the network and nothing leaves the machine). Also records CSP
 * violations, since a request the policy blocks never reaches the network layer. Install once,
 * before the first page.goto; call take() when a page has settled.
 */
export async function watchRequests(page: Page, origin: string): Promise<RequestWatch> {
  let external: string[] = [];
  let failed: string[] = [];
  page.on('request', (request: Request) => {
    const url = request.url();
    if (!/^(data|blob|about):/i.test(url) && new URL(url).origin !== origin) external.push(url);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && new URL(response.url()).origin === origin) failed.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  page.on('requestfailed', (request) => {
    const url = request.url();
    const error = request.failure()?.errorText ?? 'failed';
    // Aborted other-origin requests are reported as third-party requests already.
    if (!/^(data|blob|about):/i.test(url) && new URL(url).origin === origin && !/ERR_ABORTED/.test(error)) failed.push(`${error} for ${url}`);
  });
  await page.route(
    (url) => url.origin !== origin && !/^(data|blob|about):$/.test(url.protocol),
    (route) => route.abort('blockedbyclient'),
  );
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations?: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__cspViolations?.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}${e.sourceFile ? ` in ${e.sourceFile}:${e.lineNumber}` : ''}`);
    });
  });
  return {
    async take(label = page.url()) {
      const violations = await page
        .evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])
        .catch(() => [] as string[]);
      const requested = [...new Set(external)];
      const broken = [...new Set(failed)];
      external = [];
      failed = [];
      return [
        ...requested.map((url) => ({ page: label, rule: 'third-party-request', message: `requested ${url}` })),
        ...broken.map((what) => ({ page: label, rule: 'failed-request', message: what })),
        ...[...new Set(violations)].map((v) => ({ page: label, rule: 'csp-violation', message: v })),
      ];
    },
  };
}

/**
 * Runs `action`, then waits until the page has had no request in flight for `quietMs` (at
 * most `maxMs`): what a search box or a lazy image fetched in reply has then been requested.
 * (waitForLoadState('networkidle') cannot do this: it fires once per navigation.)
 */
export async function settle(page: Page, action: () => Promise<void>, quietMs = 300, maxMs = 5_000): Promise<void> {
  let inFlight = 0;
  let lastChange = Date.now();
  const up = (): void => {
    inFlight++;
    lastChange = Date.now();
  };
  const down = (): void => {
    inFlight = Math.max(0, inFlight - 1);
    lastChange = Date.now();
  };
  page.on('request', up);
  page.on('requestfinished', down);
  page.on('requestfailed', down);
  try {
    await action();
    const start = Date.now();
    while (Date.now() - start < maxMs && (inFlight > 0 || Date.now() - lastChange < quietMs)) await page.waitForTimeout(50);
  } finally {
    page.off('request', up);
    page.off('requestfinished', down);
    page.off('requestfailed', down);
  }
}

/** A response the page loaded, for the weight budget. */
export interface LoadedResource {
  url: string;
  /** Playwright's resourceType(): 'document', 'stylesheet', 'script', 'fetch', 'image', … */
  type: string;
  contentType: string;
  body: Buffer;
}

/**
 * Loads `url` and returns every same-frame response received until the network is idle, with
 * its decoded body: what the page loads eagerly, before any interaction.
 */
export async function collectResources(page: Page, url: string): Promise<LoadedResource[]> {
  const pending: Array<Promise<LoadedResource | undefined>> = [];
  page.on('response', (response) => {
    const request = response.request();
    pending.push(
      response
        .body()
        .then((body) => ({
          url: response.url(),
          type: request.resourceType(),
          contentType: response.headers()['content-type'] ?? '',
          body,
        }))
        .catch(() => undefined),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  return (await Promise.all(pending)).filter((r): r is LoadedResource => r !== undefined && r.body.length > 0);
}

export interface Weight {
  /** gzip bytes of the HTML document (inline CSS and JS included). */
  html: number;
  /** gzip bytes of the stylesheets. */
  css: number;
  /** gzip bytes of JavaScript: external scripts (and wasm) plus the document's inline scripts. */
  js: number;
  /** html + css + external JS: what is transferred, each file gzipped on its own. */
  total: number;
  /** Each counted file, for the report. */
  files: Array<{ url: string; kind: 'html' | 'css' | 'js' | 'inline-js'; raw: number; gzip: number }>;
  /** Loaded responses not counted (images, fonts, data), for the report. */
  ignored: Array<{ url: string; type: string; raw: number }>;
}

const gz = (data: Buffer | string): number => gzipSync(data, { level: 6 }).length;

/** The gzip weight of HTML, CSS and eagerly loaded JavaScript among `resources`. */
export function measureWeight(resources: readonly LoadedResource[]): Weight {
  const weight: Weight = { html: 0, css: 0, js: 0, total: 0, files: [], ignored: [] };
  for (const r of resources) {
    const ct = r.contentType.toLowerCase();
    const kind =
      r.type === 'document' || ct.startsWith('text/html')
        ? 'html'
        : r.type === 'stylesheet' || ct.startsWith('text/css')
          ? 'css'
          : r.type === 'script' || /javascript|ecmascript|application\/wasm/.test(ct)
            ? 'js'
            : undefined;
    if (!kind) {
      weight.ignored.push({ url: r.url, type: r.type, raw: r.body.length });
      continue;
    }
    const size = gz(r.body);
    weight.files.push({ url: r.url, kind, raw: r.body.length, gzip: size });
    weight[kind] += size;
    weight.total += size;
    if (kind === 'html') {
      const inline = parseHtml(r.body.toString('utf8')).inlineScripts.join('\n').trim();
      if (inline) {
        const inlineSize = gz(inline);
        weight.files.push({ url: `${r.url} (inline scripts)`, kind: 'inline-js', raw: Buffer.byteLength(inline), gzip: inlineSize });
        weight.js += inlineSize;
      }
    }
  }
  return weight;
}

export interface WeightBudget {
  /** Maximum gzip bytes of HTML + CSS + JS. */
  total: number;
  /** Maximum gzip bytes of JS (external and inline). */
  js: number;
}

/** The home page budget: 100 KB gzip in all, of which 15 KB JavaScript. */
export const HOME_BUDGET: WeightBudget = { total: 100 * 1024, js: 15 * 1024 };

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** Problems when the weight exceeds the budget. */
export function checkWeight(weight: Weight, budget: WeightBudget, page: string): GateProblem[] {
  const problems: GateProblem[] = [];
  const breakdown = weight.files.map((f) => `${f.url} ${f.kind} ${kb(f.gzip)} gz`).join(', ');
  if (weight.total > budget.total) {
    problems.push({ page, rule: 'weight-total', message: `HTML + CSS + JS is ${kb(weight.total)} gzip, over the ${kb(budget.total)} budget (${breakdown})` });
  }
  if (weight.js > budget.js) {
    problems.push({ page, rule: 'weight-js', message: `JavaScript is ${kb(weight.js)} gzip, over the ${kb(budget.js)} budget (${breakdown})` });
  }
  if (!weight.files.some((f) => f.kind === 'html')) problems.push({ page, rule: 'weight-html', message: 'no HTML document was loaded' });
  return problems;
}

/** Whitespace-collapsed text of the first element matching `selector`, as rendered (innerText), or undefined. */
export async function renderedText(page: Page, selector: string): Promise<string | undefined> {
  const locator = page.locator(selector).first();
  if ((await locator.count()) === 0) return undefined;
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

/**
 * With JavaScript disabled in the page's context, the page shows its <main> (visible, with
 * text) and a visible, non-empty <h1>. Pass a page from a context created with
 * javaScriptEnabled: false, already navigated. (One evaluate: Playwright's evaluate still
 * runs when the page's own scripts are disabled.)
 */
export async function checkReadableWithoutJs(page: Page, label: string = page.url()): Promise<GateProblem[]> {
  const state = await page.evaluate(() => {
    const visible = (el: Element | null): boolean => {
      if (!el) return false;
      const box = el.getBoundingClientRect();
      return el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) && box.width > 0 && box.height > 0;
    };
    const text = (el: Element | null): string => (el instanceof HTMLElement ? el.innerText.replace(/\s+/g, ' ').trim() : '');
    const main = document.querySelector('main');
    const h1 = document.querySelector('h1');
    return { main: main !== null, mainVisible: visible(main), mainText: text(main), h1: h1 !== null, h1Visible: visible(h1), h1Text: text(h1) };
  });
  const problems: GateProblem[] = [];
  const report = (message: string): void => {
    problems.push({ page: label, rule: 'no-js', message });
  };
  if (!state.main) report('has no <main>');
  else if (!state.mainVisible) report('<main> is not visible without JavaScript');
  else if (state.mainText.length < 20) report(`<main> shows almost no text without JavaScript (${JSON.stringify(state.mainText)})`);
  if (!state.h1) report('has no <h1>');
  else if (!state.h1Visible) report('<h1> is not visible without JavaScript');
  else if (!state.h1Text) report('<h1> is empty without JavaScript');
  return problems;
}

/**
 * JavaScript may enhance a page but not bring its reading text: the <main> text shown without
 * JavaScript must be at least `ratio` of the text shown with it.
 */
export function compareJsText(withJs: string | undefined, withoutJs: string | undefined, label: string, ratio = 0.8): GateProblem[] {
  const a = withJs?.length ?? 0;
  const b = withoutJs?.length ?? 0;
  if (a === 0 || b >= a * ratio) return [];
  return [{ page: label, rule: 'no-js', message: `<main> shows ${b} characters without JavaScript but ${a} with it: the reading text depends on JavaScript` }];
}
