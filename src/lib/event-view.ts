/**
 * What an event page shows, computed from the chronology: claims grouped by source,
 * neighbours in time, and the names of places. Pages only render these values.
 */
import type { Chronology, ChronologyEvent, Claim, Place, Source } from './model.ts';

/** The props of the parts of an event's page that show its claims: the event, and every source (for names and titles). */
export interface EventClaimsProps {
  event: ChronologyEvent;
  sources: Source[];
}

/** A source's claims on one event, in the order the event lists them. */
export interface ClaimsBySource {
  source: Source;
  claims: Claim[];
}

/** Groups an event's claims by source, keeping the order in which each source first appears. */
export function groupClaimsBySource(event: ChronologyEvent, sources: readonly Source[]): ClaimsBySource[] {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const groups = new Map<string, ClaimsBySource>();
  for (const claim of event.claims) {
    const source = byId.get(claim.source);
    if (!source) throw new Error(`event ${event.id}: unknown source ${claim.source}`);
    const group = groups.get(source.id) ?? { source, claims: [] };
    group.claims.push(claim);
    groups.set(source.id, group);
  }
  return [...groups.values()];
}

/** The events before and after `id` in chronological order. */
export function neighbours(
  events: readonly ChronologyEvent[],
  id: string,
): { previous?: ChronologyEvent; next?: ChronologyEvent } {
  const index = events.findIndex((e) => e.id === id);
  if (index === -1) throw new Error(`no event ${id}`);
  const previous = events[index - 1];
  const next = events[index + 1];
  return { ...(previous && { previous }), ...(next && { next }) };
}

/** "Karén Karslyan", "Anonymous author", or "Author not stated in the capture". */
export function authorLine(source: Source): string {
  if (source.authorStatus === 'anonymous') return 'Anonymous author';
  if (source.authorStatus === 'not-stated') return 'Author not named in the capture';
  return source.authors.map((a) => a.name).join(', ');
}

/** A source's short display name: publisher where known, else author, else the editors' short name, else its title. */
export function sourceShortName(source: Source): string {
  if (source.publisher) return source.publisher;
  if (source.authorStatus === 'named' && source.authors[0]) return source.authors[0].name;
  return source.shortName ?? source.title;
}

const GENRE_WORDS: Record<Source['genre'], string> = {
  'news-report': 'news report',
  analysis: 'analysis',
  opinion: 'opinion',
  rebuttal: 'rebuttal',
};

/** The genre as words for readers. */
export const genreInWords = (source: Source): string => GENRE_WORDS[source.genre];

/** Places of an event, resolved to their records. */
export function eventPlaces(event: ChronologyEvent, places: readonly Place[]): Place[] {
  const byId = new Map(places.map((p) => [p.id, p]));
  return event.places.map((id) => {
    const place = byId.get(id);
    if (!place) throw new Error(`event ${event.id}: unknown place ${id}`);
    return place;
  });
}

/** A place's names other than those already in its label, with where each comes from. */
export const otherNames = (place: Place): Place['names'] =>
  place.names.filter((n) => !place.label.split(' / ').includes(n.name));

/** Events that cite the given source, in chronological order. */
export const eventsCitingSource = (chronology: Chronology, sourceId: string): ChronologyEvent[] =>
  chronology.events.filter((e) => e.claims.some((c) => c.source === sourceId));

/** Events at a place, in chronological order. */
export const eventsAtPlace = (chronology: Chronology, placeId: string): ChronologyEvent[] =>
  chronology.events.filter((e) => e.places.includes(placeId));
