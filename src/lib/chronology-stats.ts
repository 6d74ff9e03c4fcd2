/** The counts the home page and the methodology page state about the chronology, computed once. */
import type { Chronology } from './model.ts';

export interface ChronologyStats {
  events: number;
  /** Quotations: every claim of every event. */
  claims: number;
  /** Events that record at least one disagreement between sources. */
  disputedEvents: number;
}

export function chronologyStats(chronology: Pick<Chronology, 'events'>): ChronologyStats {
  const { events } = chronology;
  return {
    events: events.length,
    claims: events.reduce((sum, event) => sum + event.claims.length, 0),
    disputedEvents: events.filter((event) => event.disputes.length > 0).length,
  };
}
