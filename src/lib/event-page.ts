/**
 * The words and head metadata of one event's page, computed here so that the page only
 * renders them: how precisely and on what basis the date is known, the places with their
 * other names, and the citation / Dublin Core meta tags that reference managers read.
 */
import type { DatePrecision } from './edtf-dates.ts';
import type { ChronologyEvent, ClaimKind, DateBasis, Place, Source } from './model.ts';
import { eventPlaces, otherNames, sourceShortName } from './event-view.ts';

/** How precisely a date of each precision is known, in the reader's words. */
export const PRECISION_WORDS: Record<DatePrecision, string> = {
  day: 'to the day',
  month: 'to the month',
  year: 'to the year',
  range: 'as a range',
};

/** Where a quoted passage stands in its article, as the label under each quote says it. */
export const CLAIM_KIND_WORDS: Record<ClaimKind, string> = {
  text: 'Article text',
  caption: 'Photo caption',
  'reported-speech': 'Reported speech',
};

/** The two ways a date can be known, as the facts list names them. */
export const DATE_BASIS_WORDS: Record<DateBasis['kind'], string> = {
  stated: 'Stated by a source',
  inferred: 'Inferred by the editors',
};

/**
 * The note after the date: "known to the month, approximate; date stated by Meduza" or
 * "known to the year; date inferred by the editors". Names the source whose claim states it.
 */
export function dateKnownNote(event: ChronologyEvent, sources: readonly Source[]): string {
  const { bounds, dateBasis } = event;
  const qualities = [
    PRECISION_WORDS[bounds.precision],
    ...(bounds.approximate ? ['approximate'] : []),
    ...(bounds.uncertain ? ['uncertain'] : []),
  ];
  const claim = event.claims.find((c) => c.id === dateBasis.claim);
  const source = claim && sources.find((s) => s.id === claim.source);
  const basis =
    dateBasis.kind === 'stated'
      ? `date stated by ${source ? sourceShortName(source) : 'a source'}`
      : 'date inferred by the editors';
  return `known ${qualities.join(', ')}; ${basis}`;
}

/** "Stated by a source: <note>" or "Inferred by the editors: <note>", for the facts list. */
export function dateBasisSentence(basis: DateBasis): string {
  return basis.note ? `${DATE_BASIS_WORDS[basis.kind]}: ${basis.note}` : DATE_BASIS_WORDS[basis.kind];
}

/** A place of the event with its other names in one line: "Khankendi (Azerbaijani name); Stepanakert airport". */
export interface EventPlace {
  id: string;
  label: string;
  /** Empty when the label already shows every name. */
  otherNames: string;
}

/** The event's places in its order, each with the names the label does not show. */
export function eventPlaceNames(event: ChronologyEvent, places: readonly Place[]): EventPlace[] {
  return eventPlaces(event, places).map((place) => ({
    id: place.id,
    label: place.label,
    otherNames: otherNames(place)
      .map((name) => (name.note ? `${name.name} (${name.note})` : name.name))
      .join('; '),
  }));
}

/** One <meta> tag of the page head: Highwire `citation_*` and Dublin Core use `name`, Open Graph `property`. */
export type MetaTag = { name: string; content: string } | { property: string; content: string };

/**
 * The meta tags reference managers (Zotero's page translators) and library catalogues read:
 * Highwire Press `citation_*` and Dublin Core `DC.*`. The date is the chronology version,
 * i.e. when this text of the page was published, not when the event happened (DC.coverage).
 */
export function citationMeta(input: {
  event: Pick<ChronologyEvent, 'title' | 'date'>;
  url: string;
  version: string;
  siteName: string;
}): MetaTag[] {
  const { event, url, version, siteName } = input;
  return [
    { property: 'og:type', content: 'article' },
    { name: 'citation_title', content: event.title },
    { name: 'citation_publisher', content: siteName },
    { name: 'citation_online_date', content: version },
    { name: 'citation_public_url', content: url },
    { name: 'DC.title', content: event.title },
    { name: 'DC.publisher', content: siteName },
    { name: 'DC.date', content: version },
    { name: 'DC.identifier', content: url },
    { name: 'DC.coverage', content: event.date },
    { name: 'DC.type', content: 'Text' },
  ];
}
