/**
 * The one string order of the project: UTF-16 code-unit order, the same on every machine.
 * `localeCompare` depends on the machine's locale and ICU data, so two builds of one commit
 * could sort differently; every sort in src/, scripts/ and the tests uses this instead.
 */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A copy of `items` sorted by the text `key` gives, in code-unit order. */
export const sortedBy = <T>(items: readonly T[], key: (item: T) => string): T[] =>
  [...items].sort((a, b) => compareText(key(a), key(b)));
