/**
 * The chronology as the pages and exports see it: validated content with ids resolved to
 * strings and dates expanded. Everything in src/lib takes these plain objects as arguments,
 * so it runs the same in the build, in scripts and in unit tests.
 */
import type { EdtfBounds } from './edtf-dates.ts';
import type { SourceData } from '../schemas/source.ts';
import type { PlaceData } from '../schemas/place.ts';
import type { EraData } from '../schemas/era.ts';

export type ClaimKind = 'text' | 'caption' | 'reported-speech';

export interface Claim {
  /** Unique within its event. */
  id: string;
  /** Source id. */
  source: string;
  /** Verbatim passage of the source's article. */
  quote: string;
  kind: ClaimKind;
  note?: string | undefined;
}

export interface DisputePosition {
  source: string;
  /** Id of a claim on the same event. */
  claim: string;
  answer: string;
}

export interface Dispute {
  question: string;
  positions: DisputePosition[];
}

/** A dated note on a substantive change to an event after publication. */
export interface Correction {
  /** Day the correction was published, YYYY-MM-DD. */
  date: string;
  note: string;
}

export interface DateBasis {
  kind: 'stated' | 'inferred';
  claim?: string | undefined;
  note?: string | undefined;
}

export interface ChronologyEvent {
  /** Permanent id: the file name, and the permalink `/events/<id>/`. */
  id: string;
  title: string;
  /** EDTF as written. */
  date: string;
  bounds: EdtfBounds;
  dateBasis: DateBasis;
  summary: string;
  era: string;
  places: string[];
  tags: string[];
  claims: Claim[];
  disputes: Dispute[];
  /** Oldest first. */
  corrections: Correction[];
}

export interface Source extends SourceData {
  id: string;
}

export interface Place extends PlaceData {
  id: string;
}

export type Era = EraData;

export interface Chronology {
  /** Sorted by start day, then end day, then id. */
  events: ChronologyEvent[];
  sources: Source[];
  places: Place[];
  eras: Era[];
  /** Version of the content, e.g. the date of the last content commit (YYYY-MM-DD). */
  version: string;
  /** Old event ids of renamed events, mapped to their current ids. */
  redirects: Record<string, string>;
}

/** Orders events by earliest day, then latest day (open ends last), then id, for a stable order. */
export function compareEvents(a: ChronologyEvent, b: ChronologyEvent): number {
  return (
    a.bounds.start.localeCompare(b.bounds.start) ||
    (a.bounds.end ?? '9999').localeCompare(b.bounds.end ?? '9999') ||
    a.id.localeCompare(b.id)
  );
}
