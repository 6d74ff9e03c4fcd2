/**
 * The citable text of a source: its capture with every non-article line range (page chrome,
 * teasers, reader comments) blanked out. Lines are replaced by empty lines rather than removed,
 * so line numbers stay those of the capture and no quote can bridge an excluded block.
 */
export interface LineRange {
  lines: readonly [number, number];
}

/** Capture text with the given 1-based inclusive line ranges emptied. */
export function articleText(capture: string, nonArticle: readonly LineRange[]): string {
  const lines = capture.split('\n');
  for (const {
    lines: [first, last],
  } of nonArticle) {
    for (let n = first; n <= last && n <= lines.length; n++) lines[n - 1] = '';
  }
  return lines.join('\n');
}
