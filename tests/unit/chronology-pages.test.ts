import { describe, expect, it } from 'vitest';
import {
  HOME_EVENT_LIMIT,
  PAGE_EVENT_LIMIT,
  chronologyParts,
  eraSummaries,
  homeListsEvents,
  partPages,
  readingPathOf,
  withNeighbours,
} from '../../src/lib/chronology-pages.ts';
import type { Chronology } from '../../src/lib/model.ts';
import { routes } from '../../src/lib/site-paths.ts';
import { ERAS, event, synthetic } from '../support/timeline-fixtures.ts';

const chronologyOf = (events: Chronology['events']) =>
  ({ events, eras: ERAS, sources: [], places: [], version: 'test' }) as unknown as Chronology;

describe('chronology pages', () => {
  it('lists every event on the home page up to the limit, and summarises past it', () => {
    expect(homeListsEvents(HOME_EVENT_LIMIT)).toBe(true);
    expect(homeListsEvents(HOME_EVENT_LIMIT + 1)).toBe(false);
  });

  it('splits an era only when it has more events than a page holds', () => {
    const era = ERAS[1]!.id;
    const events = Array.from({ length: PAGE_EVENT_LIMIT + 1 }, (_, i) =>
      event(`e${i}`, `${1921 + (i % 60)}-03-01`, era),
    );
    expect(chronologyParts(events.slice(0, PAGE_EVENT_LIMIT))).toEqual([]);
    const parts = chronologyParts(events);
    expect(parts.length).toBeGreaterThan(1);
    expect(Math.max(...parts.map((p) => p.events.length))).toBeLessThanOrEqual(PAGE_EVENT_LIMIT);
  });

  it('sends an event to the home page while it lists everything', () => {
    const small = chronologyOf(synthetic(50));
    expect(readingPathOf(small, 'e0003')).toBe(`${routes.home}#e0003`);
    expect(() => readingPathOf(small, 'nope')).toThrow(/nope/);
  });

  it('past the limit, sends each event to the era page, or the part of it, that lists it', () => {
    const large = chronologyOf(synthetic(PAGE_EVENT_LIMIT * 5, 5));
    const partsByEra = new Map(
      ERAS.map((era) => [era.id, chronologyParts(large.events.filter((e) => e.era === era.id))]),
    );
    expect(
      [...partsByEra.values()].some((parts) => parts.length > 1),
      'some era is split',
    ).toBe(true);
    expect(
      [...partsByEra.values()].some((parts) => parts.length === 0),
      'some era is not',
    ).toBe(true);
    for (const item of large.events) {
      const [page, hash] = readingPathOf(large, item.id).split('#');
      const parts = partsByEra.get(item.era)!;
      const part = parts.find((p) => p.events.some((e) => e.id === item.id));
      expect(page).toBe(part ? routes.eraPart(item.era, part.slug) : routes.era(item.era));
      expect(hash).toBe(item.id);
    }
  });

  it('summarises eras with their counts and pages, leaving out empty eras', () => {
    const events = synthetic(200, 3).filter((e) => e.era !== ERAS[0]!.id);
    const summaries = eraSummaries(
      events,
      ERAS,
      (era) => `/e/${era.id}/`,
      (era, slug) => `/e/${era.id}/${slug}/`,
    );
    expect(summaries.map((s) => s.era.id)).not.toContain(ERAS[0]!.id);
    expect(summaries.reduce((sum, s) => sum + s.count, 0)).toBe(events.length);
    expect(summaries.reduce((sum, s) => sum + s.disputed, 0)).toBe(events.filter((e) => e.disputes.length > 0).length);
  });

  it('gives each item of a series the pages before and after it, none past either end', () => {
    const pageOf = (letter: string) => ({ path: `/${letter}/`, label: letter.toUpperCase() });
    expect(withNeighbours(['a', 'b', 'c'], pageOf)).toEqual([
      { item: 'a', previous: undefined, next: { path: '/b/', label: 'B' } },
      { item: 'b', previous: { path: '/a/', label: 'A' }, next: { path: '/c/', label: 'C' } },
      { item: 'c', previous: { path: '/b/', label: 'B' }, next: undefined },
    ]);
    expect(withNeighbours([], pageOf)).toEqual([]);
  });

  it('links each page of a split list to the parts before and after it', () => {
    const era = ERAS[1]!.id;
    const events = Array.from({ length: PAGE_EVENT_LIMIT * 2 }, (_, i) =>
      event(`e${i}`, `${1921 + (i % 60)}-03-01`, era),
    );
    const parts = chronologyParts(events);
    const pages = partPages(events, (slug) => `/era/${slug}/`);
    expect(pages.map((page) => page.part)).toEqual(parts);
    expect(pages[0]!.previous).toBeUndefined();
    expect(pages[1]!.previous).toEqual({ path: `/era/${parts[0]!.slug}/`, label: parts[0]!.label });
    expect(pages[0]!.next).toEqual({ path: `/era/${parts[1]!.slug}/`, label: parts[1]!.label });
    expect(pages.at(-1)!.next).toBeUndefined();
    expect(partPages(events.slice(0, PAGE_EVENT_LIMIT), (slug) => slug)).toEqual([]);
  });
});
