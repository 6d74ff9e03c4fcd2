/** Gate: axe-core, WCAG 2.2 AA, on the page as loaded. */
import { AxeBuilder } from '@axe-core/playwright';
import axe from 'axe-core';
import type { Page } from '@playwright/test';
import type { GateProblem } from './problems.ts';

/** The WCAG tags the accessibility gate runs. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

/**
 * Makes axe-core part of every document the page loads, as an init script, so each analysis
 * need not push the 550 KB source over the protocol (AxeBuilder's legacy mode pushes it twice
 * per analysis). Optional: runAxe injects axe itself when it is not there.
 */
export async function preloadAxe(page: Page): Promise<void> {
  await page.addInitScript({ content: axe.source });
}

/** axe-core violations of the page as loaded, one problem per rule with the offending elements. */
export async function runAxe(page: Page, label: string = page.url()): Promise<GateProblem[]> {
  const preloaded = await page.evaluate(
    () => typeof (window as unknown as { axe?: { run?: unknown } }).axe?.run === 'function',
  );
  // Legacy mode runs axe.run() in the page itself; the partial mode opens an extra blank page
  // per analysis, which doubles the time and only matters for cross-origin iframes (none here).
  const results = await new AxeBuilder(preloaded ? { page, axeSource: ';' } : { page })
    .options({ resultTypes: ['violations'] })
    .withTags([...AXE_TAGS])
    .setLegacyMode(true)
    .analyze();
  return results.violations.map((v) => {
    const summaries = [
      ...new Set(
        v.nodes.map((n) =>
          (n.failureSummary ?? '')
            .replace(/\s+/g, ' ')
            .replace(/^Fix (any|all) of the following: /, '')
            .trim(),
        ),
      ),
    ];
    const targets = v.nodes.slice(0, 4).map((n) => n.target.join(' '));
    const more = v.nodes.length > 4 ? ` (+${v.nodes.length - 4} more)` : '';
    const why = summaries.length === 1 ? ` — ${summaries[0]}` : summaries.length > 1 ? ` — e.g. ${summaries[0]}` : '';
    return {
      page: label,
      rule: v.id,
      message: `${v.help} [${v.impact ?? 'n/a'}]${why} — ${v.nodes.length} element(s): ${targets.join(' | ')}${more}`,
    };
  });
}
