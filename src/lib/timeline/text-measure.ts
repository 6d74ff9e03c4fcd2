/**
 * Text measurement without a browser: the build has none, so widths are estimated from the
 * characters, with per-class widths taken on the wide side (DejaVu Sans, the usual system-ui
 * fallback on Linux, is ~10% wider than Arial). Overestimating costs a little space;
 * underestimating would make labels overlap.
 */

/** Em widths of character classes. */
const EM = { space: 0.32, narrow: 0.4, wide: 1.0, digit: 0.64, lower: 0.62, upper: 0.78, other: 0.8 } as const;
const NARROW = new Set([..."iljIft.,;:!|'’‘()[]/"]);
const WIDE = new Set([...'mwMW—…⚑%@']);
/** Bold text is about this much wider than regular. */
const BOLD_FACTOR = 1.1;
/** Line height as a multiple of the font size, for every line of timeline text. */
export const LINE_HEIGHT_RATIO = 1.3;
/** Distance from the top of a line box to the baseline, as a share of the font size, beyond half the leading. */
const CAP_RATIO = 0.7;

/** Width of one character in em. */
function charEm(char: string): number {
  if (char === ' ') return EM.space;
  if (NARROW.has(char)) return EM.narrow;
  if (WIDE.has(char)) return EM.wide;
  if (char >= '0' && char <= '9') return EM.digit;
  if (char >= 'a' && char <= 'z') return EM.lower;
  if (char >= 'A' && char <= 'Z') return EM.upper;
  return EM.other;
}

/** Estimated width of `text` set in the body font at `fontSize`. */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const char of text) em += charEm(char);
  return em * fontSize * (bold ? BOLD_FACTOR : 1);
}

/** The height of one line of text at `fontSize`, rounded up to whole units. */
export const lineHeight = (fontSize: number): number => Math.ceil(fontSize * LINE_HEIGHT_RATIO);

/** Baseline of a line of text of `fontSize` centred in a line box starting at `top`. */
export const baseline = (top: number, fontSize: number): number =>
  top + (lineHeight(fontSize) + fontSize * CAP_RATIO) / 2;

/**
 * Greedy word wrap to `maxWidth`, breaking at spaces and after dashes ("September–|November").
 * Never cuts a word and never adds an ellipsis: a word wider than the line stays whole on its
 * own line, and the caller decides (with `fitsWidth`) whether the result is usable.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  const tokens = text
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((word) => word.split(/(?<=[–—-])(?=.)/).map((piece, index) => ({ piece, glued: index > 0 })));
  for (const { piece, glued } of tokens) {
    const candidate = line ? `${line}${glued ? '' : ' '}${piece}` : piece;
    if (!line || estimateTextWidth(candidate, fontSize, bold) <= maxWidth) line = candidate;
    else {
      lines.push(line);
      line = piece;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** True when every line fits in `maxWidth`. */
export const fitsWidth = (lines: readonly string[], maxWidth: number, fontSize: number, bold = false): boolean =>
  lines.every((line) => estimateTextWidth(line, fontSize, bold) <= maxWidth);
