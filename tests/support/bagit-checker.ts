/**
 * An independent BagIt 1.0 checker for the tests, written from RFC 8493 (sections 2 and 3),
 * not from src/lib/bagit.ts or scripts/validate-bag.ts: a writer checked by its own reader
 * proves little. It answers the RFC's two questions about a bag on disk:
 *
 * - complete (3): bagit.txt and data/ exist; at least one payload manifest; every file a
 *   payload or tag manifest lists exists; every payload file is listed in every payload manifest;
 * - valid (3): complete, and every checksum in every manifest matches its file;
 *
 * plus Payload-Oxum (2.2.2) when bag-info.txt gives it. It reads any of LF, CR or CRLF line
 * ends (2.1) and decodes %0D, %0A and %25 in manifest paths (2.1.3).
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The tag files every bag this project exports holds (scripts/export.ts), in the order the
 * writer builds them: the declaration, bag-info.txt, then payload and tag manifests, each in
 * SHA-256 and SHA-512.
 */
export const PROJECT_TAG_FILES = [
  'bagit.txt',
  'bag-info.txt',
  'manifest-sha256.txt',
  'manifest-sha512.txt',
  'tagmanifest-sha256.txt',
  'tagmanifest-sha512.txt',
];

/** Hash algorithms node can compute, under the names RFC 8493 registers (section 2.4). */
const ALGORITHMS: Record<string, string> = { md5: 'md5', sha1: 'sha1', sha256: 'sha256', sha512: 'sha512' };

const linesOf = (text: string): string[] => text.split(/\r\n|\n|\r/).filter((line) => line !== '');

/** 2.1.3: "checksum filepath", separated by one or more linear white space characters. */
function manifestEntries(text: string): Array<{ checksum: string; path: string }> {
  return linesOf(text).map((line) => {
    const [, checksum = '', path = ''] = /^(\S+)[ \t]+(.*)$/.exec(line) ?? [];
    const decoded = path.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
    return { checksum: checksum.toLowerCase(), path: decoded };
  });
}

function walk(root: string, folder: string, found: string[]): void {
  for (const name of readdirSync(join(root, folder))) {
    const path = `${folder}/${name}`;
    if (lstatSync(join(root, path)).isDirectory()) walk(root, path, found);
    else found.push(path);
  }
}

/** Every problem that makes the bag in `bag` incomplete or invalid; [] for a valid bag. */
export function checkBag(bag: string): string[] {
  const problems: string[] = [];
  const declaration = existsSync(join(bag, 'bagit.txt')) ? linesOf(readFileSync(join(bag, 'bagit.txt'), 'utf8')) : [];
  if (
    declaration.length !== 2 ||
    !/^BagIt-Version: \d+\.\d+$/.test(declaration[0] ?? '') ||
    !/^Tag-File-Character-Encoding: \S+$/.test(declaration[1] ?? '')
  )
    problems.push('bagit.txt is missing or not the two required lines (2.1.1)');
  if (!existsSync(join(bag, 'data'))) return [...problems, 'no data/ payload directory (2.1.2)'];

  const payload: string[] = [];
  walk(bag, 'data', payload);
  const names = readdirSync(bag);
  const payloadManifests = names.filter((name) => /^manifest-\w+\.txt$/.test(name));
  const tagManifests = names.filter((name) => /^tagmanifest-\w+\.txt$/.test(name));
  if (payloadManifests.length === 0) problems.push('no payload manifest (2.1.3)');

  for (const name of [...payloadManifests, ...tagManifests]) {
    const algorithm = ALGORITHMS[name.replace(/^(tag)?manifest-|\.txt$/g, '')];
    if (!algorithm) {
      problems.push(`${name}: unknown algorithm`);
      continue;
    }
    const entries = manifestEntries(readFileSync(join(bag, name), 'utf8'));
    for (const { checksum, path } of entries) {
      if (!existsSync(join(bag, path))) problems.push(`${name}: lists ${path}, which does not exist`);
      else if (
        createHash(algorithm)
          .update(readFileSync(join(bag, path)))
          .digest('hex') !== checksum
      )
        problems.push(`${name}: checksum of ${path} does not match`);
    }
    if (name.startsWith('manifest-')) {
      const listed = new Set(entries.map((entry) => entry.path));
      for (const path of payload) if (!listed.has(path)) problems.push(`${name}: does not list payload file ${path}`);
    }
  }

  const info = existsSync(join(bag, 'bag-info.txt')) ? readFileSync(join(bag, 'bag-info.txt'), 'utf8') : '';
  const oxum = /^Payload-Oxum:[ \t]*(\d+)\.(\d+)[ \t]*$/im.exec(info);
  if (oxum) {
    const octets = payload.reduce((sum, path) => sum + lstatSync(join(bag, path)).size, 0);
    if (Number(oxum[1]) !== octets || Number(oxum[2]) !== payload.length)
      problems.push(
        `Payload-Oxum ${oxum[1]}.${oxum[2]} but the payload has ${octets} octets in ${payload.length} files`,
      );
  }
  return problems;
}
