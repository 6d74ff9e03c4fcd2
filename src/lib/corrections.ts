/**
 * Correction notes gathered from every event, for the corrections pages and the feed. Readers
 * and educators may have cited an earlier version of an event; each substantive change carries
 * a dated note (src/schemas/event.ts), listed newest first so the latest change is on top.
 */
import type { FeedItem } from './data-export.ts';
import { eventUrl } from './data-export.ts';
import { edtfInWords } from './date-words.ts';
import type { Chronology, ChronologyEvent, Correction } from './model.ts';
import { compareText } from './order.ts';

/** Corrections per page of /corrections/: the pages stay small whatever the number of notes. */
export const CORRECTIONS_PER_PAGE = 50;

export interface CorrectionEntry extends Correction {
  eventId: string;
  eventTitle: string;
  eventDate: string;
  /** Position of the note on its event (0 = oldest), for a stable anchor. */
  index: number;
}

/** Fragment id of a correction note on its event page. */
export const correctionAnchor = (index: number): string => `correction-${index + 1}`;

/** Every correction note of the chronology, newest first, then by event id and position. */
export function allCorrections(events: readonly ChronologyEvent[]): CorrectionEntry[] {
  return events
    .flatMap((event) =>
      event.corrections.map((correction, index) => ({
        ...correction,
        eventId: event.id,
        eventTitle: event.title,
        eventDate: event.date,
        index,
      })),
    )
    .sort((a, b) => compareText(b.date, a.date) || compareText(a.eventId, b.eventId) || a.index - b.index);
}

/** The corrections split into pages of CORRECTIONS_PER_PAGE; always at least one (possibly empty) page. */
export function correctionPages(
  entries: readonly CorrectionEntry[],
  perPage = CORRECTIONS_PER_PAGE,
): CorrectionEntry[][] {
  const pages: CorrectionEntry[][] = [];
  for (let start = 0; start < entries.length; start += perPage) pages.push(entries.slice(start, start + perPage));
  return pages.length > 0 ? pages : [[]];
}

/**
 * One feed item per correction, dated by the correction (not the build), with a guid of its own
 * so feed readers show it as new even though the event's own item is unchanged.
 */
export function correctionFeedItems(chronology: Chronology, site: string | URL): FeedItem[] {
  return allCorrections(chronology.events).map((entry) => {
    const link = `${eventUrl(site, entry.eventId)}#${correctionAnchor(entry.index)}`;
    return {
      title: `Correction (${entry.date}): ${edtfInWords(entry.eventDate)}: ${entry.eventTitle}`,
      link,
      guid: link,
      description: entry.note,
      categories: ['correction'],
      pubDate: new Date(`${entry.date}T00:00:00Z`),
    };
  });
}
