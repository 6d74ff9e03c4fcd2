/** The built site's /data/events.json, typed by the published schema, for the browser tests. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventsFile, PublishedEvent } from '../../src/schemas/published.ts';
import { distDir } from './project.ts';

export type { PublishedEvent };

/** The events file of `dist`, whether it exists, and its events (none when the site is not built). */
export function publishedEvents(dist: string = distDir()): { file: string; built: boolean; events: PublishedEvent[] } {
  const file = join(dist, 'data', 'events.json');
  const built = existsSync(file);
  const events = built ? (JSON.parse(readFileSync(file, 'utf8')) as EventsFile).events : [];
  return { file, built, events };
}
