/**
 * Timeline geometry, computed once at build time and returned as plain data, so the
 * .astro components only draw rectangles and text and the unit tests can check every
 * promise the drawing makes (no overlapping labels, marks inside their era, honest scale).
 *
 * The time axis is a piecewise d3 UTC scale with one linear piece per era. Each piece gets
 * a length mixing the era's share of events and its share of time, so 1921–1987 does not
 * swallow the page and September 2023 is not a smudge. Because that breaks the reader's
 * sense of "equal distance, equal time", every era carries its own ticks (from a d3-time
 * interval chosen for that era), its duration in words, and a visible break from the next.
 *
 * UTC throughout (scaleUtc, utcYear…): dates are calendar days, and the build must not
 * depend on the time zone of the machine that runs it.
 */
import { scaleUtc, type ScaleTime } from 'd3-scale';
import { utcDay, utcMonday, utcMonth, utcYear, type TimeInterval } from 'd3-time';
import { edtfInWords, type EdtfBounds } from './edtf-dates.ts';
import { compareEvents, type ChronologyEvent, type Era } from './model.ts';

// ---------------------------------------------------------------------------------------
// Output types

export type Orientation = 'horizontal' | 'vertical';

/** An axis-aligned rectangle in SVG user units. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
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
}

export interface TimelineBand {
  eraId: string;
  name: string;
  /** The era's duration in words: "3 years", "45 days", "about 25 years 9 months". */
  label: string;
  /** The era's first and last day in words: "27 Sep – 10 Nov 2020". */
  dates: string;
  /** 0-based position, for alternating fills. */
  index: number;
  /** The band's rectangle (header included). */
  box: Box;
  /** The part of the time axis this era's scale maps onto (main-axis coordinates). */
  from: number;
  to: number;
  /** The axis line of this era. */
  axis: Segment;
  /** Header text: the first `nameLines` lines are the era's name, the rest its span. */
  text: TextBlock;
  nameLines: number;
  /** The d3-time interval its ticks come from. */
  tickUnit: TickUnit;
}

export interface TimelineTick {
  eraId: string;
  /** ISO day the tick stands for. */
  date: string;
  /** Main-axis position. */
  pos: number;
  label: string;
  /** True where the label names a larger unit (a decade, a year, a month). */
  major: boolean;
  line: Segment;
  text: TextBlock;
}

/** The gap between two eras, where the scale changes. */
export interface TimelineBreak {
  before: string;
  after: string;
  /** Main-axis position: the middle of the gap. */
  pos: number;
  /** The separator across the whole drawing. */
  line: Segment;
  /** Where to draw the break glyph on the axis. */
  glyph: { x: number; y: number };
}

export interface TimelineMark {
  eventId: string;
  eraId: string;
  /** A day is a point; a month, a year or a range is a bar of that extent. */
  kind: 'point' | 'bar';
  /** Main-axis extent (from === to for points). */
  from: number;
  to: number;
  /** Cross-axis centre of the glyph. */
  cross: number;
  /** Horizontal: the row of mark and label. Vertical: the column of the mark beside the axis. */
  lane: number;
  approximate: boolean;
  uncertain: boolean;
  disputed: boolean;
  /** The event has no known end; the bar runs to the end of its era. */
  openEnd: boolean;
  /** The event's dates run beyond its era; the bar is cut at the era's edge. */
  clipped: boolean;
  /** Visible label: glyphs, short date and title (perhaps shortened). */
  label: string;
  /** Accessible name: date in words, title, and "disputed" where applicable. */
  name: string;
  /** The glyph's rectangle: the bar itself, or the square a dot or diamond sits in. */
  box: Box;
  labelBox: Box;
  text: TextBlock;
  /** Line from the glyph to a label that had to move away from it. */
  leader?: Segment;
}

export interface TickUnit {
  unit: 'year' | 'month' | 'week' | 'day';
  step: number;
}

export interface TimelineLayout {
  orientation: Orientation;
  width: number;
  height: number;
  fontSize: number;
  lineHeight: number;
  tickFontSize: number;
  headFontSize: number;
  bands: TimelineBand[];
  ticks: TimelineTick[];
  marks: TimelineMark[];
  breaks: TimelineBreak[];
  /** One paragraph for the SVG <desc>, including "Scale changes between eras". */
  description: string;
}

export interface LayoutOptions {
  orientation: Orientation;
  /** Width of the drawing in SVG user units (its viewBox width). */
  width: number;
  /** Label font size in user units. */
  fontSize?: number;
  /** Share of an era's length that follows its number of events; the rest follows its duration. */
  countWeight?: number;
  /** Horizontal only: longest visible label, in characters; the full title stays in the accessible name. */
  maxLabelChars?: number;
  /** Vertical only: most lines a label may wrap onto. */
  maxLabelLines?: number;
  /** Shortest bar drawn, in user units, so a month in 1921–1987 is still visible. */
  minBar?: number;
}

/** The layouts the site draws: one for wide screens, one for phones. */
export const HORIZONTAL: LayoutOptions = { orientation: 'horizontal', width: 1200, fontSize: 17, maxLabelChars: 32 };
export const VERTICAL: LayoutOptions = { orientation: 'vertical', width: 360, fontSize: 14, maxLabelLines: 4 };

// ---------------------------------------------------------------------------------------
// Text measurement. There is no browser at build time, so widths are estimated from the
// characters, with per-class widths taken on the wide side (DejaVu Sans, the usual
// system-ui fallback on Linux, is ~10% wider than Arial): overestimating costs a little
// space, underestimating would make labels overlap.

