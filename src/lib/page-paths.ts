/**
 * getStaticPaths of the pages that exist once per source or per era, shared by every route
 * of that kind so that they list the same pages, each given its record as a prop.
 */
import { loadChronology } from './load-chronology.ts';
import type { ChronologyEvent, Era, Source } from './model.ts';
import { eventsCitingSource } from './event-view.ts';

export interface SourcePageProps {
  source: Source;
  /** The events that quote the source, in chronological order. */
  events: ChronologyEvent[];
}

export interface EraPageProps {
  era: Era;
}

/** One page per source (/sources/<id>/ and /sources/<id>/chronology/). */
export async function sourcePagePaths(): Promise<{ params: { id: string }; props: SourcePageProps }[]> {
  const chronology = await loadChronology();
  return chronology.sources.map((source) => ({
    params: { id: source.id },
    props: { source, events: eventsCitingSource(chronology, source.id) },
  }));
}

/** One page per era (/eras/<id>/). */
export async function eraPagePaths(): Promise<{ params: { id: string }; props: EraPageProps }[]> {
  const { eras } = await loadChronology();
  return eras.map((era) => ({ params: { id: era.id }, props: { era } }));
}
