/**
 * Search (/search/, Pagefind), against the built site served by the config's webServer.
 *
 * - Every name of every place that has two or more names and at least one event
 *   (content/places/*.json; e.g. Stepanakert and Khankendi, Shusha and Shushi) finds at least
 *   one event page of that place: event pages list a place under all its names.
 * - Pagefind's files load from this site only, from its pagefind/ folder.
 * - Opened from disk (file://), the search page says politely that search needs a server and
 *   still offers its links.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test, expect, type Page } from '@playwright/test';
import { PROJECT_ROOT, distDir } from '../support/project.ts';
import { publishedEvents } from '../support/published-events.ts';

interface PlaceFile {
  label: string;
  names: Array<{ name: string }>;
}

const DIST = distDir();
const { file: EVENTS_FILE, built, events } = publishedEvents(DIST);

test.skip(!built, `${EVENTS_FILE} is missing: run \`npm run build\` first`);

const PLACES_DIR = join(PROJECT_ROOT, 'content', 'places');
/** Places with two or more names and at least one event, each name once (case-insensitively). */
const places = readdirSync(PLACES_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => {
    const id = f.slice(0, -'.json'.length);
    const data = JSON.parse(readFileSync(join(PLACES_DIR, f), 'utf8')) as PlaceFile;
    const names = [...new Map(data.names.map((n) => [n.name.toLowerCase(), n.name])).values()];
    return {
      id,
      label: data.label,
      names,
      events: new Set(events.filter((e) => e.places.includes(id)).map((e) => e.id)),
    };
  })
  .filter((p) => p.names.length >= 2 && p.events.size > 0);

/** Names the issue asks for by name: a change to the place files must not drop them silently. */
const REQUIRED_NAMES = ['Khankendi', 'Stepanakert', 'Shushi', 'Shusha'];

test('the places under test include the required alternative names', () => {
  const names = places.flatMap((p) => p.names);
  for (const name of REQUIRED_NAMES) expect(names, `${name} is a name of a place with events`).toContain(name);
});

/** Opens the search page and waits for Pagefind's input; returns every URL requested meanwhile and later. */
async function openSearch(page: Page): Promise<{ requests: string[] }> {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('search/');
  await expect(
    page.locator('#search .pagefind-ui__search-input'),
    'Pagefind UI loaded (see #search-status)',
  ).toBeVisible({ timeout: 10_000 });
  return { requests };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Event ids among the results for `term`, loading more results until `wanted` matches one or none are left. */
async function searchEvents(
  page: Page,
  term: string,
  wanted: (id: string) => boolean,
): Promise<{ ids: string[]; message: string }> {
  await page.locator('#search .pagefind-ui__search-input').fill(term);
  const message = page.locator('#search .pagefind-ui__message');
  // The message names the term once the results for it are in ("3 results for Shusha", "No results for …");
  // matching its end keeps a longer earlier term ("Lachin corridor") from passing for "Lachin".
  await expect(message).toHaveText(new RegExp(`for ${escapeRegExp(term)}$`), { timeout: 10_000 });
  const results = page.locator('#search .pagefind-ui__results > .pagefind-ui__result');
  const loading = page.locator('#search .pagefind-ui__results .pagefind-ui__loading');
  const ids = new Set<string>();
  for (;;) {
    // Each result fetches its fragment before it shows its link.
    await expect(loading).toHaveCount(0, { timeout: 10_000 });
    const hrefs = await page
      .locator('#search .pagefind-ui__result-link')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const href of hrefs) {
      const id = /\/events\/([^/]+)\//.exec(new URL(href).pathname)?.[1];
      if (id) ids.add(id);
    }
    const more = page.locator('#search .pagefind-ui__button', { hasText: /more/i });
    if ([...ids].some(wanted) || (await more.count()) === 0) break;
    const before = await results.count();
    await more.click();
    await expect.poll(() => results.count()).toBeGreaterThan(before);
  }
  return { ids: [...ids], message: (await message.textContent()) ?? '' };
}

test.describe('search by every name of a place', () => {
  for (const place of places) {
    test(`${place.label}: ${place.names.join(', ')}`, async ({ page, baseURL }) => {
      const { requests } = await openSearch(page);
      const misses: string[] = [];
      for (const name of place.names) {
        const { ids, message } = await searchEvents(page, name, (id) => place.events.has(id));
        if (!ids.some((id) => place.events.has(id)))
          misses.push(
            `"${name}" found no event of ${place.id} (${message.trim()}; events found: ${ids.join(', ') || 'none'})`,
          );
      }
      expect(misses, misses.join('\n')).toEqual([]);

      // Everything Pagefind loaded came from this site's pagefind/ folder.
      const site = new URL(baseURL!);
      const foreign = requests.filter((u) => !/^(data|blob|about):/.test(u) && !u.startsWith(site.href));
      expect(foreign, `requests outside ${site.href}:\n${foreign.join('\n')}`).toEqual([]);
      const bundle = requests.filter((u) => /pagefind/.test(new URL(u).pathname));
      expect(bundle.length, 'Pagefind files were requested').toBeGreaterThan(0);
      const misplaced = bundle.filter((u) => !u.startsWith(new URL('pagefind/', site).href));
      expect(
        misplaced,
        `Pagefind files from outside ${new URL('pagefind/', site).href}:\n${misplaced.join('\n')}`,
      ).toEqual([]);
    });
  }
});

test('search loads no Pagefind file that is not in the build, and only on the search page', async ({ page }) => {
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`HTTP ${r.status()} ${r.url()}`);
  });
  const home: string[] = [];
  const onHome = (r: { url(): string }) => home.push(r.url());
  page.on('request', onHome);
  await page.goto('./');
  page.off('request', onHome);
  expect(
    home.filter((u) => u.includes('pagefind')),
    'the home page loads nothing of Pagefind',
  ).toEqual([]);

  await openSearch(page);
  await searchEvents(page, 'Shusha', () => true);
  expect(failed, failed.join('\n')).toEqual([]);
});

test('from disk (file://) the search page shows its polite fallback and its links', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(join(DIST, 'search', 'index.html')).href);
  await expect(page.locator('#search-status')).toHaveText(/not available when the site is opened from disk/i);
  await expect(page.locator('#search')).toBeHidden();
  expect(
    requests.filter((u) => u.includes('pagefind')),
    'nothing of Pagefind is requested from disk',
  ).toEqual([]);
  // The ways in that need no search are there, under every name of each place.
  const placeLinks = await page.locator('.place-index a').allTextContents();
  const linkedNames = new Set(placeLinks.flatMap((text) => text.split(' / ').map((n) => n.trim().toLowerCase())));
  const unlinked = places.flatMap((p) => p.names).filter((name) => !linkedNames.has(name.toLowerCase()));
  expect(unlinked, 'place names with no link on the search page').toEqual([]);
  await expect(page.getByRole('link', { name: 'full chronology' })).toHaveAttribute('href', '../index.html');
});
