/**
 * BagIt 1.0 (RFC 8493): the pure pieces that make a bag's tag files, and a validator for a
 * bag on disk. No BagIt library is installed and the maintained ones are Python and Java
 * (bagit.py, bagit-java), so the export builds its bags here and archivists can check them
 * with those tools.
 *
 * Paths in manifests are written relative to the bag, with "/" as separator, and only CR, LF
 * and "%" percent-encoded, as RFC 8493 section 2.1.3 requires (a space is written as is).
 * Note that bagit.py and bagit-java decode %0A and %0D but not %25 (bagit-python#157,
 * bagit-java#139), so the export refuses payload names with "%" to stay readable by every tool.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The checksum algorithms this project writes; both are recommended by RFC 8493. */
export type ChecksumAlgorithm = 'sha256' | 'sha512';
export const BAG_ALGORITHMS: readonly ChecksumAlgorithm[] = ['sha256', 'sha512'];

/** Algorithms validateBag can check (RFC 8493 names; md5 and sha1 only for bags made elsewhere). */
const VERIFIABLE = new Set(['md5', 'sha1', 'sha256', 'sha512']);
const HEX_LENGTH: Record<string, number> = { md5: 32, sha1: 40, sha256: 64, sha512: 128 };

/** A file with its path, relative to the payload directory (payload) or to the bag (tag files). */
export interface BagFile {
  path: string;
  bytes: Uint8Array;
}

/** The bag-info.txt fields this project fills; labels follow RFC 8493 section 2.2.2. */
export interface BagInfo {
  /** Source-Organization. */
  sourceOrganization: string;
  /** Bagging-Date, YYYY-MM-DD. */
  baggingDate: string;
  /** External-Description. */
  externalDescription?: string;
  /** External-Identifier. */
  externalIdentifier?: string;
  /** Payload-Oxum, from payloadOxum(). */
  payloadOxum: string;
  /** Bag-Software-Agent (not reserved by the RFC, but written by bagit.py and read by people). */
  bagSoftwareAgent?: string;
  /** Further labels in order, e.g. [['Chronology-Version', '2026-11-23']]. */
  other?: readonly (readonly [label: string, value: string])[];
}

const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Code-unit order, independent of the machine's locale, so manifests sort the same everywhere. */
const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** bagit.txt: the bag declaration (RFC 8493 section 2.1.1). */
export function bagDeclaration(): string {
  return 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';
}

/** Lower-case hex digest of some bytes. */
export function digest(bytes: Uint8Array, algorithm: string): string {
  return createHash(algorithm).update(bytes).digest('hex');
}