const NARROW = new Set([...'iljIft.,;:!|\'’‘()[]/']);
const WIDE = new Set([...'mwMW—…⚑%@']);

/** Width of one character in em. */
function charEm(ch: string): number {
  if (ch === ' ') return 0.32;
  if (NARROW.has(ch)) return 0.4;
  if (WIDE.has(ch)) return 1.0;
  if (ch >= '0' && ch <= '9') return 0.64;
  if (ch >= 'a' && ch <= 'z') return 0.62;
  if (ch >= 'A' && ch <= 'Z') return 0.78;
  return 0.8;
}

/** Estimated width of `text` set in the body font at `fontSize` (bold ≈ 10% wider). */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em * fontSize * (bold ? 1.1 : 1);
}

/** `text` cut to at most `maxChars` characters, ending in "…" when cut. */
export function truncateText(text: string, maxChars: number): string {
  const chars = [...text];
  if (chars.length <= maxChars) return text;
  return `${chars.slice(0, Math.max(1, maxChars - 1)).join('').trimEnd()}…`;
}

/**
 * Greedy word wrap to `maxWidth`; at most `maxLines` lines, the last ending in "…" if the
 * text did not fit. A word longer than a line is cut.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines: number, bold = false): string[] {
  const fits = (s: string) => estimateTextWidth(s, fontSize, bold) <= maxWidth;
  const lines: string[] = [];
  let line = '';
  // Break at spaces and after dashes ("September–|November"), joining dash pieces without a space.
  const tokens = text.split(/\s+/).filter(Boolean).flatMap((word) => word.split(/(?<=[–—-])(?=.)/).map((piece, i) => ({ piece, glued: i > 0 })));
  for (const { piece: word, glued } of tokens) {
    const candidate = line ? `${line}${glued ? '' : ' '}${word}` : word;
    if (fits(candidate)) line = candidate;
    else {
      if (line) lines.push(line);
      line = word;
      while (!fits(line) && [...line].length > 1) {
        // Cut an over-long word where it stops fitting.
        let cut = [...line].length - 1;
        while (cut > 1 && !fits([...line].slice(0, cut).join(''))) cut--;
        lines.push([...line].slice(0, cut).join(''));
        line = [...line].slice(cut).join('');
      }
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = `${kept[maxLines - 1] ?? ''}…`;
  while (!fits(last) && last.length > 1) last = `${[...last].slice(0, -2).join('').trimEnd()}…`;
  kept[maxLines - 1] = last;
  return kept;
}

// ---------------------------------------------------------------------------------------
// Days and words

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Midnight UTC of an ISO day (YYYY-MM-DD). */
export const utcDate = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** ISO day of a UTC date. */
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/** The half-open instant range [first day, day after the last) an era covers. */
export function eraRange(era: Pick<Era, 'start' | 'end'>): [Date, Date] {
  return [utcDate(era.start), utcDay.offset(utcDate(era.end), 1)];
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/**
 * The length of the span from `startIso` to `endIso` (both days included) in words:
 * days below six months ("45 days"), else years and months rounded to the month, with
 * "about" when rounding changed it ("about 25 years 9 months").
 */
export function durationInWords(startIso: string, endIso: string): string {
  const start = utcDate(startIso);
  const end = utcDay.offset(utcDate(endIso), 1);
  const days = utcDay.count(start, end);
  if (days < 183) return plural(days, 'day');
  let months = (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth();
  if (end.getUTCDate() < start.getUTCDate()) months--;
  const rest = utcDay.count(utcMonth.offset(start, months), end);
  if (rest >= 15) months++;
  const years = Math.floor(months / 12);
  const words = [years ? plural(years, 'year') : '', months % 12 ? plural(months % 12, 'month') : ''].filter(Boolean).join(' ');
  return rest ? `about ${words}` : words;
}

const dayParts = (iso: string) => {
  const [y = '', m = '1', d = '1'] = iso.split('-');
  return { y, m: SHORT_MONTHS[Number(m) - 1] ?? m, d: String(Number(d)) };
};

/** An era's first and last day in words: "1918–1920" for whole years, else "27 Sep – 10 Nov 2020". */
export function eraDatesInWords(era: Pick<Era, 'start' | 'end'>): string {
  const a = dayParts(era.start);
  const b = dayParts(era.end);
  if (era.start.endsWith('-01-01') && era.end.endsWith('-12-31')) return a.y === b.y ? a.y : `${a.y}–${b.y}`;
  return a.y === b.y ? `${a.d} ${a.m} – ${b.d} ${b.m} ${b.y}` : `${a.d} ${a.m} ${a.y} – ${b.d} ${b.m} ${b.y}`;
}

/** One EDTF date (no interval) in short words: "25 Feb 1992", "Feb 1992", "1992". */
function shortSingle(value: string): string {
  const [y = value, m, d] = value.replace(/[~?%]/g, '').split('-');
  const month = m ? (SHORT_MONTHS[Number(m) - 1] ?? m) : undefined;
  if (month && d) return `${Number(d)} ${month} ${y}`;
  return month ? `${month} ${y}` : y;
}

/** Drops the parts a range's start shares with its end: "25–26 Feb 1992", "Sep–Oct 2023". */
function shortRange(from: string, to: string): string {
  const a = shortSingle(from).split(' ');
  const b = shortSingle(to).split(' ');
  let shared = 0;
  while (shared < Math.min(a.length, b.length) - 1 && a.at(-1 - shared) === b.at(-1 - shared)) shared++;
  if (a.length !== b.length || shared === 0) return `${a.join(' ')}–${b.join(' ')}`;
  return `${a.slice(0, a.length - shared).join(' ')}–${b.join(' ')}`;
}

/**
 * A compact date for a label, with the EDTF qualifiers kept visible: "~1921" approximate,
 * "Feb 1988?" uncertain, "25–26 Feb 1992", "from 19 Sep 2023".
 */
export function shortDate(bounds: Pick<EdtfBounds, 'edtf' | 'approximate' | 'uncertain'>): string {
  const [from = '', to] = bounds.edtf.split('/');
  let text: string;
  if (to === undefined) text = shortSingle(from);
  else if (to === '..' || to === '') text = `from ${shortSingle(from)}`;
  else if (from === '..' || from === '') text = `until ${shortSingle(to)}`;
  else text = shortRange(from, to);
  return `${bounds.approximate ? '~' : ''}${text}${bounds.uncertain ? '?' : ''}`;
}

/** True when sources disagree about the event. */
export const isDisputed = (event: Pick<ChronologyEvent, 'disputes'>): boolean => event.disputes.length > 0;

/** The label drawn beside a mark: "⚑ ~Feb 1992? Title". The flag marks a disputed event. */
export function markLabel(event: ChronologyEvent): string {
  return `${isDisputed(event) ? '⚑ ' : ''}${shortDate(event.bounds)} ${event.title}`;
}

/** The accessible name of a mark: "25 February 1992 to 26 February 1992: Title (disputed)". */
export function markName(event: ChronologyEvent): string {
  return `${edtfInWords(event.date)}: ${event.title}${isDisputed(event) ? ' (disputed)' : ''}`;
}

/**
 * A valid `<time datetime>` value for an EDTF date: the (first) date at its own precision,
 * "1992", "1992-02" or "1992-02-25"; qualifiers and interval ends are not expressible.
 */
export function datetimeValue(edtf: string): string {
  const [from = '', to = ''] = edtf.split('/');
  const part = from && from !== '..' ? from : to;
  return part.replace(/[~?%]/g, '');
}

// ---------------------------------------------------------------------------------------
// The scale

/** Eras ordered by start, refusing overlaps: the piecewise scale needs an ordered domain. */
export function orderedEras(eras: readonly Era[]): Era[] {
  const sorted = [...eras].sort((a, b) => a.start.localeCompare(b.start));
  sorted.forEach((era, i) => {
    const previous = sorted[i - 1];
    if (previous && previous.end >= era.start) throw new Error(`eras ${previous.id} and ${era.id} overlap`);
  });
  return sorted;
}

/**
 * Each era's weight: `countWeight` of it from the era's share of the events, the rest from
 * its share of the total time. With no events at all, time alone decides.
 */
export function eraWeights(events: readonly ChronologyEvent[], eras: readonly Era[], countWeight: number): number[] {
  const counts = eras.map((era) => events.filter((e) => e.era === era.id).length);
  const durations = eras.map((era) => utcDay.count(...eraRange(era)));
  const n = counts.reduce((a, b) => a + b, 0);
  const d = durations.reduce((a, b) => a + b, 0);
  const w = n === 0 ? 0 : countWeight;
  return eras.map((_, i) => (w * (counts[i] ?? 0)) / Math.max(n, 1) + ((1 - w) * (durations[i] ?? 0)) / d);
}

/**
 * Splits `total` in proportion to `weights`, but never gives a part less than `min` (or
 * total/n if that is smaller): parts below the floor are raised to it and the rest is
 * shared again among the others, until nothing is below it.
 */
export function allocateLengths(weights: readonly number[], total: number, min: number): number[] {
  const n = weights.length;
  const floor = Math.min(min, total / Math.max(n, 1));
  const fixed = weights.map(() => false);
  for (;;) {
    const free = weights.filter((_, i) => !fixed[i]);
    const freeWeight = free.reduce((a, b) => a + b, 0);
    const freeTotal = total - floor * (n - free.length);
    const out = weights.map((w, i) => (fixed[i] ? floor : freeWeight > 0 ? (freeTotal * w) / freeWeight : freeTotal / free.length));
    const low = out.findIndex((len, i) => !fixed[i] && len < floor - 1e-9);
    if (low === -1) return out;
    out.forEach((len, i) => {
      if (!fixed[i] && len < floor - 1e-9) fixed[i] = true;
    });
  }
}

/**
 * The piecewise time scale: era i's days [start, end] map linearly onto [from_i, to_i],
 * and nothing maps into the gaps between eras. Contiguous eras give repeated domain
 * values (one era's exclusive end is the next one's start); d3 resolves those to the later
 * piece, which `positionIn` clamps back for an era's own end.
 */
export function timelineScale(eras: readonly Era[], ranges: readonly [number, number][]): ScaleTime<number, number> {
  return scaleUtc<number>()
    .domain(eras.flatMap((era) => eraRange(era)))
    .range(ranges.flatMap(([from, to]) => [from, to]));
}

/** Position of `date` on the axis, kept inside the piece of the era it belongs to. */
export function positionIn(scale: ScaleTime<number, number>, date: Date, range: readonly [number, number]): number {
  return Math.min(Math.max(scale(date), range[0]), range[1]);
}

/** What the mark of an event covers, cut to its era: [start, end) instants. */
export function eventSpan(event: ChronologyEvent, era: Era): { start: Date; end: Date; openEnd: boolean; clipped: boolean } {
  const [eraStart, eraEnd] = eraRange(era);
  const start = utcDate(event.bounds.start);
  const end = event.bounds.end === null ? eraEnd : utcDay.offset(utcDate(event.bounds.end), 1);
  const clipped = start < eraStart || (event.bounds.end !== null && end > eraEnd);
  const s = new Date(Math.min(Math.max(+start, +eraStart), +eraEnd));
  const e = new Date(Math.max(Math.min(+end, +eraEnd), +s));
  return { start: s, end: e, openEnd: event.bounds.end === null, clipped };
}

/**
 * The main-axis extent of a mark: a day is a point at noon of that day; anything longer is
 * a bar at least `minBar` long, widened about its middle and kept inside its era's piece.
 */
export function markExtent(
  event: ChronologyEvent,
  span: { start: Date; end: Date },
  scale: ScaleTime<number, number>,
  range: readonly [number, number],
  minBar: number,
): { kind: 'point' | 'bar'; from: number; to: number } {
  if (event.bounds.precision === 'day') {
    const pos = positionIn(scale, new Date((+span.start + +span.end) / 2), range);
    return { kind: 'point', from: pos, to: pos };
  }
  let from = positionIn(scale, span.start, range);
  let to = positionIn(scale, span.end, range);
  const length = Math.min(minBar, range[1] - range[0]);
  if (to - from < length) {
    const mid = (from + to) / 2;
    from = Math.min(Math.max(mid - length / 2, range[0]), range[1] - length);
    to = from + length;
  }
  return { kind: 'bar', from, to };
}

// ---------------------------------------------------------------------------------------
// Ticks

/** Candidate tick intervals, coarse to fine; each era uses the finest whose labels fit. */
export const TICK_LADDER: readonly TickUnit[] = [
  ...[100, 50, 25, 20, 10, 5, 2, 1].map((step) => ({ unit: 'year' as const, step })),
  ...[6, 3, 1].map((step) => ({ unit: 'month' as const, step })),
  ...[2, 1].map((step) => ({ unit: 'week' as const, step })),
  { unit: 'day', step: 1 },
];

/** The d3-time interval of a tick unit (weeks start on Monday). */
export function tickInterval({ unit, step }: TickUnit): TimeInterval {
  const base = { year: utcYear, month: utcMonth, week: utcMonday, day: utcDay }[unit];
  return base.every(step) ?? base;
}

/**
 * Tick labels that name the larger unit only when it changes: "Sep 2023", "Oct", "Nov";
 * "25 Sep", "2 Oct", "9", "16". The first tick of an era always names it in full.
 */
export function tickLabels(dates: readonly Date[], unit: TickUnit['unit']): { label: string; major: boolean }[] {
  return dates.map((date, i) => {
    const previous = dates[i - 1];
    const year = date.getUTCFullYear();
    const month = SHORT_MONTHS[date.getUTCMonth()] ?? '';
    if (unit === 'year') return { label: String(year), major: year % 10 === 0 };
    if (unit === 'month') {
      const major = !previous || previous.getUTCFullYear() !== year;
      return { label: major ? `${month} ${year}` : month, major };
    }
    const major = !previous || previous.getUTCMonth() !== date.getUTCMonth();
    return { label: major ? `${date.getUTCDate()} ${month}` : String(date.getUTCDate()), major };
  });
}

interface TickCandidate {
  date: Date;
  pos: number;
  label: string;
  major: boolean;
  width: number;
}

/**
 * The ticks of one era: from the finest interval of TICK_LADDER whose labels keep at
 * least `spacing(a, b)` apart. The coarsest intervals always fit (they give one tick or
 * none), so this never fails.
 */
function eraTicks(
  era: Era,
  scale: ScaleTime<number, number>,
  range: readonly [number, number],
  fontSize: number,
  fits: (a: TickCandidate, b: TickCandidate | undefined) => boolean,
): { unit: TickUnit; ticks: TickCandidate[] } {
  const [start, end] = eraRange(era);
  let best: { unit: TickUnit; ticks: TickCandidate[] } = { unit: TICK_LADDER[0]!, ticks: [] };
  for (const unit of TICK_LADDER) {
    const dates = tickInterval(unit).range(start, end);
    const labels = tickLabels(dates, unit.unit);
    const ticks = dates.map((date, i) => ({
      date,
      pos: positionIn(scale, date, range),
      ...labels[i]!,
      width: estimateTextWidth(labels[i]!.label, fontSize),
    }));
    if (!ticks.every((tick, i) => fits(tick, ticks[i + 1]))) break;
    best = { unit, ticks };
  }
  return best;
}

// ---------------------------------------------------------------------------------------
// Packing

/**
 * Greedy interval packing: intervals taken by start, each into the first lane where it
 * begins at least `gap` after the lane's last end. Optimal in the number of lanes for
 * intervals, and it guarantees intervals in one lane are disjoint.
 */
export function packLanes(intervals: readonly (readonly [number, number])[], gap: number): number[] {
  const order = intervals.map((_, i) => i).sort((a, b) => intervals[a]![0] - intervals[b]![0] || a - b);
  const ends: number[] = [];
  const lanes = intervals.map(() => 0);
  for (const i of order) {
    const [start, end] = intervals[i]!;
    let lane = ends.findIndex((laneEnd) => laneEnd + gap <= start);
    if (lane === -1) lane = ends.length;
    ends[lane] = end;
    lanes[i] = lane;
  }
  return lanes;
}

/**
 * One-dimensional label dodging: places boxes of `sizes` as near their `targets` as they
 * can get, in order, `gap` apart and inside [lo, hi]. A forward pass pushes boxes down past
 * their predecessor, a backward pass pulls them up from `hi`; when the sizes fit in the
 * interval, the result is inside it and disjoint.
 */
export function dodge(targets: readonly number[], sizes: readonly number[], lo: number, hi: number, gap: number): number[] {
  const out: number[] = [];
  targets.forEach((target, i) => {
    const previous = i === 0 ? lo - gap : out[i - 1]! + sizes[i - 1]!;
    out.push(Math.max(target, lo, previous + gap));
  });
  for (let i = out.length - 1; i >= 0; i--) {
    const limit = i === out.length - 1 ? hi : out[i + 1]! - gap;
    out[i] = Math.min(out[i]!, limit - sizes[i]!);
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Layout

interface Common {
  eras: Era[];
  events: ChronologyEvent[];
  byEra: Map<string, ChronologyEvent[]>;
  weights: number[];
  fontSize: number;
  lineHeight: number;
  tickFontSize: number;
  headFontSize: number;
  radius: number;
  minBar: number;
}

/** Baseline of a line of text of `fontSize` centred in a line box starting at `top`. */
const baseline = (top: number, lineHeight: number, fontSize: number) => top + (lineHeight + fontSize * 0.7) / 2;

/** Header lines of a band: its name (bold) then its span, wrapped to `width`. */
function bandHeader(era: Era, width: number, c: Common, maxLines: number, withDates: boolean) {
  const name = wrapText(era.name, width, c.headFontSize, maxLines, true);
  const span = durationInWords(era.start, era.end);
  const spanText = withDates ? `${eraDatesInWords(era)} · ${span}` : span;
  const spanLines = wrapText(spanText, width, c.headFontSize, 2);
  return { name, lines: [...name, ...spanLines], span };
}

function common(events: readonly ChronologyEvent[], eras: readonly Era[], options: LayoutOptions): Common {
  const ordered = orderedEras(eras);
  const known = new Set(ordered.map((e) => e.id));
  const sorted = [...events].sort(compareEvents);
  for (const event of sorted) if (!known.has(event.era)) throw new Error(`event ${event.id}: unknown era ${event.era}`);
  const fontSize = options.fontSize ?? 14;
  return {
    eras: ordered,
    events: sorted,
    byEra: new Map(ordered.map((era) => [era.id, sorted.filter((e) => e.era === era.id)])),
    weights: eraWeights(sorted, ordered, options.countWeight ?? 0.7),
    fontSize,
    lineHeight: Math.ceil(fontSize * 1.3),
    tickFontSize: Math.round(fontSize * 0.85),
    headFontSize: Math.round(fontSize * (options.orientation === 'horizontal' ? 0.75 : 0.9)),
    radius: Math.max(3, Math.round(fontSize * 0.3)),
    minBar: options.minBar ?? Math.round(fontSize * 0.5),
  };
}

/** Everything a mark needs apart from its position in the drawing. */
function markBase(event: ChronologyEvent, era: Era, extent: { kind: 'point' | 'bar'; from: number; to: number }, span: ReturnType<typeof eventSpan>) {
  return {
    eventId: event.id,
    eraId: era.id,
    ...extent,
    approximate: event.bounds.approximate,
    uncertain: event.bounds.uncertain,
    disputed: isDisputed(event),
    openEnd: span.openEnd,
    clipped: span.clipped,
    name: markName(event),
  };
}

/**
 * Drops tick labels that would collide with the previous kept one, or leave the drawing.
 * Where two eras meet, the later era's first tick wins over the earlier era's last one
 * (unless that is the earlier era's only tick): the first tick of an era names its year or
 * month in full, and the ticks after it lean on it.
 */
export function keepReadableTicks<T extends { lo: number; hi: number; eraId: string }>(ticks: T[], min: number, max: number, gap: number): T[] {
  const kept: T[] = [];
  const collides = (a: T | undefined, b: T) => a !== undefined && b.lo < a.hi + gap;
  const keptIn = (eraId: string) => kept.filter((t) => t.eraId === eraId).length;
  for (const tick of ticks) {
    if (tick.lo < min || tick.hi > max) continue;
    const last = kept.at(-1);
    if (collides(last, tick)) {
      const firstOfEra = last!.eraId !== tick.eraId;
      if (!firstOfEra || keptIn(last!.eraId) < 2 || collides(kept.at(-2), tick)) continue;
      kept.pop();
    }
    kept.push(tick);
  }
  return kept;
}

/**
 * Wide screens: time runs left to right; era bands are columns with their name on top,
 * then the axis and its ticks, then rows ("lanes"). Each lane holds marks with their label
 * directly beneath; labels are packed greedily so no two in a lane touch.
 */
function layoutHorizontal(c: Common, options: LayoutOptions): TimelineLayout {
  const { width } = options;
  const { fontSize: fs, lineHeight: lh, tickFontSize: tfs, headFontSize: hfs, radius: r } = c;
  const margin = Math.round(fs * 1.5);
  const gap = Math.round(fs * 0.8);
  const pad = r + 2;
  const usable = width - 2 * margin - gap * (c.eras.length - 1);
  // No band narrower than its longest word in the header, so era names wrap between words.
  const longestWord = Math.max(...c.eras.flatMap((era) => era.name.split(/\s+|(?<=[–—-])/).map((w) => estimateTextWidth(w, hfs, true))));
  const lengths = allocateLengths(c.weights, usable, Math.max(fs * 7, longestWord + 10));
  const bandsX: [number, number][] = [];
  let x = margin;
  for (const len of lengths) {
    bandsX.push([x, x + len]);
    x += len + gap;
  }
  const ranges = bandsX.map(([a, b]) => [a + pad, b - pad] as [number, number]);
  const scale = timelineScale(c.eras, ranges);

  const headLh = Math.ceil(hfs * 1.3);
  const headers = c.eras.map((era, i) => bandHeader(era, bandsX[i]![1] - bandsX[i]![0] - 8, c, 6, false));
  const headerH = Math.max(...headers.map((h) => h.lines.length)) * headLh + 8;
  const axisY = 6 + headerH + 6;
  const tickLen = 6;
  const tickLh = Math.ceil(tfs * 1.3);
  const lanesTop = axisY + tickLen + tickLh + 10;

  // Ticks: per era, then a global pass for labels that meet across a break.
  const tickGap = tfs;
  const perEra = c.eras.map((era, i) =>
    eraTicks(era, scale, ranges[i]!, tfs, (a, b) => !b || b.pos - a.pos >= (a.width + b.width) / 2 + tickGap),
  );
  const ticks = keepReadableTicks(
    perEra.flatMap(({ ticks: list }, i) => list.map((t) => ({ ...t, eraId: c.eras[i]!.id, lo: t.pos - t.width / 2, hi: t.pos + t.width / 2 }))),
    0,
    width,
    tickGap / 2,
  ).map((t): TimelineTick => ({
    eraId: t.eraId,
    date: isoDay(t.date),
    pos: t.pos,
    label: t.label,
    major: t.major,
    line: { x1: t.pos, y1: axisY, x2: t.pos, y2: axisY + tickLen + (t.major ? 2 : 0) },
    text: { x: t.pos, y: baseline(axisY + tickLen, tickLh, tfs), anchor: 'middle', lines: [t.label] },
  }));

  // Marks: extent on the axis, label under the mark, then lanes.
  const glyph = 2 * (r + 1);
  const padX = 3;
  const maxChars = options.maxLabelChars ?? 42;
  const drafts = c.eras.flatMap((era, i) =>
    (c.byEra.get(era.id) ?? []).map((event) => {
      const span = eventSpan(event, era);
      const extent = markExtent(event, span, scale, ranges[i]!, c.minBar);
      const label = truncateText(markLabel(event), maxChars);
      const w = estimateTextWidth(label, fs) + 2 * padX;
      const glyphX = extent.kind === 'point' ? extent.from - (r + 1) : extent.from;
      const glyphW = extent.kind === 'point' ? glyph : extent.to - extent.from;
      const labelX = Math.min(Math.max(glyphX, margin / 2), width - margin / 2 - w);
      return { event, era, span, extent, label, w, glyphX, glyphW, labelX };
    }),
  );
  const lanes = packLanes(
    drafts.map((d) => [Math.min(d.glyphX, d.labelX), Math.max(d.glyphX + d.glyphW, d.labelX + d.w)] as const),
    fs * 0.6,
  );
  const laneH = glyph + 1 + lh + Math.round(fs * 0.3);
  const marks = drafts.map((d, i): TimelineMark => {
    const top = lanesTop + lanes[i]! * laneH;
    const cross = top + glyph / 2;
    const barH = Math.round(glyph * 0.7);
    const labelBox = { x: d.labelX, y: top + glyph + 2, w: d.w, h: lh };
    return {
      ...markBase(d.event, d.era, d.extent, d.span),
      label: d.label,
      cross,
      lane: lanes[i]!,
      box: d.extent.kind === 'point' ? { x: d.glyphX, y: top, w: glyph, h: glyph } : { x: d.glyphX, y: cross - barH / 2, w: d.glyphW, h: barH },
      labelBox,
      text: { x: labelBox.x + padX, y: baseline(labelBox.y, lh, fs), anchor: 'start', lines: [d.label] },
    };
  });
  const laneCount = Math.max(0, ...lanes.map((l) => l + 1));
  const height = Math.ceil(lanesTop + laneCount * laneH + 8);

  const bands = c.eras.map((era, i): TimelineBand => {
    const [x0, x1] = bandsX[i]!;
    const header = headers[i]!;
    return {
      eraId: era.id,
      name: era.name,
      label: header.span,
      dates: eraDatesInWords(era),
      index: i,
      box: { x: x0, y: 0, w: x1 - x0, h: height },
      from: ranges[i]![0],
      to: ranges[i]![1],
      axis: { x1: x0, y1: axisY, x2: x1, y2: axisY },
      text: { x: x0 + 4, y: baseline(6, headLh, hfs), anchor: 'start', lines: header.lines },
      nameLines: header.name.length,
      tickUnit: perEra[i]!.unit,
    };
  });
  const breaks = bands.slice(1).map((band, i): TimelineBreak => {
    const pos = (bands[i]!.box.x + bands[i]!.box.w + band.box.x) / 2;
    return { before: bands[i]!.eraId, after: band.eraId, pos, line: { x1: pos, y1: 0, x2: pos, y2: height }, glyph: { x: pos, y: axisY } };
  });
  return finish(c, options, { width, height, bands, ticks, marks, breaks });
}

/**
 * Phones: time runs down the page. Each era is a block with its name across the top, then
 * its stretch of axis with ticks on the left, marks in a few columns beside the axis and
 * labels to the right, one row each, moved down (or up) from their mark only as far as
 * needed and joined to it by a leader line. An era gets at least the height its labels
 * need, so the rows always fit inside it.
 */
function layoutVertical(c: Common, options: LayoutOptions): TimelineLayout {
  const { width } = options;
  const { fontSize: fs, lineHeight: lh, tickFontSize: tfs, headFontSize: hfs, radius: r } = c;
  const glyph = 2 * (r + 1);
  const gutter = Math.ceil(estimateTextWidth('Sep 2023', tfs)) + 8;
  const axisX = gutter + 4;
  const columns = 3;
  const columnX = (k: number) => axisX + r + 4 + k * (glyph + 2);
  const labelX = columnX(columns - 1) + r + 10;
  const padX = 3;
  const padY = 2;
  const rowGap = Math.round(fs * 0.35);
  const pad = r + 2;
  const breakGap = Math.round(fs * 1.2);
  const headLh = Math.ceil(hfs * 1.3);
  const tickLh = Math.ceil(tfs * 1.3);
  const maxLines = options.maxLabelLines ?? 4;
  const labelW = width - labelX - 4;

  const labelled = c.eras.map((era) =>
    (c.byEra.get(era.id) ?? []).map((event) => {
      const label = markLabel(event);
      const lines = wrapText(label, labelW - 2 * padX, fs, maxLines);
      return { event, label, lines, h: lines.length * lh + 2 * padY };
    }),
  );
  const needed = labelled.map((rows) => rows.reduce((sum, row) => sum + row.h + rowGap, 0) + 2 * pad);
  // Time still buys some height, but only half as much as the labels need in all: a sparse
  // era of decades gets visible length without a screenful of empty axis.
  const base = needed.reduce((a, b) => a + b, 0) / 2;
  const lengths = c.weights.map((w, i) => Math.max(needed[i]!, base * w, 3 * tickLh + 2 * pad));

  const bands: TimelineBand[] = [];
  const ticks: TimelineTick[] = [];
  const marks: TimelineMark[] = [];
  const ranges: [number, number][] = [];
  const headers = c.eras.map((era) => bandHeader(era, width - 16, c, 3, true));
  // First pass: where each era's stretch of axis lies, for the one piecewise scale.
  const tops: number[] = [];
  let y = 6;
  c.eras.forEach((_, i) => {
    tops.push(y);
    const bodyTop = y + headers[i]!.lines.length * headLh + 10;
    ranges.push([bodyTop + pad, bodyTop + lengths[i]! - pad]);
    y = bodyTop + lengths[i]! + breakGap;
  });
  const scale = timelineScale(c.eras, ranges);

  c.eras.forEach((era, i) => {
    const range = ranges[i]!;
    const header = headers[i]!;
    const { unit, ticks: eraTickList } = eraTicks(
      era,
      scale,
      range,
      tfs,
      (a, b) => a.width <= gutter - 4 && (!b || b.pos - a.pos >= 2 * tickLh),
    );
    const kept = keepReadableTicks(eraTickList.map((t) => ({ ...t, eraId: era.id, lo: t.pos - tickLh / 2, hi: t.pos + tickLh / 2 })), range[0] - pad - 2, range[1] + pad + 2, 0);
    for (const t of kept) {
      ticks.push({
        eraId: era.id,
        date: isoDay(t.date),
        pos: t.pos,
        label: t.label,
        major: t.major,
        line: { x1: axisX - 5 - (t.major ? 2 : 0), y1: t.pos, x2: axisX, y2: t.pos },
        text: { x: axisX - 8, y: t.pos + tfs * 0.35, anchor: 'end', lines: [t.label] },
      });
    }

    const rows = labelled[i]!.map((row) => {
      const span = eventSpan(row.event, era);
      const extent = markExtent(row.event, span, scale, range, c.minBar);
      return { ...row, span, extent, anchor: extent.kind === 'point' ? extent.from : extent.from + Math.min(glyph, extent.to - extent.from) / 2 };
    });
    const cols = packLanes(rows.map((row) => [row.extent.from - r - 1, row.extent.to + r + 1] as const), 2).map((k) => Math.min(k, columns - 1));
    const order = rows.map((_, k) => k).sort((a, b) => rows[a]!.anchor - rows[b]!.anchor || a - b);
    const rowTops = dodge(
      order.map((k) => rows[k]!.anchor - rows[k]!.h / 2),
      order.map((k) => rows[k]!.h),
      range[0] - pad,
      range[1] + pad,
      rowGap,
    );
    const rowTop = new Map(order.map((k, j) => [k, rowTops[j]!]));
    rows.forEach((row, k) => {
      const cross = columnX(cols[k]!);
      const top = rowTop.get(k)!;
      const labelBox = { x: labelX, y: top, w: labelW, h: row.h };
      const barW = Math.round(glyph * 0.7);
      const box = row.extent.kind === 'point'
        ? { x: cross - r - 1, y: row.extent.from - r - 1, w: glyph, h: glyph }
        : { x: cross - barW / 2, y: row.extent.from, w: barW, h: row.extent.to - row.extent.from };
      const rowMid = top + row.h / 2;
      marks.push({
        ...markBase(row.event, era, row.extent, row.span),
        label: row.label,
        cross,
        lane: cols[k]!,
        box,
        labelBox,
        text: { x: labelX + padX, y: baseline(top + padY, lh, fs), anchor: 'start', lines: row.lines },
        leader: { x1: cross + r + 1, y1: row.anchor, x2: labelX - 1, y2: rowMid },
      });
    });

    const bodyTop = range[0] - pad;
    const bodyBottom = range[1] + pad;
    bands.push({
      eraId: era.id,
      name: era.name,
      label: header.span,
      dates: eraDatesInWords(era),
      index: i,
      box: { x: 0, y: tops[i]!, w: width, h: bodyBottom - tops[i]! },
      from: range[0],
      to: range[1],
      axis: { x1: axisX, y1: bodyTop, x2: axisX, y2: bodyBottom },
      text: { x: 8, y: baseline(tops[i]! + 4, headLh, hfs), anchor: 'start', lines: header.lines },
      nameLines: header.name.length,
      tickUnit: unit,
    });
  });
  const height = Math.ceil((bands.at(-1)?.box.y ?? 0) + (bands.at(-1)?.box.h ?? 0) + 8);
  const breaks = bands.slice(1).map((band, i): TimelineBreak => {
    const pos = (bands[i]!.box.y + bands[i]!.box.h + band.box.y) / 2;
    return { before: bands[i]!.eraId, after: band.eraId, pos, line: { x1: 0, y1: pos, x2: width, y2: pos }, glyph: { x: axisX, y: pos } };
  });
  return finish(c, options, { width, height, bands, ticks, marks, breaks });
}

function finish(
  c: Common,
  options: LayoutOptions,
  parts: Pick<TimelineLayout, 'width' | 'height' | 'bands' | 'ticks' | 'marks' | 'breaks'>,
): TimelineLayout {
  return {
    orientation: options.orientation,
    fontSize: c.fontSize,
    lineHeight: c.lineHeight,
    tickFontSize: c.tickFontSize,
    headFontSize: c.headFontSize,
    ...parts,
    description: describeTimeline(c.events, c.eras, options.orientation),
  };
}

/**
 * The drawing's description for assistive technology, and its legend: what it shows, and
 * that distances are not comparable across eras.
 */
export function describeTimeline(events: readonly ChronologyEvent[], eras: readonly Era[], orientation: Orientation): string {
  const first = eras[0]?.start.slice(0, 4) ?? '';
  const last = eras.at(-1)?.end.slice(0, 4) ?? '';
  const disputed = events.filter(isDisputed).length;
  const size = orientation === 'horizontal' ? 'width' : 'height';
  return [
    `${plural(events.length, 'event')} from ${first} to ${last}, in ${plural(eras.length, 'era')} drawn as bands, each labelled with its length.`,
    `Scale changes between eras: an era's ${size} follows both its number of events and its length in time, so equal distances in different eras are not equal spans of time; each era has its own ticks, and a break separates it from the next.`,
    `A dot is a single day; a bar is a month, a year or a range of dates. ${disputed ? `${plural(disputed, 'event')} marked ⚑ with a diamond ${disputed === 1 ? 'is' : 'are'} disputed between sources. ` : ''}A ~ marks an approximate date and ? an uncertain one, also drawn dashed.`,
    'The same events are listed as text on this page.',
  ].join(' ');
}

/** Lays out the chronology for one orientation. Pure: same input, same drawing. */
export function layoutTimeline(events: readonly ChronologyEvent[], eras: readonly Era[], options: LayoutOptions): TimelineLayout {
  const c = common(events, eras, options);
  return options.orientation === 'horizontal' ? layoutHorizontal(c, options) : layoutVertical(c, options);
}

// ---------------------------------------------------------------------------------------
// Grouping for the list and the event-page strip

export interface YearGroup {
  year: string;
  events: ChronologyEvent[];
}

export interface EraGroup {
  era: Era;
  years: YearGroup[];
}

/** Events grouped by era, then by the year they start in; eras without events are left out. */
export function groupByEraAndYear(events: readonly ChronologyEvent[], eras: readonly Era[]): EraGroup[] {
  const sorted = [...events].sort(compareEvents);
  return orderedEras(eras)
    .map((era) => {
      const years = new Map<string, ChronologyEvent[]>();
      for (const event of sorted.filter((e) => e.era === era.id)) {
        const year = event.bounds.start.slice(0, 4);
        years.set(year, [...(years.get(year) ?? []), event]);
      }
      return { era, years: [...years].map(([year, list]) => ({ year, events: list })) };
    })
    .filter((group) => group.years.length > 0);
}

export interface StripWindow {
  era: Era;
  events: ChronologyEvent[];
  /** Events of the era left out before and after the window. */
  before: number;
  after: number;
}

/** The current event's era, cut to at most `around` events either side of it. */
export function stripWindow(events: readonly ChronologyEvent[], current: string, eras: readonly Era[], around: number): StripWindow {
  const event = events.find((e) => e.id === current);
  if (!event) throw new Error(`no event ${current}`);
  const era = eras.find((e) => e.id === event.era);
  if (!era) throw new Error(`event ${current}: unknown era ${event.era}`);
  const inEra = events.filter((e) => e.era === era.id).sort(compareEvents);
  const index = inEra.findIndex((e) => e.id === current);
  const from = Math.max(0, index - around);
  const to = Math.min(inEra.length, index + around + 1);
  return { era, events: inEra.slice(from, to), before: from, after: inEra.length - to };
}
