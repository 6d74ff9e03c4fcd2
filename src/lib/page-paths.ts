/**
 * getStaticPaths of the pages that exist once per source or per era, shared by every route
 * of that kind so that they list the same pages, each given its record as a prop.
 */
import { loadChronology } from './load-chronology.ts';
import type { Era, Source } from './model.ts';

export interface SourcePageProps {
  source: Source;
}

export interface EraPageProps {
  era: Era;
}

/** One page per source (/sources/<id>/ and /sources/<id>/chronology/). */
export async function sourcePagePaths(): Promise<{ params: { id: string }; props: SourcePageProps }[]> {
  const { sources } = await loadChronology();
  return sources.map((source) => ({ params: { id: source.id }, props: { source } }));
}

/** One page per era (/eras/<id>/). */
export async function eraPagePaths(): Promise<{ params: { id: string }; props: EraPageProps }[]> {
  const { eras } = await loadChronology();
  return eras.map((era) => ({ params: { id: era.id }, props: { era } }));
}
