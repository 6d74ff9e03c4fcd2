import { describe, expect, it } from 'vitest';
import { utcDay, utcMonday, utcMonth, utcYear } from 'd3-time';
import { edtfBounds } from '../../src/lib/edtf-dates.ts';
import type { ChronologyEvent, Era } from '../../src/lib/model.ts';
import {
  HORIZONTAL,
  VERTICAL,
  allocateLengths,
  datetimeValue,
  dodge,
  durationInWords,
  eventSpan,
  keepReadableTicks,
  eraDatesInWords,
  estimateTextWidth,
  groupByEraAndYear,
  layoutTimeline,
  markLabel,
  packLanes,
  positionIn,
  shortDate,
  stripWindow,
  timelineScale,
  wrapText,
  type Box,
  type TimelineLayout,
} from '../../src/lib/timeline-layout.ts';

// The eras of content/eras.json, copied so that editorial changes there do not move these tests.
const ERAS: Era[] = [
  { id: 'independence-1918-1920', name: 'Independent republics, 1918–1920', start: '1918-01-01', end: '1920-12-31', description: 'd' },
  { id: 'soviet-1921-1987', name: 'Soviet period, 1921–1987', start: '1921-01-01', end: '1987-12-31', description: 'd' },
  { id: 'movement-and-war-1988-1994', name: 'Karabakh movement and the first war, 1988–1994', start: '1988-01-01', end: '1994-12-31', description: 'd' },
  { id: 'ceasefire-1995-2020', name: 'Ceasefire and negotiations, 1995–2020', start: '1995-01-01', end: '2020-09-26', description: 'd' },
  { id: 'war-2020', name: 'The 2020 war, September–November 2020', start: '2020-09-27', end: '2020-11-10', description: 'd' },
  { id: 'after-2020-ceasefire', name: 'After the 2020 ceasefire, November 2020 – September 2023', start: '2020-11-11', end: '2023-09-18', description: 'd' },
  { id: 'offensive-and-departure-2023', name: 'The September 2023 offensive and the departure of the population', start: '2023-09-19', end: '2023-12-31', description: 'd' },
];

const DAY = 86_400_000;

/** A minimal valid event; `date` is EDTF. */
function event(id: string, date: string, era: string, extra: Partial<ChronologyEvent> = {}): ChronologyEvent {
  return {
    id,
    title: `Event ${id}`,
    corrections: [],
    date,
    bounds: edtfBounds(date),
    dateBasis: { kind: 'stated' },
    summary: '',
    era,
    places: [],
    tags: [],
    claims: [{ id: 'c1', source: 'src-a', quote: 'q', kind: 'text' }],
    disputes: [],
    ...extra,
  };
}

/** Deterministic pseudo-random numbers (a linear congruential generator). */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

const WORDS = 'Armenian Azerbaijani forces ceasefire Stepanakert Lachin corridor OSCE Minsk Group talks blockade offensive refugees NKAO Soviet Shusha statement trilateral peacekeepers Moscow Baku Yerevan referendum declaration WWMMW killings shelling'.split(' ');

/**
 * A realistic spread: few events before 1988, many in 1988–1994, few until 2020, many
 * after, and the last era's events bunched into its first weeks (Sept–Oct 2023). Mixed
 * precisions, qualifiers, disputes and title lengths.
 */
