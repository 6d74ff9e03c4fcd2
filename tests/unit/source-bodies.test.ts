/**
 * The MDX body of each source is the article as its readers saw it. For every
 * content/sources/<id>.mdx this checks, against the byte copy of its capture:
 *   (a) the capture's SHA-256 is the one the frontmatter records;
 *   (b) every body block (paragraph, `## ` heading, `<Caption>` text and credit) is a line of the
 *       capture, verbatim, outside the nonArticle ranges, in the capture's order;
 *   (c) nothing from a nonArticle range (chrome, teasers, the reader comment...) is in the body;
 *   (d) every capture line with text is either in a nonArticle range or in the body.
 * Texts are compared after collapsing white space (including U+00A0) and undoing MDX escapes.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, it, expect } from 'vitest';
import { bodyPieces, type BodyPiece as Piece } from '../../src/lib/source-body.ts';

const DIR = 'content/sources';
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.mdx'))
  .sort();

interface Frontmatter {
  capture: { file: string; sha256: string };
  nonArticle: { lines: [number, number]; kind: string; note?: string }[];
}

/** Collapse every run of white space, U+00A0 included, to one space. */
const norm = (s: string): string => s.replace(/[\s\u00A0]+/gu, ' ').trim();

/** Sentences of at least `min` characters, for spotting fragments of excluded text. */
const sentences = (s: string, min = 25): string[] =>
  norm(s)
    .split(/(?<=[.!?…”])\s+/u)
    .filter((x) => x.length >= min);

describe.each(files)('%s', (file) => {
  const raw = readFileSync(join(DIR, file), 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(raw);
  const data = (match ? parse(match[1]!) : {}) as Frontmatter;
  const body = match?.[2] ?? '';
  const bytes = readFileSync(join(DIR, 'captures', data.capture.file));
  const lines = bytes.toString('utf8').split('\n');
  const ranges = data.nonArticle ?? [];
  const excluded = new Set<number>();
  for (const {
    lines: [a, b],
  } of ranges)
    for (let n = a; n <= b; n++) excluded.add(n);
  /** Capture lines with text, 1-based, normalised. */
  const withText = lines.map((line, i) => ({ n: i + 1, text: norm(line) })).filter((l) => l.text);
  const articleLines = withText.filter((l) => !excluded.has(l.n));
  const excludedLines = withText.filter((l) => excluded.has(l.n));
  const pieces = bodyPieces(body);

  /** Align the body with the article lines in order; strays are pieces matching no later article line. */
  const matched = new Map<number, Piece>();
  const strays: { piece: Piece; inNonArticle: number[] }[] = [];
  let at = 0;
  for (const piece of pieces) {
    const text = norm(piece.text);
    const idx = articleLines.findIndex((l, i) => i >= at && l.text === text);
    if (idx >= 0) {
      matched.set(articleLines[idx]!.n, piece);
      at = idx + 1;
    } else {
      strays.push({ piece, inNonArticle: excludedLines.filter((l) => l.text === text).map((l) => l.n) });
    }
  }

  it('has a frontmatter, a body and well-formed non-article ranges', () => {
    expect(match, 'frontmatter between --- lines').not.toBeNull();
    expect(pieces.length).toBeGreaterThan(0);
    const sorted = [...ranges].sort((x, y) => x.lines[0] - y.lines[0]);
    sorted.forEach(({ lines: [a, b] }, i) => {
      expect(a, `range [${a}, ${b}]`).toBeGreaterThanOrEqual(1);
      expect(b, `range [${a}, ${b}]`).toBeGreaterThanOrEqual(a);
      expect(b, `range [${a}, ${b}] beyond the capture's ${lines.length} lines`).toBeLessThanOrEqual(lines.length);
      if (i > 0) expect(a, `range [${a}, ${b}] overlaps the previous one`).toBeGreaterThan(sorted[i - 1]!.lines[1]);
    });
  });

  it('(a) records the SHA-256 of its capture', () => {
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(data.capture.sha256);
  });

  it('(b) has only verbatim article lines in its body, in the order of the capture', () => {
    expect(
      strays.map(({ piece, inNonArticle }) => ({
        role: piece.role,
        text: piece.text.slice(0, 120),
        ...(inNonArticle.length && { onlyInNonArticleLines: inNonArticle }),
      })),
    ).toEqual([]);
  });

  it('(c) carries nothing from the non-article ranges', () => {
    // Every matched line lies outside the ranges (true by construction, stated for the record).
    expect([...matched.keys()].filter((n) => excluded.has(n))).toEqual([]);
    // No sentence of excluded text appears in the body, unless the same sentence is also article
    // text (a header copy of a photo caption, say).
    const articleText = articleLines.map((l) => l.text).join('\n');
    const bodyText = pieces.map((p) => norm(p.text)).join('\n');
    const leaks = excludedLines.flatMap((l) =>
      (l.text.length < 25 ? [l.text] : sentences(l.text))
        .filter((s) => !articleText.includes(s))
        .filter((s) => (s.length < 25 ? bodyText.split('\n').includes(s) : bodyText.includes(s)))
        .map((s) => ({ line: l.n, text: s.slice(0, 120) })),
    );
    expect(leaks).toEqual([]);
  });

  it('(d) leaves out no line of the article', () => {
    const dropped = articleLines
      .filter((l) => !matched.has(l.n))
      .map((l) => ({ line: l.n, text: l.text.slice(0, 120) }));
    expect(dropped).toEqual([]);
  });

  it('is safe to compile as MDX: no stray JSX, expressions or block markers', () => {
    const unsafe = pieces
      .map((p) => ({ p, bare: p.raw.replace(/\{'[^']*'\}|\{"[^"]*"\}/g, '') }))
      .filter(({ p, bare }) =>
        p.role === 'credit'
          ? /["<>{}]/.test(bare)
          : /[<{}]/.test(bare) || /^( {4}|\t|\s*([#>*+-]|\d+[.)])(\s|$)|\s*(import|export)\s)/.test(bare),
      )
      .map(({ p }) => p.raw.slice(0, 80));
    expect(unsafe).toEqual([]);
  });
});
