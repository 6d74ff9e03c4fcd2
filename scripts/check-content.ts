#!/usr/bin/env node
/**
 * Checks a whole content folder before anything is built: file layout, names, encodings and
 * links (src/lib/content-files.ts), every entry against its schema (src/schemas/), what each
 * body may contain (src/lib/body-html-policy.ts: no script from content), and the
 * cross-entry rules (src/lib/validate-chronology.ts, src/lib/redirects.ts), including that
 * every quote is in its source's body, and the mechanical editorial rules (src/lib/editorial-checks.ts). Prints one `file: field: reason` line per problem.
 *
 *   node scripts/check-content.ts [content-folder]     (default: $CHRONOLOGY_CONTENT or content/)
 *
 * scripts/build.ts runs it first, so bad content stops the build before a file is written.
 * Frontmatter is read with the YAML 1.1 schema, as Astro's own loader (js-yaml) reads it.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'astro/zod';
import { contentLayoutProblems, decodeUtf8, ID_PATTERN, type ContentEntry } from '../src/lib/content-files.ts';
import {
  formatProblem,
  validateChronology,
  type EventInput,
  type Problem,
  type SourceInput,
} from '../src/lib/validate-chronology.ts';
import { validateRedirects } from '../src/lib/redirects.ts';
import {
  checkEditorialRules,
  type EditorialEventInput,
  type EditorialSourceInput,
} from '../src/lib/editorial-checks.ts';
import { bodyPieces } from '../src/lib/source-body.ts';
import { bodyHtmlProblems } from '../src/lib/body-html-policy.ts';
import { sourceSchema } from '../src/schemas/source.ts';
import { plainEventSchema } from '../src/schemas/event.ts';
import { compareText } from '../src/lib/order.ts';
import { placeSchema } from '../src/schemas/place.ts';
import { eraSchema } from '../src/schemas/era.ts';

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)([\s\S]*)$/;

/** Every entry under `root`, links resolved: a link is fine if it stays inside the folder. */
export function listContent(root: string): ContentEntry[] {
  const realRoot = realpathSync(root);
  const entries: ContentEntry[] = [];
  const walk = (folder: string): void => {
    for (const name of readdirSync(join(root, folder)).sort(compareText)) {
      const path = folder ? `${folder}/${name}` : name;
      const full = join(root, path);
      let stats = lstatSync(full);
      if (stats.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(full);
        } catch {
          entries.push({ path, kind: 'link-broken' });
          continue;
        }
        if (target !== realRoot && !target.startsWith(`${realRoot}${sep}`)) {
          entries.push({ path, kind: 'link-outside', target });
          continue;
        }
        stats = statSync(full);
      }
      const kind = stats.isDirectory() ? 'folder' : stats.isFile() ? 'file' : 'other';
      entries.push({ path, kind });
      if (kind === 'folder') walk(path);
    }
  };
  walk('');
  return entries;
}

