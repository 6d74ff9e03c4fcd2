import { z } from 'astro/zod';

const isoDay = z.iso.date().describe('An ISO 8601 calendar date (YYYY-MM-DD).');

/** One era of the chronology (`content/eras.json`). Boundaries are editorial. */
export const eraSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .describe('Stable id used by events.'),
    name: z.string().min(1).describe('Neutral display name.'),
    start: isoDay.describe('First day of the era.'),
    end: isoDay.describe('Last day of the era.'),
    description: z.string().min(1).describe('One neutral sentence on what the era covers.'),
  })
  .refine((era) => era.start <= era.end, { message: 'era ends before it starts', path: ['end'] });

export type EraData = z.infer<typeof eraSchema>;
