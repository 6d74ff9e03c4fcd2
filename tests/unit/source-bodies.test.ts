/**
 * The MDX body of each source is the article as its readers saw it: every block is a line
 * of the capture, verbatim, outside the non-article ranges, and no article line is left out.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const DIR = 'content/sources';
const files = readdirSync(DIR).filter((f) => f.endsWith('.mdx'));

/** A body block's text: `## ` headings and `<Caption credit="…">…</Caption>` unwrapped. */
function blockText(block: string): { text: string; credit?: string } {
  const caption = /^<Caption(?: credit="([^"]*)")?>([\s\S]*)<\/Caption>$/.exec(block);
  if (caption) return { text: caption[2]!, ...(caption[1] && { credit: caption[1] }) };
  return { text: block.replace(/^## /, '') };
}

describe.each(files)('%s', (file) => {
  const raw = readFileSync(`${DIR}/${file}`, 'utf8');
  const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(raw) ?? [];
  const data = parse(frontmatter) as { capture: { file: string; sha256: string }; nonArticle: { lines: [number, number] }[] };
  const bytes = readFileSync(`${DIR}/captures/${data.capture.file}`);
  const lines = bytes.toString('utf8').split('\n');
  const excluded = new Set(data.nonArticle.flatMap(({ lines: [a, b] }) => Array.from({ length: b - a + 1 }, (_, i) => a + i)));
  const article = new Map<string, number>();
  lines.forEach((line, i) => {
    if (!excluded.has(i + 1) && line.trim()) article.set(line.trim(), i + 1);
  });
  const blocks = body.split(/\n{2,}/).map((b) => b.trim()).filter(Boolean).map(blockText);

  it('records the SHA-256 of its capture', () => {
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(data.capture.sha256);
  });

  it('has only verbatim article lines in its body', () => {
    const strays = blocks.flatMap((b) => [b.text, ...(b.credit ? [b.credit] : [])]).filter((t) => !article.has(t));
    expect(strays).toEqual([]);
  });

  it('leaves out no line of the article', () => {
    const used = new Set(blocks.flatMap((b) => [b.text, ...(b.credit ? [b.credit] : [])]));
    const dropped = [...article.keys()].filter((line) => !used.has(line));
    expect(dropped).toEqual([]);
  });
});
