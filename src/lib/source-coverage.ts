/**
 * How much of each source the chronology uses: the article's sentences, which of them a claim
 * quotes (in whole or in part), and which unquoted ones carry a date expression, so that editors
 * find missing events systematically and readers can see what was left out.
 * Sentences come from the paragraphs and photo captions of the source body (section headings and
 * photo credits, including a parenthesised credit inside a caption, are not sentences of the article); matching uses the build's quote normalisation,
 * so a quote that passes the build is found here.
 */
import { dateExpressionsIn } from './date-expressions.ts';
import { normaliseForMatch, normaliseWithMap } from './quote-match.ts';
import type { BodyPiece } from './source-body.ts';

/** The body blocks whose text is the article's sentences. */
const SENTENCE_ROLES: ReadonlySet<BodyPiece['role']> = new Set(['paragraph', 'caption']);

/** A photo credit written into a caption's text, e.g. "(Photo by … via Getty Images)". */
const isCaptionCredit = (role: BodyPiece['role'], sentence: string): boolean =>
  role === 'caption' && /^\([^()]*\)$/.test(sentence);

export interface CoveredSentence {
  /** 1-based number of the body block (paragraph or caption) the sentence is in. */
  block: number;
  role: BodyPiece['role'];
  /** The sentence exactly as the article has it. */
  text: string;
  /** True when a claim quotes the sentence or part of it. */
  quoted: boolean;
  /** Years, months and relative expressions it carries ("2023", "Sept.", "two days later"). */
  dateExpressions: string[];
}

export interface SourceCoverage {
  sourceId: string;
  sentences: CoveredSentence[];
  quotedCount: number;
  /** quotedCount / sentences, 0 when the article has no sentence. */
  share: number;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

// Intl.Segmenter ends a sentence after any full stop followed by a space; these abbreviations
// (months, titles, "v." of a court case) and initials ("U.S.", "J.") do not end one in the sources.
const ABBREVIATION_AT_END =
  /(?:^|[\s(])(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Prof|Sen|Rep|Gov|No|vs|v|(?:[A-Z]\.)*[A-Z])\.\s*$/;

// Intl.Segmenter does not end a sentence before one that starts with a number
// ("… passports. 80 percent of …"); an abbreviation before the number ("Sept. 19") still joins.
const SENTENCE_END_BEFORE_DIGIT = /[.!?][”"’)]*\s+(?=\d)/g;

/** The sentences of one paragraph as [start, end) offsets, without surrounding white space. */
function sentenceSpans(paragraph: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const ends = new Set([...segmenter.segment(paragraph)].map(({ segment, index }) => index + segment.length));
  for (const match of paragraph.matchAll(SENTENCE_END_BEFORE_DIGIT)) ends.add(match.index + match[0].length);
  let start = 0;
  for (const end of [...ends].sort((a, b) => a - b)) {
    if (ABBREVIATION_AT_END.test(paragraph.slice(start, end))) continue;
    spans.push({ start, end });
    start = end;
  }
  if (start < paragraph.length) spans.push({ start, end: paragraph.length });
  return spans
    .map(({ start: from, end: to }) => {
      const text = paragraph.slice(from, to);
      const lead = text.length - text.trimStart().length;
      return { start: from + lead, end: from + text.trimEnd().length };
    })
    .filter((span) => span.end > span.start);
}

/** The sentences of one paragraph, without surrounding white space. */
export const splitSentences = (paragraph: string): string[] =>
  sentenceSpans(paragraph).map((span) => paragraph.slice(span.start, span.end));

/** [start, end) ranges of every occurrence of each quote in a normalised paragraph. */
function quotedRanges(paragraph: string, quotes: readonly string[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const quote of quotes) {
    if (quote.length === 0) continue;
    for (let at = paragraph.indexOf(quote); at !== -1; at = paragraph.indexOf(quote, at + 1))
      ranges.push([at, at + quote.length]);
  }
  return ranges;
}

/**
 * Coverage of one source.
 * @param body the blocks of the source's body (see bodyPieces)
 * @param quotes every claim quote taken from this source
 */
export function sourceCoverage(
  sourceId: string,
  body: readonly Pick<BodyPiece, 'role' | 'text'>[],
  quotes: readonly string[],
): SourceCoverage {
  const needles = [...new Set(quotes.map(normaliseForMatch))];
  const sentences: CoveredSentence[] = [];
  body.forEach((piece, index) => {
    if (!SENTENCE_ROLES.has(piece.role)) return;
    const normalised = normaliseWithMap(piece.text);
    const ranges = quotedRanges(normalised.text, needles);
    for (const span of sentenceSpans(piece.text)) {
      if (isCaptionCredit(piece.role, piece.text.slice(span.start, span.end))) continue;
      // The sentence's extent in the normalised text, through the map back to the original.
      const from = normalised.map.findIndex((original) => original >= span.start);
      const to = normalised.map.findLastIndex((original) => original < span.end) + 1;
      sentences.push({
        block: index + 1,
        role: piece.role,
        text: piece.text.slice(span.start, span.end),
        quoted: from !== -1 && ranges.some(([start, end]) => start < to && from < end),
        dateExpressions: dateExpressionsIn(piece.text.slice(span.start, span.end)),
      });
    }
  });
  const quotedCount = sentences.filter((sentence) => sentence.quoted).length;
  return { sourceId, sentences, quotedCount, share: sentences.length === 0 ? 0 : quotedCount / sentences.length };
}

/** Unquoted sentences that carry a date expression: candidates for missing events. */
export const unquotedDatedSentences = (coverage: SourceCoverage): CoveredSentence[] =>
  coverage.sentences.filter((sentence) => !sentence.quoted && sentence.dateExpressions.length > 0);

/** A share as readers see it: a whole percentage, never rounded up to 100 or down to 0. */
export function shareInWords(coverage: SourceCoverage): string {
  const percent = Math.round(coverage.share * 100);
  const shown =
    coverage.quotedCount > 0 && percent === 0
      ? '<1'
      : coverage.quotedCount < coverage.sentences.length && percent === 100
        ? '>99'
        : String(percent);
  return `${shown}%`;
}