/** A zod issue path as the messages write fields: claims[0].quote. */
const fieldOf = (path: readonly PropertyKey[]): string =>
  path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i > 0 ? '.' : ''}${String(part)}`)).join('') ||
  '(whole entry)';

const schemaProblems = (file: string, error: z.ZodError): Problem[] =>
  error.issues.map((issue) => ({ file, field: fieldOf(issue.path), message: issue.message }));

interface ParsedFile {
  file: string;
  text: string;
}

/** Checks the content folder; returns every problem as a `file: field: reason` line, or none. */
export function checkContent(root: string): string[] {
  const label = relative(process.cwd(), root).startsWith('..') ? root : relative(process.cwd(), root) || '.';
  const entries = listContent(root);
  const problems: Problem[] = contentLayoutProblems(entries, label);
  const refused = new Set(problems.map((p) => p.file));
  const add = (file: string, field: string, message: string) => problems.push({ file, field, message });

  /** Readable UTF-8 files of one folder with one extension (refused names left out). */
  const read = (folder: string, extension: string): ParsedFile[] =>
    entries
      .filter(
        (e) =>
          e.kind === 'file' &&
          e.path.startsWith(folder ? `${folder}/` : '') &&
          !e.path.slice(folder.length + 1).includes('/'),
      )
      .filter((e) => e.path.endsWith(extension) && !refused.has(`${label}/${e.path}`))
      .flatMap((e) => {
        const file = `${label}/${e.path}`;
        const decoded = decodeUtf8(readFileSync(join(root, e.path)));
        if ('problem' in decoded) {
          add(file, 'encoding', decoded.problem);
          return [];
        }
        return [{ file, text: decoded.text }];
      });
  const frontmatter = (parsed: ParsedFile): { data: unknown; body: string } | undefined => {
    const match = FRONTMATTER.exec(parsed.text);
    if (!match) return void add(parsed.file, 'frontmatter', 'no frontmatter between --- lines at the top');
    try {
      return { data: parseYaml(match[1]!, { schema: 'yaml-1.1' }) as unknown, body: match[2]! };
    } catch (error) {
      return void add(parsed.file, 'frontmatter', `not valid YAML: ${(error as Error).message.split('\n')[0]}`);
    }
  };
  const json = (parsed: ParsedFile): { value: unknown } | undefined => {
    try {
      return { value: JSON.parse(parsed.text) as unknown };
    } catch (error) {
      return void add(parsed.file, '(whole file)', `not valid JSON: ${(error as Error).message}`);
    }
  };
  const idOf = (file: string, extension: string) => file.slice(file.lastIndexOf('/') + 1, -extension.length);

  /** The MDX entries of a folder whose frontmatter passes `schema`, their bodies checked against the HTML policy. */
  const validEntries = <Schema extends z.ZodType>(kind: 'source' | 'event', schema: Schema) =>
    read(`${kind}s`, '.mdx').flatMap((parsed) => {
      const matter = frontmatter(parsed);
      if (!matter) return [];
      problems.push(...bodyHtmlProblems(parsed.file, kind, matter.body));
      const result = schema.safeParse(matter.data);
      if (result.success) {
        const data = result.data as z.output<Schema>;
        return [{ id: idOf(parsed.file, '.mdx'), file: parsed.file, body: matter.body, data }];
      }
      problems.push(...schemaProblems(parsed.file, result.error));
      return [];
    });

  const sources: (SourceInput & EditorialSourceInput)[] = [];
  for (const { id, file, body, data } of validEntries('source', sourceSchema)) {
    const capturePath = `sources/captures/${data.capture.file}`;
    const captureEntry = entries.find((e) => e.path === capturePath);
    let captureText: string | undefined;
    let captureSha256: string | undefined;
    if (captureEntry?.kind === 'file') {
      const bytes = readFileSync(join(root, capturePath));
      const decoded = decodeUtf8(bytes, true);
      if ('problem' in decoded) add(`${label}/${capturePath}`, 'encoding', decoded.problem);
      else captureText = decoded.text;
      captureSha256 = createHash('sha256').update(bytes).digest('hex');
    }
    if (captureEntry && captureText === undefined) continue; // refused above, by layout or encoding
    sources.push({
      id,
      file,
      capture: data.capture,
      nonArticle: data.nonArticle,
      captureText,
      captureSha256,
      bodyBlocks: bodyPieces(body).map((piece) => piece.text),
      data,
    });
  }

  const events: (EventInput & EditorialEventInput)[] = validEntries('event', plainEventSchema).map(
    ({ id, file, data }) => ({ id, file, data }),
  );

  const placeIds: string[] = [];
  for (const parsed of read('places', '.json')) {
    const value = json(parsed);
    if (!value) continue;
    const result = placeSchema.safeParse(value.value);
    if (result.success) placeIds.push(idOf(parsed.file, '.json'));
    else problems.push(...schemaProblems(parsed.file, result.error));
  }

  const eras: { id: string; name: string; description: string; start: string; end: string }[] = [];
  const erasFile = read('', '.json').find((p) => p.file === `${label}/eras.json`);
  const erasValue = erasFile && json(erasFile);
  if (erasFile && erasValue) {
    if (!Array.isArray(erasValue.value)) add(erasFile.file, '(whole file)', 'must be a JSON array of eras');
    else
      erasValue.value.forEach((era: unknown, i) => {
        const result = eraSchema.safeParse(era);
        if (result.success) eras.push(result.data);
        else
          problems.push(
            ...schemaProblems(erasFile.file, result.error).map((p) => ({ ...p, field: `[${i}].${p.field}` })),
          );
      });
  }

  problems.push(
    ...validateChronology({
      sources,
      events,
      placeIds,
      eras,
      erasFile: `${label}/eras.json`,
      eventFiles: entries
        .filter((e) => e.path.startsWith('events/') && e.path.endsWith('.mdx'))
        .map((e) => `${label}/${e.path}`),
    }),
  );
  problems.push(...checkEditorialRules({ events, sources, eras, erasFile: `${label}/eras.json` }));

  const redirectsFile = read('', '.json').find((p) => p.file === `${label}/redirects.json`);
  const redirectsValue = redirectsFile && json(redirectsFile);
  if (redirectsFile && redirectsValue)
    problems.push(...redirectProblems(redirectsValue.value, redirectsFile.file, new Set(events.map((e) => e.id))));
  return problems.map(formatProblem);
}

/** redirects.json must map old ids to current ids, both plain ids (no paths such as ../../index). */
export function redirectProblems(value: unknown, file: string, eventIds: ReadonlySet<string>): Problem[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return [
      {
        file,
        field: '(whole file)',
        message: `must be a JSON object mapping old event ids to current ones, not ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`,
      },
    ];
  const problems: Problem[] = [];
  const valid: Record<string, string> = {};
  for (const [from, to] of Object.entries(value)) {
    if (!ID_PATTERN.test(from))
      problems.push({
        file,
        field: JSON.stringify(from),
        message: 'an old id must be a lowercase kebab-case id, not a path',
      });
    else if (typeof to !== 'string' || !ID_PATTERN.test(to))
      problems.push({ file, field: from, message: `the target ${JSON.stringify(to)} is not an event id` });
    else valid[from] = to;
  }
  return [...problems, ...validateRedirects(valid, eventIds, file)];
}

if (import.meta.main) {
  const root = resolve(process.argv[2] ?? process.env.CHRONOLOGY_CONTENT ?? 'content');
  const lines = checkContent(root);
  for (const line of lines) console.error(line);
  if (lines.length > 0) {
    console.error(`check-content: ${lines.length} problem(s)`);
    process.exitCode = 1;
  } else console.log('check-content: no problems');
}
