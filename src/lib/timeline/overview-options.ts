/**
 * The overview's sizes: the options of each drawing (wide and narrow) and the named spacings
 * the layout uses, kept apart from the layout code (overview-layout.ts).
 */

export interface OverviewOptions {
  /** Width of the drawing in SVG user units (its viewBox width). */
  width: number;
  /** Font size of the event titles. */
  labelFontSize: number;
  /** Font size of the era headers. */
  headFontSize: number;
  tickFontSize: number;
  /** Side of a mark's glyph. */
  markSize: number;
  /** Space between two glyphs. */
  markGap: number;
  /** Most glyphs in one column; more make the column part of a bin. */
  maxStack: number;
  /** How many columns either side an event may move to when its own column is full. */
  maxSpill: number;
  /** Columns grouped into one bin (wide enough for its count). */
  binColumns: number;
  /** Rows of titles above the stacks (0: no titles). */
  labelRows: number;
  /** Whether bands carry their era's name and duration (too long for a phone's width). */
  headers: boolean;
  /** Space between two bands, where the break is drawn. */
  bandGap: number;
  /** Space around the drawing. */
  margin: number;
  /** Share of a band's width that follows its number of events; the rest follows its duration. */
  countWeight: number;
}

/** The overview the site draws above the reading view. */
export const OVERVIEW: OverviewOptions = {
  width: 1200,
  labelFontSize: 13,
  headFontSize: 12,
  tickFontSize: 11,
  markSize: 9,
  markGap: 2,
  maxStack: 12,
  maxSpill: 4,
  binColumns: 3,
  labelRows: 4,
  headers: true,
  bandGap: 10,
  margin: 4,
  countWeight: 0.7,
};

/** The overview for phones: no headers or titles, narrower bins; the reading view below names the eras. */
export const OVERVIEW_NARROW: OverviewOptions = {
  ...OVERVIEW,
  width: 360,
  maxStack: 8,
  maxSpill: 1,
  binColumns: 2,
  labelRows: 0,
  headers: false,
  bandGap: 6,
  margin: 2,
};

/** Inner padding of a band around its text and its stretch of axis. */
export const BAND_PADDING = 5;
/** Space between header, titles, stacks and axis. */
export const SECTION_GAP = 6;
/** Length of a tick line below the axis; major ticks are longer by MAJOR_TICK_EXTRA. */
export const TICK_LENGTH = 4;
export const MAJOR_TICK_EXTRA = 2;
/** Least horizontal space between two titles in a row, or a title and a leader. */
export const LABEL_GAP = 8;
/** Font size of a bin's count. */
export const BIN_FONT_SIZE = 10;
/** Lowest bin bar, tall enough for its count. */
export const BIN_MIN_HEIGHT = 14;
/** Counts wider than their bin are written in thousands ("12k"). */
export const THOUSAND = 1000;
