/**
 * RSS feed of the chronology's events, then one item per correction note. Dates come from the
 * content (version, correction dates), never the build clock.
 */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { loadChronology } from '../lib/load-chronology.ts';
import { eventsFeedItems } from '../lib/data-export.ts';
import { correctionFeedItems } from '../lib/corrections.ts';
import { SITE_NAME } from '../lib/site-meta.ts';

export const GET: APIRoute = async ({ site }) => {
  const chronology = await loadChronology();
  return rss({
    title: SITE_NAME,
    description:
      'Events of the Nagorno-Karabakh chronology, each attributed to the sources that report it, and dated corrections to them.',
    site: site!,
    items: [...eventsFeedItems(chronology, site!.href), ...correctionFeedItems(chronology, site!.href)],
    trailingSlash: true,
  });
};
