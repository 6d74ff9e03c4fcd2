/** Small, valid chronology records for unit tests of src/lib, each overridable field by field. */
import { edtfBounds } from '../../src/lib/edtf-dates.ts';
import type { ChronologyEvent } from '../../src/lib/model.ts';

/** A minimal valid event on `date` (EDTF), with one claim of source "alpha" and no disputes. */
export const testEvent = (id: string, date: string, rest: Partial<ChronologyEvent> = {}): ChronologyEvent => ({
  id,
  title: `Title of ${id}`,
  date,
  bounds: edtfBounds(date),
  corrections: [],
  dateBasis: { kind: 'inferred', note: 'From the sources.' },
  summary: `Summary of ${id}.`,
  era: 'war',
  places: [],
  tags: [],
  claims: [{ id: 'c1', source: 'alpha', quote: `Quote about ${id}.`, kind: 'text' }],
  disputes: [],
  ...rest,
});
