/**
 * Writes each event's citation downloads (events/<id>/citation.bib, .ris, .json) once the
 * pages are built, from the published /data/events.json. As Astro endpoints they were three
 * routes per event, a quarter of the whole build's routes at 10,000 events (README, Performance).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { citationFileBodies } from '../lib/event-citation-files.ts';
import type { EventsFile } from '../schemas/published.ts';

export function citationFiles(): AstroIntegration {
  return {
    name: 'citation-files',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const data = JSON.parse(readFileSync(join(root, 'data', 'events.json'), 'utf8')) as EventsFile;
        for (const event of data.events) {
          for (const [file, body] of Object.entries(citationFileBodies(event, event.url, data.version))) {
            writeFileSync(join(root, 'events', event.id, file), body);
          }
        }
        logger.info(`wrote citation files for ${data.events.length} events`);
      },
    },
  };
}
