/** The plain data the timeline layouts return; the components only draw it. */
import type { ChronologyEvent, Era } from '../model.ts';

/** An axis-aligned rectangle in SVG user units. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A straight line in SVG user units. */
export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Text to draw: first baseline at (x, y), one line per entry, `lineHeight` apart. */
export interface TextBlock {
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  lines: string[];
  fontSize: number;
  lineHeight: number;
}

export interface TickUnit {
  unit: 'year' | 'month' | 'week' | 'day';
  step: number;
}

export interface OverviewBand {
  eraId: string;
  name: string;
  /** The era's duration in words: "3 years", "45 days". */
  duration: string;
  /** 0-based position, for alternating fills. */
  index: number;
  box: Box;
  /** The stretch of the time axis this era's piece of the scale maps onto. */
  from: number;
  to: number;
  axis: Segment;
  /** Header: the first `nameLines` lines are the era's name, then its duration. */
  text: TextBlock;
  nameLines: number;
  tickUnit: TickUnit;
}

export interface OverviewTick {
  eraId: string;
  /** ISO day the tick stands for. */
  date: string;
  pos: number;
  major: boolean;
  line: Segment;
  text: TextBlock;
}

/** The gap between two eras, where the scale changes. */
export interface OverviewBreak {
  before: string;
  after: string;
  pos: number;
  line: Segment;
  /** Where the zig-zag crosses the axis. */
  glyph: { x: number; y: number };
}

/** How a mark is drawn: a dot is one day; a square a month, a year or a range; a diamond a disputed event. */
export type MarkShape = 'dot' | 'square' | 'diamond';

export interface OverviewMark {
  eventId: string;
  eraId: string;
  shape: MarkShape;
  /** Approximate or uncertain date: drawn hollow and dashed. */
  qualified: boolean;
  /** The glyph's square. */
  box: Box;
  /** Column and height in its stack (0 = on the axis). */
  column: number;
  stackIndex: number;
  /** Accessible name and tooltip: date in words, title, "(disputed)". */
  name: string;
  /** The full title, drawn above the marks when it fits; absent otherwise. */
  label?: { text: TextBlock; box: Box; leader: Segment };
}

/** Events too dense to draw apart: one counted bar that links to where they are listed. */
export interface OverviewBin {
  eraId: string;
  /** Ids of the events in the bin, in date order. */
  eventIds: string[];
  box: Box;
  /** The count, drawn inside the bar. */
  text: TextBlock;
  /** "12 events, 19 Sep – 20 Sep 2023". */
  name: string;
}

export interface OverviewLayout {
  width: number;
  height: number;
  bands: OverviewBand[];
  ticks: OverviewTick[];
  breaks: OverviewBreak[];
  marks: OverviewMark[];
  bins: OverviewBin[];
  /** The stacks' area, for the break lines. */
  markArea: { top: number; bottom: number };
  description: string;
}

/** One event of the reading view. */
export interface ReadingEvent {
  event: ChronologyEvent;
  /** Space before it, in steps proportional to the time since the previous event (capped). */
  spaceBefore: number;
  /** When the time since the previous event was longer than the cap: that time in words. */
  compressedGap?: string;
}

export interface ReadingYear {
  year: string;
  events: ReadingEvent[];
}

export interface ReadingEra {
  era: Era;
  /** "1918–1920", "27 Sep – 10 Nov 2020". */
  dates: string;
  duration: string;
  /** Days of the era one step of space stands for. */
  daysPerStep: number;
  years: ReadingYear[];
}
