/**
 * Every date a reader sees, in words. One month table for the whole site: the long names
 * ("February"), with the short ones ("Feb") derived from it, so no other module keeps its
 * own list. Parsing and bounds of EDTF dates stay in edtf-dates.ts (the `edtf` package);
 * this module only words them.
 *
 * UTC throughout: dates are calendar days, and the build must not depend on the time zone
 * of the machine that runs it.
 */
import { utcDay, utcMonth } from 'd3-time';
import type { EdtfBounds } from './edtf-dates.ts';

/** The month names, January first. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** Letters of a month name kept in short dates ("Sep"). */
const SHORT_MONTH_LENGTH = 3;

/** Long month name of a 1-based month number ("2" → "February"), or undefined. */
export const monthName = (month: number | string): string | undefined => MONTH_NAMES[Number(month) - 1];

/** Short month name of a 1-based month number ("2" → "Feb"), or undefined. */
export const shortMonthName = (month: number | string): string | undefined =>
  monthName(month)?.slice(0, SHORT_MONTH_LENGTH);

/** Midnight UTC of an ISO day (YYYY-MM-DD). */
export const utcDate = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** "1 year", "3 days". */
export const plural = (count: number, unit: string): string => `${count} ${unit}${count === 1 ? '' : 's'}`;

/** Words for one non-interval EDTF date: "26 February 1992", "February 1992", "1992". */
function singleDateInWords(value: string): string {
  const [year, month, day] = value.replace(/[~?%]/g, '').split('-');
  const name = month ? monthName(month) : undefined;
  if (day && name) return `${Number(day)} ${name} ${year}`;
  if (name) return `${name} ${year}`;
  return year ?? value;
}

/**
 * A reader's wording of an EDTF date with its precision: "26 February 1992", "c. 1921",
 * "February 1988 (uncertain)", "1992 to 1994", "from 19 September 2023".
 */
export function edtfInWords(value: string): string {
  if (value.includes('/')) {
    const [from, to] = value.split('/');
    if (!to || to === '..') return `from ${edtfInWords(from ?? '')}`;
    if (!from || from === '..') return `until ${edtfInWords(to)}`;
    return `${edtfInWords(from)} to ${edtfInWords(to)}`;
  }
  const words = singleDateInWords(value);
  const approximate = /[~%]/.test(value);
  const uncertain = /[?%]/.test(value);
  return `${approximate ? 'c. ' : ''}${words}${uncertain ? ' (uncertain)' : ''}`;
}

/** Spans shorter than this are counted in days. */
const DAYS_BEFORE_MONTHS = 183;
/** A remainder of at least this many days rounds up to the next month. */
const DAYS_ROUNDING_UP = 15;

/**
 * The length of the span from `startIso` to `endIso` (both days included) in words:
 * days below six months ("45 days"), else years and months rounded to the month, with
 * "about" when rounding changed it ("about 25 years 9 months").
 */
export function durationInWords(startIso: string, endIso: string): string {
  const start = utcDate(startIso);
  const end = utcDay.offset(utcDate(endIso), 1);
  const days = utcDay.count(start, end);
  if (days < DAYS_BEFORE_MONTHS) return plural(days, 'day');
  let months = (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth();
  if (end.getUTCDate() < start.getUTCDate()) months--;
  const rest = utcDay.count(utcMonth.offset(start, months), end);
  if (rest >= DAYS_ROUNDING_UP) months++;
  const years = Math.floor(months / 12);
  const words = [years ? plural(years, 'year') : '', months % 12 ? plural(months % 12, 'month') : '']
    .filter(Boolean)
    .join(' ');
  return rest ? `about ${words}` : words;
}

const dayParts = (iso: string) => {
  const [year = '', month = '1', day = '1'] = iso.split('-');
  return { year, month: shortMonthName(month) ?? month, day: String(Number(day)) };
};

/** An era's first and last day in words: "1918–1920" for whole years, else "27 Sep – 10 Nov 2020". */
export function eraDatesInWords(era: { start: string; end: string }): string {
  const first = dayParts(era.start);
  const last = dayParts(era.end);
  if (era.start.endsWith('-01-01') && era.end.endsWith('-12-31'))
    return first.year === last.year ? first.year : `${first.year}–${last.year}`;
  return first.year === last.year
    ? `${first.day} ${first.month} – ${last.day} ${last.month} ${last.year}`
    : `${first.day} ${first.month} ${first.year} – ${last.day} ${last.month} ${last.year}`;
}

/** One EDTF date (no interval) in short words: "25 Feb 1992", "Feb 1992", "1992". */
function shortSingle(value: string): string {
  const [year = value, month, day] = value.replace(/[~?%]/g, '').split('-');
  const name = month ? (shortMonthName(month) ?? month) : undefined;
  if (name && day) return `${Number(day)} ${name} ${year}`;
  return name ? `${name} ${year}` : year;
}

/** Drops the parts a range's start shares with its end: "25–26 Feb 1992", "Sep–Oct 2023". */
function shortRange(from: string, to: string): string {
  const first = shortSingle(from).split(' ');
  const last = shortSingle(to).split(' ');
  let shared = 0;
  while (shared < Math.min(first.length, last.length) - 1 && first.at(-1 - shared) === last.at(-1 - shared)) shared++;
  if (first.length !== last.length || shared === 0) return `${first.join(' ')}–${last.join(' ')}`;
  return `${first.slice(0, first.length - shared).join(' ')}–${last.join(' ')}`;
}

/**
 * A compact date, with the EDTF qualifiers kept visible: "~1921" approximate,
 * "Feb 1988?" uncertain, "25–26 Feb 1992", "from 19 Sep 2023".
 */
export function shortDate(bounds: Pick<EdtfBounds, 'edtf' | 'approximate' | 'uncertain'>): string {
  const [from = '', to] = bounds.edtf.split('/');
  let text: string;
  if (to === undefined) text = shortSingle(from);
  else if (to === '..' || to === '') text = `from ${shortSingle(from)}`;
  else if (from === '..' || from === '') text = `until ${shortSingle(to)}`;
  else text = shortRange(from, to);
  return `${bounds.approximate ? '~' : ''}${text}${bounds.uncertain ? '?' : ''}`;
}

/**
 * A valid `<time datetime>` value for an EDTF date: the (first) date at its own precision,
 * "1992", "1992-02" or "1992-02-25"; qualifiers and interval ends are not expressible.
 */
export function datetimeValue(edtf: string): string {
  const [from = '', to = ''] = edtf.split('/');
  const part = from && from !== '..' ? from : to;
  return part.replace(/[~?%]/g, '');
}
