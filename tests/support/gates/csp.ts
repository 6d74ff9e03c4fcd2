/** Gate: each page's Content-Security-Policy allows no other host. */
import { parseHtml } from './parse-html.ts';
import type { GateProblem } from './problems.ts';

/** Source-list directives (and the reporting ones, which would send data elsewhere). */
const SOURCE_DIRECTIVE = /(-src|-src-elem|-src-attr)$|^(form-action|base-uri|frame-ancestors|navigate-to)$/;
const ALLOWED_SOURCE =
  /^('self'|'none'|'unsafe-inline'|'unsafe-eval'|'wasm-unsafe-eval'|'unsafe-hashes'|'strict-dynamic'|'report-sample'|'inline-speculation-rules'|'nonce-[^']+'|'sha(256|384|512)-[^']+'|data:|blob:)$/i;

/** Directives that govern scripts: they may allow inline script only by hash, and never eval. */
const SCRIPT_DIRECTIVE = /^script-src(-elem|-attr)?$/;
const UNSAFE_SCRIPT_SOURCE = /^'(unsafe-inline|unsafe-eval)'$/i;

/** Parses a policy into directive → tokens (first occurrence wins, as browsers do). */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...tokens] = part.trim().split(/\s+/).filter(Boolean);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), tokens);
  }
  return directives;
}

/**
 * The page must carry a Content-Security-Policy <meta> in its <head>, before any script, style
 * or linked resource (a policy only covers what follows it), whose default-src is exactly
 * 'self', no directive may allow another origin (host, scheme such as https:, or *) or
 * name a report endpoint, and no script directive may allow 'unsafe-inline' or 'unsafe-eval'
 * (the site's own inline scripts are allowed by their hashes).
 */
export function checkCsp(html: string, page: string): GateProblem[] {
  const { csp } = parseHtml(html);
  const problems: GateProblem[] = [];
  const report = (message: string): void => {
    problems.push({ page, rule: 'csp', message });
  };
  if (csp.length === 0) {
    report('has no <meta http-equiv="Content-Security-Policy">');
    return problems;
  }
  for (const meta of csp) {
    if (!meta.inHead) report('CSP <meta> is outside <head>, where browsers ignore it');
    if (meta.afterResource) report(`CSP <meta> comes after ${meta.afterResource}, which it therefore does not cover`);
    const directives = parseCsp(meta.content);
    const defaultSrc = directives.get('default-src');
    if (!defaultSrc) report(`CSP has no default-src: "${meta.content}"`);
    else if (defaultSrc.length !== 1 || defaultSrc[0] !== "'self'")
      report(`CSP default-src is "${defaultSrc.join(' ')}", not 'self'`);
    for (const [name, tokens] of directives) {
      if (name === 'report-uri' || name === 'report-to') {
        report(`CSP ${name} would send reports to ${tokens.join(' ')}`);
        continue;
      }
      if (!SOURCE_DIRECTIVE.test(name)) continue;
      for (const token of tokens) {
        if (!ALLOWED_SOURCE.test(token)) report(`CSP ${name} allows another origin: ${token}`);
        else if (SCRIPT_DIRECTIVE.test(name) && UNSAFE_SCRIPT_SOURCE.test(token)) report(`CSP ${name} allows ${token}`);
      }
    }
  }
  return problems;
}
