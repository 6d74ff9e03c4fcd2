/**
 * The built site as a checked WACZ web archive, for `npm run export -- --format wacz` and for
 * the BagIt bag (data/web-archive/). The archive itself is written by src/lib/wacz.ts; this
 * adds what only the built folder knows (its public address, its version) and refuses an
 * archive that does not read back cleanly.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentType } from '../serve-dist.mjs';
import { buildWacz, publicUrl, type SiteFile } from '../../src/lib/wacz.ts';
import { checkWacz } from '../../src/lib/wacz-check.ts';
import { SITE_NAME } from '../../src/lib/site-meta.ts';

/** Files of dist/ that configure the host and are never served (src/lib/host-files.ts), so have no URL to record. */
export const HOST_CONFIG_FILES: ReadonlySet<string> = new Set(['_headers', '_redirects']);

/** Where the WACZ sits inside the bag's payload (data/…). */
export const BAG_WEB_ARCHIVE_PATH = 'web-archive/site.wacz';

/** The address the site was built for: the home page's canonical URL (SITE_URL at build time). */
export function builtSiteUrl(dist: string): string {
  const home = readFileSync(join(dist, 'index.html'), 'utf8');
  const href = /<link rel="canonical" href="([^"]+)"/.exec(home)?.[1];
  if (!href || !/^https?:\/\/[^/]+\/(.*\/)?$/.test(href))
    throw new Error(`${dist}/index.html has no canonical link naming the site's address`);
  return href;
}

/**
 * The WACZ of the built site at `dist` (its files listed by the caller) for the chronology
 * `version`; files that only configure the host are left out.
 * @throws Error with a one-line message when the archive does not read back cleanly.
 */
export async function checkedWebArchive(
  dist: string,
  siteFiles: readonly SiteFile[],
  version: string,
  software: string,
): Promise<Uint8Array> {
  const siteUrl = builtSiteUrl(dist);
  const files = siteFiles.filter((file) => !HOST_CONFIG_FILES.has(file.path));
  const wacz = await buildWacz(files, {
    siteUrl,
    version,
    title: SITE_NAME,
    description:
      `The website of the ${SITE_NAME}, version ${version}, as served at ${siteUrl}: ` +
      'every page, data file and download as an HTTP 200 response at its public address. Open it in ReplayWeb.page.',
    software,
    contentType,
  });
  const pages = files.filter((file) => file.path.endsWith('.html')).map((file) => publicUrl(siteUrl, file.path));
  const problems = await checkWacz(wacz, pages);
  if (problems.length > 0)
    throw new Error(
      `the WACZ is invalid: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`,
    );
  return wacz;
}
