/**
 * The overview: the whole span in one short drawing. Eras are bands side by side on one
 * piecewise time axis (scale.ts); every event is a small glyph stacked above the axis in
 * the column of its date; a column that cannot hold its events, even after moving some to
 * a neighbouring column, becomes part of a counted bin. Full titles are drawn above the
 * stacks only where they fit whole, chosen by importance; there is never an ellipsis.
 */
import { durationInWords, plural, shortDate } from '../date-words.ts';
import { eventImportance, isDisputed, markName } from '../event-labels.ts';
import { compareEvents, type ChronologyEvent, type Era } from '../model.ts';
import { LabelRows } from './packing.ts';
import { allocateLengths, eraWeights, eventInstant, isoDay, orderedEras, positionIn, timelineScale } from './scale.ts';
import { baseline, estimateTextWidth, lineHeight, wrapText } from './text-measure.ts';
import { eraTicks, keepReadableTicks } from './ticks.ts';
import type { OverviewBand, OverviewBin, OverviewBreak, OverviewLayout, OverviewMark, OverviewTick } from './types.ts';
import {
  BAND_PADDING,
  BIN_FONT_SIZE,
  BIN_MIN_HEIGHT,
  LABEL_GAP,
  MAJOR_TICK_EXTRA,
  OVERVIEW,
  SECTION_GAP,
  THOUSAND,
  TICK_LENGTH,
  type OverviewOptions,
} from './overview-options.ts';

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

/** Columns are grouped for bins; the last group takes the spare columns, so no bin is narrower than binColumns. */
function columnGroups(band: Band, options: OverviewOptions) {
  const lastGroup = Math.max(0, Math.floor(band.columns / options.binColumns) - 1);
  const groupOf = (column: number) => Math.min(lastGroup, Math.floor(column / options.binColumns));
  const columnsOf = (group: number): [number, number] => [
    group * options.binColumns,
    group === lastGroup ? band.columns - 1 : (group + 1) * options.binColumns - 1,
  ];
  return { groupOf, columnsOf };
}

/**
 * Places a band's events in columns (date order, each in the nearest column with room within
 * `maxSpill`), growing the set of binned column groups until every event has a place.
 */
