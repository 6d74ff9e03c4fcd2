import { describe, expect, it } from 'vitest';
import {
  COVERAGE_LEVELS,
  COVERAGE_NARROW,
  SLANT_DEGREES,
  cellAttributes,
  coverageCounts,
  coverageLevel,
  eraHeading,
  layoutCoverage,
} from '../../src/lib/coverage-matrix.ts';
import { estimateTextWidth } from '../../src/lib/timeline/index.ts';
import type { ChronologyEvent, Claim, Era, Source } from '../../src/lib/model.ts';

const source = (id: string, name = id) =>
  ({ id, title: `Title ${id}`, authorStatus: 'named', authors: [{ name }] }) as unknown as Source;
const era = (id: string, start: string, end: string) => ({ id, name: `Era ${id}`, start, end, description: '' }) as Era;
const claim = (sourceId: string, n: number): Claim => ({
  id: `${sourceId}-${n}`,
  source: sourceId,
  quote: 'q',
  kind: 'text',
});
const event = (id: string, eraId: string, claims: Claim[]) =>
  ({ id, era: eraId, claims, disputes: [] }) as unknown as ChronologyEvent;

// Eras given out of order: the matrix puts them in time order.
const eras = [era('late', '2000-01-01', '2000-12-31'), era('early', '1990-01-01', '1999-12-31')];
const sources = [
  source('s1', 'First source'),
  source('s2', 'A source with a very long name that must wrap over lines'),
];
const events = [
  event('e1', 'early', [claim('s1', 1), claim('s1', 2), claim('s2', 1)]),
  event('e2', 'early', [claim('s1', 1)]),
  event('e3', 'late', [claim('s2', 1), claim('s2', 2)]),
];

describe('coverageCounts', () => {
  const counts = coverageCounts({ events, sources, eras });

  it('counts claims (not events) per source and era, eras in time order', () => {
    expect(counts.eras.map((e) => e.id)).toEqual(['early', 'late']);
    expect(counts.rows.map((row) => row.map((c) => c.claims))).toEqual([
      [3, 0],
      [1, 2],
    ]);
    expect(counts.max).toBe(3);
  });

  it('shades no claim as 0 and the largest count darkest', () => {
    expect(counts.rows[0]!.map((c) => c.level)).toEqual([COVERAGE_LEVELS, 0]);
    expect(coverageLevel(0, 10)).toBe(0);
    expect(coverageLevel(1, 1000)).toBe(1);
    expect(coverageLevel(10, 10)).toBe(COVERAGE_LEVELS);
    const levels = [1, 2, 4, 8, 16, 32, 64].map((n) => coverageLevel(n, 64));
    expect(levels).toEqual([...levels].sort((x, y) => x - y));
  });
});

describe('layoutCoverage', () => {
  const layout = layoutCoverage(coverageCounts({ events, sources, eras }));

  it('draws one cell per source and era, without overlaps, inside the drawing', () => {
    expect(layout.cells).toHaveLength(4);
    for (const cell of layout.cells) {
      expect(cell.box.x).toBeGreaterThanOrEqual(0);
      expect(cell.box.x + cell.box.width).toBeLessThanOrEqual(layout.width);
      expect(cell.box.y + cell.box.height).toBeLessThanOrEqual(layout.height);
    }
    const [first, second] = layout.cells;
    expect(first!.box.x + first!.box.width).toBeLessThanOrEqual(second!.box.x);
  });

  it('names each cell with source, era and count', () => {
    expect(layout.cells[1]!.label).toBe('First source, Era late: 0 claims');
    expect(layout.cells[2]!.label).toMatch(/^A source with .*, Era early: 1 claim$/);
  });

  it('gives each cell its name, count, source and era as attributes, in markup order', () => {
    const cell = layout.cells[2]!;
    expect(Object.entries(cellAttributes(cell))).toEqual([
      ['aria-label', cell.label],
      ['data-claims', 1],
      ['data-source', 's2'],
      ['data-era', 'early'],
    ]);
  });

  it('keeps headings above the cells and row labels left of them', () => {
    const top = Math.min(...layout.cells.map((c) => c.box.y));
    for (const column of layout.columns)
      expect(column.text.y + (column.text.lines.length - 1) * layout.lineHeight).toBeLessThan(top);
    for (const column of layout.columns) expect(column.text.y - layout.headingFontSize).toBeGreaterThanOrEqual(0);
    const left = Math.min(...layout.cells.map((c) => c.box.x));
    for (const row of layout.rows) expect(row.text.x).toBeLessThan(left);
    expect(layout.rows[1]!.text.lines.length).toBeGreaterThan(1);
  });
});

