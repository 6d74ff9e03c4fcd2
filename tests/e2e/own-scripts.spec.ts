/**
 * Only the site's own scripts run (issue: hardening, "a CSP that vouches for each script").
 *
 * - Markup, every page: the CSP is the site's one policy (content-security-policy.ts); each
 *   executable <script> is inline and is, byte for byte, one of the scripts compiled from
 *   src/client/ (src/lib/inline-scripts.ts); the policy lists the sha256 of each one the page
 *   carries; no event-handler attribute, no javascript: URL.
 * - Browser, every page over http and from file://: no CSP violation, no script error, no dialog.
 * - The policy stops content that slipped through: an event page with the four payloads of the
 *   hardening issue injected runs none of them, over http and from file://; the same page
 *   without its policy runs them, which shows the watch would see them.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Parser } from 'htmlparser2';
import { test, expect, type Page } from '@playwright/test';
import { listBuiltPages } from '../support/built-pages.ts';
import { distDir } from '../support/project.ts';
import { INLINE_SCRIPT_ENTRIES, inlineScript, type InlineScriptName } from '../../src/lib/inline-scripts.ts';
import { contentSecurityPolicy } from '../../src/lib/content-security-policy.ts';
import { parseCsp } from '../support/gates/index.ts';

const DIST = distDir();
const built = existsSync(join(DIST, 'index.html'));
const pages = built ? listBuiltPages(DIST) : [];
test.skip(!built, `${DIST}/index.html is missing: run \`npm run build\` first`);

const SITE_POLICY = contentSecurityPolicy();
const OWN_SCRIPTS = new Map(
  (Object.keys(INLINE_SCRIPT_ENTRIES) as InlineScriptName[]).map((name) => [inlineScript(name), name]),
);
const sha256Source = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The target of a redirect page's meta refresh. */
const REFRESH = /<meta http-equiv="refresh" content="0; url=([^"]+)"/;
/** Script data blocks the browser never runs. */
const DATA_BLOCK_TYPES = new Set(['application/ld+json', 'application/json']);
/** Attributes that take a URL a click or a load would follow. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster']);

/** What in one page's markup could run script, and the policy it carries. */
function scriptsOf(html: string): { inline: string[]; problems: string[]; policy: string; scriptSrc: string[] } {
  const inline: string[] = [];
  const problems: string[] = [];
  let policy = '';
  let scriptSrc: string[] = [];
  let open: { executable: boolean; text: string } | undefined;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        for (const [attribute, value] of Object.entries(attribs)) {
          if (/^on/i.test(attribute)) problems.push(`<${name} ${attribute}> is an event handler`);
          if (
            URL_ATTRIBUTES.has(attribute) &&
            /^\s*(javascript|vbscript|data):/i.test(value) &&
            !(name === 'link' && value === 'data:,')
          ) {
            problems.push(`<${name} ${attribute}="${value.slice(0, 40)}"> runs or embeds a URL scheme`);
          }
        }
        if (name === 'meta' && (attribs['http-equiv'] ?? '').toLowerCase() === 'content-security-policy') {
          policy = attribs.content ?? '';
          scriptSrc = parseCsp(policy).get('script-src') ?? [];
        }
        if (name === 'script') {
          const executable = !DATA_BLOCK_TYPES.has((attribs.type ?? '').toLowerCase());
          if (executable && attribs.src !== undefined)
            problems.push(`<script src="${attribs.src}"> loads a script file`);
          open = { executable, text: '' };
        }
      },
      ontext(text) {
        if (open) open.text += text;
      },
      onclosetag(name) {
        if (name === 'script' && open) {
          if (open.executable) inline.push(open.text);
          open = undefined;
        }
      },
    },
    { decodeEntities: false, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return { inline, problems, policy, scriptSrc };
}

test("every page carries the site's one CSP and only the site's own scripts, each allowed by its hash", () => {
  const problems: string[] = [];
  const seen = new Set<InlineScriptName>();
  for (const page of pages) {
    const { inline, problems: found, policy, scriptSrc } = scriptsOf(readFileSync(page.file, 'utf8'));
    problems.push(...found.map((p) => `${page.rel}: ${p}`));
    // One site-wide policy (the hosts' header file uses it too), redirect pages included.
    if (policy !== SITE_POLICY) problems.push(`${page.rel}: its CSP is not the site's: ${policy}`);
    if (scriptSrc.includes("'unsafe-inline'") || scriptSrc.includes("'unsafe-eval'"))
      problems.push(`${page.rel}: script-src allows ${scriptSrc.join(' ')}`);
    for (const text of inline) {
      const name = OWN_SCRIPTS.get(text);
      if (!name)
        problems.push(
          `${page.rel}: an inline script that is not compiled from src/client/: ${JSON.stringify(text.slice(0, 60))}`,
        );
      else seen.add(name);
      if (!scriptSrc.includes(sha256Source(text)))
        problems.push(`${page.rel}: the CSP does not list the hash of its inline script ${name ?? '(unknown)'}`);
    }
  }
  expect(problems).toEqual([]);
  // Both scripts are shipped somewhere (the home page and the search page).
  expect([...seen].sort()).toEqual(Object.keys(INLINE_SCRIPT_ENTRIES).sort());
});

