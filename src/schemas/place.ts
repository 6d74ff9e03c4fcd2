import { z } from 'astro/zod';

export const PLACE_KINDS = [
  'city',
  'town',
  'village',
  'region',
  'district',
  'country',
  'route',
  'site',
  'mountain-range',
] as const;

/** One place (`content/places/<id>.json`) with every name the sources use for it. */
export const placeSchema = z.strictObject({
  label: z.string().min(1).describe('Display label giving each side\'s name, e.g. "Stepanakert / Khankendi".'),
  names: z
    .array(
      z.strictObject({
        name: z.string().min(1).describe('A spelling used by at least one source, including misspellings.'),
        note: z.string().optional().describe('Who uses this name, per the sources.'),
      }),
    )
    .min(1)
    .describe('Every name and spelling the sources use for this place.'),
  kind: z.enum(PLACE_KINDS).describe('What sort of place this is.'),
});

export type PlaceData = z.infer<typeof placeSchema>;
