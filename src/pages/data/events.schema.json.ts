/** The JSON Schema of /data/events.json, generated from the zod schema at build time. */
import type { APIRoute } from 'astro';
import { eventsJsonSchema } from '../../schemas/published.ts';
import { jsonFileBody } from '../../lib/data-export.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(jsonFileBody(eventsJsonSchema(site!.href)), {
    headers: { 'Content-Type': 'application/schema+json' },
  });