/** A path as a manifest writes it: "%" first (so it is not encoded twice), then CR and LF. */
export function encodeManifestPath(path: string): string {
  return path.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Inverse of encodeManifestPath; other %XX sequences are left alone, as they were never encoded. */
export function decodeManifestPath(path: string): string {
  return path.replace(/%(0D|0A|25)/gi, (code) => ({ '%0D': '\r', '%0A': '\n', '%25': '%' })[code.toUpperCase()] ?? code);
}

/** Payload-Oxum, "<octets>.<files>", the quick completeness check of RFC 8493 section 2.2.2. */
export function payloadOxum(files: readonly Pick<BagFile, 'bytes'>[]): string {
  const octets = files.reduce((sum, file) => sum + file.bytes.byteLength, 0);
  return `${octets}.${files.length}`;
}

/** Manifest lines "<hex>  <prefix><encoded path>", sorted by path, with a final LF. */
function manifestText(files: readonly BagFile[], algorithm: string, prefix: string): string {
  return files
    .map((file) => ({ path: encodeManifestPath(`${prefix}${file.path}`), bytes: file.bytes }))
    .sort((a, b) => byString(a.path, b.path))
    .map((file) => `${digest(file.bytes, algorithm)}  ${file.path}\n`)
    .join('');
}

/** manifest-<algorithm>.txt for payload files given relative to data/. */
export function manifest(files: readonly BagFile[], algorithm: ChecksumAlgorithm): string {
  return manifestText(files, algorithm, 'data/');
}

/** tagmanifest-<algorithm>.txt for tag files given relative to the bag (bagit.txt, bag-info.txt, manifests). */
export function tagManifest(files: readonly BagFile[], algorithm: ChecksumAlgorithm): string {
  return manifestText(files, algorithm, '');
}

const RECOMMENDED_LINE_LENGTH = 79;

/**
 * One "Label: value" element, folded at spaces to RFC 8493's recommended 79 columns. A fold
 * turns a space into LF + that space, so removing the line breaks (RFC 5322 unfolding, which
 * bagit.py and bagit-java do) gives the value back exactly.
 */
export function bagInfoElement(label: string, value: string): string {
  if (!/^[^:\s](?:[^:\r\n]*[^:\s])?$/.test(label)) throw new Error(`invalid bag-info label "${label}"`);
  if (/[\r\n]/.test(value)) throw new Error(`bag-info value of ${label} has a line break`);
  const lines: string[] = [];
  let line = `${label}: `;
  for (const [index, word] of value.split(' ').entries()) {
    const joined = index === 0 ? `${line}${word}` : `${line} ${word}`;
    if (index > 0 && joined.length > RECOMMENDED_LINE_LENGTH && line.trim().length > 0) {
      lines.push(line);
      line = ` ${word}`;
    } else {
      line = joined;
    }
  }
  lines.push(line);
  return `${lines.join('\n')}\n`;
}

/** bag-info.txt with the reserved labels first, in the RFC's order, then `other`. */
export function bagInfo(info: BagInfo): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(info.baggingDate)) throw new Error(`Bagging-Date must be YYYY-MM-DD, not "${info.baggingDate}"`);
  if (!/^\d+\.\d+$/.test(info.payloadOxum)) throw new Error(`Payload-Oxum must be <octets>.<files>, not "${info.payloadOxum}"`);
  const elements: (readonly [string, string | undefined])[] = [
    ['Source-Organization', info.sourceOrganization],
    ['External-Description', info.externalDescription],
    ['External-Identifier', info.externalIdentifier],
    ['Bagging-Date', info.baggingDate],
    ['Payload-Oxum', info.payloadOxum],
    ['Bag-Software-Agent', info.bagSoftwareAgent],
    ...(info.other ?? []),
  ];
  return elements
    .filter((element): element is readonly [string, string] => element[1] !== undefined)
    .map(([label, value]) => bagInfoElement(label, value))
    .join('');
}

/**
 * Every file of a bag, paths relative to the bag: payload under data/, then bagit.txt,
 * bag-info.txt (with Payload-Oxum computed here), one payload manifest and one tag manifest
 * per algorithm. The tag manifests cover every other tag file, as RFC 8493 section 2.2.1 asks.
 */
export function buildBag(
  payload: readonly BagFile[],
  info: Omit<BagInfo, 'payloadOxum'>,
  algorithms: readonly ChecksumAlgorithm[] = BAG_ALGORITHMS,
): BagFile[] {
  const text = (path: string, body: string): BagFile => ({ path, bytes: utf8.encode(body) });
  const tagFiles = [
    text('bagit.txt', bagDeclaration()),
    text('bag-info.txt', bagInfo({ ...info, payloadOxum: payloadOxum(payload) })),
    ...algorithms.map((algorithm) => text(`manifest-${algorithm}.txt`, manifest(payload, algorithm))),
  ];
  const tagManifests = algorithms.map((algorithm) => text(`tagmanifest-${algorithm}.txt`, tagManifest(tagFiles, algorithm)));
  return [...payload.map((file) => ({ path: `data/${file.path}`, bytes: file.bytes })), ...tagFiles, ...tagManifests];
}

// ---------------------------------------------------------------------------------------------
// Validation of a bag on disk (RFC 8493 section 3: complete, then valid).

