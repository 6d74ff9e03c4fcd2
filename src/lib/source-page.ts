/** The words of a source's page that are computed rather than copied: what each left-out part of the capture is. */
import type { NON_ARTICLE_KINDS } from '../schemas/source.ts';
import type { Source } from './model.ts';

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

/** "Line 5 of the capture: title and subtitle (recorded above)", "Lines 1–4 of the capture: …". */
export function nonArticleLine(part: NonArticlePart): string {
  const [first, last] = part.lines;
  const lines = first === last ? `Line ${first}` : `Lines ${first}–${last}`;
  return `${lines} of the capture: ${NON_ARTICLE_WORDS[part.kind]}`;
}
