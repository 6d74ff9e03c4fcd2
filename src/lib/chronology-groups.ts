/**
 * Groupings of the chronology for reading: by era and year (the reading view), a window of
 * neighbours (the event-page strip), and pages of bounded size (era and source pages split
 * by year or years when large, so no page grows with the whole chronology).
 */
import { compareEvents, type ChronologyEvent, type Era } from './model.ts';
import { orderedEras } from './timeline/scale.ts';

export interface YearGroup {
  year: string;
  events: ChronologyEvent[];
}

export interface EraGroup {
  era: Era;
  years: YearGroup[];
}

/** The year an event is filed under: the year it starts in. */
export const eventYear = (event: Pick<ChronologyEvent, 'bounds'>): string => event.bounds.start.slice(0, 4);

/** Events in date order (start, then end, then id), grouped by consecutive equal keys. */
function groupInOrder<K>(
  events: readonly ChronologyEvent[],
  keyOf: (event: ChronologyEvent) => K,
): { key: K; events: ChronologyEvent[] }[] {
  const groups: { key: K; events: ChronologyEvent[] }[] = [];
  for (const event of [...events].sort(compareEvents)) {
    const key = keyOf(event);
    const last = groups.at(-1);
    if (last && last.key === key) last.events.push(event);
    else groups.push({ key, events: [event] });
  }
  return groups;
}

/** Events grouped by era, then by the year they start in; eras without events are left out. */
export function groupByEraAndYear(events: readonly ChronologyEvent[], eras: readonly Era[]): EraGroup[] {
  return orderedEras(eras)
    .map((era) => ({
      era,
      years: groupInOrder(
        events.filter((e) => e.era === era.id),
        eventYear,
      ).map(({ key, events: list }) => ({ year: key, events: list })),
    }))
    .filter((group) => group.years.length > 0);
}

export interface StripWindow {
  era: Era;
  events: ChronologyEvent[];
  /** Events of the era left out before and after the window. */
  before: number;
  after: number;
}

/** The current event's era, cut to at most `around` events either side of it. */
export function stripWindow(
  events: readonly ChronologyEvent[],
  current: string,
  eras: readonly Era[],
  around: number,
): StripWindow {
  const event = events.find((e) => e.id === current);
  if (!event) throw new Error(`no event ${current}`);
  const era = eras.find((e) => e.id === event.era);
  if (!era) throw new Error(`event ${current}: unknown era ${event.era}`);
  const inEra = events.filter((e) => e.era === era.id).sort(compareEvents);
  const index = inEra.findIndex((e) => e.id === current);
  const from = Math.max(0, index - around);
  const to = Math.min(inEra.length, index + around + 1);
  return { era, events: inEra.slice(from, to), before: from, after: inEra.length - to };
}

/** One page of a split chronology. */
export interface ChronologyPart {
  /** URL segment: "1992", "1921-1930", or "2023-2" for the second page of one crowded year. */
  slug: string;
  /** "1992", "1921–1930", "2023 (part 2 of 3)". */
  label: string;
  events: ChronologyEvent[];
}

/**
 * Splits events (any order) into pages of at most `limit` events, in date order: whole years,
 * consecutive years merged while they fit; a year with more than `limit` events alone is cut
 * into numbered parts. Empty input gives no parts.
 */
export function splitByYears(events: readonly ChronologyEvent[], limit: number): ChronologyPart[] {
  if (!(limit >= 1)) throw new Error(`splitByYears: limit must be at least 1, not ${limit}`);
  const parts: ChronologyPart[] = [];
  let pending: { years: string[]; events: ChronologyEvent[] } | undefined;
  const flush = () => {
    if (!pending) return;
    const first = pending.years[0]!;
    const last = pending.years.at(-1)!;
    parts.push(
      first === last
        ? { slug: first, label: first, events: pending.events }
        : { slug: `${first}-${last}`, label: `${first}–${last}`, events: pending.events },
    );
    pending = undefined;
  };
  for (const { key: year, events: list } of groupInOrder(events, eventYear)) {
    if (list.length > limit) {
      flush();
      const count = Math.ceil(list.length / limit);
      for (let index = 0; index < count; index++) {
        parts.push({
          slug: `${year}-${index + 1}`,
          label: `${year} (part ${index + 1} of ${count})`,
          events: list.slice(index * limit, (index + 1) * limit),
        });
      }
    } else if (pending && pending.events.length + list.length <= limit) {
      pending.years.push(year);
      pending.events.push(...list);
    } else {
      flush();
      pending = { years: [year], events: [...list] };
    }
  }
  flush();
  return parts;
}
