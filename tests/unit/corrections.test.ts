import { getRssString } from '@astrojs/rss';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  allCorrections,
  correctionAnchor,
  correctionFeedItems,
  correctionPages,
  CORRECTIONS_PER_PAGE,
} from '../../src/lib/corrections.ts';
import { eventsJson } from '../../src/lib/data-export.ts';
import type { Chronology, ChronologyEvent, Correction } from '../../src/lib/model.ts';
import { testEvent } from '../support/chronology-fixtures.ts';
import { eventsJsonSchema, publishedEventsFileSchema } from '../../src/schemas/published.ts';
import { routes } from '../../src/lib/site-paths.ts';

const SITE = 'https://example.org/archive/karabakh/';

const event = (id: string, date: string, corrections: Correction[]): ChronologyEvent =>
  testEvent(id, date, { corrections });

const chronology: Chronology = {
  version: '2026-12-02',
  redirects: {},
  sources: [],
  places: [],
  eras: [],
  events: [
    event('1992-shusha', '1992-05-08', [
      { date: '2026-11-30', note: 'Title no longer states one source’s claim as fact.' },
      { date: '2026-12-02', note: 'Merged 1992-05-09-shusha into this event.' },
    ]),
    event('2023-exodus', '2023-09-24', [{ date: '2026-12-02', note: 'Date widened to what the quotes support.' }]),
    event('2020-war', '2020-09-27', []),
  ],
};

describe('allCorrections', () => {
  it('gathers every note, newest first, then by event id and position', () => {
    expect(allCorrections(chronology.events).map((c) => [c.date, c.eventId, c.index])).toEqual([
      ['2026-12-02', '1992-shusha', 1],
      ['2026-12-02', '2023-exodus', 0],
      ['2026-11-30', '1992-shusha', 0],
    ]);
  });
  it('carries what the corrections page shows', () => {
    expect(allCorrections(chronology.events)[1]).toEqual({
      date: '2026-12-02',
      note: 'Date widened to what the quotes support.',
      eventId: '2023-exodus',
      eventTitle: 'Title of 2023-exodus',
      eventDate: '2023-09-24',
      index: 0,
    });
  });
});

describe('correctionPages', () => {
  it('keeps every page at most CORRECTIONS_PER_PAGE long and loses nothing', () => {
    const many = Array.from({ length: 2 * CORRECTIONS_PER_PAGE + 1 }, (_, i) => ({
      ...allCorrections(chronology.events)[0]!,
      index: i,
    }));
    const pages = correctionPages(many);
    expect(pages.map((page) => page.length)).toEqual([CORRECTIONS_PER_PAGE, CORRECTIONS_PER_PAGE, 1]);
    expect(pages.flat()).toEqual(many);
  });
  it('has one empty page when there is nothing to list', () => {
    expect(correctionPages([])).toEqual([[]]);
  });
  it('pages live at /corrections/ and /corrections/<n>/', () => {
    expect([routes.corrections(), routes.corrections(1), routes.corrections(2)]).toEqual([
      '/corrections/',
      '/corrections/',
      '/corrections/2/',
    ]);
  });
});

describe('correction feed items', () => {
  const items = correctionFeedItems(chronology, SITE);
  it('gives each correction its own item, dated by the correction, linking to the note on the event page', () => {
    expect(items).toHaveLength(3);
    expect(items[0]).toEqual({
      title: 'Correction (2026-12-02): 8 May 1992: Title of 1992-shusha',
      link: `${SITE}events/1992-shusha/#${correctionAnchor(1)}`,
      guid: `${SITE}events/1992-shusha/#correction-2`,
      description: 'Merged 1992-05-09-shusha into this event.',
      categories: ['correction'],
      pubDate: new Date('2026-12-02T00:00:00Z'),
    });
    expect(new Set(items.map((item) => item.guid)).size).toBe(items.length);
  });
  it('renders through @astrojs/rss with the correction date', async () => {
    const xml = await getRssString({ title: 'Feed', description: 'Events', site: SITE, items });
    const parsed = new XMLParser().parse(xml) as {
      rss: { channel: { item: { description: string; pubDate: string }[] } };
    };
    expect(parsed.rss.channel.item.map((item) => item.pubDate)).toEqual([
      'Wed, 02 Dec 2026 00:00:00 GMT',
      'Wed, 02 Dec 2026 00:00:00 GMT',
      'Mon, 30 Nov 2026 00:00:00 GMT',
    ]);
    expect(parsed.rss.channel.item[2]?.description).toBe('Title no longer states one source’s claim as fact.');
  });
});

describe('corrections in events.json and its JSON Schema', () => {
  const file = eventsJson(chronology, SITE);
  it('publishes every event’s corrections, oldest first, and [] when none', () => {
    const byId = new Map(file.events.map((e) => [e.id, e]));
    expect(byId.get('1992-shusha')?.corrections).toEqual(chronology.events[0]!.corrections);
    expect(byId.get('2020-war')?.corrections).toEqual([]);
    expect(JSON.stringify(file)).toContain('"corrections":[]');
  });
  it('matches the published zod schema, which rejects an undated or empty note', () => {
    expect(publishedEventsFileSchema.safeParse(file).error).toBeUndefined();
    const broken = structuredClone(file);
    broken.events[0]!.corrections[0] = { date: '30 Nov 2026', note: ' ' };
    const issues = publishedEventsFileSchema.safeParse(broken).error?.issues.map((issue) => issue.path.join('.'));
    expect(issues).toEqual(['events.0.corrections.0.date', 'events.0.corrections.0.note']);
  });
  it('is required, dated and non-empty in the published JSON Schema', () => {
    interface JsonSchemaNode {
      required?: string[];
      format?: string;
      minLength?: number;
      additionalProperties?: boolean;
      items?: JsonSchemaNode;
      properties?: Record<string, JsonSchemaNode>;
    }
    const item = (eventsJsonSchema(SITE) as JsonSchemaNode).properties!.events!.items!;
    expect(item.required).toContain('corrections');
    const correction = item.properties!.corrections!.items!;
    expect(correction.required).toEqual(['date', 'note']);
    expect(correction.properties!.date!.format).toBe('date');
    expect(correction.properties!.note!.minLength).toBe(1);
    expect(correction.additionalProperties).toBe(false);
  });
});
