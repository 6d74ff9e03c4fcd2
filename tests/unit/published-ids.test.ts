/**
 * Permalinks are forever. tests/published-ids.txt lists every event id ever published;
 * each must still be an event or a redirect to one. Add new ids to the list when they are
 * published; never remove one.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { routes } from '../../src/lib/site-paths.ts';
import { distDir } from '../support/project.ts';

const published = readFileSync('tests/published-ids.txt', 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));
const current = new Set(
  readdirSync('content/events')
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => f.slice(0, -4)),
);
const redirects = JSON.parse(readFileSync('content/redirects.json', 'utf8')) as Record<string, string>;

describe('published event ids', () => {
  it('lists ids', () => {
    expect(published.length).toBeGreaterThan(0);
  });
  it.each(published)('%s is still an event or redirects to one', (id) => {
    const target = current.has(id) ? id : redirects[id];
    expect(target, `${id} disappeared: restore it or add it to content/redirects.json`).toBeDefined();
    expect(current.has(target!)).toBe(true);
  });
  it('every current event is in the published list', () => {
    const missing = [...current].filter((id) => !published.includes(id));
    expect(missing, 'add new ids to tests/published-ids.txt').toEqual([]);
  });
});

describe('permalinks', () => {
  it('the route of an event is /events/<id>/, its file name', () => {
    expect(routes.event('1992-02-25-khojaly')).toBe('/events/1992-02-25-khojaly/');
  });

  const DIST = distDir();
  const eventsFile = join(DIST, 'data', 'events.json');
  it.skipIf(!existsSync(eventsFile))(
    'in the built site (dist/), every published id has its page at events/<id>/index.html, and events.json says so',
    () => {
      const missing = published.filter((id) => !existsSync(join(DIST, 'events', id, 'index.html')));
      expect(missing, 'published ids without a page at events/<id>/index.html').toEqual([]);
      const built = JSON.parse(readFileSync(eventsFile, 'utf8')) as { events: { id: string; url: string }[] };
      const wrong = built.events
        .filter((event) => !event.url.endsWith(`/events/${event.id}/`))
        .map((event) => `${event.id}: ${event.url}`);
      expect(wrong, 'events whose published url is not /events/<id>/').toEqual([]);
      expect(built.events.map((event) => event.id).sort()).toEqual([...current].sort());
    },
  );
});
