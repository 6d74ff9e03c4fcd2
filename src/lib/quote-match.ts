/**
 * Verbatim quote matching. A quote matches its source when it occurs in the article text
 * after normalising only white space, typographic quote marks and dashes — nothing else,
 * so spelling, wording and punctuation must be exactly the source's.
 *
 * The normalisation, precisely (one UTF-16 code unit at a time):
 * - white space is the Unicode White_Space property (tab, LF, VT, FF, CR, space, U+0085,
 *   U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000); each run becomes
 *   one space, and leading and trailing white space is dropped. JavaScript's `\s` is not used:
 *   it also matches U+FEFF (the byte-order mark), which is not a space. Zero-width characters
 *   (U+200B, U+200C, U+200D, U+2060, U+FEFF) are not white space and must match as written;
 * - ‘ ’ ‚ ‛ ′ become ', “ ” „ ‟ ″ become ", and the dashes U+2010–U+2015 and U+2212 become -;
 * - nothing else: no case folding and no Unicode normalisation (NFC and NFD spellings of one
 *   letter differ; the validator says so when that is the only difference).
 */

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032]/;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033]/;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/;
const WHITE_SPACE = /\p{White_Space}/u;

const TAB = 0x09;
const CARRIAGE_RETURN = 0x0d;
const SPACE = 0x20;
const FIRST_NON_ASCII = 0x80;

/** Maps one character to its normalised form (white space becomes a plain space). */
function normaliseChar(char: string): string {
  // Most text is ASCII, where only tab to carriage return and the space are white space and
  // no character is a quote mark or dash to map: answer without the Unicode regexes.
  const code = char.charCodeAt(0);
  if (code < FIRST_NON_ASCII) return code === SPACE || (code >= TAB && code <= CARRIAGE_RETURN) ? ' ' : char;
  if (WHITE_SPACE.test(char)) return ' ';
  if (SINGLE_QUOTES.test(char)) return "'";
  if (DOUBLE_QUOTES.test(char)) return '"';
  if (DASHES.test(char)) return '-';
  return char;
}

/**
 * The normalisation itself. When `map` is given, it receives, for each normalised character,
 * the index of the original character it came from.
 */
function normalise(text: string, map?: number[]): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = normaliseChar(text[i]!);
    if (char === ' ' && (out.length === 0 || out.endsWith(' '))) continue;
    out += char;
    map?.push(i);
  }
  if (out.endsWith(' ')) {
    out = out.slice(0, -1);
    map?.pop();
  }
  return out;
}

/**
 * Normalises text for comparison and keeps, for each normalised character, the index of the
 * original character it came from, so a match can be mapped back onto the original text.
 */
export function normaliseWithMap(text: string): { text: string; map: number[] } {
  const map: number[] = [];
  return { text: normalise(text, map), map };
}

/** Normalised form of a text (see module comment). */
export const normaliseForMatch = (text: string): string => normalise(text);

/** Where a quote lies in a text, in the original text's character offsets (end exclusive). */
export interface QuoteLocation {
  start: number;
  end: number;
}

/** Finds every occurrence of `quote` in `text`, tolerant only of the normalisations above. */
export const locateQuote = (text: string, quote: string): QuoteLocation[] =>
  locateNormalised(normaliseWithMap(text), normaliseForMatch(quote));

/**
 * Like locateQuote, for a text normalised once with normaliseWithMap and a quote already
 * normalised: callers matching many quotes against one text avoid re-normalising it.
 */
export function locateNormalised(hay: { text: string; map: number[] }, needle: string): QuoteLocation[] {
  if (needle.length === 0) return [];
  const found: QuoteLocation[] = [];
  for (let at = hay.text.indexOf(needle); at !== -1; at = hay.text.indexOf(needle, at + 1)) {
    found.push({ start: hay.map[at]!, end: hay.map[at + needle.length - 1]! + 1 });
  }
  return found;
}

/** True when `quote` occurs verbatim (modulo the normalisations above) in `text`. */
export const verifyQuote = (text: string, quote: string): boolean => locateQuote(text, quote).length > 0;
