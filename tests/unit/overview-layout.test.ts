/**
 * The overview's promises, checked on the layout data: every event drawn once (a mark or in a
 * bin), nothing overlapping, marks inside their era and near their date, titles whole and
 * never cut, a fixed height however many events there are.
 */
import { describe, expect, it } from 'vitest';
import { eventImportance } from '../../src/lib/event-labels.ts';
import { compareEvents } from '../../src/lib/model.ts';
import {
  OVERVIEW,
  OVERVIEW_NARROW,
  eraRange,
  eventInstant,
  layoutOverview,
  type Box,
  type OverviewLayout,
} from '../../src/lib/timeline/index.ts';
import { ERAS, event, synthetic } from '../support/timeline-fixtures.ts';

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Pairs of overlapping boxes (sweep over x). */
function overlappingPairs(boxes: readonly { box: Box; what: string }[]): string[] {
  const sorted = [...boxes].sort((a, b) => a.box.x - b.box.x);
  const pairs: string[] = [];
  sorted.forEach((a, i) => {
    for (let j = i + 1; j < sorted.length && sorted[j]!.box.x < a.box.x + a.box.width; j++) {
      if (overlaps(a.box, sorted[j]!.box)) pairs.push(`${a.what} × ${sorted[j]!.what}`);
    }
  });
  return pairs;
}

/** Everything drawn that must stay apart: glyphs, bins and titles. */
const drawnBoxes = (layout: OverviewLayout) => [
  ...layout.marks.map((mark) => ({ box: mark.box, what: `mark ${mark.eventId}` })),
  ...layout.marks.flatMap((mark) => (mark.label ? [{ box: mark.label.box, what: `title of ${mark.eventId}` }] : [])),
  ...layout.bins.map((bin) => ({ box: bin.box, what: `bin ${bin.eventIds[0]}` })),
];

const REALISTIC = synthetic(136);
const MANY = synthetic(2000, 11);
const CASES = [
  { name: 'wide, 136 events', options: OVERVIEW, events: REALISTIC },
  { name: 'wide, 2,000 events', options: OVERVIEW, events: MANY },
  { name: 'narrow, 136 events', options: OVERVIEW_NARROW, events: REALISTIC },
  { name: 'narrow, 2,000 events', options: OVERVIEW_NARROW, events: MANY },
];

describe.each(CASES)('layoutOverview ($name)', ({ options, events }) => {
  const layout = layoutOverview(events, ERAS, options);
  const pitch = options.markSize + options.markGap;

  it('draws every event exactly once, as a mark or in a bin', () => {
    const drawn = [...layout.marks.map((m) => m.eventId), ...layout.bins.flatMap((b) => b.eventIds)].sort();
    expect(drawn).toEqual(events.map((e) => e.id).sort());
  });

  it('lets no two marks, bins or titles overlap', () => {
    expect(overlappingPairs(drawnBoxes(layout)).slice(0, 10)).toEqual([]);
  });

  it('lets no leader cross another title', () => {
    const crossings = layout.marks.flatMap((mark) =>
      !mark.label
        ? []
        : layout.marks
            .filter(
              (other) =>
                other !== mark &&
                other.label &&
                other.label.box.x <= mark.label!.leader.x1 &&
                mark.label!.leader.x1 <= other.label.box.x + other.label.box.width &&
                other.label.box.y < mark.label!.leader.y2 &&
                mark.label!.leader.y1 < other.label.box.y + other.label.box.height,
            )
            .map((other) => `${mark.eventId} → ${other.eventId}`),
    );
    expect(crossings).toEqual([]);
  });

  it('keeps every mark and bin inside the band of its era, and the stacks within their height', () => {
    const bands = new Map(layout.bands.map((band) => [band.eraId, band]));
    for (const item of [...layout.marks, ...layout.bins]) {
      const band = bands.get(item.eraId)!;
      expect(item.box.x).toBeGreaterThanOrEqual(band.box.x);
      expect(item.box.x + item.box.width).toBeLessThanOrEqual(band.box.x + band.box.width);
      expect(item.box.y).toBeGreaterThanOrEqual(layout.markArea.top - 1);
      expect(item.box.y + item.box.height).toBeLessThanOrEqual(layout.markArea.bottom);
    }
    for (const mark of layout.marks) expect(mark.stackIndex).toBeLessThan(options.maxStack);
  });

  it('puts each mark within a few columns of its date on its era’s scale', () => {
    const bands = new Map(layout.bands.map((band) => [band.eraId, band]));
    const byId = new Map(events.map((e) => [e.id, e]));
    for (const mark of layout.marks) {
      const band = bands.get(mark.eraId)!;
      const era = ERAS.find((e) => e.id === mark.eraId)!;
      const [start, end] = eraRange(era);
      const share = (+eventInstant(byId.get(mark.eventId)!, era) - +start) / (+end - +start);
      const expected = band.from + share * (band.to - band.from);
      expect(Math.abs(mark.box.x + mark.box.width / 2 - expected)).toBeLessThanOrEqual((options.maxSpill + 1) * pitch);
    }
  });

  it('keeps the scale in order: eras left to right, and within a column earlier events lower', () => {
    layout.bands.forEach((band, i) => {
      if (i > 0) expect(band.box.x).toBeGreaterThan(layout.bands[i - 1]!.box.x + layout.bands[i - 1]!.box.width);
    });
    const byId = new Map(events.map((e) => [e.id, e]));
    const columns = new Map<string, typeof layout.marks>();
    for (const mark of layout.marks)
      columns.set(`${mark.eraId}/${mark.column}`, [...(columns.get(`${mark.eraId}/${mark.column}`) ?? []), mark]);
    for (const stack of columns.values()) {
      const bottomUp = [...stack].sort((a, b) => a.stackIndex - b.stackIndex).map((m) => byId.get(m.eventId)!);
      expect(bottomUp).toEqual([...bottomUp].sort(compareEvents));
    }
    expect(layout.breaks).toHaveLength(ERAS.length - 1);
  });

  it('draws titles whole, inside the drawing, never cut', () => {
    const byId = new Map(events.map((e) => [e.id, e]));
    for (const mark of layout.marks) {
      if (!mark.label) continue;
      expect(mark.label.text.lines).toEqual([byId.get(mark.eventId)!.title]);
      expect(mark.label.box.x).toBeGreaterThanOrEqual(0);
      expect(mark.label.box.x + mark.label.box.width).toBeLessThanOrEqual(layout.width);
    }
    const texts = [
      ...layout.marks.flatMap((m) => m.label?.text.lines ?? []),
      ...layout.bands.flatMap((b) => b.text.lines),
      ...layout.ticks.flatMap((t) => t.text.lines),
    ];
    expect(texts.filter((text) => text.includes('…'))).toEqual([]);
  });

  it('counts each bin’s events in its text', () => {
    for (const bin of layout.bins) {
      const count = bin.eventIds.length;
      expect(bin.text.lines[0]).toBe(
        count >= 1000 && bin.text.lines[0]!.endsWith('k') ? `${Math.round(count / 1000)}k` : String(count),
      );
    }
  });
});

