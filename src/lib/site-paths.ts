import { orderedPairIds } from './source-comparison.ts';

/**
 * Relative links between pages. Astro writes root-relative URLs, which break when the
 * built site is opened from disk or served under a sub-path; every internal link on this
 * site is made relative to the page it appears on and names `index.html` explicitly, so a
 * link to a folder never opens a directory listing from disk.
 */

/** Route paths of the site's pages, so no page spells a URL by hand. */
export const routes = {
  home: '/',
  event: (id: string) => `/events/${id}/`,
  source: (id: string) => `/sources/${id}/`,
  sources: '/sources/',
  era: (id: string) => `/eras/${id}/`,
  /** One page of a large era, split by year or years (see chronology-pages.ts). */
  eraPart: (eraId: string, part: string) => `/eras/${eraId}/${part}/`,
  sourceChronology: (id: string) => `/sources/${id}/chronology/`,
  /** One source's chronology within one era (the timeline issue builds these pages). */
  sourceChronologyEra: (sourceId: string, eraId: string) => `/sources/${sourceId}/chronology/${eraId}/`,
  /** One page of a large era of one source's chronology, split by year or years. */
  sourceChronologyEraPart: (sourceId: string, eraId: string, part: string) =>
    `/sources/${sourceId}/chronology/${eraId}/${part}/`,
  /** Two sources compared; either order of ids gives the one URL (ids in code-unit order). */
  comparePair: (sourceId: string, otherId: string) => `/compare/${orderedPairIds(sourceId, otherId).join('/')}/`,
  /** Part `part` (from 1) of a comparison split by era, for a pair too large for one page. */
  comparePairEra: (sourceId: string, otherId: string, eraId: string, part = 1) =>
    `/compare/${orderedPairIds(sourceId, otherId).join('/')}/${eraId}/${part > 1 ? `${part}/` : ''}`,
  compare: '/compare/',
  places: '/places/',
  place: (id: string) => `/places/${id}/`,
  placePart: (id: string, part: string) => `/places/${id}/${part}/`,
  search: '/search/',
  methodology: '/methodology/',
  data: '/data/',
  /** Page `n` (1-based) of the correction notes; the first is /corrections/ itself. */
  corrections: (page = 1) => (page === 1 ? '/corrections/' : `/corrections/${page}/`),
  capture: (file: string) => `/captures/${file}`,
} as const;

/**
 * The href that leads from the page at `from` to `to` (both site paths starting with `/`,
 * folders ending in `/`), e.g. hrefFrom('/events/a/', '/sources/b/#q') === '../../sources/b/index.html#q'.
 */
export function hrefFrom(from: string, to: string): string {
  const [targetPath = '/', hash] = to.split('#');
  const fromDir = from.endsWith('/') ? from : from.slice(0, from.lastIndexOf('/') + 1);
  const fromParts = fromDir.split('/').filter(Boolean);
  const toFile = targetPath.endsWith('/') ? `${targetPath}index.html` : targetPath;
  const toParts = toFile.split('/').filter(Boolean);
  let shared = 0;
  while (shared < fromParts.length && shared < toParts.length - 1 && fromParts[shared] === toParts[shared]) shared++;
  const up = fromParts.length - shared;
  const rel = [...Array<string>(up).fill('..'), ...toParts.slice(shared)].join('/');
  return hash === undefined ? rel : `${rel}#${hash}`;
}

/** Absolute URL of a site path on the configured public site, for canonical links and citations. */
export const absoluteUrl = (site: string | URL, path: string): string => new URL(path.replace(/^\//, ''), site).href;

/** The path of the site on its host: '/' for https://example.org/, '/sub/path/' for https://example.org/sub/path/. */
export const sitePathOf = (site: string | URL): string => new URL(site).pathname.replace(/\/?$/, '/');

/**
 * The root-relative href of a site path on a site served at `sitePath`, naming index.html, e.g.
 * rootHref('/archive/karabakh/', '/search/') === '/archive/karabakh/search/index.html'. Only for
 * a page a host serves at any URL (the 404 page), where a relative link has no known base.
 */
export function rootHref(sitePath: string, to: string): string {
  const [targetPath = '/', hash] = to.split('#');
  const file = targetPath.endsWith('/') ? `${targetPath}index.html` : targetPath;
  const href = `${sitePath.replace(/\/?$/, '/')}${file.replace(/^\//, '')}`;
  return hash === undefined ? href : `${href}#${hash}`;
}
