/**
 * tests/fixtures/broken-pages/: one page per breakage that every gate must report, and a clean
 * index.html that no gate may report. The unit and browser self-tests of the gates both read it.
 */
import { join } from 'node:path';
import { listBuiltPages, type BuiltPage } from './built-pages.ts';
import { PROJECT_ROOT } from './project.ts';

export const BROKEN_PAGES_DIR = join(PROJECT_ROOT, 'tests/fixtures/broken-pages');

/** The fixture's pages, listed as the gates list a built site. */
export const listBrokenPages = (): BuiltPage[] => listBuiltPages(BROKEN_PAGES_DIR);

/** One page of the fixture by its path there, e.g. 'heavy/index.html'; throws when it is missing. */
export function brokenPage(rel: string): BuiltPage {
  const page = listBrokenPages().find((p) => p.rel === rel);
  if (!page) throw new Error(`fixture page ${rel} is missing`);
  return page;
}
