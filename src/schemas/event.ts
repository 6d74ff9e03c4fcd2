import { z } from 'astro/zod';
import { edtfString } from './edtf-string.ts';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase kebab-case');

/**
 * Builds the event schema around the given reference types. `content.config.ts` passes Astro's
 * `reference()` so the build resolves ids; the published JSON Schema passes plain id strings,
 * so both come from this one definition and cannot drift.
 */
export function eventSchema<S extends z.ZodType, P extends z.ZodType, E extends z.ZodType>(refs: {
  source: S;
  place: P;
  era: E;
}) {
  const claim = z.strictObject({
    id: slug.describe('Short id, unique within the event; disputes and anchors use it.'),
    source: refs.source.describe('The source that makes this claim.'),
    quote: z.string().min(1).describe("A verbatim passage of the source's article; the build rejects any other."),
    kind: z
      .enum(['text', 'caption', 'reported-speech'])
      .default('text')
      .describe("Where the passage stands: the article's text, a photo caption, or speech it reports."),
    note: z.string().optional().describe('Editorial note, e.g. where this contradicts another source.'),
  });

  const position = z.strictObject({
    source: refs.source.describe('The source taking this position.'),
    claim: slug.describe('Id of the claim on this event that carries the position.'),
    answer: z.string().min(1).describe("A short neutral statement of the source's position."),
  });

  return z.strictObject({
    title: z.string().min(1).max(120).describe("The site's own neutral title."),
    date: edtfString.describe('When it happened, as EDTF; earliest and latest days are derived from it.'),
    dateBasis: z
      .strictObject({
        kind: z.enum(['stated', 'inferred']).describe('stated by a source (see claim), or inferred by the editors.'),
        claim: slug.optional().describe('When stated: the claim whose quote gives the date.'),
        note: z.string().optional().describe('When inferred, what from; otherwise optional context.'),
      })
      .refine((b) => b.kind !== 'inferred' || (b.note ?? '').length > 0, {
        message: 'an inferred date needs a note saying what it is inferred from',
        path: ['note'],
      })
      .refine((b) => b.kind !== 'stated' || b.claim !== undefined, {
        message: 'a stated date must name the claim that states it',
        path: ['claim'],
      })
      .describe('How the date is known.'),
    summary: z.string().min(1).describe("Neutral summary in the site's voice; every fact backed by a claim here."),
    era: refs.era.describe('The era this event is grouped under.'),
    places: z.array(refs.place).default([]).describe('Places involved, by id.'),
    tags: z.array(slug).default([]).describe('Kebab-case topic tags.'),
    claims: z.array(claim).min(1, 'an event needs at least one claim').describe('What each source says, verbatim.'),
    disputes: z
      .array(
        z.strictObject({
          question: z.string().min(1).describe('What the sources disagree about, as a neutral question.'),
          positions: z.array(position).min(2).describe("Each source's answer, side by side."),
        }),
      )
      .default([])
      .describe('Where sources disagree about this event.'),
    corrections: z
      .array(
        z.strictObject({
          date: z.iso.date().describe('Day the correction was published (YYYY-MM-DD).'),
          note: z
            .string()
            .trim()
            .min(1)
            .describe('What changed in substance, and why; a merge names the id it absorbed.'),
        }),
      )
      .default([])
      .describe('Dated correction notes, oldest first: substantive changes made after publication.'),
  });
}

/** The event with its references as plain id strings: what the pages, the exports and the tests see. */
export const plainEventSchema = eventSchema({ source: z.string(), place: z.string(), era: z.string() });

/** One event's frontmatter once parsed (defaults filled in), ids as strings. */
export type EventData = z.output<typeof plainEventSchema>;
export type Claim = EventData['claims'][number];
export type ClaimKind = Claim['kind'];
export type Dispute = EventData['disputes'][number];
export type DisputePosition = Dispute['positions'][number];
export type DateBasis = EventData['dateBasis'];
export type Correction = EventData['corrections'][number];
