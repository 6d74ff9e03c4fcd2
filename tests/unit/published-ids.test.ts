/**
 * Permalinks are forever. tests/published-ids.txt lists every event id ever published;
 * each must still be an event or a redirect to one. Add new ids to the list when they are
 * published; never remove one.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const published = readFileSync('tests/published-ids.txt', 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
const current = new Set(readdirSync('content/events').filter((f) => f.endsWith('.mdx')).map((f) => f.slice(0, -4)));
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
