/**
 * The contested words: the one list of words that carry one side's characterisation or a verdict
 * (methodology rule 5, "A neutral voice"). The methodology page renders this list and the
 * content check reads it, so the rule readers see is the rule the build enforces.
 *
 * Each word lists every form the check matches, spelled out rather than derived from a stem, so
 * that matching is deliberate: `occupied` is matched, `preoccupied` and `unoccupied` are not.
 * Forms are lowercase; hyphenated compounds (`anti-terrorist`, `counter-offensive`) match through
 * their contested part, because a hyphen is a word boundary.
 */

export interface ContestedWord {
  /** The headword shown on the methodology page. */
  word: string;
  /** Every form the check matches, lowercase; multi-word forms match across any white space. */
  forms: readonly string[];
  /** What the site writes instead in its own voice. */
  instead: string;
}

export const CONTESTED_WORDS: readonly ContestedWord[] = [
  {
    word: 'occupation',
    forms: [
      'occupation',
      'occupations',
      'occupy',
      'occupies',
      'occupied',
      'occupying',
      'occupier',
      'occupiers',
      'occupant',
      'occupants',
    ],
    instead: 'took or held control of',
  },
  {
    word: 'liberation',
    forms: ['liberation', 'liberate', 'liberates', 'liberated', 'liberating', 'liberator', 'liberators'],
    instead: 'took or regained control of',
  },
  {
    word: 'genocide',
    forms: ['genocide', 'genocides', 'genocidal'],
    instead: 'killings, deaths (with the figures each source gives)',
  },
  { word: 'massacre', forms: ['massacre', 'massacres', 'massacred'], instead: 'killings' },
  {
    word: 'ethnic cleansing',
    forms: ['ethnic cleansing', 'ethnically cleanse', 'ethnically cleansed', 'ethnically cleansing'],
    instead: 'departure, displacement, forced from their homes',
  },
  {
    word: 'aggression',
    forms: ['aggression', 'aggressions', 'aggressor', 'aggressors', 'aggressive'],
    instead: 'attack, military action',
  },
  { word: 'terrorist', forms: ['terrorist', 'terrorists', 'terrorism'], instead: 'armed group, attack' },
  {
    word: 'separatist',
    forms: ['separatist', 'separatists', 'separatism'],
    instead: 'Karabakh Armenian authorities, forces',
  },
  {
    word: 'blockade',
    forms: ['blockade', 'blockades', 'blockaded', 'blockading'],
    instead: 'closure (of the road or corridor)',
  },
  { word: 'offensive', forms: ['offensive', 'offensives'], instead: 'military operation' },
  {
    word: 'invasion',
    forms: ['invasion', 'invasions', 'invade', 'invades', 'invaded', 'invading', 'invader', 'invaders'],
    instead: 'attack, entered',
  },
  {
    word: 'annexation',
    forms: ['annexation', 'annex', 'annexes', 'annexed', 'annexing'],
    instead: 'took control of, incorporated',
  },
  {
    word: 'illegal',
    forms: ['illegal', 'illegally', 'illegitimate'],
    instead: 'the source’s characterisation, quoted',
  },
  {
    word: 'kidnapping',
    forms: ['kidnap', 'kidnaps', 'kidnapped', 'kidnapping', 'kidnappings'],
    instead: 'detention, taken',
  },
];

/** A contested form found in the site's own words. */
export interface ContestedHit {
  word: string;
  form: string;
  /** Index of the match in the text as given. */
  index: number;
}

// Quotation spans. Straight double quotes pair with each other. A single quote opens only at the
// start or after white space or an opening bracket, and a closing mark followed by a letter is an
// apostrophe (Azerbaijan’s), so apostrophes neither open nor close a quotation.
const QUOTED_SPANS = [
  /"[^"]*"/g,
  /“[^”]*”/g,
  /«[^»]*»/g,
  /(?<=^|[\s([])‘(?:[^’]|’(?=\p{L}))*’/gu,
  /(?<=^|[\s([])'(?:[^']|'(?=\p{L}))*'/gu,
];

/** The text with every quoted span blanked out (same length, so indexes still point into it). */
export function withoutQuotations(text: string): string {
  return QUOTED_SPANS.reduce((rest, span) => rest.replace(span, (quoted) => ' '.repeat(quoted.length)), text);
}

const escapeForRegExp = (form: string) => form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const FORMS = CONTESTED_WORDS.flatMap((entry) => entry.forms.map((form) => ({ word: entry.word, form })));

/**
 * One pattern for every form, each in its own capture group, so that one pass over the text
 * finds them all and the group that matched names the form. Letters on either side mean
 * another word (preoccupied); a hyphen or space does not.
 */
const ANY_FORM = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${FORMS.map(({ form }) => `(${form.split(' ').map(escapeForRegExp).join('\\s+')})`).join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);

/** Every contested form in `text` outside quotation marks, in order of position. */
export function contestedWordsOutsideQuotes(text: string): ContestedHit[] {
  return [...withoutQuotations(text).matchAll(ANY_FORM)].map((match) => {
    const { word, form } = FORMS[match.findIndex((group, index) => index > 0 && group !== undefined) - 1]!;
    return { word, form, index: match.index };
  });
}

/** A tag is a kebab-case slug and cannot be quoted: any contested form in it is a hit. */
export const contestedWordsInTag = (tag: string): ContestedHit[] =>
  contestedWordsOutsideQuotes(tag.replaceAll('-', ' '));
