/**
 * Places (no page grows with the chronology): every place has its own page, which links to
 * exactly the events tied to it (from events.json, not from the page), through its parts when
 * it is split; the places index links to every place's page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { distDir } from '../support/project.ts';
import { publishedEvents } from '../support/published-events.ts';

const dist = distDir();
const { events } = publishedEvents(dist);
const placesFile = join(dist, 'data', 'places.json');
const places: { id: string }[] = existsSync(placesFile)
  ? (JSON.parse(readFileSync(placesFile, 'utf8')).places ?? [])
  : [];

/** Ids of the events an HTML page links to (hrefs ending in events/<id>/index.html). */
const linkedEvents = (html: string): Set<string> =>
  new Set([...html.matchAll(/href="[^"]*events\/([^/"]+)\/index\.html[^"]*"/g)].map((match) => match[1]!));

/** A place's page and its parts, whose hrefs are relative to the place's folder. */
function placePages(id: string): string[] {
  const main = readFileSync(join(dist, 'places', id, 'index.html'), 'utf8');
  const parts = [...main.matchAll(/href="([^"./][^"]*)\/index\.html"/g)].map((match) => match[1]!);
  return [main, ...parts.map((part) => readFileSync(join(dist, 'places', id, part, 'index.html'), 'utf8'))];
}

test('every place has a page linking to exactly the events tied to it', () => {
  expect(places.length, 'places.json lists the places').toBeGreaterThan(0);
  for (const place of places) {
    const expected = events.filter((event) => event.places.includes(place.id)).map((event) => event.id);
    const linked = new Set(placePages(place.id).flatMap((html) => [...linkedEvents(html)]));
    expect([...linked].sort(), place.id).toEqual([...expected].sort());
  }
});

test('the places index links to every place’s page', () => {
  const index = readFileSync(join(dist, 'places', 'index.html'), 'utf8');
  for (const place of places) expect(index, place.id).toContain(`href="${place.id}/index.html"`);
});
