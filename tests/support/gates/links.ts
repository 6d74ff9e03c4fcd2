/** Gate: every internal link and anchor of every page resolves, from disk and under a sub-path. */
import { existsSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { listBuiltPages } from '../built-pages.ts';
import { parsePage, SCHEME } from './parse-html.ts';
import type { GateProblem, PageInput } from './problems.ts';

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Every internal link, stylesheet, image, script and other URL in every HTML page of `dir`
 * must resolve, relative to its page, to a file inside `dir`, and a #fragment must name an id
 * (or <a name>) in the target page. Links must be relative and name a file: a root-relative
 * link ('/x/') breaks under a sub-path and from disk, and a link to a folder ('x/') opens a
 * directory listing from disk, so both are reported too. Other schemes and hosts are skipped
 * here (checkStaticPrivacy looks at those that load something).
 */
export function checkLinks(dir: string, pages: readonly PageInput[] = listBuiltPages(dir)): GateProblem[] {
  const problems: GateProblem[] = [];
  const anchorsOf = (rel: string): Set<string> => parsePage(join(dir, rel)).anchors;
  for (const page of pages) {
    const parsed = parsePage(page.file);
    const seen = new Set<string>();
    for (const ref of parsed.refs) {
      const { value } = ref;
      const key = `${ref.tag}|${ref.attr}|${value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const report = (rule: string, message: string): void => {
        problems.push({ page: page.rel, rule, message: `<${ref.tag} ${ref.attr}="${value}"> ${message}` });
      };
      // <link rel="canonical|alternate …" href="https://…"> and external <a> are not ours to check.
      const scheme = SCHEME.exec(value)?.[1]?.toLowerCase();
      if (scheme !== undefined || value.startsWith('//')) continue;
      if (value === '') {
        if (ref.tag !== 'form') report('empty-url', 'is empty');
        continue;
      }
      const hashAt = value.indexOf('#');
      const beforeHash = hashAt === -1 ? value : value.slice(0, hashAt);
      const fragment = hashAt === -1 ? undefined : value.slice(hashAt + 1);
      const pathPart = beforeHash.split('?')[0] ?? '';
      let targetRel: string;
      if (pathPart === '') {
        targetRel = page.rel;
      } else {
        if (pathPart.startsWith('/')) {
          report('root-relative', 'is root-relative; it breaks under a sub-path and from disk (use a relative link)');
          continue;
        }
        const joined = posix.normalize(posix.join(posix.dirname(page.rel), safeDecode(pathPart)));
        if (joined === '..' || joined.startsWith('../')) {
          report('outside-site', 'points outside the site folder');
          continue;
        }
        const target = join(dir, joined);
        const isFolder = pathPart.endsWith('/') || (existsSync(target) && statSync(target).isDirectory());
        if (isFolder) {
          const suggestion = `${pathPart.endsWith('/') ? pathPart : `${pathPart}/`}index.html`;
          report(
            'folder-link',
            existsSync(join(dir, joined, 'index.html'))
              ? `points to a folder; link ${suggestion} so the link also works from disk`
              : `points to a folder with no index.html (${joined}/)`,
          );
          continue;
        }
        if (!existsSync(target)) {
          report('missing-target', `points to ${joined}, which does not exist in the build`);
          continue;
        }
        targetRel = joined;
      }
      if (fragment === undefined || fragment === '' || /^top$/i.test(fragment) || fragment.startsWith(':~:')) continue;
      if (!/\.html?$/i.test(targetRel)) continue; // fragments of text, JSON, PDF … are not ids
      const anchors = anchorsOf(targetRel);
      if (!anchors.has(fragment) && !anchors.has(safeDecode(fragment))) {
        report('missing-anchor', `#${fragment} matches no id in ${targetRel}`);
      }
    }
  }
  return problems;
}
