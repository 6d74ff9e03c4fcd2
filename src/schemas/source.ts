import { z } from 'astro/zod';
import { edtfString } from './edtf-string.ts';

/** Genres the five articles fall into; the site describes sources by what they are, never by side. */
export const GENRES = ['news-report', 'analysis', 'opinion', 'rebuttal'] as const;

/** Kinds of capture text that are not the article and so can never be quoted. */
export const NON_ARTICLE_KINDS = [
  'page-chrome',
  'related-articles',
  'newsletter',
  'donation-appeal',
  'reader-comment',
  'audio-notice',
  'duplicate-caption',
  'byline',
  'title',
] as const;

const basis = z.strictObject({
  kind: z.enum(['stated', 'inferred']).describe('Whether the text states this, or the editors inferred it.'),
  note: z.string().min(1).describe('What exactly the statement or inference rests on.'),
});

const author = z.strictObject({
  name: z.string().min(1).describe('The name as the capture gives it.'),
  affiliation: z.string().optional().describe('Affiliation exactly as the text states it; omitted when not stated.'),
});

/** Longest short name: it must fit a source chip and a column of the coverage matrix. */
const SHORT_NAME_MAX_LENGTH = 32;

/** Frontmatter of one source article (`content/sources/<id>.mdx`). */
export const sourceSchema = z
  .strictObject({
    title: z.string().min(1).describe('Title as the capture shows it, or a descriptive one when titleSupplied.'),
    titleSupplied: z.boolean().describe('True when the capture shows no title and the editors supplied one.'),
    shortName: z
      .string()
      .min(1)
      .max(SHORT_NAME_MAX_LENGTH)
      .optional()
      .describe(
        'A short name the editors supply for chips, headings and tables when the capture names neither a publisher nor an author; like a supplied title, it describes the text.',
      ),
    subtitle: z.string().optional().describe('Subtitle or dek, when the capture shows one.'),
    publisher: z.string().optional().describe('Publisher, only where the capture names it.'),
    publisherBasis: z.string().optional().describe('How the publisher is known from the capture.'),
    authorStatus: z
      .enum(['named', 'anonymous', 'not-stated'])
      .describe(
        'named; anonymous (the text says the author withheld their name); not-stated (the capture names no author).',
      ),
    authors: z.array(author).describe('Named authors; empty unless authorStatus is named.'),
    authorNote: z.string().optional().describe('What the text says about the author, or where the name comes from.'),
    translator: z.string().optional().describe('Translator, where the text names one.'),
    published: edtfString.describe('Publication date as EDTF; open ends (..) and uncertainty (?) are allowed.'),
    publishedBasis: basis.describe('How the publication date was established.'),
    genre: z.enum(GENRES).describe('What kind of text this is.'),
    language: z.string().min(2).describe('BCP 47 language tag of the captured text.'),
    respondsTo: z.string().optional().describe('What the article says it responds to.'),
    originalPublication: z.string().optional().describe('Earlier publication of the same text, as the text states it.'),
    url: z
      .url({ protocol: /^https?$/, error: 'must be an http: or https: URL' })
      .optional()
      .describe('Original URL (http: or https:), only where the text itself establishes it. Never guessed.'),
    capture: z
      .strictObject({
        file: z
          .string()
          .regex(/^[\w.-]+\.txt$/)
          .describe('File name under content/sources/captures/.'),
        sha256: z
          .string()
          .regex(/^[0-9a-f]{64}$/)
          .describe('SHA-256 of the capture; the build recomputes it.'),
      })
      .describe('The captured text this entry is built from, kept byte for byte.'),
    nonArticle: z
      .array(
        z.strictObject({
          lines: z
            .tuple([z.int().positive(), z.int().positive()])
            .describe('First and last line (1-based, inclusive).'),
          kind: z.enum(NON_ARTICLE_KINDS).describe('What this text is.'),
          note: z.string().optional().describe('Why it is excluded.'),
        }),
      )
      .describe('Line ranges of the capture that are not the article: no claim may quote them.'),
  })
  .superRefine((source, ctx) => {
    if (source.authorStatus === 'named' && source.authors.length === 0)
      ctx.addIssue({ code: 'custom', path: ['authors'], message: 'authorStatus is named but no author is listed' });
    if (source.authorStatus !== 'named' && source.authors.length > 0)
      ctx.addIssue({
        code: 'custom',
        path: ['authors'],
        message: `authors listed but authorStatus is ${source.authorStatus}`,
      });
    if (source.publisher && !source.publisherBasis)
      ctx.addIssue({ code: 'custom', path: ['publisherBasis'], message: 'a publisher needs a publisherBasis' });
  });

export type SourceData = z.infer<typeof sourceSchema>;
