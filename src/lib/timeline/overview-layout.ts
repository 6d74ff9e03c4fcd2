/**
 * The overview: the whole span in one short drawing. Eras are bands side by side on one
 * piecewise time axis (scale.ts); every event is a small glyph stacked above the axis in
 * the column of its date; a column that cannot hold its events, even after moving some to
 * a neighbouring column, becomes part of a counted bin. Full titles are drawn above the
 * stacks only where they fit whole, chosen by importance; there is never an ellipsis.
 */
import { eraDatesInWords, durationInWords, plural, shortDate } from '../date-words.ts';
import { eventImportance, isDisputed, markName } from '../event-labels.ts';
import { compareEvents, type ChronologyEvent, type Era } from '../model.ts';
import { LabelRows } from './packing.ts';
import { allocateLengths, eraWeights, eventInstant, isoDay, orderedEras, positionIn, timelineScale } from './scale.ts';
import { baseline, estimateTextWidth, lineHeight, wrapText } from './text-measure.ts';
import { eraTicks, keepReadableTicks } from './ticks.ts';
import type { Box, OverviewBand, OverviewBin, OverviewBreak, OverviewLayout, OverviewMark, OverviewTick } from './types.ts';

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
const BAND_PADDING = 5;
/** Space between header, titles, stacks and axis. */
const SECTION_GAP = 6;
/** Length of a tick line below the axis; major ticks are longer by MAJOR_TICK_EXTRA. */
const TICK_LENGTH = 4;
const MAJOR_TICK_EXTRA = 2;
/** Least horizontal space between two titles in a row, or a title and a leader. */
const LABEL_GAP = 8;
/** Font size of a bin's count. */
const BIN_FONT_SIZE = 10;
/** Lowest bin bar, tall enough for its count. */
const BIN_MIN_HEIGHT = 14;
/** Counts wider than their bin are written in thousands ("12k"). */
const THOUSAND = 1000;

interface Band {
  era: Era;
  events: ChronologyEvent[];
  x0: number;
  x1: number;
  inner: [number, number];
  columns: number;
}

/** Position of a column's centre. */
const columnCentre = (band: Band, column: number, pitch: number) => band.inner[0] + pitch / 2 + column * pitch;

/**
 * Places a band's events in columns (date order, each in the nearest column with room within
 * `maxSpill`), growing the set of binned column groups until every event has a place.
 */
function placeInColumns(band: Band, idealColumns: number[], options: OverviewOptions) {
  // The last group takes the spare columns, so no bin is narrower than binColumns.
  const lastGroup = Math.max(0, Math.floor(band.columns / options.binColumns) - 1);
  const groupOf = (column: number) => Math.min(lastGroup, Math.floor(column / options.binColumns));
  const binned = new Set<number>();
  for (;;) {
    const heights = Array<number>(band.columns).fill(0);
    const placed: { column: number; stackIndex: number }[] = [];
    const binnedEvents = new Map<number, number[]>();
    let overflow: number | undefined;
    band.events.forEach((_, index) => {
      const ideal = idealColumns[index]!;
      if (binned.has(groupOf(ideal))) {
        binnedEvents.set(groupOf(ideal), [...(binnedEvents.get(groupOf(ideal)) ?? []), index]);
        placed.push({ column: -1, stackIndex: -1 });
        return;
      }
      const candidates = [0, ...Array.from({ length: options.maxSpill }, (_, step) => [step + 1, -(step + 1)]).flat()].map((shift) => ideal + shift);
      const column = candidates.find((c) => c >= 0 && c < band.columns && !binned.has(groupOf(c)) && heights[c]! < options.maxStack);
      if (column === undefined) {
        overflow ??= groupOf(ideal);
        placed.push({ column: -1, stackIndex: -1 });
        return;
      }
      placed.push({ column, stackIndex: heights[column]! });
      heights[column]! += 1;
    });
    if (overflow === undefined) return { placed, binnedEvents, heights };
    binned.add(overflow);
  }
}

