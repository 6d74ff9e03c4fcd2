#!/usr/bin/env node
/**
 * Coverage of each source by the chronology, for editors (runs in `npm test`):
 *
 *   node scripts/coverage.ts [--all]
 *
 * For every source it prints the article sentences no claim quotes that carry a date expression
 * (a year, a month, "two days later", "that night", …) — candidates for missing events — and then
 * one line of figures per source: sentences, quoted, share. `--all` lists every unquoted sentence.
 * Reads content/ directly (event frontmatter, source bodies); exits 1 with one line if it cannot.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { bodyPieces } from '../src/lib/source-body.ts';
import {
  shareInWords,
  sourceCoverage,
  unquotedDatedSentences,
  type SourceCoverage,
} from '../src/lib/source-coverage.ts';
import { CONTENT_ROOT } from '../src/content-root.ts';

/** The YAML frontmatter of an .mdx file, parsed, and its body. */
function readMdx<T>(path: string): { data: T; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(readFileSync(path, 'utf8'));
  if (!match) throw new Error(`${path}: frontmatter: missing`);
  return { data: parse(match[1]!) as T, body: match[2]! };
}

const mdxFiles = (dir: string): string[] =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => `${dir}/${name}`);

interface EventFrontmatter {
  claims?: { source: string; quote: string }[];
}

/** Coverage of every source, in file order. */
export function coverageOfContent(root: string): SourceCoverage[] {
  const quotesBySource = new Map<string, string[]>();
  for (const file of mdxFiles(`${root}/events`)) {
    for (const claim of readMdx<EventFrontmatter>(file).data.claims ?? []) {
      quotesBySource.set(claim.source, [...(quotesBySource.get(claim.source) ?? []), claim.quote]);
    }
  }
  return mdxFiles(`${root}/sources`).map((file) => {
    const id = file
      .split('/')
      .pop()!
      .replace(/\.mdx$/, '');
    return sourceCoverage(id, bodyPieces(readMdx(file).body), quotesBySource.get(id) ?? []);
  });
}

/** The report `npm run coverage` prints: unquoted (dated) sentences per source, then a table of figures. */
export function coverageReport(coverages: readonly SourceCoverage[], all: boolean): string {
  const out: string[] = [];
  for (const coverage of coverages) {
    const listed = all ? coverage.sentences.filter((s) => !s.quoted) : unquotedDatedSentences(coverage);
    out.push(`## ${coverage.sourceId}: ${listed.length} ${all ? 'unquoted' : 'unquoted dated'} sentence(s)`);
    for (const sentence of listed) {
      const dates = sentence.dateExpressions.length > 0 ? ` [${sentence.dateExpressions.join(', ')}]` : '';
      out.push(`  ${sentence.role} ${sentence.block}${dates}: ${sentence.text}`);
    }
    out.push('');
  }
  out.push('source                          sentences  quoted  share  unquoted-dated');
  let sentences = 0;
  let quoted = 0;
  let dated = 0;
  for (const coverage of coverages) {
    const unquotedDated = unquotedDatedSentences(coverage).length;
    sentences += coverage.sentences.length;
    quoted += coverage.quotedCount;
    dated += unquotedDated;
    out.push(
      `${coverage.sourceId.padEnd(32)}${String(coverage.sentences.length).padStart(9)}${String(coverage.quotedCount).padStart(8)}${shareInWords(coverage).padStart(7)}${String(unquotedDated).padStart(16)}`,
    );
  }
  out.push(
    `${'all sources'.padEnd(32)}${String(sentences).padStart(9)}${String(quoted).padStart(8)}${`${Math.round((quoted / Math.max(sentences, 1)) * 100)}%`.padStart(7)}${String(dated).padStart(16)}`,
  );
  return out.join('\n');
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { all: { type: 'boolean', default: false } } });
  try {
    console.log(coverageReport(coverageOfContent(CONTENT_ROOT), values.all));
  } catch (error) {
    console.error(`coverage: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
