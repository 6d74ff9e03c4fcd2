/** Gate: no request to another host, statically (what the HTML would fetch) and in the browser. */
import type { Page, Request } from '@playwright/test';
import { FETCHING_LINK_RELS, parseHtml, SCHEME } from './parse-html.ts';
import type { GateProblem } from './problems.ts';

/** Elements whose URL attribute is fetched when the page loads (not links the reader follows). */
const FETCHING = new Set([
  'img|src',
  'img|srcset',
  'script|src',
  'iframe|src',
  'frame|src',
  'source|src',
  'source|srcset',
  'video|src',
  'video|poster',
  'audio|src',
  'track|src',
  'embed|src',
  'object|data',
  'input|src',
  'image|href',
  'image|xlink:href',
  'use|href',
  'use|xlink:href',
  'link|imagesrcset',
]);

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
    const fetches =
      ref.tag === 'link' ? ref.rel.some((r) => FETCHING_LINK_RELS.has(r)) : FETCHING.has(`${ref.tag}|${ref.attr}`);
    if (fetches && isOtherOrigin(ref.value)) {
      problems.push({
        page,
        rule: 'third-party-resource',
        message: `<${ref.tag} ${ref.attr}="${ref.value}"> loads from another origin`,
      });
    }
  }
  for (const css of parsed.styles) {
    for (const match of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3/gi)) {
      const url = (match[2] ?? match[4] ?? '').trim();
      if (isOtherOrigin(url))
        problems.push({ page, rule: 'third-party-resource', message: `CSS loads ${url} from another origin` });
    }
  }
  for (const ping of parsed.pings)
    problems.push({ page, rule: 'ping', message: `${ping} sends a request when followed` });
  return problems;
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
    if (response.status() >= 400 && new URL(response.url()).origin === origin)
      failed.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  page.on('requestfailed', (request) => {
    const url = request.url();
    const error = request.failure()?.errorText ?? 'failed';
    // Aborted other-origin requests are reported as third-party requests already.
    if (!/^(data|blob|about):/i.test(url) && new URL(url).origin === origin && !/ERR_ABORTED/.test(error))
      failed.push(`${error} for ${url}`);
  });
  await page.route(
    (url) => url.origin !== origin && !/^(data|blob|about):$/.test(url.protocol),
    (route) => route.abort('blockedbyclient'),
  );
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations?: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__cspViolations?.push(
        `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}${e.sourceFile ? ` in ${e.sourceFile}:${e.lineNumber}` : ''}`,
      );
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
    while (Date.now() - start < maxMs && (inFlight > 0 || Date.now() - lastChange < quietMs))
      await page.waitForTimeout(50);
  } finally {
    page.off('request', up);
    page.off('requestfinished', down);
    page.off('requestfailed', down);
  }
}
