/** Gate: every internal link and anchor of every page resolves, from disk and under a sub-path. */
import { existsSync, readFileSync, statSync } from 'node:fs';
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

/** Pages a host serves in place of any missing URL, at any depth. */
const SERVED_AT_ANY_URL = new Set(['404.html']);

/** The site's path on its host, from the home page's canonical URL ('/' when there is none). */
export function builtSitePath(dir: string): string {
  const home = join(dir, 'index.html');
  const canonical = existsSync(home)
    ? /<link rel="canonical" href="([^"]+)"/.exec(readFileSync(home, 'utf8'))?.[1]
    : undefined;
  return canonical ? new URL(canonical).pathname.replace(/\/?$/, '/') : '/';
}

/**
 * Every internal link, stylesheet, image, script and other URL in every HTML page of `dir`
 * must resolve, relative to its page, to a file inside `dir`, and a #fragment must name an id
 * (or <a name>) in the target page. Links must be relative and name a file: a root-relative
 * link ('/x/') breaks under a sub-path and from disk, and a link to a folder ('x/') opens a
 * directory listing from disk, so both are reported too. Other schemes and hosts are skipped
 * here (checkStaticPrivacy looks at those that load something).
 *
 * The exception is a page the host serves at any missing URL (404.html): its links cannot be
 * relative, so they must start with the site's path on its host (`sitePath`, by default the
 * path of the home page's canonical URL) and are checked against the folder from there.
 */
export function checkLinks(
  dir: string,
  pages: readonly PageInput[] = listBuiltPages(dir),
  sitePath: string = builtSitePath(dir),
): GateProblem[] {
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
        const servedAtAnyUrl = SERVED_AT_ANY_URL.has(page.rel);
        if (pathPart.startsWith('/') && !servedAtAnyUrl) {
          report('root-relative', 'is root-relative; it breaks under a sub-path and from disk (use a relative link)');
          continue;
        }
        if (servedAtAnyUrl && !pathPart.startsWith(sitePath)) {
          report('not-site-rooted', `is served at any URL, so its links must start with the site's path ${sitePath}`);
          continue;
        }
        const joined = servedAtAnyUrl
          ? posix.normalize(safeDecode(pathPart.slice(sitePath.length)) || '.')
          : posix.normalize(posix.join(posix.dirname(page.rel), safeDecode(pathPart)));
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
