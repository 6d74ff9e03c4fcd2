/**
 * Who covers what: the number of claims each source contributes to each era, and the
 * geometry of the matrix that draws it (sources as rows, eras as columns, in time order).
 * Computed at build time as plain data; CoverageMatrix.astro only draws it.
 */
import type { Chronology, Era, Source } from './model.ts';
import { sourceShortName } from './event-view.ts';
import { eraDatesInWords } from './date-words.ts';
import { estimateTextWidth, orderedEras, wrapText, type TextBlock } from './timeline/index.ts';

/** A label's text: first baseline at (x, y), one line per entry. */
type LabelText = Pick<TextBlock, 'x' | 'y' | 'anchor' | 'lines'>;

/** A cell's rectangle in SVG user units. */
export interface CellBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Shades for non-empty cells; a cell's shade grows with its share of the largest count. */
export const COVERAGE_LEVELS = 4;

export interface CoverageCell {
  sourceId: string;
  eraId: string;
  /** Claims of this source on events of this era. */
  claims: number;
  /** 0 for no claim, else 1…COVERAGE_LEVELS. */
  level: number;
}

export interface CoverageCounts {
  sources: Source[];
  eras: Era[];
  /** One row per source (in `sources` order), one cell per era (in time order). */
  rows: CoverageCell[][];
  /** The largest cell count (0 when there is no claim). */
  max: number;
}

/**
 * The shade of a count: 0 stays 0, anything else 1…COVERAGE_LEVELS by the square root of
 * its share of `max`, so that a few large cells do not leave all the others in one shade.
 */
export const coverageLevel = (claims: number, max: number): number =>
  claims <= 0 || max <= 0
    ? 0
    : Math.min(COVERAGE_LEVELS, Math.max(1, Math.ceil(Math.sqrt(claims / max) * COVERAGE_LEVELS)));

/** Claims per source and era. */
export function coverageCounts(chronology: Pick<Chronology, 'events' | 'sources' | 'eras'>): CoverageCounts {
  const eras = orderedEras(chronology.eras);
  const counts = new Map<string, number>();
  const key = (sourceId: string, eraId: string) => `${sourceId}\u0000${eraId}`;
  for (const event of chronology.events) {
    for (const claim of event.claims)
      counts.set(key(claim.source, event.era), (counts.get(key(claim.source, event.era)) ?? 0) + 1);
  }
  const max = Math.max(0, ...counts.values());
  const rows = chronology.sources.map((source) =>
    eras.map((era) => {
      const claims = counts.get(key(source.id, era.id)) ?? 0;
      return { sourceId: source.id, eraId: era.id, claims, level: coverageLevel(claims, max) };
    }),
  );
  return { sources: [...chronology.sources], eras, rows, max };
}

/** Sizes of the drawing, in SVG user units (CSS pixels at 100 %). */
export interface CoverageLayoutOptions {
  /** false: sources as rows, eras as columns (wide screens); true: eras as rows, sources as slanted columns. */
  transpose: boolean;
  fontSize: number;
  /** Font size of the column headings. */
  headingFontSize: number;
  lineHeight: number;
  labelWidth: number;
  cellWidth: number;
  cellHeight: number;
  /** Space between cells. */
  gap: number;
  /** Line width slanted headings start from (transposed only); it grows until every name fits the lines there is room for. */
  maxHeadingWidth: number;
}

/** Wide screens: a source per row, an era per column. */
export const COVERAGE_WIDE: CoverageLayoutOptions = {
  transpose: false,
  fontSize: 13,
  headingFontSize: 12,
  lineHeight: 15,
  labelWidth: 196,
  cellWidth: 112,
  cellHeight: 48,
  gap: 4,
  maxHeadingWidth: 0,
};

/** Narrow screens: an era per row, a source per column, source names slanted above. */
export const COVERAGE_NARROW: CoverageLayoutOptions = {
  transpose: true,
  fontSize: 12,
  headingFontSize: 12,
  lineHeight: 14,
  labelWidth: 104,
  cellWidth: 46,
  cellHeight: 40,
  gap: 3,
  maxHeadingWidth: 160,
};

/** Angle of the slanted column headings, in degrees clockwise: they fall from left to right. */
export const SLANT_DEGREES = 60;

