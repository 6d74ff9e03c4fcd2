/**
 * Date expressions in English prose: years, month names and relative expressions ("two days
 * later", "that night"). One implementation for the stated-date check (does a quote carry the
 * date it is said to state?) and for the coverage report (which unquoted sentences carry a date?).
 */

/** Month names as the sources write them, full and abbreviated, mapped to 1–12. */
const MONTH_NAMES: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

// Capitalised only, so that the verb "may" and the word "march" in lowercase are not months;
// an abbreviation must end in a full stop or a digit must follow ("Sept. 19", "Oct 4").
const MONTH_PATTERN =
  /(?<![\p{L}])(January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|(?=\s+\d)))(?![\p{L}])/gu;

/** Years the chronology and its sources talk about; other four-digit numbers are not years. */
const YEAR_RANGE = { first: 1700, last: 2099 } as const;
// A year, optionally the start of a range: "1918", "1918–1920", "1918-20", "1990s".
// Digits joined by a comma or point ("1,923", "2.020") are a number, not a year.
const YEAR_PATTERN = /(?<!\d|\d[,.])(1[7-9]\d\d|20\d\d)(s)?(?:\s*[–—-]\s*(\d{4}|\d{2})(?!\d))?(?!\d|[,.]\d)/gu;

/** Relative and deictic date expressions: each needs the context that anchors it. */
const RELATIVE_PATTERN = new RegExp(
  [
    String.raw`(?:\w+\s+)?(?:days?|weeks?|months?|years?|hours?|decades?)\s+(?:later|after(?:wards)?|earlier|before|ago)`,
    String.raw`(?:the\s+)?(?:next|following|previous|preceding|same)\s+(?:day|night|morning|evening|week|month|year)`,
    String.raw`(?:that|this|last|the\s+same)\s+(?:night|morning|evening|afternoon|day|week|month|year|spring|summer|autumn|fall|winter)`,
    String.raw`(?:the\s+)?eve\s+of`,
    String.raw`(?:yesterday|today|tonight|tomorrow)`,
    String.raw`(?:the\s+)?day\s+(?:before|after)`,
    String.raw`(?:in\s+(?:the\s+)?)?(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?:last|this|\d{4})`,
  ]
    .map((alternative) => `(?<![\\p{L}])${alternative}(?![\\p{L}])`)
    .join('|'),
  'giu',
);

/** The month numbers (1–12) named in `text`. */
export function monthsIn(text: string): Set<number> {
  return new Set(
    [...text.matchAll(MONTH_PATTERN)].map((match) => MONTH_NAMES[match[1]!.replace('.', '').toLowerCase()]!),
  );
}

/**
 * The years named in `text`, with every year of a written range ("1918–1920", "1918-20") and of a
 * decade ("1990s"), so that a quote giving a range supports a date inside it.
 */
export function yearsIn(text: string): Set<number> {
  const years = new Set<number>();
  for (const [, first, decade, rangeEnd] of text.matchAll(YEAR_PATTERN)) {
    const start = Number(first);
    if (start < YEAR_RANGE.first || start > YEAR_RANGE.last) continue;
    let end = start;
    if (decade) end = start + 9;
    else if (rangeEnd)
      end = rangeEnd.length === 2 ? Math.floor(start / 100) * 100 + Number(rangeEnd) : Number(rangeEnd);
    for (let year = start; year <= Math.max(start, end); year += 1) years.add(year);
  }
  return years;
}

/** The relative date expressions in `text`, as written ("two days later", "that night"). */
export const relativeDateExpressionsIn = (text: string): string[] =>
  [...text.matchAll(RELATIVE_PATTERN)].map((match) => match[0]);

/** Every date expression in `text` as written: years, months and relative expressions. */
export function dateExpressionsIn(text: string): string[] {
  return [
    ...[...text.matchAll(YEAR_PATTERN)]
      .filter((match) => Number(match[1]) >= YEAR_RANGE.first)
      .map((match) => match[0]),
    ...[...text.matchAll(MONTH_PATTERN)].map((match) => match[0]),
    ...relativeDateExpressionsIn(text),
  ];
}
