// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { citationFiles } from './src/integrations/citation-files.ts';
import { hostFiles } from './src/integrations/host-files.ts';

/**
 * The site's public address, used for canonical URLs, the sitemap, the feed, citations,
 * robots.txt and the 404 page's links (README, "Publishing"). Every link between pages is
 * relative, so the built folder also works from disk (file://) and under any sub-path.
 */
// A folder address must end in "/" or URLs resolved against it drop its last segment.
const site = (process.env.SITE_URL ?? 'https://karabakh-chronology.example.org/').replace(/\/?$/, '/');

export default defineConfig({
  site,
  // scripts/build.ts builds into a staging folder and swaps it in; the benchmark and the tests
  // build elsewhere so they never touch dist/.
  outDir: process.env.CHRONOLOGY_OUT_DIR ?? './dist',
  // Content cache: scripts/build.ts gives each build of another folder a cache of its own, so
  // concurrent builds of different content never read each other's entries.
  cacheDir: process.env.CHRONOLOGY_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Inlined CSS needs no root-relative <link>, which would break file:// and sub-paths.
    inlineStylesheets: 'always',
  },
  devToolbar: { enabled: false },
  integrations: [
    // Articles must render verbatim: no curly-quote, dash or ellipsis substitution.
    mdx({ smartypants: false }),
    sitemap(),
    citationFiles(),
    hostFiles(),
  ],
});
