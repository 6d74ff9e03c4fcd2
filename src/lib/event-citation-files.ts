/**
 * The per-event citation downloads (BibTeX, RIS, CSL-JSON). One list of formats, so adding
 * a format is one line here; src/integrations/citation-files.ts writes them after the build.
 */
import type { ChronologyEvent } from './model.ts';
import { citeEvent, type EventCitation } from './citation.ts';
import { SITE_NAME } from './site-meta.ts';
import { jsonFileBody } from './data-export.ts';

export const CITATION_FILES = {
  'citation.bib': (c: EventCitation) => c.bibtex,
  'citation.ris': (c: EventCitation) => c.ris,
  'citation.json': (c: EventCitation) => jsonFileBody(c.cslJson),
} as const;

/** File name → contents of every citation download of one event. */
export function citationFileBodies(event: Pick<ChronologyEvent, 'id' | 'title' | 'date'>, url: string, version: string): Record<string, string> {
  const citation = citeEvent({ event, url, siteName: SITE_NAME, version });
  return Object.fromEntries(Object.entries(CITATION_FILES).map(([file, body]) => [file, body(citation)]));
}
