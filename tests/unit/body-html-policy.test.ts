/**
 * No script from content: what an event body and a source body may contain
 * (src/lib/body-html-policy.ts), and the source URL scheme (src/schemas/source.ts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { bodyHtmlProblems, linkTargetProblem } from '../../src/lib/body-html-policy.ts';
import { sourceSchema } from '../../src/schemas/source.ts';
import { formatProblem } from '../../src/lib/validate-chronology.ts';

const eventLines = (body: string) => bodyHtmlProblems('e.mdx', 'event', body).map(formatProblem);
const sourceLines = (body: string) => bodyHtmlProblems('s.mdx', 'source', body).map(formatProblem);

describe('event bodies: Markdown prose, no HTML', () => {
  it('refuses each payload by name', () => {
    expect(eventLines('Before <script>alert(1)</script> after.')).toEqual([
      'e.mdx: body: raw HTML "<script>" is not allowed in an event body',
      'e.mdx: body: raw HTML "</script>" is not allowed in an event body',
    ]);
    expect(eventLines('A <img src=x onerror=alert(1)> b')).toEqual([
      'e.mdx: body: raw HTML "<img src=x onerror=alert(1)>" is not allowed in an event body',
    ]);
    expect(eventLines('<iframe src="javascript:alert(1)"></iframe>')).toEqual([
      'e.mdx: body: raw HTML "<iframe src=\\"javascript:alert(1)\\"></iframe>" is not allowed in an event body',
    ]);
    expect(eventLines('<b>bold</b>')).toHaveLength(2); // even harmless-looking HTML: none is allowed
    expect(eventLines('![a map](map.png)')).toEqual(['e.mdx: body: image is not allowed in an event body']);
  });

  it('refuses link targets other than http:, https: and relative, however they are written', () => {
    for (const body of [
      '[x](javascript:alert(1))',
      '[x](JavaScript:alert(1))',
      '[x](jav&#x61;script:alert(1))', // an entity, decoded by the parser
      '[x](<java\tscript:alert(1)>)', // browsers drop the tab
      '<javascript:alert(1)>', // autolink
      '[x][r]\n\n[r]: javascript:alert(1)', // reference definition
      '[x](data:text/html,<script>alert(1)</script>)',
    ]) {
      const lines = eventLines(body);
      expect(lines, body).toHaveLength(1);
      expect(lines[0], body).toMatch(
        /^e\.mdx: body: link target ".*" uses (javascript|data):; only http:, https: and relative links are allowed$/,
      );
    }
  });

  it('accepts prose, http(s) and relative links, and shows `<` written as text', () => {
    expect(
      eventLines(
        'Para *em* **strong** `code <b>`.\n\n> quote\n\n- a\n- b\n\n## Heading\n\n[a](https://example.org/x) [b](http://example.org) [c](../other/index.html#id) [d](#id)',
      ),
    ).toEqual([]);
    expect(eventLines('1 < 2 and a {brace}')).toEqual([]);
  });
});

describe('source bodies: MDX with only <Caption credit="…">', () => {
  it('accepts the real source bodies and every event body', () => {
    for (const [dir, kind] of [
      ['content/sources', 'source'],
      ['content/events', 'event'],
    ] as const) {
      for (const name of readdirSync(dir).filter((f) => f.endsWith('.mdx'))) {
        const body = readFileSync(`${dir}/${name}`, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
        expect(bodyHtmlProblems(name, kind, body).map(formatProblem)).toEqual([]);
      }
    }
  });

  it('accepts headings, captions and string-literal escapes', () => {
    expect(
      sourceLines('## A heading\n\nText with {\'<\'} and {"{"}.\n\n<Caption credit="Photo: AP">A caption</Caption>'),
    ).toEqual([]);
  });

  it('refuses other elements, expressions, import and export by name', () => {
    expect(sourceLines('<script>alert(1)</script>')).toEqual([
      's.mdx: body: element <script> is not allowed in a source body; only <Caption>',
    ]);
    expect(sourceLines('<iframe src="javascript:alert(1)" />')).toEqual([
      's.mdx: body: element <iframe> is not allowed in a source body; only <Caption>',
    ]);
    expect(sourceLines('Text {alert(1)}')).toEqual([
      "s.mdx: body: expression {alert(1)} is not allowed in a source body; only a string literal such as {'<'}",
    ]);
    expect(sourceLines("Text {'a' + alert(1)}")).toHaveLength(1);
    expect(sourceLines('export const x = alert(1)')).toEqual([
      's.mdx: body: import or export "export const x = alert(1)" is not allowed in a source body',
    ]);
    expect(sourceLines('<Caption credit={alert(1)} onClick="x">c</Caption>')).toEqual([
      's.mdx: body: <Caption credit> must be a quoted string, not an expression',
      's.mdx: body: <Caption> may not have the attribute onClick',
    ]);
    expect(sourceLines('<Caption {...props}>c</Caption>')).toEqual([
      's.mdx: body: <Caption> may not spread an expression into its attributes',
    ]);
    expect(sourceLines('See [x](javascript:alert(1)).')).toHaveLength(1);
  });

  it('names a body that is not valid MDX instead of crashing', () => {
    const lines = sourceLines('A <img src=x onerror=alert(1)> b');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^s\.mdx: body: not valid MDX: /);
  });
});

describe('link targets', () => {
  it('allows http:, https: and relative targets only', () => {
    expect(
      ['https://a.org', 'http://a.org/x?y#z', '//a.org/x', 'x/index.html', '../a', '#b', '?q=1', ''].map(
        linkTargetProblem,
      ),
    ).toEqual(Array(8).fill(undefined));
    expect(
      ['javascript:x', ' javascript:x', 'vbscript:x', 'data:,x', 'mailto:a@b.org', 'file:///etc/passwd'].every(
        (t) => linkTargetProblem(t) !== undefined,
      ),
    ).toBe(true);
  });
});

describe('source url', () => {
  it('must be http: or https:', () => {
    const source = readFileSync('content/sources/meduza-2023.mdx', 'utf8');
    const data = parse(/^---\n([\s\S]*?)\n---\n/.exec(source)![1]!) as Record<string, unknown>;
    expect(sourceSchema.safeParse({ ...data, url: 'https://meduza.io/en/feature/x' }).success).toBe(true);
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'ftp://example.org/x']) {
      const result = sourceSchema.safeParse({ ...data, url });
      expect(
        result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
        url,
      ).toEqual(['url: must be an http: or https: URL']);
    }
  });
});
