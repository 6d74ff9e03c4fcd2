/** Gate: every page reads the same without JavaScript. */
import type { Page } from '@playwright/test';
import type { GateProblem } from './problems.ts';

/** Whitespace-collapsed text of the first element matching `selector`, as rendered (innerText), or undefined. */
export async function renderedText(page: Page, selector: string): Promise<string | undefined> {
  const locator = page.locator(selector).first();
  if ((await locator.count()) === 0) return undefined;
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

/**
 * With JavaScript disabled in the page's context, the page shows its <main> (visible, with
 * text) and a visible, non-empty <h1>. Pass a page from a context created with
 * javaScriptEnabled: false, already navigated. (One evaluate: Playwright's evaluate still
 * runs when the page's own scripts are disabled.)
 */
export async function checkReadableWithoutJs(page: Page, label: string = page.url()): Promise<GateProblem[]> {
  const state = await page.evaluate(() => {
    const visible = (el: Element | null): boolean => {
      if (!el) return false;
      const box = el.getBoundingClientRect();
      return el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) && box.width > 0 && box.height > 0;
    };
    const text = (el: Element | null): string =>
      el instanceof HTMLElement ? el.innerText.replace(/\s+/g, ' ').trim() : '';
    const main = document.querySelector('main');
    const h1 = document.querySelector('h1');
    return {
      main: main !== null,
      mainVisible: visible(main),
      mainText: text(main),
      h1: h1 !== null,
      h1Visible: visible(h1),
      h1Text: text(h1),
    };
  });
  const problems: GateProblem[] = [];
  const report = (message: string): void => {
    problems.push({ page: label, rule: 'no-js', message });
  };
  if (!state.main) report('has no <main>');
  else if (!state.mainVisible) report('<main> is not visible without JavaScript');
  else if (state.mainText.length < 20)
    report(`<main> shows almost no text without JavaScript (${JSON.stringify(state.mainText)})`);
  if (!state.h1) report('has no <h1>');
  else if (!state.h1Visible) report('<h1> is not visible without JavaScript');
  else if (!state.h1Text) report('<h1> is empty without JavaScript');
  return problems;
}

/**
 * JavaScript may enhance a page but not bring its reading text: the <main> text shown without
 * JavaScript must be at least `ratio` of the text shown with it.
 */
export function compareJsText(
  withJs: string | undefined,
  withoutJs: string | undefined,
  label: string,
  ratio = 0.8,
): GateProblem[] {
  const a = withJs?.length ?? 0;
  const b = withoutJs?.length ?? 0;
  if (a === 0 || b >= a * ratio) return [];
  return [
    {
      page: label,
      rule: 'no-js',
      message: `<main> shows ${b} characters without JavaScript but ${a} with it: the reading text depends on JavaScript`,
    },
  ];
}
