/** The JSON Schema of /data/events.json, generated from the zod schema at build time. */
import type { APIRoute } from 'astro';
import { eventsJsonSchema } from '../../schemas/published.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`${JSON.stringify(eventsJsonSchema(site!.href), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/schema+json' },
  });