export interface CoverageLayoutCell extends CoverageCell {
  box: CellBox;
  /** Baseline of the centred count. */
  text: { x: number; y: number };
  /** Accessible name of the cell's link: source, era, count. */
  label: string;
}

/**
 * A drawn cell's attributes, the same on its link and on an empty cell's group: its accessible
 * name, and its count, source and era (which the tests read back against the table).
 */
export const cellAttributes = (cell: CoverageLayoutCell) => ({
  'aria-label': cell.label,
  'data-claims': cell.claims,
  'data-source': cell.sourceId,
  'data-era': cell.eraId,
});

/** A row or column heading: what it names (a source or an era id) and where its text goes. */
export interface CoverageHeading {
  id: string;
  name: string;
  text: LabelText;
  /** Rotation in degrees about the text's anchor (slanted headings); 0 for level text. */
  rotate: number;
}

export interface CoverageLayout {
  transpose: boolean;
  width: number;
  height: number;
  fontSize: number;
  headingFontSize: number;
  lineHeight: number;
  /** Headings above the columns: eras, or sources when transposed. */
  columns: CoverageHeading[];
  /** Headings left of the rows: sources, or eras when transposed. */
  rows: CoverageHeading[];
  cells: CoverageLayoutCell[];
}

/** Space above and below the column headings. */
const HEADER_PADDING = 6;