/** A parsed manifest line. */
interface ManifestEntry {
  line: number;
  checksum: string;
  path: string;
}

/** Lines of a tag file, accepting LF, CR or CRLF endings as the RFC does; no trailing empty line. */
const textLines = (text: string): string[] => {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
};

/** A tag file's text, or a problem when it is not UTF-8 or starts with a byte-order mark. */
function readTagText(dir: string, name: string, problems: string[]): string | undefined {
  const bytes = readFileSync(join(dir, name));
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    problems.push(`${name}: starts with a byte-order mark, which RFC 8493 forbids`);
    return undefined;
  }
  try {
    return strictUtf8.decode(bytes);
  } catch {
    problems.push(`${name}: not valid UTF-8`);
    return undefined;
  }
}

/** Why a path (decoded, relative to the bag) cannot be trusted, or undefined when it is safe. */
function unsafePath(path: string): string | undefined {
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.includes('\\')) return 'is not a relative path with "/" separators';
  if (path.split('/').some((part) => part === '' || part === '.' || part === '..')) return 'has an empty, "." or ".." segment';
  return undefined;
}

/** Parses one manifest; entries keep their decoded path. Problems name the file and line. */
function parseManifest(name: string, text: string, algorithm: string, problems: string[]): ManifestEntry[] {
  const entries: ManifestEntry[] = [];
  const seen = new Set<string>();
  textLines(text).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    const match = /^([0-9A-Fa-f]+)[ \t]+(.+)$/.exec(raw);
    if (!match?.[1] || !match[2]) {
      problems.push(`${name} line ${line}: not "<checksum> <path>"`);
      return;
    }
    const [, checksum, encoded] = match;
    const expectedLength = HEX_LENGTH[algorithm];
    if (expectedLength !== undefined && checksum.length !== expectedLength) {
      problems.push(`${name} line ${line}: a ${algorithm} checksum has ${expectedLength} hex digits, not ${checksum.length}`);
      return;
    }
    const path = decodeManifestPath(encoded);
    const unsafe = unsafePath(path);
    if (unsafe) {
      problems.push(`${name} line ${line}: path ${JSON.stringify(path)} ${unsafe}`);
      return;
    }
    const key = path.normalize('NFC');
    if (seen.has(key)) {
      problems.push(`${name} line ${line}: ${path} is listed more than once`);
      return;
    }
    seen.add(key);
    entries.push({ line, checksum: checksum.toLowerCase(), path });
  });
  return entries;
}

