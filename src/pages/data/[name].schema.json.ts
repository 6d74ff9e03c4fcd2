/** The JSON Schema of each JSON data file (/data/<name>.schema.json), generated from its zod schema at build time. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { PUBLISHED_FILE_SCHEMAS, publishedJsonSchema, type PublishedFileName } from '../../schemas/published.ts';
import { jsonFileBody } from '../../lib/data-export.ts';

export const getStaticPaths = (() =>
  Object.keys(PUBLISHED_FILE_SCHEMAS).map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) =>
  new Response(jsonFileBody(publishedJsonSchema(params.name as PublishedFileName, site!.href)), {
    headers: { 'Content-Type': 'application/schema+json' },
  });