describe('layoutOverview', () => {
  it('stays short whatever the number of events, so it fits a first screen', () => {
    const MOST_HEIGHT = 400;
    for (const events of [[], REALISTIC, MANY, synthetic(10_000, 5)])
      expect(layoutOverview(events, ERAS).height).toBeLessThanOrEqual(MOST_HEIGHT);
  });

  it('labels the most important event first', () => {
    const events = REALISTIC.map((e, i) =>
      i === 40
        ? {
            ...e,
            title: 'Short',
            disputes: [
              { question: 'q', positions: [] },
              { question: 'r', positions: [] },
            ],
          }
        : e,
    );
    const layout = layoutOverview(events, ERAS);
    const top = [...events].sort((a, b) => eventImportance(b) - eventImportance(a))[0]!;
    expect(top.id).toBe(events[40]!.id);
    expect(layout.marks.find((m) => m.eventId === top.id)?.label).toBeDefined();
  });

  it('gives no title to an event whose title cannot fit whole', () => {
    const endless = 'A title far too long to be drawn whole anywhere in the overview '.repeat(4).trim();
    const layout = layoutOverview(
      [
        event('long', '1918-01-02', ERAS[0]!.id, { title: endless }),
        event('end', '2023-12-30', ERAS[6]!.id, { title: endless }),
      ],
      ERAS,
    );
    expect(layout.marks.map((m) => m.label)).toEqual([undefined, undefined]);
  });

  it('bins nothing when events are few, and bins dense days when they are many', () => {
    const few = [event('a', '2023-09-19', ERAS[6]!.id), event('b', '2023-09-20', ERAS[6]!.id)];
    expect(layoutOverview(few, ERAS).bins).toEqual([]);
    const crowd = Array.from({ length: 200 }, (_, i) => event(`c${i}`, '2023-09-19', ERAS[6]!.id));
    const layout = layoutOverview(crowd, ERAS);
    expect(layout.bins.length).toBeGreaterThan(0);
    expect(layout.marks.length + layout.bins.reduce((sum, bin) => sum + bin.eventIds.length, 0)).toBe(200);
  });

  it('marks disputed events with a diamond and qualified dates as such', () => {
    const layout = layoutOverview(
      [
        event('d', '1992-02-26', ERAS[2]!.id, { disputes: [{ question: 'q', positions: [] }] }),
        event('q', '1988-02?', ERAS[2]!.id),
        event('m', '1990-01', ERAS[2]!.id),
      ],
      ERAS,
    );
    const shape = (id: string) => layout.marks.find((m) => m.eventId === id)!;
    expect([shape('d').shape, shape('q').shape, shape('m').shape]).toEqual(['diamond', 'square', 'square']);
    expect([shape('q').qualified, shape('m').qualified]).toEqual([true, false]);
  });

  it('lays out eras without events, and no events at all', () => {
    const none = layoutOverview([], ERAS);
    expect(none.bands).toHaveLength(ERAS.length);
    expect(none.bands.every((band) => band.to > band.from)).toBe(true);
    expect(none.description).toContain('0 events');
  });
});
