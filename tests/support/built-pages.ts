/**
 * Lists every HTML page of a built site and groups the pages by template, so the gates can
 * cover every page where that is cheap and one or two pages per template where it is not.
 *
 * No Playwright or browser import here: the vitest self-tests use it too.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { compareText } from '../../src/lib/order.ts';
import { distDir } from './project.ts';

export interface BuiltPage {
  /** Absolute path of the HTML file. */
  file: string;
  /** Path inside the site folder with forward slashes, e.g. 'events/x/index.html'. */
  rel: string;
  /**
   * The URL path relative to the site root, as served (folder URL for index.html), e.g.
   * '' for the home page, 'events/x/' or '404.html'. Join it to the baseURL.
   */
  urlPath: string;
  /** Size of the HTML file in bytes (used to pick the largest page of a template). */
  bytes: number;
}

/** Every *.html file under `dir`, sorted by path, as BuiltPages. */
export function listBuiltPages(dir: string = distDir()): BuiltPage[] {
  const pages: BuiltPage[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.html')) {
        const rel = relative(dir, path).split(sep).join('/');
        const urlPath =
          rel === 'index.html' ? '' : rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
        pages.push({ file: path, rel, urlPath, bytes: statSync(path).size });
      }
    }
  };
  walk(dir);
  return pages.sort((a, b) => compareText(a.rel, b.rel));
}

/**
 * The site's page templates, by URL shape. `required` templates must have at least one built
 * page (the 'every template has a page' gate); the others are sampled when present. A page
 * that matches no pattern is its own template, so a new kind of page is never left out of the
 * sampled gates.
 */
export const TEMPLATES: ReadonlyArray<{ name: string; pattern: RegExp; required: boolean }> = [
  { name: 'home', pattern: /^$/, required: true },
  { name: 'event', pattern: /^events\/[^/]+\/$/, required: true },
  { name: 'source', pattern: /^sources\/[^/]+\/$/, required: true },
  { name: 'source chronology', pattern: /^sources\/[^/]+\/chronology\/$/, required: false },
  { name: 'sources index', pattern: /^sources\/$/, required: true },
  { name: 'compare pair', pattern: /^compare\/[^/]+\/[^/]+\/$/, required: true },
  { name: 'compare era', pattern: /^compare\/[^/]+\/[^/]+\/[^/]+\/(\d+\/)?$/, required: false },
  { name: 'methodology', pattern: /^methodology\/$/, required: true },
  { name: 'data', pattern: /^data\/$/, required: true },
  { name: 'places', pattern: /^places\/$/, required: true },
  { name: 'place', pattern: /^places\/[^/]+\/$/, required: true },
  { name: 'place part', pattern: /^places\/[^/]+\/[^/]+\/$/, required: false },
  { name: 'source era', pattern: /^sources\/[^/]+\/chronology\/[^/]+\/$/, required: false },
  { name: 'search', pattern: /^search\/$/, required: true },
  { name: 'era', pattern: /^eras\/[^/]+\/$/, required: true },
  { name: 'corrections', pattern: /^corrections\/(?:\d+\/)?$/, required: true },
];

/** The template a page belongs to: a TEMPLATES name, or 'other: <urlPath>'. */
export function templateOf(page: Pick<BuiltPage, 'urlPath'>): string {
  return TEMPLATES.find((t) => t.pattern.test(page.urlPath))?.name ?? `other: ${page.urlPath}`;
}

/** Pages grouped by template, in TEMPLATES order then the 'other' ones. */
export function pagesByTemplate(pages: BuiltPage[]): Map<string, BuiltPage[]> {
  const groups = new Map<string, BuiltPage[]>();
  for (const t of TEMPLATES) groups.set(t.name, []);
  for (const page of pages) {
    const name = templateOf(page);
    const group = groups.get(name) ?? [];
    group.push(page);
    groups.set(name, group);
  }
  for (const [name, group] of groups) if (group.length === 0) groups.delete(name);
  return groups;
}

/** Required templates with no built page. */
export function missingTemplates(pages: BuiltPage[]): string[] {
  const groups = pagesByTemplate(pages);
  return TEMPLATES.filter((t) => t.required && !groups.has(t.name)).map((t) => `${t.name} (${t.pattern.source})`);
}

/**
 * A representative sample: the largest page of every template (the one with the most claims,
 * disputes, quotes or marks, so the most likely to overflow, crowd or hide something), in
 * TEMPLATES order, home first.
 */
export function representativePages(pages: BuiltPage[]): Array<BuiltPage & { template: string }> {
  return [...pagesByTemplate(pages)].map(([template, group]) => ({
    ...group.reduce((a, b) => (b.bytes > a.bytes ? b : a), group[0]!),
    template,
  }));
}

/**
 * Splits pages into consecutive chunks for the per-page browser gates: one test per page costs
 * test overhead and, when it fails, a worker restart; one test for all pages cannot use both
 * workers. Chunks hold at most `maxPerChunk` pages and are balanced by an estimated cost (a
 * fixed cost per page plus its HTML size), and there are at least `minChunks` of them.
 */
export function chunkPages<T extends Pick<BuiltPage, 'bytes'>>(
  pages: readonly T[],
  maxPerChunk = 12,
  minChunks = 2,
): T[][] {
  if (pages.length === 0) return [];
  const cost = (page: T): number => 40_000 + page.bytes;
  const count = Math.min(pages.length, Math.max(minChunks, Math.ceil(pages.length / maxPerChunk)));
  const target = pages.reduce((sum, page) => sum + cost(page), 0) / count;
  const chunks: T[][] = [];
  let current: T[] = [];
  let acc = 0;
  for (const page of pages) {
    if (current.length > 0 && (current.length >= maxPerChunk || acc + cost(page) / 2 > target)) {
      chunks.push(current);
      current = [];
      acc = 0;
    }
    current.push(page);
    acc += cost(page);
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
