/**
 * The per-event citation downloads (BibTeX, RIS, CSL-JSON). One list of formats, so adding
 * a format is one entry here: src/integrations/citation-files.ts writes the files after the
 * build and CiteEvent.astro links to them.
 */
import type { ChronologyEvent } from './model.ts';
import { citeEvent, type EventCitation } from './citation.ts';
import { SITE_NAME } from './site-meta.ts';
import { jsonFileBody } from './data-export.ts';

export interface CitationFile {
  /** File name in the event's folder, next to its index.html. */
  file: string;
  /** File extension the download is saved with, after the event id. */
  extension: string;
  /** Link text. */
  label: string;
  /** Words after the link, saying what reads it; empty when none are needed. */
  note: string;
  body: (citation: EventCitation) => string;
}

export const CITATION_FILES: readonly CitationFile[] = [
  { file: 'citation.bib', extension: 'bib', label: 'BibTeX (.bib)', note: '', body: (c) => c.bibtex },
  {
    file: 'citation.ris',
    extension: 'ris',
    label: 'RIS (.ris)',
    note: 'for Zotero, EndNote and Mendeley',
    body: (c) => c.ris,
  },
  {
    file: 'citation.json',
    extension: 'json',
    label: 'CSL-JSON (.json)',
    note: '',
    body: (c) => jsonFileBody(c.cslJson),
  },
];

/** File name → contents of every citation download of one event. */
export function citationFileBodies(
  event: Pick<ChronologyEvent, 'id' | 'title' | 'date'>,
  url: string,
  version: string,
): Record<string, string> {
  const citation = citeEvent({ event, url, siteName: SITE_NAME, version });
  return Object.fromEntries(CITATION_FILES.map(({ file, body }) => [file, body(citation)]));
}
