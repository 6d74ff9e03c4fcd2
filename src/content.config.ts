/**
 * The content collections: the one source of truth for the shape of sources, events, places
 * and eras. The schemas themselves live in src/schemas/ so that unit tests and the published
 * JSON Schema use the very same definitions.
 */
import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { CONTENT_ROOT } from './content-root.ts';
import { sourceSchema } from './schemas/source.ts';
import { eventSchema } from './schemas/event.ts';
import { placeSchema } from './schemas/place.ts';
import { eraSchema } from './schemas/era.ts';

const sources = defineCollection({
  loader: glob({ base: `${CONTENT_ROOT}/sources`, pattern: '*.mdx' }),
  schema: sourceSchema,
});

const events = defineCollection({
  loader: glob({ base: `${CONTENT_ROOT}/events`, pattern: '*.mdx' }),
  schema: eventSchema({ source: reference('sources'), place: reference('places'), era: reference('eras') }),
});

const places = defineCollection({
  loader: glob({ base: `${CONTENT_ROOT}/places`, pattern: '*.json' }),
  schema: placeSchema,
});

const eras = defineCollection({
  loader: file(`${CONTENT_ROOT}/eras.json`),
  schema: eraSchema,
});

export const collections = { sources, events, places, eras };
