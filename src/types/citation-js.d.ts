// @citation-js ships no type declarations; this covers the part of its API the tests use.
declare module '@citation-js/core' {
  /** A CSL-JSON item as Cite normalises it (names may come back as family/given or literal). */
  export interface CiteName {
    literal?: string;
    family?: string;
    given?: string;
  }
  export interface CiteItem {
    id: string;
    type: string;
    title?: string;
    'citation-key'?: string;
    'container-title'?: string;
    'collection-title'?: string;
    publisher?: string;
    author?: CiteName[];
    translator?: CiteName[];
    issued?: { 'date-parts'?: number[][]; circa?: boolean | number | string };
    version?: string;
    edition?: string;
    genre?: string;
    language?: string;
    note?: string;
    URL?: string;
    custom?: Record<string, unknown>;
    [field: string]: unknown;
  }
  export class Cite {
    /** Parses synchronously; enough for CSL-JSON, which needs no network look-ups. */
    constructor(data?: unknown, options?: Record<string, unknown>);
    /** Parses any input format a loaded plugin recognises (BibTeX, RIS, CSL-JSON, ...). */
    static async(data: unknown, options?: Record<string, unknown>): Promise<Cite>;
    data: CiteItem[];
    /** Formats the items, e.g. format('bibliography', { template: 'apa', format: 'text' }). */
    format(format: string, options?: Record<string, unknown>): string;
  }
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';
