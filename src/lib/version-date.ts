/**
 * The content version (README, "Reproducible") is the date of the last content commit,
 * YYYY-MM-DD, or a label such as "unversioned" or "bench". This is the one parser of it,
 * so the feed, the citations and the archive agree on which versions are dates.
 */

/** The version as [year, month, day] when it is a real calendar date (YYYY-MM-DD), else undefined. */
export function versionDateParts(version: string): [number, number, number] | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(version);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  // Date.UTC rolls 2023-02-30 over to 2 March; reading the parts back rejects such days.
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? [year, month, day] : undefined;
}

/** The version as a UTC midnight Date when it is a real calendar date, else undefined. */
export function versionDate(version: string): Date | undefined {
  const parts = versionDateParts(version);
  return parts && new Date(Date.UTC(parts[0], parts[1] - 1, parts[2]));
}