function placeInColumns(band: Band, idealColumns: number[], options: OverviewOptions) {
  const { groupOf } = columnGroups(band, options);
  const shifts = [0, ...Array.from({ length: options.maxSpill }, (_, step) => [step + 1, -(step + 1)]).flat()];
  const binned = new Set<number>();
  for (;;) {
    const heights = Array<number>(band.columns).fill(0);
    const placed: { column: number; stackIndex: number }[] = [];
    const binnedEvents = new Map<number, number[]>();
    let overflow: number | undefined;
    band.events.forEach((_, index) => {
      const ideal = idealColumns[index]!;
      const column = binned.has(groupOf(ideal))
        ? undefined
        : shifts
            .map((shift) => ideal + shift)
            .find((c) => c >= 0 && c < band.columns && !binned.has(groupOf(c)) && heights[c]! < options.maxStack);
      if (column === undefined) {
        if (!binned.has(groupOf(ideal))) overflow ??= groupOf(ideal);
        else {
          const group = binnedEvents.get(groupOf(ideal));
          if (group) group.push(index);
          else binnedEvents.set(groupOf(ideal), [index]);
        }
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

/** Band widths (weighted, never narrower than a bin or the longest word of an era's name) and columns. */
function layoutBands(events: readonly ChronologyEvent[], eras: readonly Era[], options: OverviewOptions): Band[] {
  const { width, margin, bandGap, markSize, markGap, headFontSize } = options;
  const pitch = markSize + markGap;
  const usable = width - 2 * margin - bandGap * (eras.length - 1);
  const longestWord = !options.headers
    ? 0
    : Math.max(
        0,
        ...eras.flatMap((era) =>
          era.name.split(/\s+|(?<=[–—-])/).map((word) => estimateTextWidth(word, headFontSize, true)),
        ),
      );
  const minBand = Math.max(longestWord + 2 * BAND_PADDING, options.binColumns * pitch + 2 * BAND_PADDING);
  const lengths = allocateLengths(eraWeights(events, eras, options.countWeight), usable, minBand);
  let left = margin;
  return eras.map((era, index) => {
    const x0 = left;
    const x1 = left + lengths[index]!;
    left = x1 + bandGap;
    const columns = Math.max(1, Math.floor((x1 - x0 - 2 * BAND_PADDING) / pitch));
    const spare = x1 - x0 - columns * pitch;
    return {
      era,
      events: events.filter((event) => event.era === era.id),
      x0,
      x1,
      inner: [x0 + spare / 2, x1 - spare / 2],
      columns,
    };
  });
}

/** Header lines of each band: its era's name (bold) and duration, wrapped to the band. */
function bandHeaders(bands: readonly Band[], options: OverviewOptions) {
  return bands.map((band) => {
    const textWidth = band.x1 - band.x0 - 2 * BAND_PADDING;
    const duration = durationInWords(band.era.start, band.era.end);
    if (!options.headers) return { name: [] as string[], lines: [] as string[], duration };
    const name = wrapText(band.era.name, textWidth, options.headFontSize, true);
    return { name, lines: [...name, ...wrapText(duration, textWidth, options.headFontSize)], duration };
  });
}

/** The drawing's sections, top to bottom: headers, title rows, stacks, axis, tick labels. */
function verticalSections(headerLines: number, options: OverviewOptions) {
  const pitch = options.markSize + options.markGap;
  const labelsTop =
    options.margin + headerLines * lineHeight(options.headFontSize) + (options.headers ? SECTION_GAP : 0);
  const stackTop =
    labelsTop + options.labelRows * lineHeight(options.labelFontSize) + (options.labelRows > 0 ? SECTION_GAP : 0);
  const axisY = stackTop + options.maxStack * pitch;
  const tickTop = axisY + TICK_LENGTH + MAJOR_TICK_EXTRA;
  const height = Math.ceil(tickTop + lineHeight(options.tickFontSize) + options.margin);
  return { labelsTop, stackTop, axisY, tickTop, height };
}

type Sections = ReturnType<typeof verticalSections>;

/** A band's marks, its bins (not yet sized) and, per mark, the top of its column for a title's leader. */
function layoutBandMarks(
  band: Band,
  scale: ReturnType<typeof timelineScale>,
  sections: Sections,
  options: OverviewOptions,
) {
  const { markSize, markGap } = options;
  const pitch = markSize + markGap;
  const ideal = band.events.map((event) => {
    const pos = positionIn(scale, eventInstant(event, band.era), band.inner);
    return Math.min(band.columns - 1, Math.max(0, Math.floor((pos - band.inner[0]) / pitch)));
  });
  const { placed, binnedEvents, heights } = placeInColumns(band, ideal, options);
  const marks: { mark: OverviewMark; event: ChronologyEvent; columnTop: number }[] = [];
  placed.forEach(({ column, stackIndex }, index) => {
    if (column < 0) return;
    const event = band.events[index]!;
    const centre = columnCentre(band, column, pitch);
    marks.push({
      event,
      columnTop: sections.axisY - heights[column]! * pitch,
      mark: {
        eventId: event.id,
        eraId: band.era.id,
        shape: isDisputed(event) ? 'diamond' : event.bounds.precision === 'day' ? 'dot' : 'square',
        qualified: event.bounds.approximate || event.bounds.uncertain,
        box: {
          x: centre - markSize / 2,
          y: sections.axisY - (stackIndex + 1) * pitch + markGap / 2,
          width: markSize,
          height: markSize,
        },
        column,
        stackIndex,
        name: markName(event),
      },
    });
  });
  const { columnsOf } = columnGroups(band, options);
  const bins = [...binnedEvents].map(([group, indexes]): OverviewBin => {
    const binEvents = indexes.map((index) => band.events[index]!);
    const [first, last] = columnsOf(group);
    return {
      eraId: band.era.id,
      eventIds: binEvents.map((event) => event.id),
      box: {
        x: columnCentre(band, first, pitch) - markSize / 2,
        y: 0,
        width: (last - first) * pitch + markSize,
        height: 0,
      },
      text: { x: 0, y: 0, anchor: 'middle', lines: [], fontSize: BIN_FONT_SIZE, lineHeight: lineHeight(BIN_FONT_SIZE) },
      name: `${plural(binEvents.length, 'event')}, ${shortDate(binEvents[0]!.bounds)} to ${shortDate(binEvents.at(-1)!.bounds)}`,
    };
  });
  return { marks, bins };
}

/** Bins become bars from the axis, their height following their count, the count inside. */
function sizeBins(bins: OverviewBin[], sections: Sections, options: OverviewOptions): void {
  const largest = Math.max(1, ...bins.map((bin) => bin.eventIds.length));
  const stackHeight = options.maxStack * (options.markSize + options.markGap) - options.markGap;
  for (const bin of bins) {
    const count = bin.eventIds.length;
    const barHeight = BIN_MIN_HEIGHT + ((stackHeight - BIN_MIN_HEIGHT) * count) / largest;
    bin.box = { ...bin.box, y: sections.axisY - options.markGap / 2 - barHeight, height: barHeight };
    const words =
      estimateTextWidth(String(count), BIN_FONT_SIZE) <= bin.box.width
        ? String(count)
        : `${Math.round(count / THOUSAND)}k`;
    bin.text = { ...bin.text, x: bin.box.x + bin.box.width / 2, y: baseline(bin.box.y, BIN_FONT_SIZE), lines: [words] };
  }
}

/** Titles: most important first, each in the lowest row where it and its leader fit whole. */
function placeTitles(
  candidates: { mark: OverviewMark; event: ChronologyEvent; columnTop: number }[],
  sections: Sections,
  options: OverviewOptions,
): void {
  const { width, margin, markSize, markGap, labelFontSize } = options;
  const labelLine = lineHeight(labelFontSize);
  const rows = new LabelRows(options.labelRows, LABEL_GAP);
  const ordered = [...candidates].sort(
    (first, second) =>
      eventImportance(second.event) - eventImportance(first.event) || compareEvents(first.event, second.event),
  );
  for (const { mark, event, columnTop } of ordered) {
    const textWidth = estimateTextWidth(event.title, labelFontSize);
    const centre = mark.box.x + markSize / 2;
    // The title starts at its mark, or else ends at it; either way whole and inside the drawing.
    const anchors = [
      { anchor: 'start' as const, from: centre - markSize / 2 },
      { anchor: 'end' as const, from: centre + markSize / 2 - textWidth },
    ].filter(({ from }) => from >= margin && from + textWidth <= width - margin);
    const placed = rows.tryPlace(
      anchors.map(({ from }) => [from, from + textWidth] as const),
      centre,
    );
    if (placed === undefined) continue;
    const { anchor, from } = anchors[placed.span]!;
    const top = sections.labelsTop + (options.labelRows - 1 - placed.row) * labelLine;
    mark.label = {
      text: {
        x: anchor === 'start' ? from : from + textWidth,
        y: baseline(top, labelFontSize),
        anchor,
        lines: [event.title],
        fontSize: labelFontSize,
        lineHeight: labelLine,
      },
      box: { x: from, y: top, width: textWidth, height: labelLine },
      leader: { x1: centre, y1: top + labelLine, x2: centre, y2: columnTop - markGap },
    };
  }
}

/** Ticks under the axis, per era, then a pass across eras for labels that would meet at a break. */
function layoutTicks(
  bands: readonly Band[],
  scale: ReturnType<typeof timelineScale>,
  sections: Sections,
  options: OverviewOptions,
) {
  const { tickFontSize, width } = options;
  const tickGap = tickFontSize;
  const perEra = bands.map((band) =>
    eraTicks(
      band.era,
      scale,
      band.inner,
      tickFontSize,
      (tick, next) => !next || next.pos - tick.pos >= (tick.width + next.width) / 2 + tickGap,
    ),
  );
  const ticks = keepReadableTicks(
    perEra.flatMap(({ ticks: list }, index) =>
      list.map((tick) => ({
        ...tick,
        eraId: bands[index]!.era.id,
        lo: tick.pos - tick.width / 2,
        hi: tick.pos + tick.width / 2,
      })),
    ),
    0,
    width,
    tickGap / 2,
  ).map((tick): OverviewTick => ({
    eraId: tick.eraId,
    date: isoDay(tick.date),
    pos: tick.pos,
    major: tick.major,
    line: {
      x1: tick.pos,
      y1: sections.axisY,
      x2: tick.pos,
      y2: sections.axisY + TICK_LENGTH + (tick.major ? MAJOR_TICK_EXTRA : 0),
    },
    text: {
      x: tick.pos,
      y: baseline(sections.tickTop, tickFontSize),
      anchor: 'middle',
      lines: [tick.label],
      fontSize: tickFontSize,
      lineHeight: lineHeight(tickFontSize),
    },
  }));
  return { ticks, units: perEra.map(({ unit }) => unit) };
}

/** Lays out the overview of `events` over `eras`. Pure: same input, same drawing. */
export function layoutOverview(
  events: readonly ChronologyEvent[],
  eras: readonly Era[],
  options: OverviewOptions = OVERVIEW,
): OverviewLayout {
  const ordered = orderedEras(eras);
  const sorted = [...events].sort(compareEvents);
  const known = new Set(ordered.map((era) => era.id));
  for (const event of sorted) if (!known.has(event.era)) throw new Error(`event ${event.id}: unknown era ${event.era}`);
  const bands = layoutBands(sorted, ordered, options);
  const scale = timelineScale(
    ordered,
    bands.map((band) => band.inner),
  );
  const headers = bandHeaders(bands, options);
  const sections = verticalSections(Math.max(...headers.map((header) => header.lines.length)), options);

  const perBand = bands.map((band) => layoutBandMarks(band, scale, sections, options));
  const bins = perBand.flatMap((band) => band.bins);
  sizeBins(bins, sections, options);
  const candidates = perBand.flatMap((band) => band.marks);
  placeTitles(candidates, sections, options);
  const { ticks, units } = layoutTicks(bands, scale, sections, options);

  const overviewBands = bands.map((band, index): OverviewBand => ({
    eraId: band.era.id,
    name: band.era.name,
    duration: headers[index]!.duration,
    index,
    box: { x: band.x0, y: 0, width: band.x1 - band.x0, height: sections.height },
    from: band.inner[0],
    to: band.inner[1],
    axis: { x1: band.x0, y1: sections.axisY, x2: band.x1, y2: sections.axisY },
    text: {
      x: band.x0 + BAND_PADDING,
      y: baseline(options.margin, options.headFontSize),
      anchor: 'start',
      lines: headers[index]!.lines,
      fontSize: options.headFontSize,
      lineHeight: lineHeight(options.headFontSize),
    },
    nameLines: headers[index]!.name.length,
    tickUnit: units[index]!,
  }));
  const breaks = overviewBands.slice(1).map((band, index): OverviewBreak => {
    const previous = overviewBands[index]!;
    const pos = (previous.box.x + previous.box.width + band.box.x) / 2;
    return {
      before: previous.eraId,
      after: band.eraId,
      pos,
      line: { x1: pos, y1: sections.stackTop, x2: pos, y2: sections.height },
      glyph: { x: pos, y: sections.axisY },
    };
  });
  return {
    width: options.width,
    height: sections.height,
    bands: overviewBands,
    ticks,
    breaks,
    marks: candidates.map(({ mark }) => mark),
    bins,
    markArea: { top: sections.stackTop, bottom: sections.axisY },
    description: describeOverview(sorted, ordered, bins.length),
  };
}

/** What the drawing shows, for its caption: counts, and that dense stretches are counted. */
export function describeOverview(events: readonly ChronologyEvent[], eras: readonly Era[], binCount: number): string {
  const first = eras[0]?.start.slice(0, 4) ?? '';
  const last = eras.at(-1)?.end.slice(0, 4) ?? '';
  const disputed = events.filter(isDisputed).length;
  return [
    `${plural(events.length, 'event')} from ${first} to ${last} in ${plural(eras.length, 'era')}${disputed ? `, ${disputed} of them disputed` : ''}.`,
    binCount ? 'Where events are too dense to draw apart, a bar gives their number.' : '',
  ]
    .filter(Boolean)
    .join(' ');
}
