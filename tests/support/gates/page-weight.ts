/** Gate: the home page's weight (gzip) within its budget. */
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { parseHtml } from './parse-html.ts';
import type { GateProblem } from './problems.ts';

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
        weight.files.push({
          url: `${r.url} (inline scripts)`,
          kind: 'inline-js',
          raw: Buffer.byteLength(inline),
          gzip: inlineSize,
        });
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
    problems.push({
      page,
      rule: 'weight-total',
      message: `HTML + CSS + JS is ${kb(weight.total)} gzip, over the ${kb(budget.total)} budget (${breakdown})`,
    });
  }
  if (weight.js > budget.js) {
    problems.push({
      page,
      rule: 'weight-js',
      message: `JavaScript is ${kb(weight.js)} gzip, over the ${kb(budget.js)} budget (${breakdown})`,
    });
  }
  if (!weight.files.some((f) => f.kind === 'html'))
    problems.push({ page, rule: 'weight-html', message: 'no HTML document was loaded' });
  return problems;
}
