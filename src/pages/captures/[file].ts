/** The raw captures, byte for byte, so anyone can re-check a quote or a hash. */
import { readFileSync } from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadChronology } from '../../lib/load-chronology.ts';
import { CONTENT_ROOT } from '../../content-root.ts';

export const getStaticPaths = (async () => {
  const chronology = await loadChronology();
  return chronology.sources.map((source) => ({ params: { file: source.capture.file } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(readFileSync(`${CONTENT_ROOT}/sources/captures/${params.file}`), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
