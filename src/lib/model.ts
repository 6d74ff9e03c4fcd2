/**
 * The chronology as the pages and exports see it: validated content with ids resolved to
 * strings and dates expanded. Everything in src/lib takes these plain objects as arguments,
 * so it runs the same in the build, in scripts and in unit tests.
 */
import type { EdtfBounds } from './edtf-dates.ts';
import type { SourceData } from '../schemas/source.ts';
import type { PlaceData } from '../schemas/place.ts';
import type { EraData } from '../schemas/era.ts';
import type { EventData } from '../schemas/event.ts';
import { compareText } from './order.ts';

export type { Claim, ClaimKind, Correction, DateBasis, Dispute, DisputePosition } from '../schemas/event.ts';

/** One event: its validated frontmatter (see src/schemas/event.ts) plus its id and expanded date. */
export type ChronologyEvent = EventData & {
  /** Permanent id: the file name, and the permalink `/events/<id>/`. */
  id: string;
  bounds: EdtfBounds;
};

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
    compareText(a.bounds.start, b.bounds.start) ||
    compareText(a.bounds.end ?? '9999', b.bounds.end ?? '9999') ||
    compareText(a.id, b.id)
  );
}
