/**
 * Who covers what: the number of claims each source contributes to each era, and the
 * geometry of the matrix that draws it (sources as rows, eras as columns, in time order).
 * Computed at build time as plain data; CoverageMatrix.astro only draws it.
 */
import type { Chronology, Era, Source } from './model.ts';
import { sourceShortName } from './event-view.ts';
import { eraDatesInWords, orderedEras, wrapText, type Box, type TextBlock } from './timeline-layout.ts';

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
  claims <= 0 || max <= 0 ? 0 : Math.min(COVERAGE_LEVELS, Math.max(1, Math.ceil(Math.sqrt(claims / max) * COVERAGE_LEVELS)));

/** Claims per source and era. */
export function coverageCounts(chronology: Pick<Chronology, 'events' | 'sources' | 'eras'>): CoverageCounts {
  const eras = orderedEras(chronology.eras);
  const counts = new Map<string, number>();
  const key = (sourceId: string, eraId: string) => `${sourceId}\u0000${eraId}`;
  for (const event of chronology.events) {
    for (const claim of event.claims) counts.set(key(claim.source, event.era), (counts.get(key(claim.source, event.era)) ?? 0) + 1);
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
  fontSize: number;
  /** Font size of the era headings (dates, which are long). */
  headingFontSize: number;
  lineHeight: number;
  labelWidth: number;
  cellWidth: number;
  cellHeight: number;
  /** Space between cells. */
  gap: number;
  maxLabelLines: number;
}

export const COVERAGE_LAYOUT: CoverageLayoutOptions = {
  fontSize: 13,
  headingFontSize: 12,
  lineHeight: 15,
  labelWidth: 196,
  cellWidth: 112,
  cellHeight: 48,
  gap: 4,
  maxLabelLines: 3,
};

export interface CoverageLayoutCell extends CoverageCell {
  box: Box;
  /** Baseline of the centred count. */
  text: { x: number; y: number };
  /** Accessible name of the cell's link: source, era, count. */
  label: string;
}

export interface CoverageLayout {
  width: number;
  height: number;
  fontSize: number;
  headingFontSize: number;
  lineHeight: number;
  /** Era headings above the columns. */
  columns: Array<{ eraId: string; name: string; text: TextBlock }>;
  /** Source names left of the rows. */
  rows: Array<{ sourceId: string; name: string; text: TextBlock }>;
  cells: CoverageLayoutCell[];
}

/** Space above and below the era headings. */
const HEADER_PADDING = 6;

/** An era's dates as a column heading: on one line if it fits, else broken after the dash. */
export function eraHeading(era: Pick<Era, 'start' | 'end'>, width: number, fontSize: number): string[] {
  const words = eraDatesInWords(era);
  const [first, ...rest] = words.split(' – ');
  if (rest.length === 0 || wrapText(words, width, fontSize, 1)[0] === words) return wrapText(words, width, fontSize, 2);
  return [...wrapText(`${first} –`, width, fontSize, 1), ...wrapText(rest.join(' – '), width, fontSize, 1)];
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** Where every label and cell of the matrix goes. */
export function layoutCoverage(counts: CoverageCounts, options: CoverageLayoutOptions = COVERAGE_LAYOUT): CoverageLayout {
  const { fontSize, headingFontSize, lineHeight, labelWidth, cellWidth, cellHeight, gap, maxLabelLines } = options;
  const columnLines = counts.eras.map((era) => eraHeading(era, cellWidth - gap * 2, headingFontSize));
  const headerHeight = HEADER_PADDING + Math.max(1, ...columnLines.map((l) => l.length)) * lineHeight + HEADER_PADDING;
  const columns = counts.eras.map((era, i) => {
    const lines = columnLines[i]!;
    const x = labelWidth + i * cellWidth + cellWidth / 2;
    // Bottom-aligned, so one-line headings sit just above the cells like the longer ones.
    const y = headerHeight - HEADER_PADDING - (lines.length - 1) * lineHeight - headingFontSize * 0.3;
    return { eraId: era.id, name: era.name, text: { x, y, anchor: 'middle' as const, lines } };
  });
  const rows = counts.sources.map((source, r) => {
    const name = sourceShortName(source);
    const lines = wrapText(name, labelWidth - gap * 4, fontSize, maxLabelLines);
    const middle = headerHeight + r * cellHeight + cellHeight / 2;
    const y = middle - ((lines.length - 1) * lineHeight) / 2 + fontSize * 0.35;
    return { sourceId: source.id, name, text: { x: labelWidth - gap * 3, y, anchor: 'end' as const, lines } };
  });
  const cells = counts.rows.flatMap((row, r) =>
    row.map((cell, c) => {
      const box = { x: labelWidth + c * cellWidth + gap / 2, y: headerHeight + r * cellHeight + gap / 2, w: cellWidth - gap, h: cellHeight - gap };
      const era = counts.eras[c]!;
      return {
        ...cell,
        box,
        text: { x: box.x + box.w / 2, y: box.y + box.h / 2 + fontSize * 0.4 },
        label: `${rows[r]!.name}, ${era.name}: ${plural(cell.claims, 'claim')}`,
      };
    }),
  );
  return {
    width: labelWidth + counts.eras.length * cellWidth,
    height: headerHeight + counts.sources.length * cellHeight,
    fontSize,
    headingFontSize,
    lineHeight,
    columns,
    rows,
    cells,
  };
}
