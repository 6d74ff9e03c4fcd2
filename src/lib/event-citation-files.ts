/**
 * The per-event citation downloads (BibTeX, RIS, CSL-JSON) as static endpoints share one
 * list of formats, so adding a format is one line here.
 */
import type { ChronologyEvent } from './model.ts';
import { citeEvent } from './citation.ts';
import { SITE_NAME } from './site-meta.ts';

export const CITATION_FILES = {
  'citation.bib': { type: 'application/x-bibtex; charset=utf-8', body: (c: ReturnType<typeof citeEvent>) => c.bibtex },
  'citation.ris': { type: 'application/x-research-info-systems; charset=utf-8', body: (c: ReturnType<typeof citeEvent>) => c.ris },
  'citation.json': { type: 'application/vnd.citationstyles.csl+json; charset=utf-8', body: (c: ReturnType<typeof citeEvent>) => `${JSON.stringify(c.cslJson, null, 2)}\n` },
} as const;

export type CitationFile = keyof typeof CITATION_FILES;

/** The body of one citation download for an event. */
export function citationFileBody(file: CitationFile, event: ChronologyEvent, url: string, version: string): string {
  return CITATION_FILES[file].body(citeEvent({ event, url, siteName: SITE_NAME, version }));
}
