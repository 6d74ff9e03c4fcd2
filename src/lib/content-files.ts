/**
 * Rules for the files of a content folder, checked before anything is parsed: which files
 * may be where, what they may be called, that they are UTF-8, and that no symbolic link
 * leads out of the folder. Astro's loaders would silently skip a file in a subfolder or with
 * another extension, and slugify a file name with spaces or capitals; here each is refused by
 * name instead, because the file name is the permanent id. Pure: the caller lists the folder.
 */
import type { Problem } from './validate-chronology.ts';

/** One entry of the content folder, as the caller found it on disk. */
export interface ContentEntry {
  /** Path relative to the content folder, with "/" separators. */
  path: string;
  kind: 'file' | 'folder' | 'link-outside' | 'link-broken' | 'other';
  /** For a link leading out of the folder: where it leads. */
  target?: string;
}

/** A permanent id: lowercase kebab-case. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CAPTURE_NAME = /^[\w.-]+\.txt$/;

interface FolderRule {
  /** The one extension read here, or a pattern for the whole name. */
  extension?: string;
  namePattern?: RegExp;
  /** File names are ids (checked against ID_PATTERN). */
  namesAreIds?: boolean;
  folders?: readonly string[];
}

/** Where each kind of file lives; nothing else is read. */
const LAYOUT: Record<string, FolderRule> = {
  '': { namePattern: /^(?:eras|redirects)\.json$/, folders: ['events', 'places', 'sources'] },
  events: { extension: '.mdx', namesAreIds: true },
  places: { extension: '.json', namesAreIds: true },
  sources: { extension: '.mdx', namesAreIds: true, folders: ['captures'] },
  'sources/captures': { namePattern: CAPTURE_NAME },
};
const REQUIRED = ['eras.json', 'events', 'places', 'sources', 'sources/captures'] as const;

const folderOf = (path: string): string => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
const nameOf = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** Problems with the folder's layout, names and links; `root` is how messages name the folder. */
export function contentLayoutProblems(entries: readonly ContentEntry[], root: string): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, field: string, message: string) =>
    problems.push({ file: `${root}/${path}`, field, message });
  const present = new Set(entries.map((entry) => entry.path));
  for (const path of REQUIRED) if (!present.has(path)) add(path, 'file', 'missing');

  const lowerCased = new Map<string, string>();
  for (const entry of entries) {
    const rule = LAYOUT[folderOf(entry.path)];
    if (!rule) continue; // inside a folder already refused below
    const name = nameOf(entry.path);
    const before = problems.length;
    if (entry.kind === 'link-outside')
      add(entry.path, 'file', `symbolic link to ${entry.target}, outside the content folder; copy the file in instead`);
    else if (entry.kind === 'link-broken') add(entry.path, 'file', 'symbolic link to a file that does not exist');
    else if (entry.kind === 'other') add(entry.path, 'file', 'not a regular file or folder');
    else if (entry.kind === 'folder') {
      if (!rule.folders?.includes(name))
        add(
          entry.path,
          'folder',
          `subfolders are not read; move its files up into ${root}/${folderOf(entry.path) || '.'} or remove it`,
        );
    } else if (rule.namePattern && !rule.namePattern.test(name)) {
      add(
        entry.path,
        'file name',
        `not a file that belongs here (expected ${rule.namePattern.source}); it would not be published`,
      );
    } else if (rule.extension && !name.endsWith(rule.extension)) {
      add(
        entry.path,
        'file name',
        `only ${rule.extension} files are read in ${root}/${folderOf(entry.path)}; this one would not be published`,
      );
    } else if (rule.namesAreIds && rule.extension && !ID_PATTERN.test(name.slice(0, -rule.extension.length))) {
      add(
        entry.path,
        'file name',
        `"${name.slice(0, -rule.extension.length)}" is not a lowercase kebab-case id (a-z, 0-9, -): the file name is the permanent id, so rename the file`,
      );
    }
    // Names that pass the rules above may still clash on a case-insensitive disk (captures).
    const clash = lowerCased.get(entry.path.toLowerCase());
    if (problems.length === before && clash)
      add(entry.path, 'file name', `differs from ${clash} only in letter case; on many systems they are one file`);
    if (problems.length === before) lowerCased.set(entry.path.toLowerCase(), entry.path);
  }
  return problems;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const UTF8_LENIENT = new TextDecoder('utf-8');

/**
 * The text of a content file, or why it cannot be read as UTF-8. `allowByteOrderMark` is for
 * captures, which are kept byte for byte; every other file must not start with one.
 */
export function decodeUtf8(bytes: Uint8Array, allowByteOrderMark = false): { text: string } | { problem: string } {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    const lenient = UTF8_LENIENT.decode(bytes);
    const line = lenient.slice(0, lenient.indexOf('\uFFFD')).split('\n').length;
    return { problem: `line ${line}: not valid UTF-8 (Latin-1 or another encoding?); save the file as UTF-8` };
  }
  // TextDecoder drops a leading byte-order mark; look at the bytes.
  if (!allowByteOrderMark && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { problem: 'starts with a byte-order mark (U+FEFF); save the file as UTF-8 without one' };
  return { text };
}