function synthetic(n: number, seed = 7): ChronologyEvent[] {
  const rand = random(seed);
  const share = [0.03, 0.05, 0.27, 0.08, 0.12, 0.15, 0.3];
  return Array.from({ length: n }, (_, i) => {
    let r = rand();
    let k = 0;
    while (k < share.length - 1 && r > share[k]!) r -= share[k++]!;
    const era = ERAS[k]!;
    const s = Date.parse(era.start);
    const e = Date.parse(era.end);
    const t = s + (k === 6 ? rand() ** 3 : rand()) * (e - s);
    const day = new Date(t).toISOString().slice(0, 10);
    const p = rand();
    let date = day;
    if (p < 0.15) date = day.slice(0, 7);
    else if (p < 0.22) date = day.slice(0, 4);
    else if (p < 0.3) date = `${day}/${new Date(Math.min(t + (1 + rand() * 30) * DAY, e)).toISOString().slice(0, 10)}`;
    else if (p < 0.32) date = `${day}/..`;
    if (!date.includes('/')) {
      if (rand() < 0.08) date += '~';
      else if (rand() < 0.06) date += '?';
    }
    const title = Array.from({ length: 2 + Math.floor(rand() * 14) }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');
    return event(`e${String(i).padStart(4, '0')}`, date, era.id, {
      title,
      claims: [{ id: 'c1', source: `s${i % 5}`, quote: 'q', kind: 'text' }],
      disputes: rand() < 0.15 ? [{ question: 'q', positions: [] }] : [],
    });
  });
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Pairs of overlapping boxes, found by a sweep over x so 2,000 boxes stay quick. */
function overlappingPairs(boxes: readonly Box[]): [number, number][] {
  const order = boxes.map((_, i) => i).sort((a, b) => boxes[a]!.x - boxes[b]!.x);
  const pairs: [number, number][] = [];
  order.forEach((i, k) => {
    const a = boxes[i]!;
    for (let m = k + 1; m < order.length && boxes[order[m]!]!.x < a.x + a.w; m++) {
      if (overlaps(a, boxes[order[m]!]!)) pairs.push([i, order[m]!]);
    }
  });
  return pairs;
}

/** The main-axis extent of a box. */
const along = (layout: TimelineLayout, box: Box): [number, number] =>
  layout.orientation === 'horizontal' ? [box.x, box.x + box.w] : [box.y, box.y + box.h];

const REALISTIC = synthetic(120);
const MANY = synthetic(2000, 11);
const LAYOUTS = [HORIZONTAL, VERTICAL];

describe.each(LAYOUTS)('layoutTimeline ($orientation)', (options) => {
  const layout = layoutTimeline(REALISTIC, ERAS, options);

  it('never lets two labels overlap, for a realistic spread', () => {
    expect(overlappingPairs(layout.marks.map((m) => m.labelBox))).toEqual([]);
  });

  it('never lets two labels overlap, for 2,000 events', () => {
    const big = layoutTimeline(MANY, ERAS, options);
    expect(big.marks).toHaveLength(2000);
    expect(overlappingPairs(big.marks.map((m) => m.labelBox))).toEqual([]);
  });

  it('never draws a label over a mark', () => {
    const boxes = [...layout.marks.map((m) => m.labelBox), ...layout.marks.map((m) => m.box)];
    const n = layout.marks.length;
    const labelOverMark = overlappingPairs(boxes).filter(([a, b]) => (a < n) !== (b < n));
    expect(labelOverMark).toEqual([]);
  });

  it('keeps every label inside the drawing', () => {
    for (const { labelBox: b, eventId } of layout.marks) {
      expect({ eventId, inside: b.x >= 0 && b.y >= 0 && b.x + b.w <= layout.width && b.y + b.h <= layout.height }).toEqual({ eventId, inside: true });
    }
  });

  it('gives every event exactly one mark', () => {
    const ids = layout.marks.map((m) => m.eventId).sort();
    expect(ids).toEqual(REALISTIC.map((e) => e.id).sort());
  });

  it('draws each mark inside the band of its era', () => {
    for (const mark of layout.marks) {
      const band = layout.bands.find((b) => b.eraId === mark.eraId)!;
      const [lo, hi] = along(layout, band.box);
      const [from, to] = along(layout, mark.box);
      expect({ id: mark.eventId, from: from >= lo, to: to <= hi }).toEqual({ id: mark.eventId, from: true, to: true });
      expect(mark.from).toBeGreaterThanOrEqual(band.from);
      expect(mark.to).toBeLessThanOrEqual(band.to);
    }
  });

  it('keeps time in order across era boundaries', () => {
    const points = layout.marks
      .filter((m) => m.kind === 'point')
      .map((m) => ({ m, start: REALISTIC.find((e) => e.id === m.eventId)!.bounds.start }))
      .sort((a, b) => a.start.localeCompare(b.start));
    points.slice(1).forEach(({ m, start }, i) => {
      const previous = points[i]!;
      if (start > previous.start) expect(m.from).toBeGreaterThan(previous.m.from);
      else expect(m.from).toBe(previous.m.from);
    });
    for (let i = 1; i < layout.bands.length; i++) {
      expect(layout.bands[i]!.from).toBeGreaterThan(layout.bands[i - 1]!.to);
    }
  });

  it('separates eras with breaks and labels each band with its span', () => {
    expect(layout.breaks).toHaveLength(ERAS.length - 1);
    layout.breaks.forEach((br, i) => {
      expect(br.pos).toBeGreaterThan(along(layout, layout.bands[i]!.box)[1]);
      expect(br.pos).toBeLessThan(along(layout, layout.bands[i + 1]!.box)[0]);
    });
    expect(layout.bands.map((b) => b.label)).toEqual(ERAS.map((e) => durationInWords(e.start, e.end)));
    for (const band of layout.bands) expect(band.text.lines.join(' ')).toContain(band.label);
    expect(layout.description).toContain('Scale changes between eras');
  });

  it('takes each era’s ticks from one d3-time interval, at their place on its scale', () => {
    const intervals = { year: utcYear, month: utcMonth, week: utcMonday, day: utcDay };
    for (const band of layout.bands) {
      const era = ERAS.find((e) => e.id === band.eraId)!;
      const start = new Date(`${era.start}T00:00:00Z`);
      const end = utcDay.offset(new Date(`${era.end}T00:00:00Z`), 1);
      const interval = intervals[band.tickUnit.unit].every(band.tickUnit.step)!;
      const expected = new Set(interval.range(start, end).map((d) => d.toISOString().slice(0, 10)));
      const ticks = layout.ticks.filter((t) => t.eraId === band.eraId);
      expect(ticks.length).toBeGreaterThan(0);
      for (const tick of ticks) {
        expect(expected.has(tick.date)).toBe(true);
        expect(tick.label).not.toBe('');
        const t = Date.parse(tick.date);
        expect(tick.pos).toBeCloseTo(band.from + ((t - +start) / (+end - +start)) * (band.to - band.from), 6);
      }
    }
    // The whole point: the spacing changes from era to era.
    expect(new Set(layout.bands.map((b) => `${b.tickUnit.unit}${b.tickUnit.step}`)).size).toBeGreaterThan(2);
  });

  it('starts each era’s ticks with a label naming its year or month in full', () => {
    for (const band of layout.bands) {
      const first = layout.ticks.find((t) => t.eraId === band.eraId);
      if (first && band.tickUnit.unit !== 'year') expect({ era: band.eraId, major: first.major }).toEqual({ era: band.eraId, major: true });
    }
  });

  it('keeps tick labels apart', () => {
    const boxes = layout.ticks.map((t): Box => {
      const w = estimateTextWidth(t.label, layout.tickFontSize);
      return layout.orientation === 'horizontal'
        ? { x: t.pos - w / 2, y: 0, w, h: 1 }
        : { x: 0, y: t.pos - layout.tickFontSize / 2, w, h: layout.tickFontSize };
    });
    expect(overlappingPairs(boxes)).toEqual([]);
  });
});

describe('marks', () => {
  const events = [
    event('month', '2020-10', 'war-2020'),
    event('sparse-month', '1950-06', 'soviet-1921-1987'),
    event('day', '2020-10-05', 'war-2020'),
    event('year', '1990', 'movement-and-war-1988-1994'),
    event('approx', '1921~', 'soviet-1921-1987'),
    event('uncertain', '1988-02?', 'movement-and-war-1988-1994'),
    event('open', '2023-09-25/..', 'offensive-and-departure-2023'),
    event('spill', '1994-06/1995-06', 'movement-and-war-1988-1994'),
    event('disputed', '1992-02-26', 'movement-and-war-1988-1994', { disputes: [{ question: 'q', positions: [] }] }),
  ];

  describe.each(LAYOUTS)('$orientation', (options) => {
    const layout = layoutTimeline(events, ERAS, options);
    const mark = (id: string) => layout.marks.find((m) => m.eventId === id)!;
    const band = (id: string) => layout.bands.find((b) => b.eraId === id)!;
    /** Where the layout's era `eraId` puts a day, by linear interpolation over the band. */
    const expectedPos = (eraId: string, iso: string) => {
      const era = ERAS.find((e) => e.id === eraId)!;
      const b = band(eraId);
      const start = Date.parse(era.start);
      const end = Date.parse(era.end) + DAY;
      return b.from + ((Date.parse(iso) - start) / (end - start)) * (b.to - b.from);
    };

    it('draws a month as a bar spanning that month on the scale', () => {
      const m = mark('month');
      expect(m.kind).toBe('bar');
      expect(m.from).toBeCloseTo(expectedPos('war-2020', '2020-10-01'), 6);
      expect(m.to).toBeCloseTo(expectedPos('war-2020', '2020-11-01'), 6);
    });

    it('widens a bar too short to see about its middle', () => {
      const m = mark('sparse-month');
      const truth = [expectedPos('soviet-1921-1987', '1950-06-01'), expectedPos('soviet-1921-1987', '1950-07-01')] as const;
      expect(truth[1] - truth[0]).toBeLessThan(m.to - m.from);
      expect((m.from + m.to) / 2).toBeCloseTo((truth[0] + truth[1]) / 2, 6);
    });

    it('draws a day as a point at noon of that day', () => {
      const m = mark('day');
      expect(m.kind).toBe('point');
      expect(m.from).toBeCloseTo(expectedPos('war-2020', '2020-10-05') + (expectedPos('war-2020', '2020-10-06') - expectedPos('war-2020', '2020-10-05')) / 2, 6);
    });

    it('marks approximate and uncertain dates in the label, not by colour alone', () => {
      expect(mark('approx')).toMatchObject({ approximate: true, uncertain: false });
      expect(mark('approx').label).toContain('~1921');
      expect(mark('uncertain')).toMatchObject({ approximate: false, uncertain: true });
      expect(mark('uncertain').label).toContain('Feb 1988?');
      expect(mark('year').label).not.toMatch(/[~?]/);
    });

    it('flags disputed events in the label and the accessible name', () => {
      expect(mark('disputed')).toMatchObject({ disputed: true });
      expect(mark('disputed').label.startsWith('⚑')).toBe(true);
      expect(mark('disputed').name).toBe('26 February 1992: Event disputed (disputed)');
      expect(mark('day')).toMatchObject({ disputed: false, name: '5 October 2020: Event day' });
    });

    it('runs an open range to the end of its era, and cuts a range at its era’s edge', () => {
      expect(mark('open')).toMatchObject({ kind: 'bar', openEnd: true });
      expect(mark('open').to).toBeCloseTo(band('offensive-and-departure-2023').to, 6);
      expect(mark('spill')).toMatchObject({ clipped: true });
      expect(mark('spill').to).toBeCloseTo(band('movement-and-war-1988-1994').to, 6);
    });
  });
});

describe('timelineScale', () => {
  const ranges: [number, number][] = ERAS.map((_, i) => [i * 100 + 10, i * 100 + 90]);
  const scale = timelineScale(ERAS, ranges);

  it('is monotonic across era boundaries, jumping the gap between them', () => {
    let previous = -Infinity;
    for (let t = Date.parse('1918-01-01'); t < Date.parse('2024-01-01'); t += 37 * DAY) {
      const pos = scale(new Date(t));
      expect(pos).toBeGreaterThanOrEqual(previous);
      previous = pos;
    }
    ERAS.slice(1).forEach((era, i) => {
      const lastDay = new Date(Date.parse(ERAS[i]!.end));
      expect(scale(lastDay)).toBeLessThan(ranges[i]![1]);
      expect(scale(new Date(Date.parse(era.start)))).toBe(ranges[i + 1]![0]);
    });
  });

  it('keeps the end of an era in that era’s piece', () => {
    const end = new Date(Date.parse('1920-12-31') + DAY);
    expect(positionIn(scale, end, ranges[0]!)).toBe(ranges[0]![1]);
  });
});

describe('keepReadableTicks', () => {
  const tick = (eraId: string, lo: number) => ({ eraId, lo, hi: lo + 10 });

  it('drops a colliding tick, and one that leaves the drawing', () => {
    expect(keepReadableTicks([tick('a', -5), tick('a', 0), tick('a', 5), tick('a', 20)], -1, 100, 2)).toEqual([tick('a', 0), tick('a', 20)]);
  });

  it('prefers the first tick of an era to the last tick of the era before', () => {
    expect(keepReadableTicks([tick('a', 0), tick('a', 20), tick('b', 25)], 0, 100, 2)).toEqual([tick('a', 0), tick('b', 25)]);
  });

  it('but never takes an era’s only tick', () => {
    expect(keepReadableTicks([tick('a', 0), tick('b', 5)], 0, 100, 2)).toEqual([tick('a', 0)]);
  });
});

describe('eventSpan', () => {
  const era = ERAS[2]!;

  it('cuts an event to its era and says so', () => {
    const span = eventSpan(event('x', '1987-06/1988-03', era.id), era);
    expect(span).toMatchObject({ clipped: true, openEnd: false });
    expect(span.start.toISOString().slice(0, 10)).toBe('1988-01-01');
    expect(span.end.toISOString().slice(0, 10)).toBe('1988-04-01');
  });

  it('runs an open end to the end of the era', () => {
    const span = eventSpan(event('y', '1994-05-01/..', era.id), era);
    expect(span).toMatchObject({ clipped: false, openEnd: true });
    expect(span.end.toISOString().slice(0, 10)).toBe('1995-01-01');
  });
});

describe('era weighting', () => {
  it('gives a dense era more room than a sparse era of equal length', () => {
    const twins: Era[] = [
      { id: 'a', name: 'A', start: '2000-01-01', end: '2000-12-31', description: 'd' },
      { id: 'b', name: 'B', start: '2001-01-01', end: '2001-12-31', description: 'd' },
    ];
    const events = [event('x1', '2000-03-01', 'a'), ...Array.from({ length: 9 }, (_, i) => event(`y${i}`, `2001-0${i + 1}-02`, 'b'))];
    const { bands } = layoutTimeline(events, twins, HORIZONTAL);
    expect(bands[1]!.to - bands[1]!.from).toBeGreaterThan(2 * (bands[0]!.to - bands[0]!.from));
  });

  it('lays out eras without events, and no events at all', () => {
    for (const options of LAYOUTS) {
      const one = layoutTimeline([event('only', '1992-02-26', 'movement-and-war-1988-1994')], ERAS, options);
      expect(one.bands).toHaveLength(ERAS.length);
      expect(one.marks).toHaveLength(1);
      const none = layoutTimeline([], ERAS, options);
      expect(none.bands.every((b) => b.to > b.from)).toBe(true);
      expect(none.description).toContain('0 events');
    }
  });

  it('allocates the whole length, raising small parts to the floor', () => {
    const out = allocateLengths([0.01, 0.5, 0.49], 300, 50);
    expect(out.reduce((a, b) => a + b, 0)).toBeCloseTo(300, 9);
    expect(out[0]).toBe(50);
    expect(out[1]! / out[2]!).toBeCloseTo(0.5 / 0.49, 9);
  });
});

describe('packing', () => {
  it('puts intervals in lanes where no two in a lane touch', () => {
    const intervals = [[0, 10], [5, 15], [11, 20], [12, 30], [21, 25]] as const;
    expect(packLanes(intervals, 1)).toEqual([0, 1, 0, 2, 0]);
  });

  it('uses no more lanes than the most intervals that meet at one point', () => {
    const rand = random(3);
    const intervals = Array.from({ length: 300 }, () => {
      const start = rand() * 1000;
      return [start, start + 5 + rand() * 80] as const;
    });
    const lanes = packLanes(intervals, 0);
    const depth = Math.max(...intervals.map(([s]) => intervals.filter(([a, b]) => a <= s && s < b).length));
    expect(Math.max(...lanes) + 1).toBe(depth);
    intervals.forEach(([s, e], i) => {
      intervals.forEach(([s2, e2], j) => {
        if (i !== j && lanes[i] === lanes[j]) expect(e <= s2 || e2 <= s).toBe(true);
      });
    });
  });

  it('dodges boxes apart inside their interval', () => {
    const out = dodge([0, 0, 0, 95], [10, 10, 10, 10], 0, 100, 2);
    expect(out).toEqual([0, 12, 24, 90]);
    const squeezed = dodge([90, 90, 90], [30, 30, 30], 0, 100, 5);
    expect(squeezed).toEqual([0, 35, 70]);
  });
});

describe('words', () => {
  it('gives an era’s length in days, or in years and months', () => {
    expect(durationInWords('2020-09-27', '2020-11-10')).toBe('45 days');
    expect(durationInWords('1918-01-01', '1920-12-31')).toBe('3 years');
    expect(durationInWords('1995-01-01', '2020-09-26')).toBe('about 25 years 9 months');
    expect(durationInWords('2023-09-19', '2023-12-31')).toBe('104 days');
  });

  it('gives an era’s dates', () => {
    expect(eraDatesInWords(ERAS[0]!)).toBe('1918–1920');
    expect(eraDatesInWords(ERAS[4]!)).toBe('27 Sep – 10 Nov 2020');
    expect(eraDatesInWords(ERAS[3]!)).toBe('1 Jan 1995 – 26 Sep 2020');
  });

  it('writes short dates with their qualifiers', () => {
    expect(shortDate(edtfBounds('1992-02-25/1992-02-26'))).toBe('25–26 Feb 1992');
    expect(shortDate(edtfBounds('1992/1994'))).toBe('1992–1994');
    expect(shortDate(edtfBounds('2023-09-19/..'))).toBe('from 19 Sep 2023');
    expect(shortDate(edtfBounds('1921~'))).toBe('~1921');
    expect(shortDate(edtfBounds('1988-02?'))).toBe('Feb 1988?');
    expect(markLabel(event('k', '1992-02-26', 'x', { title: 'T', disputes: [{ question: 'q', positions: [] }] }))).toBe('⚑ 26 Feb 1992 T');
  });

  it('gives a valid <time datetime> at the date’s own precision', () => {
    expect(datetimeValue('1992')).toBe('1992');
    expect(datetimeValue('1988-02?')).toBe('1988-02');
    expect(datetimeValue('1992-02-25/1992-02-26')).toBe('1992-02-25');
  });

  it('wraps text to a width, between words and after dashes', () => {
    const lines = wrapText('The 2020 war, September–November 2020', 100, 13, 6);
    for (const line of lines) expect(estimateTextWidth(line, 13)).toBeLessThanOrEqual(100);
    expect(lines.join(' ').replace('– ', '–')).toBe('The 2020 war, September–November 2020');
    expect(wrapText('one two three four five six', 40, 13, 2).at(-1)!.endsWith('…')).toBe(true);
    expect(wrapText('WWW', 1, 13, 9)).toEqual(['W', 'W', 'W']);
  });
});

describe('grouping', () => {
  const events = [
    event('b', '1992-02-26', 'movement-and-war-1988-1994'),
    event('a', '1988-02', 'movement-and-war-1988-1994'),
    event('c', '2020-10-01', 'war-2020'),
    event('d', '1992-05-08', 'movement-and-war-1988-1994'),
  ];

  it('groups events by era and year, in order, leaving out empty eras', () => {
    const groups = groupByEraAndYear(events, ERAS);
    expect(groups.map((g) => [g.era.id, g.years.map((y) => [y.year, y.events.map((e) => e.id)])])).toEqual([
      ['movement-and-war-1988-1994', [['1988', ['a']], ['1992', ['b', 'd']]]],
      ['war-2020', [['2020', ['c']]]],
    ]);
  });

  it('cuts the strip to the neighbours around the current event, within its era', () => {
    const strip = stripWindow(events, 'd', ERAS, 1);
    expect(strip.era.id).toBe('movement-and-war-1988-1994');
    expect(strip.events.map((e) => e.id)).toEqual(['b', 'd']);
    expect([strip.before, strip.after]).toEqual([1, 0]);
  });
});
