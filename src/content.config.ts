/**
 * The content collections: the one source of truth for the shape of sources, events, places
 * and eras. The schemas themselves live in src/schemas/ so that unit tests and the published
 * JSON Schema use the very same definitions.
 */
import { defineCollection, reference } from 'astro:content';
import { file, glob, type Loader, type LoaderContext } from 'astro/loaders';
import { CONTENT_ROOT } from './content-root.ts';
import { sourceSchema } from './schemas/source.ts';
import { eventSchema } from './schemas/event.ts';
import { placeSchema } from './schemas/place.ts';
import { eraSchema } from './schemas/era.ts';

const sources = defineCollection({
  loader: glob({ base: `${CONTENT_ROOT}/sources`, pattern: '*.mdx' }),
  schema: sourceSchema,
});

/**
 * glob() with MDX files read as Markdown. glob() turns every .mdx entry into a JavaScript
 * module for Vite to bundle; with thousands of events that bundling dominated the build
 * (see README, Performance). Event bodies are plain prose with no components, so they are
 * rendered once at load time like Markdown and kept in the content store instead.
 */
function markdownBodiedGlob(options: Parameters<typeof glob>[0]): Loader {
  const loader = glob(options);
  // `entryTypes` (file extension → parser) is passed to loaders but not part of the public
  // LoaderContext type; fail loudly if a future Astro stops passing it.
  type WithEntryTypes = LoaderContext & { entryTypes?: Map<string, unknown> };
  return {
    ...loader,
    name: 'markdown-bodied-glob',
    load: (context: WithEntryTypes) => {
      const markdown = context.entryTypes?.get('.md');
      if (!context.entryTypes || !markdown)
        throw new Error('markdown-bodied-glob: Astro no longer passes the Markdown entry type to loaders');
      return loader.load({
        ...context,
        entryTypes: new Map([...context.entryTypes, ['.mdx', markdown]]),
      } as WithEntryTypes);
    },
  };
}

const events = defineCollection({
  loader: markdownBodiedGlob({ base: `${CONTENT_ROOT}/events`, pattern: '*.mdx' }),
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