/** CSP violations, script errors and dialogs of a page, collected from before its first script. */
async function watchScripts(page: Page): Promise<{ take(): Promise<string[]> }> {
  let events: string[] = [];
  page.on('pageerror', (error) => events.push(`script error: ${error.message}`));
  // Chromium also logs each violation: that catches those of a page that navigates away at once.
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      events.push(`console: ${message.text()}`);
  });
  page.on('dialog', (dialog) => {
    events.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const w = window as unknown as { __violations?: string[] };
      (w.__violations ??= []).push(`CSP ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sample})`);
    });
  });
  return {
    async take() {
      const violations = await page
        .evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? [])
        .catch(() => []);
      const all = [...events, ...violations];
      events = [];
      return all;
    },
  };
}

for (const where of ['http', 'file'] as const) {
  test(`no page shows a CSP violation, a script error or a dialog (${where === 'http' ? 'over http' : 'from file://'})`, async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(30_000 + 500 * pages.length);
    const watch = await watchScripts(page);
    const problems: string[] = [];
    for (const p of pages) {
      const url = where === 'http' ? new URL(p.urlPath, baseURL).href : pathToFileURL(p.file).href;
      await page.goto(url, { waitUntil: 'load' });
      // A renamed event's old page forwards at once (meta refresh): wait until it has arrived.
      const forward = REFRESH.exec(readFileSync(p.file, 'utf8'))?.[1];
      if (forward) await page.waitForURL(new URL(forward, url).href, { waitUntil: 'load' });
      problems.push(...(await watch.take()).map((e) => `${p.rel}: ${e}`));
    }
    expect(problems).toEqual([]);
  });
}

test.describe('the policy stops script that content might carry', () => {
  const PAYLOADS = [
    '<script>alert("inline script")</script>',
    '<img src="x" onerror="alert(\'img onerror\')" alt="">',
    '<iframe src="javascript:alert(\'iframe\')" title="payload"></iframe>',
    '<a id="payload-link" href="javascript:alert(\'link\')">payload link</a>',
  ];
  const source = pages.find((p) => p.rel.startsWith('events/') && p.rel.split('/').length === 3);

  /** The event page with the payloads put into its <main>, with or without its policy. */
  const injected = (keepPolicy: boolean): string => {
    const html = readFileSync(source!.file, 'utf8').replace('</main>', `${PAYLOADS.join('\n')}</main>`);
    return keepPolicy ? html : html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
  };

  async function dialogsOf(page: Page, url: string): Promise<string[]> {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(url, { waitUntil: 'load' });
    await page.locator('#payload-link').click();
    await page.waitForTimeout(300);
    return dialogs;
  }

  for (const where of ['http', 'file'] as const) {
    test(`none of the four payloads runs (${where === 'http' ? 'over http' : 'from file://'}); without the policy they would`, async ({
      browser,
      baseURL,
    }) => {
      const urlOf = async (page: Page, keepPolicy: boolean, name: string): Promise<string> => {
        if (where === 'file') {
          // The test's own output folder: a folder made once when the file loads was removed by
          // this group's afterAll whenever a worker came back to the group for its other test.
          const file = test.info().outputPath(`${name}.html`);
          writeFileSync(file, injected(keepPolicy));
          return pathToFileURL(file).href;
        }
        const url = new URL(`${source!.urlPath}${name}.html`, baseURL).href;
        await page.route(url, (route) =>
          route.fulfill({ contentType: 'text/html; charset=utf-8', body: injected(keepPolicy) }),
        );
        return url;
      };
      const guarded = await browser.newPage();
      expect(await dialogsOf(guarded, await urlOf(guarded, true, 'guarded'))).toEqual([]);
      const open = await browser.newPage();
      const ran = await dialogsOf(open, await urlOf(open, false, 'unguarded'));
      expect(ran.sort()).toEqual(['iframe', 'img onerror', 'inline script', 'link'].sort());
      await guarded.close();
      await open.close();
    });
  }
});