/** An era's dates as a heading: on one line if it fits, else broken after the dash. */
export function eraHeading(era: Pick<Era, 'start' | 'end'>, width: number, fontSize: number): string[] {
  const words = eraDatesInWords(era);
  const [first, ...rest] = words.split(' – ');
  if (rest.length === 0 || wrapText(words, width, fontSize)[0] === words) return wrapText(words, width, fontSize);
  return [...wrapText(`${first} –`, width, fontSize), ...wrapText(rest.join(' – '), width, fontSize)];
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** Level column headings, bottom-aligned so short ones sit just above the cells like long ones. */
function levelColumns(items: Array<{ id: string; name: string; lines: string[] }>, options: CoverageLayoutOptions) {
  const { lineHeight, labelWidth, cellWidth, headingFontSize } = options;
  const height = HEADER_PADDING + Math.max(1, ...items.map((i) => i.lines.length)) * lineHeight + HEADER_PADDING;
  const columns = items.map(({ id, name, lines }, i) => {
    const x = labelWidth + i * cellWidth + cellWidth / 2;
    const y = height - HEADER_PADDING - (lines.length - 1) * lineHeight - headingFontSize * 0.3;
    return { id, name, text: { x, y, anchor: 'middle' as const, lines }, rotate: 0 };
  });
  return { columns, height, overhang: 0, inset: 0 };
}

/** Share of the font size that glyphs rise above the baseline. */
const ASCENT = 0.75;

/**
 * Slanted column headings, whole (wrapped, never cut). Each falls from upper left to the
 * middle of its column, its last line ending just above the cells and earlier lines stacked
 * away from the cells; a heading gets as many lines as fit between it and the next column's
 * (which are cellWidth · sin(angle) apart), and as wide lines as that takes.
 */
function slantedColumns(names: Array<{ id: string; name: string }>, options: CoverageLayoutOptions) {
  const { labelWidth, cellWidth, headingFontSize, lineHeight } = options;
  const angle = (SLANT_DEGREES * Math.PI) / 180;
  const [sin, cos] = [Math.sin(angle), Math.cos(angle)];
  const maxLines = Math.max(1, Math.floor((cellWidth * sin - headingFontSize) / lineHeight) + 1);
  let width = options.maxHeadingWidth;
  const wrap = (name: string) => wrapText(name, width, headingFontSize);
  while (names.some((n) => wrap(n.name).length > maxLines)) width += headingFontSize;
  const blocks = names.map((n, i) => {
    const lines = wrap(n.name);
    // The last line ends at `end` (relative to the column's base point); line j ends (k-1-j) line heights away from the cells.
    const shift = (lines.length - 1) * lineHeight;
    const end = { x: shift * sin, y: -shift * cos };
    const starts = lines.map((line, j) => {
      const w = estimateTextWidth(line, headingFontSize);
      return { x: end.x - j * lineHeight * sin - w * cos, y: end.y + j * lineHeight * cos - w * sin };
    });
    const baseX = labelWidth + i * cellWidth + cellWidth / 2 - (headingFontSize * 0.35) / sin;
    return {
      ...n,
      lines,
      end,
      baseX,
      rise: Math.max(...starts.map((p) => -p.y)) + ASCENT * headingFontSize,
      reachLeft: Math.max(...starts.map((p) => -(baseX + p.x))),
    };
  });
  const height = HEADER_PADDING + Math.max(0, ...blocks.map((b) => b.rise)) + HEADER_PADDING;
  // Move the grid right if a heading would reach past the left edge.
  const inset = Math.max(0, ...blocks.map((b) => b.reachLeft));
  const columns = blocks.map((b) => ({
    id: b.id,
    name: b.name,
    text: {
      x: inset + b.baseX + b.end.x,
      y: height - HEADER_PADDING + b.end.y,
      anchor: 'end' as const,
      lines: b.lines,
    },
    rotate: SLANT_DEGREES,
  }));
  const gridRight = inset + labelWidth + names.length * cellWidth;
  const overhang = Math.max(0, ...columns.map((c) => c.text.x + ASCENT * headingFontSize * sin - gridRight));
  return { columns, height, overhang, inset };
}

/** Where every label and cell of the matrix goes. */
export function layoutCoverage(counts: CoverageCounts, options: CoverageLayoutOptions = COVERAGE_WIDE): CoverageLayout {
  const { transpose, fontSize, headingFontSize, lineHeight, labelWidth, cellWidth, cellHeight, gap } = options;
  const sources = counts.sources.map((source) => ({ id: source.id, name: sourceShortName(source) }));
  const eras = counts.eras.map((era) => ({ id: era.id, name: era.name, era }));
  const header = transpose
    ? slantedColumns(sources, options)
    : levelColumns(
        eras.map((e) => ({ id: e.id, name: e.name, lines: eraHeading(e.era, cellWidth - gap * 2, headingFontSize) })),
        options,
      );
  const left = header.inset + labelWidth;
  const rowItems = transpose
    ? eras.map((e) => ({ id: e.id, name: e.name, lines: eraHeading(e.era, labelWidth - gap * 4, fontSize) }))
    : sources.map((s) => ({ ...s, lines: wrapText(s.name, labelWidth - gap * 4, fontSize) }));
  // A row grows to hold its whole heading.
  const rowHeights = rowItems.map((item) => Math.max(cellHeight, item.lines.length * lineHeight + gap * 4));
  const rowTops = rowHeights.map((_, r) => header.height + rowHeights.slice(0, r).reduce((sum, h) => sum + h, 0));
  const rows = rowItems.map(({ id, name, lines }, r) => {
    const middle = rowTops[r]! + rowHeights[r]! / 2;
    const y = middle - ((lines.length - 1) * lineHeight) / 2 + fontSize * 0.35;
    return { id, name, text: { x: left - gap * 3, y, anchor: 'end' as const, lines }, rotate: 0 };
  });
  const cells = counts.rows.flatMap((sourceRow, s) =>
    sourceRow.map((cell, e) => {
      const [r, c] = transpose ? [e, s] : [s, e];
      const box = {
        x: left + c * cellWidth + gap / 2,
        y: rowTops[r]! + gap / 2,
        width: cellWidth - gap,
        height: rowHeights[r]! - gap,
      };
      return {
        ...cell,
        box,
        text: { x: box.x + box.width / 2, y: box.y + box.height / 2 + fontSize * 0.4 },
        label: `${sources[s]!.name}, ${eras[e]!.name}: ${plural(cell.claims, 'claim')}`,
      };
    }),
  );
  const columnCount = transpose ? sources.length : eras.length;
  return {
    transpose,
    width: Math.ceil(left + columnCount * cellWidth + header.overhang),
    height: Math.ceil(header.height + rowHeights.reduce((sum, h) => sum + h, 0)),
    fontSize,
    headingFontSize,
    lineHeight,
    columns: header.columns,
    rows,
    cells,
  };
}
