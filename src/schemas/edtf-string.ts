import { z } from 'astro/zod';
import { parseEdtf, unsupportedEdtfForm } from '../lib/edtf-dates.ts';

/**
 * An EDTF (ISO 8601-2) date string. Parsing is delegated to the `edtf` package so that
 * the accepted grammar is the standard's, not ours; of it, only the forms the site can word
 * correctly are accepted (see unsupportedEdtfForm).
 */
export const edtfString = z
  .string()
  .superRefine((value, ctx) => {
    const problem = parseEdtf(value).error;
    if (problem) ctx.addIssue({ code: 'custom', message: `not valid EDTF: ${problem}` });
    else {
      const unsupported = unsupportedEdtfForm(value);
      if (unsupported) ctx.addIssue({ code: 'custom', message: `"${value}": ${unsupported}` });
    }
  })
  .describe('An EDTF (ISO 8601-2) date: 1992-02-26, 1992-02, 1921~, 1988-02?, 1992/1994, 2023-09-19/..');