/** Every regular file under data/, relative to the bag; anything else (symlinks, devices) is a problem. */
function payloadFiles(dir: string, problems: string[]): string[] {
  const files: string[] = [];
  const walk = (relative: string): void => {
    for (const entry of readdirSync(join(dir, relative), { withFileTypes: true })) {
      const path = `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(path);
      else problems.push(`${path}: not a regular file or folder (symbolic links are not followed)`);
    }
  };
  walk('data');
  return files.sort(byString);
}

/** Checks bagit.txt (section 2.1.1): two lines, version 1.0, UTF-8. */
function checkDeclaration(dir: string, problems: string[]): boolean {
  if (!existsSync(join(dir, 'bagit.txt'))) {
    problems.push('bagit.txt: missing; it is required (RFC 8493 section 2.1.1)');
    return false;
  }
  const text = readTagText(dir, 'bagit.txt', problems);
  if (text === undefined) return false;
  const lines = textLines(text);
  const version = /^BagIt-Version: ([0-9]+\.[0-9]+)$/.exec(lines[0] ?? '')?.[1];
  const encoding = /^Tag-File-Character-Encoding: (\S+)$/.exec(lines[1] ?? '')?.[1];
  if (lines.length !== 2 || !version || !encoding) {
    problems.push('bagit.txt: must be exactly "BagIt-Version: M.N" then "Tag-File-Character-Encoding: ENCODING"');
    return false;
  }
  if (version !== '1.0') problems.push(`bagit.txt: BagIt-Version is ${version}; this validator checks BagIt 1.0 (RFC 8493)`);
  if (encoding.toUpperCase() !== 'UTF-8') problems.push(`bagit.txt: Tag-File-Character-Encoding is ${encoding}; only UTF-8 is read`);
  return true;
}

/** Parses bag-info.txt into [label, value] pairs, unfolding continuation lines (section 2.2.2). */
export function parseBagInfo(text: string): { elements: [string, string][]; problems: string[] } {
  const elements: [string, string][] = [];
  const problems: string[] = [];
  textLines(text).forEach((raw, index) => {
    const last = elements.at(-1);
    if (/^[ \t]/.test(raw) && last) {
      last[1] += raw;
      return;
    }
    const match = /^([^:\s](?:[^:]*[^:\s])?):[ \t](.*)$/.exec(raw);
    if (!match?.[1] || match[2] === undefined) {
      problems.push(`bag-info.txt line ${index + 1}: not "Label: value"`);
      return;
    }
    elements.push([match[1], match[2]]);
  });
  return { elements, problems };
}

/** Checks bag-info.txt, when present: its form, Bagging-Date and Payload-Oxum against the payload. */
function checkBagInfo(dir: string, payload: readonly string[], problems: string[]): void {
  if (!existsSync(join(dir, 'bag-info.txt'))) return;
  const text = readTagText(dir, 'bag-info.txt', problems);
  if (text === undefined) return;
  const parsed = parseBagInfo(text);
  problems.push(...parsed.problems);
  // Reserved labels are case-insensitive (section 2.2.2).
  const values = (label: string) => parsed.elements.filter(([l]) => l.toLowerCase() === label.toLowerCase()).map(([, v]) => v.trim());

  for (const date of values('Bagging-Date'))
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) problems.push(`bag-info.txt: Bagging-Date "${date}" is not YYYY-MM-DD`);

  const oxums = values('Payload-Oxum');
  if (oxums.length > 1) problems.push('bag-info.txt: Payload-Oxum is given more than once');
  const oxum = oxums[0];
  if (oxum === undefined) return;
  const match = /^(\d+)\.(\d+)$/.exec(oxum);
  if (!match) {
    problems.push(`bag-info.txt: Payload-Oxum "${oxum}" is not <octets>.<files>`);
    return;
  }
  const octets = payload.reduce((sum, path) => sum + statSync(join(dir, path)).size, 0);
  const actual = `${octets}.${payload.length}`;
  if (`${BigInt(match[1] ?? 0)}.${BigInt(match[2] ?? 0)}` !== actual)
    problems.push(`bag-info.txt: Payload-Oxum is ${oxum} but the payload is ${actual} (octets.files)`);
}

/** Reads each file once and hashes it with every algorithm that any manifest asks for. */
function digestCache(dir: string, algorithms: readonly string[]): (path: string, algorithm: string) => string {
  const cache = new Map<string, Map<string, string>>();
  return (path, algorithm) => {
    let digests = cache.get(path);
    if (!digests) {
      const bytes = readFileSync(join(dir, path));
      digests = new Map(algorithms.map((a) => [a, digest(bytes, a)]));
      cache.set(path, digests);
    }
    return digests.get(algorithm) ?? digest(readFileSync(join(dir, path)), algorithm);
  };
}

/** Manifest files in the bag's root: [file name, algorithm], sorted by name. */
const manifestsIn = (names: readonly string[], pattern: RegExp): [string, string][] =>
  names.flatMap((name) => {
    const algorithm = pattern.exec(name)?.[1];
    return algorithm ? [[name, algorithm] as [string, string]] : [];
  }).sort((a, b) => byString(a[0], b[0]));

/**
 * Validates the bag in `dir` per RFC 8493 section 3 and returns every problem found, one line
 * each ("<file>: <what>"); an empty list means the bag is complete and valid. It checks
 * bagit.txt; that data/ exists; that there is at least one payload manifest; that every payload
 * file is listed in every payload manifest and every listed file exists; every checksum of
 * every payload and tag manifest; that tag manifests list no payload files and no tag
 * manifests; and bag-info.txt's form, Bagging-Date and Payload-Oxum. fetch.txt is not
 * followed: a bag that relies on it is incomplete here, and its missing files are reported.
 */
export function validateBag(dir: string): string[] {
  const problems: string[] = [];
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [`${dir}: not a folder`];
  if (!checkDeclaration(dir, problems)) return problems;

  if (!existsSync(join(dir, 'data')) || !statSync(join(dir, 'data')).isDirectory()) {
    problems.push('data/: missing; the payload folder is required (RFC 8493 section 2.1.2)');
    return problems;
  }
  const rootNames = readdirSync(dir);
  const payloadManifests = manifestsIn(rootNames, /^manifest-([A-Za-z0-9]+)\.txt$/);
  const tagManifests = manifestsIn(rootNames, /^tagmanifest-([A-Za-z0-9]+)\.txt$/);
  if (payloadManifests.length === 0) problems.push('manifest-<algorithm>.txt: no payload manifest; at least one is required');

  const payload = payloadFiles(dir, problems);
  const onDisk = new Map(payload.map((path) => [path.normalize('NFC'), path]));
  const algorithms = [...new Set([...payloadManifests, ...tagManifests].map(([, a]) => a))];
  const digestOf = digestCache(dir, algorithms.filter((a) => VERIFIABLE.has(a)));

  /** Compares one entry's checksum with the file at `path` (the name on disk). */
  const verify = (manifestName: string, algorithm: string, entry: ManifestEntry, path: string) => {
    const found = digestOf(path, algorithm);
    if (found !== entry.checksum)
      problems.push(`${manifestName}: ${entry.path}: ${algorithm} checksum does not match (listed ${entry.checksum}, file has ${found})`);
  };

  for (const [name, algorithm] of payloadManifests) {
    if (!VERIFIABLE.has(algorithm)) {
      problems.push(`${name}: cannot verify algorithm "${algorithm}"`);
      continue;
    }
    const text = readTagText(dir, name, problems);
    if (text === undefined) continue;
    const listed = new Set<string>();
    for (const entry of parseManifest(name, text, algorithm, problems)) {
      if (!entry.path.startsWith('data/')) {
        problems.push(`${name} line ${entry.line}: ${entry.path} is outside data/`);
        continue;
      }
      const key = entry.path.normalize('NFC');
      listed.add(key);
      const path = onDisk.get(key);
      if (path === undefined) problems.push(`${name}: ${entry.path} is listed but missing from the payload`);
      else verify(name, algorithm, entry, path);
    }
    for (const [key, path] of onDisk) if (!listed.has(key)) problems.push(`${name}: ${path} is in the payload but not listed`);
  }

  for (const [name, algorithm] of tagManifests) {
    if (!VERIFIABLE.has(algorithm)) {
      problems.push(`${name}: cannot verify algorithm "${algorithm}"`);
      continue;
    }
    const text = readTagText(dir, name, problems);
    if (text === undefined) continue;
    for (const entry of parseManifest(name, text, algorithm, problems)) {
      if (entry.path.startsWith('data/')) problems.push(`${name} line ${entry.line}: lists payload file ${entry.path}; tag manifests list tag files only`);
      else if (/^tagmanifest-[^/]+\.txt$/.test(entry.path)) problems.push(`${name} line ${entry.line}: lists tag manifest ${entry.path}, which RFC 8493 forbids`);
      else if (!existsSync(join(dir, entry.path)) || !statSync(join(dir, entry.path)).isFile()) problems.push(`${name}: ${entry.path} is listed but missing`);
      else verify(name, algorithm, entry, entry.path);
    }
  }

  checkBagInfo(dir, payload, problems);
  return problems;
}
