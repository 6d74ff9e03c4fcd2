/**
 * schema.org JSON-LD for an event page: the event, where it happened, and each attributed
 * claim as a Quotation of its source, so search engines and reference tools see who said what.
 */
import type { ChronologyEvent, Place, Source } from './model.ts';

export function eventJsonLd(args: {
  event: ChronologyEvent;
  url: string;
  places: readonly Place[];
  sources: readonly Source[];
  siteName: string;
  version: string;
}): Record<string, unknown> {
  const { event, url, places, sources, siteName, version } = args;
  const byId = new Map(sources.map((s) => [s.id, s]));
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    '@id': url,
    url,
    name: event.title,
    description: event.summary,
    startDate: event.bounds.start,
    ...(event.bounds.end && { endDate: event.bounds.end }),
    location: places.map((p) => ({ '@type': 'Place', name: p.label, alternateName: p.names.map((n) => n.name) })),
    subjectOf: {
      '@type': 'WebPage',
      url,
      isPartOf: { '@type': 'WebSite', name: siteName },
      version,
      citation: event.claims.map((claim) => {
        const source = byId.get(claim.source);
        return {
          '@type': 'Quotation',
          text: claim.quote,
          isBasedOn: {
            '@type': 'CreativeWork',
            name: source?.title,
            ...(source?.publisher && { publisher: { '@type': 'Organization', name: source.publisher } }),
            ...(source?.authorStatus === 'named' && {
              author: source.authors.map((a) => ({ '@type': 'Person', name: a.name })),
            }),
          },
        };
      }),
    },
  };
}

/** Serialises JSON-LD for a <script> element, escaping `<` so no content can close the element. */
export const jsonLdScript = (data: unknown): string => JSON.stringify(data).replace(/</g, '\\u003c');
