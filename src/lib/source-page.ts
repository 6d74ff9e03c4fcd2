/**
 * What a source's pages show that is computed rather than copied: what each left-out part of
 * the capture is, the eras its events fall in, and the passages that events quote.
 */
import type { NON_ARTICLE_KINDS } from '../schemas/source.ts';
import type { ChronologyEvent, Era, Source } from './model.ts';
import { eraSummaries, type EraSummary } from './chronology-pages.ts';
import { genreInWords } from './event-view.ts';
import { edtfInWords } from './date-words.ts';
import { quoteAnchor, type QuoteToMark } from './mark-quotes.ts';
import { hrefFrom, routes } from './site-paths.ts';

type NonArticleKind = (typeof NON_ARTICLE_KINDS)[number];
type NonArticlePart = Source['nonArticle'][number];

/** What each kind of non-article text is, for readers. Typed by the schema's enum, so a new kind without words is a type error. */
export const NON_ARTICLE_WORDS: Record<NonArticleKind, string> = {
  'page-chrome': 'page navigation and header',
  'related-articles': 'teasers for other articles',
  newsletter: 'newsletter sign-up',
  'donation-appeal': 'appeal for support',
  'reader-comment': 'a reader’s comment (not part of the article; never cited)',
  'audio-notice': 'audio player notice',
  'duplicate-caption': 'duplicate photo caption',
  byline: 'byline or author note (recorded above)',
  title: 'the article’s title, recorded above',
};

/** One plain entry of a source's facts list: a term and its words. */
export interface SourceFact {
  term: string;
  detail: string;
}

/**
 * The plain entries that follow the publication date in a source's facts list: genre,
 * language, what it answers and where it first appeared (only when known), its address.
 */
export const sourceDetails = (source: Source): SourceFact[] => [
  { term: 'Genre', detail: genreInWords(source) },
  { term: 'Language', detail: source.language },
  ...(source.respondsTo ? [{ term: 'Responds to', detail: source.respondsTo }] : []),
  ...(source.originalPublication ? [{ term: 'First published', detail: source.originalPublication }] : []),
  { term: 'Original address', detail: source.url ?? 'Not established by the captured text, so not given' },
];

/** "Line 5 of the capture: title and subtitle (recorded above)", "Lines 1–4 of the capture: …". */
export function nonArticleLine(part: NonArticlePart): string {
  const [first, last] = part.lines;
  const lines = first === last ? `Line ${first}` : `Lines ${first}–${last}`;
  return `${lines} of the capture: ${NON_ARTICLE_WORDS[part.kind]}`;
}

/**
 * The eras a source's events fall in, in era order: each with its count and the paths of the
 * source's chronology in that era (and of its pages by years when split).
 */
export const sourceEraSummaries = (
  sourceId: string,
  events: readonly ChronologyEvent[],
  eras: readonly Era[],
): EraSummary[] =>
  eraSummaries(
    events,
    eras,
    (era) => routes.sourceChronologyEra(sourceId, era.id),
    (era, slug) => routes.sourceChronologyEraPart(sourceId, era.id, slug),
  );

/** Every passage of a source that an event quotes, linking back to the claim on that event's page (from `here`). */
export const quotesToMark = (sourceId: string, events: readonly ChronologyEvent[], here: string): QuoteToMark[] =>
  events.flatMap((event) =>
    event.claims
      .filter((claim) => claim.source === sourceId)
      .map((claim) => ({
        anchor: quoteAnchor(event.id, claim.id),
        quote: claim.quote,
        backHref: hrefFrom(here, `${routes.event(event.id)}#claim-${claim.id}`),
        backLabel: `Cited in: ${event.title} (${edtfInWords(event.date)})`,
      })),
  );