/** Lays out the overview of `events` over `eras`. Pure: same input, same drawing. */
export function layoutOverview(events: readonly ChronologyEvent[], eras: readonly Era[], options: OverviewOptions = OVERVIEW): OverviewLayout {
  const ordered = orderedEras(eras);
  const sorted = [...events].sort(compareEvents);
  const known = new Set(ordered.map((era) => era.id));
  for (const event of sorted) if (!known.has(event.era)) throw new Error(`event ${event.id}: unknown era ${event.era}`);
  const { width, margin, bandGap, markSize, markGap, headFontSize, tickFontSize, labelFontSize } = options;
  const pitch = markSize + markGap;

  // Band widths: weighted, but never narrower than a bin or than the longest word of the era's name.
  const usable = width - 2 * margin - bandGap * (ordered.length - 1);
  const longestWord = !options.headers ? 0 : Math.max(0, ...ordered.flatMap((era) => era.name.split(/\s+|(?<=[–—-])/).map((word) => estimateTextWidth(word, headFontSize, true))));
  const minBand = Math.max(longestWord + 2 * BAND_PADDING, options.binColumns * pitch + 2 * BAND_PADDING);
  const lengths = allocateLengths(eraWeights(sorted, ordered, options.countWeight), usable, minBand);
  let left = margin;
  const bands: Band[] = ordered.map((era, index) => {
    const x0 = left;
    const x1 = left + lengths[index]!;
    left = x1 + bandGap;
    const columns = Math.max(1, Math.floor((x1 - x0 - 2 * BAND_PADDING) / pitch));
    const spare = x1 - x0 - columns * pitch;
    return { era, events: sorted.filter((event) => event.era === era.id), x0, x1, inner: [x0 + spare / 2, x1 - spare / 2], columns };
  });
  const scale = timelineScale(ordered, bands.map((band) => band.inner));

  // Vertical sections, top to bottom: header, title rows, stacks, axis, tick labels.
  const headLine = lineHeight(headFontSize);
  const headers = bands.map((band) => {
    const textWidth = band.x1 - band.x0 - 2 * BAND_PADDING;
    const duration = durationInWords(band.era.start, band.era.end);
    if (!options.headers) return { name: [], lines: [], duration };
    const name = wrapText(band.era.name, textWidth, headFontSize, true);
    return { name, lines: [...name, ...wrapText(duration, textWidth, headFontSize)], duration };
  });
  const headerHeight = Math.max(...headers.map((header) => header.lines.length)) * headLine;
  const labelLine = lineHeight(labelFontSize);
  const labelsTop = margin + headerHeight + (options.headers ? SECTION_GAP : 0);
  const stackTop = labelsTop + options.labelRows * labelLine + (options.labelRows > 0 ? SECTION_GAP : 0);
  const axisY = stackTop + options.maxStack * pitch;
  const tickTop = axisY + TICK_LENGTH + MAJOR_TICK_EXTRA;
  const height = Math.ceil(tickTop + lineHeight(tickFontSize) + margin);

  const marks: OverviewMark[] = [];
  const bins: OverviewBin[] = [];
  const rows = new LabelRows(options.labelRows, LABEL_GAP);
  const labelCandidates: { mark: OverviewMark; event: ChronologyEvent; columnTop: number }[] = [];
  for (const band of bands) {
    const range = band.inner;
    const ideal = band.events.map((event) => {
      const pos = positionIn(scale, eventInstant(event, band.era), range);
      return Math.min(band.columns - 1, Math.max(0, Math.floor((pos - range[0]) / pitch)));
    });
    const { placed, binnedEvents, heights } = placeInColumns(band, ideal, options);
    placed.forEach(({ column, stackIndex }, index) => {
      if (column < 0) return;
      const event = band.events[index]!;
      const centre = columnCentre(band, column, pitch);
      const box: Box = { x: centre - markSize / 2, y: axisY - (stackIndex + 1) * pitch + markGap / 2, width: markSize, height: markSize };
      const mark: OverviewMark = {
        eventId: event.id,
        eraId: band.era.id,
        shape: isDisputed(event) ? 'diamond' : event.bounds.precision === 'day' ? 'dot' : 'square',
        qualified: event.bounds.approximate || event.bounds.uncertain,
        box,
        column,
        stackIndex,
        name: markName(event),
      };
      marks.push(mark);
      labelCandidates.push({ mark, event, columnTop: axisY - heights[column]! * pitch });
    });
    for (const [group, indexes] of binnedEvents) {
      const binEvents = indexes.map((index) => band.events[index]!);
      const first = group * options.binColumns;
      const last = (group === Math.max(0, Math.floor(band.columns / options.binColumns) - 1) ? band.columns : first + options.binColumns) - 1;
      bins.push({
        eraId: band.era.id,
        eventIds: binEvents.map((event) => event.id),
        box: { x: columnCentre(band, first, pitch) - markSize / 2, y: 0, width: (last - first) * pitch + markSize, height: 0 },
        text: { x: 0, y: 0, anchor: 'middle', lines: [], fontSize: BIN_FONT_SIZE, lineHeight: lineHeight(BIN_FONT_SIZE) },
        name: `${plural(binEvents.length, 'event')}, ${shortDate(binEvents[0]!.bounds)} to ${shortDate(binEvents.at(-1)!.bounds)}`,
      });
    }
  }

  // Bins: bars from the axis, their height following their count, the count inside.
  const largest = Math.max(1, ...bins.map((bin) => bin.eventIds.length));
  const stackHeight = options.maxStack * pitch - markGap;
  for (const bin of bins) {
    const count = bin.eventIds.length;
    const barHeight = BIN_MIN_HEIGHT + ((stackHeight - BIN_MIN_HEIGHT) * count) / largest;
    bin.box = { ...bin.box, y: axisY - markGap / 2 - barHeight, height: barHeight };
    const fitsWhole = estimateTextWidth(String(count), BIN_FONT_SIZE) <= bin.box.width;
    const words = fitsWhole ? String(count) : `${Math.round(count / THOUSAND)}k`;
    bin.text = { ...bin.text, x: bin.box.x + bin.box.width / 2, y: baseline(bin.box.y, BIN_FONT_SIZE), lines: [words] };
  }

  // Titles: most important first, each in the lowest row where it and its leader fit whole.
  labelCandidates.sort((first, second) => eventImportance(second.event) - eventImportance(first.event) || compareEvents(first.event, second.event));
  for (const { mark, event, columnTop } of labelCandidates) {
    const textWidth = estimateTextWidth(event.title, labelFontSize);
    const centre = mark.box.x + markSize / 2;
    const startsHere = centre - markSize / 2 + textWidth <= width - margin;
    const from = startsHere ? centre - markSize / 2 : centre + markSize / 2 - textWidth;
    if (from < margin) continue;
    const row = rows.tryPlace(from, from + textWidth, centre);
    if (row === undefined) continue;
    const top = labelsTop + (options.labelRows - 1 - row) * labelLine;
    mark.label = {
      text: { x: startsHere ? from : from + textWidth, y: baseline(top, labelFontSize), anchor: startsHere ? 'start' : 'end', lines: [event.title], fontSize: labelFontSize, lineHeight: labelLine },
      box: { x: from, y: top, width: textWidth, height: labelLine },
      leader: { x1: centre, y1: top + labelLine, x2: centre, y2: columnTop - markGap },
    };
  }

  // Ticks under the axis, per era, then a pass across eras for labels that would meet at a break.
  const tickGap = tickFontSize;
  const perEra = bands.map((band) =>
    eraTicks(band.era, scale, band.inner, tickFontSize, (tick, next) => !next || next.pos - tick.pos >= (tick.width + next.width) / 2 + tickGap),
  );
  const ticks = keepReadableTicks(
    perEra.flatMap(({ ticks: list }, index) => list.map((tick) => ({ ...tick, eraId: bands[index]!.era.id, lo: tick.pos - tick.width / 2, hi: tick.pos + tick.width / 2 }))),
    0,
    width,
    tickGap / 2,
  ).map((tick): OverviewTick => ({
    eraId: tick.eraId,
    date: isoDay(tick.date),
    pos: tick.pos,
    major: tick.major,
    line: { x1: tick.pos, y1: axisY, x2: tick.pos, y2: axisY + TICK_LENGTH + (tick.major ? MAJOR_TICK_EXTRA : 0) },
    text: { x: tick.pos, y: baseline(tickTop, tickFontSize), anchor: 'middle', lines: [tick.label], fontSize: tickFontSize, lineHeight: lineHeight(tickFontSize) },
  }));

  const overviewBands = bands.map((band, index): OverviewBand => ({
    eraId: band.era.id,
    name: band.era.name,
    duration: headers[index]!.duration,
    index,
    box: { x: band.x0, y: 0, width: band.x1 - band.x0, height },
    from: band.inner[0],
    to: band.inner[1],
    axis: { x1: band.x0, y1: axisY, x2: band.x1, y2: axisY },
    text: { x: band.x0 + BAND_PADDING, y: baseline(margin, headFontSize), anchor: 'start', lines: headers[index]!.lines, fontSize: headFontSize, lineHeight: headLine },
    nameLines: headers[index]!.name.length,
    tickUnit: perEra[index]!.unit,
  }));
  const breaks = overviewBands.slice(1).map((band, index): OverviewBreak => {
    const previous = overviewBands[index]!;
    const pos = (previous.box.x + previous.box.width + band.box.x) / 2;
    return { before: previous.eraId, after: band.eraId, pos, line: { x1: pos, y1: stackTop, x2: pos, y2: height }, glyph: { x: pos, y: axisY } };
  });
  return {
    width,
    height,
    bands: overviewBands,
    ticks,
    breaks,
    marks,
    bins,
    markArea: { top: stackTop, bottom: axisY },
    description: describeOverview(sorted, ordered, bins.length),
  };
}

/** What the drawing shows, for its caption: counts, and that distances are not comparable across eras. */
export function describeOverview(events: readonly ChronologyEvent[], eras: readonly Era[], binCount: number): string {
  const first = eras[0] ? eraDatesInWords(eras[0]).slice(0, 4) : '';
  const last = eras.at(-1)?.end.slice(0, 4) ?? '';
  const disputed = events.filter(isDisputed).length;
  return [
    `${plural(events.length, 'event')} from ${first} to ${last} in ${plural(eras.length, 'era')}${disputed ? `, ${disputed} of them disputed` : ''}.`,
    binCount ? 'Where events are too dense to draw apart, a bar gives their number.' : '',
  ].filter(Boolean).join(' ');
}
