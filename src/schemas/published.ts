import { z } from 'astro/zod';
import { eraSchema } from './era.ts';
import { eventSchema } from './event.ts';
import { placeSchema } from './place.ts';
import { NON_ARTICLE_KINDS, sourceSchema } from './source.ts';

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

const version = z.string().describe('Version of the chronology content (date of the last content change).');
const pageUrl = z.url().describe('Absolute address of its page on this site.');
const eventIds = z.array(z.string()).describe('Ids of the events concerned, in chronological order.');
/**
 * Where the content has an optional field, the record gives null: "the capture does not say"
 * reads as a fact. Records reuse the content's own field schemas wherever the field is the same.
 */
const orNull = (schema: z.ZodString, what: string) => schema.nullable().describe(`${what}; null when there is none.`);

/** One source as published in /data/sources.json. */
export const publishedSourceSchema = z.strictObject({
  id: z.string().describe('Id of the source; its page is /sources/<id>/.'),
  url: pageUrl,
  title: sourceSchema.shape.title,
  titleSupplied: sourceSchema.shape.titleSupplied,
  shortName: orNull(z.string(), "The editors' short name, for a source with neither publisher nor named author"),
  subtitle: orNull(z.string(), 'Subtitle or dek shown by the capture'),
  publisher: orNull(z.string(), 'Publisher, only where the capture names it'),
  publisherBasis: orNull(z.string(), 'How the publisher is known from the capture'),
  authorStatus: sourceSchema.shape.authorStatus,
  authors: z
    .array(
      sourceSchema.shape.authors.element.extend({
        affiliation: orNull(z.string(), 'Affiliation exactly as the text states it'),
      }),
    )
    .describe('Named authors; empty unless authorStatus is named.'),
  authorNote: orNull(z.string(), 'What the text says about the author, or where the name comes from'),
  translator: orNull(z.string(), 'Translator, where the text names one'),
  published: z.string().describe('Publication date as EDTF.'),
  publishedStart: z.iso.date().describe('Earliest possible publication day.'),
  publishedEnd: z.iso.date().nullable().describe('Latest possible publication day; null for an open end.'),
  publishedBasis: sourceSchema.shape.publishedBasis,
  genre: sourceSchema.shape.genre,
  language: sourceSchema.shape.language,
  respondsTo: orNull(z.string(), 'What the article says it responds to'),
  originalPublication: orNull(z.string(), 'Earlier publication of the same text, as the text states it'),
  originalUrl: orNull(z.string(), "The article's own address, only where its text establishes it"),
  captureFile: z.string().describe('File name of the capture.'),
  captureUrl: z.url().describe('Absolute address of the capture on this site.'),
  sha256: z.string().describe('SHA-256 of the capture, as hexadecimal.'),
  nonArticle: z
    .array(
      z.strictObject({
        lines: z.tuple([z.int(), z.int()]).describe('First and last line of the capture (1-based, inclusive).'),
        kind: z.enum(NON_ARTICLE_KINDS).describe('What this text is.'),
        note: orNull(z.string(), 'Why it is excluded'),
      }),
    )
    .describe('Line ranges of the capture that are not the article: no claim quotes them.'),
  events: eventIds.describe('Ids of the events that quote this source, in chronological order.'),
});

/** The whole of /data/sources.json. */
export const publishedSourcesFileSchema = z.strictObject({
  version,
  sources: z.array(publishedSourceSchema).describe('Every source, sorted by id.'),
});

/** The whole of /data/places.json. */
export const publishedPlacesFileSchema = z.strictObject({
  version,
  places: z
    .array(
      z.strictObject({
        id: z.string().describe('Id of the place.'),
        url: pageUrl,
        label: placeSchema.shape.label,
        kind: placeSchema.shape.kind,
        names: z
          .array(
            placeSchema.shape.names.element.extend({ note: orNull(z.string(), 'Who uses this name, per the sources') }),
          )
          .describe('Every name and spelling the sources use for this place.'),
        events: eventIds.describe('Ids of the events set at this place, in chronological order.'),
      }),
    )
    .describe('Every place, sorted by id.'),
});

/** The whole of /data/eras.json. */
export const publishedErasFileSchema = z.strictObject({
  version,
  eras: z
    .array(
      z.strictObject({
        id: eraSchema.shape.id,
        url: pageUrl,
        name: eraSchema.shape.name,
        start: eraSchema.shape.start,
        end: eraSchema.shape.end,
        description: eraSchema.shape.description,
        events: eventIds.describe('Ids of the events grouped under this era, in chronological order.'),
      }),
    )
    .describe('The editorial eras, in date order.'),
});

export type PublishedSource = z.output<typeof publishedSourceSchema>;
export type SourcesFile = z.output<typeof publishedSourcesFileSchema>;
export type PlacesFile = z.output<typeof publishedPlacesFileSchema>;
export type ErasFile = z.output<typeof publishedErasFileSchema>;

/** Each published JSON data file with a JSON Schema of its own, by the file's base name. */
export const PUBLISHED_FILE_SCHEMAS = {
  events: publishedEventsFileSchema,
  sources: publishedSourcesFileSchema,
  places: publishedPlacesFileSchema,
  eras: publishedErasFileSchema,
} as const;

export type PublishedFileName = keyof typeof PUBLISHED_FILE_SCHEMAS;

/** JSON Schema (draft 2020-12) of /data/<name>.json, generated from its zod schema. */
export function publishedJsonSchema(name: PublishedFileName, siteUrl: string): Record<string, unknown> {
  return {
    ...z.toJSONSchema(PUBLISHED_FILE_SCHEMAS[name], { io: 'output', target: 'draft-2020-12' }),
    $id: new URL(`data/${name}.schema.json`, siteUrl).href,
    title: `Nagorno-Karabakh chronology: ${name}`,
  };
}

/** JSON Schema of /data/events.json. */
export const eventsJsonSchema = (siteUrl: string): Record<string, unknown> => publishedJsonSchema('events', siteUrl);
