/** Gate: HTML validity, html-validate's standard preset on every built page. */
import { readFileSync } from 'node:fs';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import type { GateProblem, PageInput } from './problems.ts';

/** The validator: exactly the standard preset, ignoring any .htmlvalidate.json lying around. */
export const HTML_VALIDATE_CONFIG = { extends: ['html-validate:standard'] } as const;

let validator: HtmlValidate | undefined;
function htmlValidator(): HtmlValidate {
  validator ??= new HtmlValidate(new StaticConfigLoader({ extends: [...HTML_VALIDATE_CONFIG.extends] }));
  return validator;
}

/** html-validate (standard preset) errors of every file, one problem per message. */
export async function validateHtml(pages: readonly PageInput[]): Promise<GateProblem[]> {
  const hv = htmlValidator();
  const problems: GateProblem[] = [];
  for (const page of pages) {
    const report = await hv.validateString(readFileSync(page.file, 'utf8'), page.file);
    for (const result of report.results) {
      for (const m of result.messages) {
        if (m.severity < 2) continue;
        const where = m.selector ? ` at ${m.selector}` : '';
        problems.push({ page: page.rel, rule: m.ruleId, message: `${m.message}${where} (line ${m.line}:${m.column})` });
      }
    }
  }
  return problems;
}
