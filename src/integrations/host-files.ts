/**
 * Writes robots.txt and _headers (src/lib/host-files.ts) into the built folder once the pages
 * are built. _headers is not a page: Astro does not route files named with a leading "_".
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { headersFile, robotsTxt } from '../lib/host-files.ts';

export function hostFiles(): AstroIntegration {
  let site: string | undefined;
  return {
    name: 'host-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site;
      },
      'astro:build:done': ({ dir, logger }) => {
        if (!site) throw new Error('astro.config.mjs: site: is needed for robots.txt and _headers');
        const root = fileURLToPath(dir);
        // Written before listing, so both appear among the top-level entries _headers covers.
        writeFileSync(join(root, 'robots.txt'), robotsTxt(site));
        const topLevel = readdirSync(root, { withFileTypes: true }).map((entry) => ({
          name: entry.name,
          folder: entry.isDirectory(),
        }));
        writeFileSync(join(root, '_headers'), headersFile(site, topLevel));
        logger.info('wrote robots.txt and _headers');
      },
    },
  };
}
