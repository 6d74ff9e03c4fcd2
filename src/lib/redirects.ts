/**
 * Permalinks never die. When an event is renamed, content/redirects.json maps its old id to
 * the new one and the old URL becomes a page that forwards to the new one.
 */
import type { Problem } from './validate-chronology.ts';

/** Problems with the redirect map: an old id still in use, or a target that does not exist. */
export function validateRedirects(
  redirects: Record<string, string>,
  eventIds: ReadonlySet<string>,
  file = 'content/redirects.json',
): Problem[] {
  const problems: Problem[] = [];
  for (const [from, to] of Object.entries(redirects)) {
    if (eventIds.has(from))
      problems.push({ file, field: from, message: `"${from}" is still an event id; it cannot also redirect` });
    if (!eventIds.has(to)) problems.push({ file, field: from, message: `redirect target "${to}" is not an event id` });
  }
  return problems;
}
