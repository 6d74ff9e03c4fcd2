/**
 * getStaticPaths of the pages that exist once per source, era or place (and per part of a
 * list split by years), shared by every route of that kind so that they list the same pages,
 * each given its records, and its neighbours in the series, as props.
 */
import { loadChronology } from './load-chronology.ts';
import type { Chronology, ChronologyEvent, Era, Place, Source } from './model.ts';
import { eventsAtPlace, eventsCitingSource } from './event-view.ts';
import type { ChronologyPart } from './chronology-groups.ts';
import {
  chronologyParts,
  eventsInEra,
  partPages,
  withNeighbours,
  type EraSummary,
  type Neighbours,
  type PartPage,
} from './chronology-pages.ts';
import { sourceEraSummaries } from './source-page.ts';
import { routes } from './site-paths.ts';

export interface SourcePageProps {
  chronology: Chronology;
  source: Source;
  /** The events that quote the source, in chronological order. */
  events: ChronologyEvent[];
  /** The eras those events fall in, with their counts and the source's pages for each. */
  summaries: EraSummary[];
}

export interface EraPageProps extends Neighbours {
  era: Era;
}

export interface EraPartPageProps extends PartPage {
  era: Era;
}

export interface PlacePartPageProps extends PartPage {
  place: Place;
}

export interface SourceEraPageProps extends Neighbours {
  source: Source;
  era: Era;
  /** The events of the era that quote the source. */
  events: ChronologyEvent[];
  /** Their pages by year or years when one page cannot hold them, else none. */
  parts: ChronologyPart[];
}

export interface SourceEraPartPageProps extends PartPage {
  source: Source;
  era: Era;
}

/** One page per source (/sources/<id>/ and /sources/<id>/chronology/). */
export async function sourcePagePaths(): Promise<{ params: { id: string }; props: SourcePageProps }[]> {
  const chronology = await loadChronology();
  return chronology.sources.map((source) => {
    const events = eventsCitingSource(chronology, source.id);
    const summaries = sourceEraSummaries(source.id, events, chronology.eras);
    return { params: { id: source.id }, props: { chronology, source, events, summaries } };
  });
}

/** One page per era (/eras/<id>/). */
export async function eraPagePaths(): Promise<{ params: { id: string }; props: EraPageProps }[]> {
  const { eras } = await loadChronology();
  return withNeighbours(eras, (era) => ({ path: routes.era(era.id), label: era.name })).map(
    ({ item: era, ...neighbours }) => ({ params: { id: era.id }, props: { era, ...neighbours } }),
  );
}

/** The pages of a list split by years (at `partPath(slug)`): the list's own params and props, and each part's. */
function partPaths<Params extends object, Props extends object>(
  events: readonly ChronologyEvent[],
  partPath: (slug: string) => string,
  params: Params,
  props: Props,
): { params: Params & { part: string }; props: Props & PartPage }[] {
  return partPages(events, partPath).map((page) => ({
    params: { ...params, part: page.part.slug },
    props: { ...props, ...page },
  }));
}

/** One page per part of a split era (/eras/<id>/<years>/). */
export async function eraPartPagePaths() {
  const chronology = await loadChronology();
  return chronology.eras.flatMap((era) =>
    partPaths(eventsInEra(chronology.events, era), (slug) => routes.eraPart(era.id, slug), { id: era.id }, { era }),
  );
}

/** One page per part of a place with many events (/places/<id>/<years>/). */
export async function placePartPagePaths() {
  const chronology = await loadChronology();
  return chronology.places.flatMap((place) =>
    partPaths(
      eventsAtPlace(chronology, place.id),
      (slug) => routes.placePart(place.id, slug),
      { id: place.id },
      { place },
    ),
  );
}

/** One page per source and era, empty or not (/sources/<id>/chronology/<era>/). */
export async function sourceEraPagePaths(): Promise<
  { params: { id: string; era: string }; props: SourceEraPageProps }[]
> {
  const chronology = await loadChronology();
  return chronology.sources.flatMap((source) => {
    const cited = eventsCitingSource(chronology, source.id);
    const eraPage = (era: Era) => ({ path: routes.sourceChronologyEra(source.id, era.id), label: era.name });
    return withNeighbours(chronology.eras, eraPage).map(({ item: era, ...neighbours }) => {
      const events = eventsInEra(cited, era);
      return {
        params: { id: source.id, era: era.id },
        props: { source, era, events, parts: chronologyParts(events), ...neighbours },
      };
    });
  });
}

/** One page per part of a split source-era page (/sources/<id>/chronology/<era>/<years>/). */
export async function sourceEraPartPagePaths() {
  const chronology = await loadChronology();
  return chronology.sources.flatMap((source) => {
    const cited = eventsCitingSource(chronology, source.id);
    return chronology.eras.flatMap((era) =>
      partPaths(
        eventsInEra(cited, era),
        (slug) => routes.sourceChronologyEraPart(source.id, era.id, slug),
        { id: source.id, era: era.id },
        { source, era },
      ),
    );
  });
}
