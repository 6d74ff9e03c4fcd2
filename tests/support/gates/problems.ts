/** What every gate returns: the problems it found, one per thing wrong (an empty list passes). */
import type { BuiltPage } from '../built-pages.ts';

/** One thing a gate found wrong. */
export interface GateProblem {
  /** The page, as its path inside the site folder (e.g. 'events/x/index.html') or its URL. */
  page: string;
  /** A short rule name: an html-validate or axe rule id, or one of this file's own. */
  rule: string;
  /** What is wrong, naming the element, attribute or URL. */
  message: string;
}

/** One line per problem, for assertion messages. */
export function formatProblems(problems: readonly GateProblem[], limit = 200): string {
  const lines = problems.slice(0, limit).map((p) => `  ${p.page}: [${p.rule}] ${p.message}`);
  if (problems.length > limit) lines.push(`  … and ${problems.length - limit} more`);
  return lines.join('\n');
}

/** A page to check: a built page, or any HTML file with the path it stands for. */
export type PageInput = BuiltPage | Pick<BuiltPage, 'file' | 'rel'>;
