import { z } from 'astro/zod';
import { eventSchema } from './event.ts';

const id = (what: string) => z.string().describe(`Id of a ${what}.`);

/**
 * One event as published in /data/events.json: the frontmatter schema with ids as plain
 * strings, plus what the build derives (permalink, bounds, precision). Generated from the
 * same eventSchema as the content collection, so the contract cannot drift from the code.
 */
export const publishedEventSchema = eventSchema({ source: id('source'), place: id('place'), era: id('era') }).extend({
  id: z.string().describe('Permanent id; the permalink is /events/<id>/.'),
  url: z.url().describe('Absolute permalink of the event page.'),
  start: z.iso.date().describe('Earliest possible day, derived from date.'),
  end: z.iso.date().nullable().describe('Latest possible day, derived from date (null for an open end).'),
  precision: z.enum(['day', 'month', 'year', 'range']).describe('Precision of date.'),
  approximate: z.boolean().describe('Whether the date is approximate (~).'),
  uncertain: z.boolean().describe('Whether the date is uncertain (?).'),
});

/** The whole of /data/events.json. */
export const publishedEventsFileSchema = z.strictObject({
  version: z.string().describe('Version of the chronology content (date of the last content change).'),
  events: z.array(publishedEventSchema).describe('Every event, sorted by start date.'),
});

/** One event as published in /data/events.json: the one definition, used by the export, the integration and the tests. */
export type PublishedEvent = z.output<typeof publishedEventSchema>;
/** The whole of /data/events.json. */
export type EventsFile = z.output<typeof publishedEventsFileSchema>;

/** JSON Schema (draft 2020-12) of /data/events.json, generated from the zod schema. */
export function eventsJsonSchema(siteUrl: string): Record<string, unknown> {
  return {
    ...z.toJSONSchema(publishedEventsFileSchema, { io: 'output', target: 'draft-2020-12' }),
    $id: new URL('data/events.schema.json', siteUrl).href,
    title: 'Nagorno-Karabakh chronology: events',
  };
}
