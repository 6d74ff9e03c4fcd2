/** Per-event citation downloads: /events/<id>/citation.bib, .ris and .json. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadChronology } from '../../../lib/load-chronology.ts';
import { CITATION_FILES, citationFileBody, type CitationFile } from '../../../lib/event-citation-files.ts';
import { absoluteUrl, routes } from '../../../lib/site-paths.ts';

export const getStaticPaths = (async () => {
  const chronology = await loadChronology();
  return chronology.events.flatMap((event) =>
    Object.keys(CITATION_FILES).map((file) => ({ params: { id: event.id, file }, props: { event, version: chronology.version } })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, props, site }) => {
  const file = params.file as CitationFile;
  const url = absoluteUrl(site!, routes.event(props.event.id));
  return new Response(citationFileBody(file, props.event, url, props.version), {
    headers: { 'Content-Type': CITATION_FILES[file].type },
  });
};
