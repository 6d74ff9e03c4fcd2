/**
 * What an entry's body may contain, so that no script ever comes from content. Bodies are
 * checked as parsed by satteri, the parser Astro itself renders them with, so the check sees
 * exactly what the page will get. Anything outside the allow-list is refused by name, never
 * stripped: the build then fails with one line `file: body: reason` per problem.
 *
 * - Event bodies are Markdown prose: paragraphs, emphasis, lists, quotes, headings, code and
 *   links. No raw HTML at all, and no images.
 * - Source bodies are MDX: the same prose, `## ` headings, and the one component
 *   `<Caption credit="…">…</Caption>` with a literal credit. An expression may only be a string
 *   literal (`{'<'}`, the MDX escape); no import, export or other JSX.
 * - Every link target (links and link definitions) is http:, https: or relative.
 */
import { markdownToMdast, mdxToMdast, type MdastNode } from 'satteri';
import type { Problem } from './validate-chronology.ts';

export type BodyKind = 'event' | 'source';

/** mdast node types a body may contain (beyond the MDX ones checked one by one below). */
const PROSE_NODE_TYPES = new Set([
  'root',
  'paragraph',
  'text',
  'emphasis',
  'strong',
  'delete',
  'break',
  'heading',
  'blockquote',
  'list',
  'listItem',
  'thematicBreak',
  'inlineCode',
  'code',
  'link',
  'linkReference',
  'definition',
]);

/** The one component a source body may use, and the attributes it may carry. */
const SOURCE_COMPONENTS: ReadonlyMap<string, ReadonlySet<string>> = new Map([['Caption', new Set(['credit'])]]);

/** A JavaScript string literal and nothing else: the MDX way to write a character such as `{`. */
const STRING_LITERAL = /^\s*(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")\s*$/;

/** Link targets are resolved as a browser would (it drops tabs and newlines, ignores case). */
const RELATIVE_BASE = 'https://relative.invalid/';
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:']);

/** Longest excerpt of refused content quoted in a message. */
const EXCERPT_LENGTH = 60;

const excerpt = (text: string): string => {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(oneLine.length > EXCERPT_LENGTH ? `${oneLine.slice(0, EXCERPT_LENGTH)}…` : oneLine);
};

/** Why a link target is refused, or undefined when it is http:, https: or relative. */
export function linkTargetProblem(target: string): string | undefined {
  let url: URL;
  try {
    url = new URL(target, RELATIVE_BASE);
  } catch {
    return `link target ${excerpt(target)} is not a valid URL`;
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol))
    return `link target ${excerpt(target)} uses ${url.protocol}; only http:, https: and relative links are allowed`;
  return undefined;
}

/** The reasons one node is refused (none when it is allowed); its children are checked apart. */
function nodeProblems(node: MdastNode, kind: BodyKind): string[] {
  const where = `in ${kind === 'event' ? 'an event' : 'a source'} body`;
  const record = node as unknown as Record<string, unknown>;
  switch (node.type) {
    case 'html':
      return [`raw HTML ${excerpt(String(record.value))} is not allowed ${where}`];
    case 'mdxjsEsm':
      return [`import or export ${excerpt(String(record.value))} is not allowed ${where}`];
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return STRING_LITERAL.test(String(record.value))
        ? []
        : [`expression {${String(record.value)}} is not allowed ${where}; only a string literal such as {'<'}`];
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return jsxProblems(record, where);
    case 'link':
    case 'definition': {
      const problem = linkTargetProblem(String(record.url));
      return problem ? [problem] : [];
    }
    default:
      return PROSE_NODE_TYPES.has(node.type) ? [] : [`${node.type} is not allowed ${where}`];
  }
}

/** A JSX element must be an allowed component with literal values for its allowed attributes. */
function jsxProblems(element: Record<string, unknown>, where: string): string[] {
  const name = String(element.name ?? '');
  const allowed = SOURCE_COMPONENTS.get(name);
  if (!allowed)
    return [
      `element <${name}> is not allowed ${where}; only ${[...SOURCE_COMPONENTS.keys()].map((c) => `<${c}>`).join(', ')}`,
    ];
  const problems: string[] = [];
  for (const attribute of (element.attributes ?? []) as Record<string, unknown>[]) {
    if (attribute.type !== 'mdxJsxAttribute')
      problems.push(`<${name}> may not spread an expression into its attributes`);
    else if (!allowed.has(String(attribute.name)))
      problems.push(`<${name}> may not have the attribute ${String(attribute.name)}`);
    else if (typeof attribute.value !== 'string')
      problems.push(`<${name} ${String(attribute.name)}> must be a quoted string, not an expression`);
  }
  return problems;
}

/** Every problem of one body, as `file: body: reason`; an empty list means it may be published. */
export function bodyHtmlProblems(file: string, kind: BodyKind, body: string): Problem[] {
  // JSX and expressions exist only in MDX; for an event body, `<` is raw HTML and `{` is text.
  let tree: MdastNode;
  try {
    tree = kind === 'source' ? mdxToMdast(body, { position: false }) : markdownToMdast(body, { position: false });
  } catch (error) {
    return [
      { file, field: 'body', message: `not valid MDX: ${error instanceof Error ? error.message : String(error)}` },
    ];
  }
  const problems: Problem[] = [];
  const visit = (node: MdastNode): void => {
    for (const message of nodeProblems(node, kind)) problems.push({ file, field: 'body', message });
    for (const child of (node as { children?: MdastNode[] }).children ?? []) visit(child);
  };
  visit(tree);
  return problems;
}