describe('layoutCoverage, transposed for narrow screens', () => {
  const counts = coverageCounts({ events, sources, eras });
  const layout = layoutCoverage(counts, COVERAGE_NARROW);

  it('puts eras in rows and sources in columns, with the same numbers', () => {
    expect(layout.rows.map((r) => r.id)).toEqual(['early', 'late']);
    expect(layout.columns.map((c) => c.id)).toEqual(['s1', 's2']);
    const at = (sourceId: string, eraId: string) =>
      layout.cells.find((c) => c.sourceId === sourceId && c.eraId === eraId)!;
    // s1 in early: row 0, column 0; s2 in early: row 0, column 1.
    expect(at('s1', 'early').box.y).toBe(at('s2', 'early').box.y);
    expect(at('s1', 'early').box.x).toBeLessThan(at('s2', 'early').box.x);
    expect(at('s1', 'early').box.y).toBeLessThan(at('s1', 'late').box.y);
    expect(at('s2', 'late').claims).toBe(2);
  });

  it('keeps the slanted source names whole, inside the drawing, above the cells and clear of each other', () => {
    const [sin, cos] = [Math.sin((SLANT_DEGREES * Math.PI) / 180), Math.cos((SLANT_DEGREES * Math.PI) / 180)];
    const top = Math.min(...layout.cells.map((c) => c.box.y));
    for (const column of layout.columns) {
      expect(column.rotate).toBe(SLANT_DEGREES);
      expect(column.text.lines.join(' ')).toBe(column.name);
      expect(column.text.lines.join('')).not.toContain('…');
      column.text.lines.forEach((line, j) => {
        // Line j ends j line heights from the anchor, across the slant, and rises to the left from there.
        const end = { x: column.text.x - j * layout.lineHeight * sin, y: column.text.y + j * layout.lineHeight * cos };
        const width = estimateTextWidth(line, layout.headingFontSize);
        expect(end.x - width * cos).toBeGreaterThanOrEqual(0);
        expect(end.y - width * sin - layout.headingFontSize).toBeGreaterThanOrEqual(0);
        expect(end.x).toBeLessThanOrEqual(layout.width);
        expect(end.y).toBeLessThanOrEqual(top);
      });
    }
    // Neighbouring headings are parallel strips cellWidth·sin apart; a heading's lines must fit in that.
    for (const column of layout.columns)
      expect((column.text.lines.length - 1) * layout.lineHeight + layout.headingFontSize).toBeLessThanOrEqual(
        COVERAGE_NARROW.cellWidth * sin,
      );
    expect(layout.columns[1]!.text.lines.length).toBeGreaterThan(1);
    for (const cell of layout.cells) expect(cell.box.x + cell.box.width).toBeLessThanOrEqual(layout.width);
  });

  it('grows a row to hold a whole source name', () => {
    const wide = layoutCoverage(counts);
    const row = wide.rows[1]!;
    expect(row.text.lines.join(' ')).toBe(row.name);
    const cellsOfRow = wide.cells.filter((c) => c.sourceId === row.id);
    const first = row.text.y - layout.fontSize;
    const last = row.text.y + (row.text.lines.length - 1) * wide.lineHeight;
    expect(first).toBeGreaterThanOrEqual(cellsOfRow[0]!.box.y - 2);
    expect(last).toBeLessThanOrEqual(cellsOfRow[0]!.box.y + cellsOfRow[0]!.box.height + 2);
  });
});

describe('eraHeading', () => {
  it('keeps short dates on one line and breaks long ones after the dash', () => {
    expect(eraHeading(era('x', '1918-01-01', '1920-12-31'), 100, 12)).toEqual(['1918–1920']);
    expect(eraHeading(era('x', '2020-11-11', '2023-09-18'), 100, 12)).toEqual(['11 Nov 2020 –', '18 Sep 2023']);
  });
});
