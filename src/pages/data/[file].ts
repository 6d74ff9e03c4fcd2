/** The public data files under /data/, built from the validated chronology. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadChronology } from '../../lib/load-chronology.ts';
import {
  erasJson,
  eventsCsv,
  eventsJson,
  jsonFileBody as json,
  placesJson,
  sourcesJson,
} from '../../lib/data-export.ts';
import { citeSource } from '../../lib/citation.ts';
import { absoluteUrl, routes } from '../../lib/site-paths.ts';
import type { Chronology } from '../../lib/model.ts';

const FILES: Record<string, { type: string; body: (c: Chronology, site: string) => string }> = {
  'events.json': { type: 'application/json', body: (c, site) => json(eventsJson(c, site)) },
  'sources.json': { type: 'application/json', body: (c, site) => json(sourcesJson(c, site)) },
  'places.json': { type: 'application/json', body: (c, site) => json(placesJson(c, site)) },
  'eras.json': { type: 'application/json', body: (c, site) => json(erasJson(c, site)) },
  'events.csv': { type: 'text/csv; charset=utf-8', body: (c, site) => eventsCsv(c, site) },
  'sources.csl.json': {
    type: 'application/vnd.citationstyles.csl+json',
    body: (c, site) => json(c.sources.map((s) => citeSource(s, absoluteUrl(site, routes.source(s.id))))),
  },
};

export const getStaticPaths = (() => Object.keys(FILES).map((file) => ({ params: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const file = FILES[params.file!]!;
  return new Response(file.body(await loadChronology(), site!.href), { headers: { 'Content-Type': file.type } });
};
