/**
 * The blocks of a source's MDX body: the article as its readers saw it, written as paragraphs,
 * `## ` section headings and `<Caption credit="…">…</Caption>` photo captions (README, "Adding a
 * source"). Used by the source-body test (each block is a line of the capture) and by coverage
 * (which blocks carry the article's sentences).
 */

export interface Piece {
  /** What the block is, for messages. */
  role: 'paragraph' | 'heading' | 'caption' | 'credit';
  /** The text as written in the MDX (escapes still in place). */
  raw: string;
  /** The text as readers see it (escapes undone). */
  text: string;
}

/** Undo the MDX escapes a body may use: {'x'} / {"x"} expressions, entities, backslash escapes. */
export function unescapeMdx(s: string): string {
  return s
    .replace(/\{'([^']*)'\}|\{"([^"]*)"\}/g, (_, a?: string, b?: string) => a ?? b ?? '')
    .replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (m, e: string) => {
      const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
      if (named[e.toLowerCase()]) return named[e.toLowerCase()]!;
      const code = e[1]?.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    })
    .replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

const CAPTION = /^<Caption(?: credit="([^"]*)")?>([\s\S]*)<\/Caption>$/;

/** Split an MDX body into its blocks and the texts they carry. */
export function bodyPieces(body: string): Piece[] {
  const pieces: Piece[] = [];
  for (const block of body.split(/\n[ \t]*\n/).map((b) => b.replace(/^\n+|\n+$/g, '')).filter((b) => b.trim())) {
    const caption = CAPTION.exec(block);
    if (caption) {
      pieces.push({ role: 'caption', raw: caption[2]!, text: unescapeMdx(caption[2]!) });
      if (caption[1] !== undefined) pieces.push({ role: 'credit', raw: caption[1], text: unescapeMdx(caption[1]) });
    } else if (block.startsWith('## ')) {
      pieces.push({ role: 'heading', raw: block.slice(3), text: unescapeMdx(block.slice(3)) });
    } else {
      pieces.push({ role: 'paragraph', raw: block, text: unescapeMdx(block) });
    }
  }
  return pieces;
}

