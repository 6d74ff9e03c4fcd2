/**
 * The blocks of a source's MDX body as its readers see them: paragraphs, `## ` headings and
 * `<Caption credit="…">…</Caption>` texts and credits, with MDX escapes undone. Used before the
 * build to check that every quote is in the body, and by the source-bodies test to check the
 * body against its capture.
 */

export interface BodyPiece {
  /** What the block is, for messages. */
  role: 'paragraph' | 'heading' | 'caption' | 'credit';
  /** The text as written in the MDX (escapes still in place). */
  raw: string;
  /** The text as readers see it (escapes undone). */
  text: string;
}

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Undoes the MDX escapes a body may use: {'x'} / {"x"} expressions, entities, backslash escapes. */
export function unescapeMdx(raw: string): string {
  return raw
    .replace(/\{'([^']*)'\}|\{"([^"]*)"\}/g, (_, single?: string, double?: string) => single ?? double ?? '')
    .replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (match, entity: string) => {
      const named = NAMED_ENTITIES[entity.toLowerCase()];
      if (named) return named;
      const code = entity[1]?.toLowerCase() === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : match;
    })
    .replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

const CAPTION = /^<Caption(?: credit="([^"]*)")?>([\s\S]*)<\/Caption>$/;

/** Splits an MDX body into its blocks and the texts they carry. */
export function bodyPieces(body: string): BodyPiece[] {
  const pieces: BodyPiece[] = [];
  for (const block of body
    .split(/\n[ \t]*\n/)
    .map((b) => b.replace(/^\n+|\n+$/g, ''))
    .filter((b) => b.trim())) {
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
