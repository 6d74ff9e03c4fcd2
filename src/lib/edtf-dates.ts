/**
 * EDTF date handling. Parsing and bounds come from the `edtf` package; this module only
 * turns its answers into the few things the site needs (ISO day bounds, a precision word,
 * qualifiers) so no page ever types a date's bounds twice. Their wording for readers is in
 * date-words.ts.
 */
import edtf from 'edtf';

export type DatePrecision = 'day' | 'month' | 'year' | 'range';

/** Everything derived from one EDTF string. */
export interface EdtfBounds {
  /** The EDTF string as written. */
  edtf: string;
  /** Earliest possible day, YYYY-MM-DD. */
  start: string;
  /** Latest possible day, YYYY-MM-DD, or null for an open end (`2023-09-19/..`). */
  end: string | null;
  precision: DatePrecision;
  approximate: boolean;
  uncertain: boolean;
}

type Parsed = ReturnType<typeof edtf>;

type ParseResult = Readonly<{ value?: Parsed; error?: string }>;

/** Answers already given, by EDTF string: the parser is slow, and each date is asked about several times. */
const parsedByEdtf = new Map<string, ParseResult>();

/**
 * Parses an EDTF string; returns the parsed value or the parser's reason for refusing it.
 * The answer is shared between callers, so the parsed value must be read, never changed.
 */
export function parseEdtf(value: string): ParseResult {
  let result = parsedByEdtf.get(value);
  if (!result) {
    result = Object.freeze(parseUncached(value));
    parsedByEdtf.set(value, result);
  }
  return result;
}

function parseUncached(value: string): ParseResult {
  try {
    return { value: edtf(value) };
  } catch (error) {
    return { error: (error instanceof Error ? error.message.split('\n')[0] : undefined) ?? String(error) };
  }
}

/** One date the site can word: YYYY, YYYY-MM or YYYY-MM-DD, optionally qualified (~ ? %). */
const SHOWN_DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?[~?%]?$/;

/**
 * Why a valid EDTF string is a form the site cannot show correctly, or undefined when it can.
 * Shown: a date as above, or an interval of two of them where either end may be open (`..`)
 * or unknown (empty). Refused, each with its own reason: times of day, unspecified digits (X),
 * sets, seasons, and every other extended form.
 */
export function unsupportedEdtfForm(value: string): string | undefined {
  if (value.includes('T')) return 'a time of day is not supported; give the day only (e.g. 1992-02-26)';
  if (/[[{]/.test(value))
    return 'a set of dates ([…] or {…}) is not supported; use a range such as 1992/1993, or one event per date';
  if (value.includes('X'))
    return 'unspecified digits (X) are not supported; use a range such as 1920/1929, or the year alone';
  if (/^\d{4}-(?:2\d|3\d|4[01])(?:$|[~?%/])/.test(value) || /\/\d{4}-(?:2\d|3\d|4[01])[~?%]?$/.test(value))
    return 'seasons (months 21–41) are not supported; use a range of months such as 1992-03/1992-05';
  const sides = value.includes('/') ? value.split('/') : [value];
  const shown =
    sides.length <= 2 &&
    sides.every((side) => SHOWN_DATE.test(side) || (sides.length === 2 && (side === '..' || side === '')));
  if (!shown || sides.every((side) => side === '..' || side === ''))
    return 'this EDTF form is not supported; use YYYY, YYYY-MM or YYYY-MM-DD (optionally with ~, ? or %), or a range A/B';
  return undefined;
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const PRECISION: Record<number, DatePrecision> = { 1: 'year', 2: 'month', 3: 'day' };

/** Flags are bitmasks in `edtf`; any set bit means part of the date is qualified. */
const flagged = (value: Parsed | null | undefined, flag: 'approximate' | 'uncertain'): boolean =>
  Boolean(value?.[flag]?.value);

/**
 * Earliest and latest possible day of an EDTF date, its precision and qualifiers.
 * @throws Error when the string is not valid EDTF.
 */
export function edtfBounds(value: string): EdtfBounds {
  const parsed = parseEdtf(value);
  if (!parsed.value) throw new Error(`"${value}" is not valid EDTF: ${parsed.error}`);
  const date = parsed.value;
  const isInterval = date.type === 'Interval';
  const parts = isInterval ? [date.lower, date.upper] : [date];
  return {
    edtf: value,
    start: isoDay(date.min),
    end: Number.isFinite(date.max) ? isoDay(date.max) : null,
    precision: isInterval ? 'range' : (PRECISION[date.precision ?? 1] ?? 'year'),
    approximate: parts.some((part) => flagged(part, 'approximate')),
    uncertain: parts.some((part) => flagged(part, 'uncertain')),
  };
}
