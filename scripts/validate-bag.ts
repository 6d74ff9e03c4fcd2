/**
 * Reads back a bag that scripts/export.ts has just written and checks it on disk, so a short
 * write or a file changed under it fails the export. It checks only what the export writes
 * (src/lib/bagit.ts): bagit.txt as declared there, SHA-256 and SHA-512 payload and tag
 * manifests with LF line ends, Payload-Oxum, and that the payload is exactly what the
 * manifests list. Bags made elsewhere are for bagit.py or bagit-java (README, "For
 * archivists"); the tests check the export's bags with an independent RFC 8493 checker.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BAG_ALGORITHMS, bagDeclaration, digest, payloadOxum, type ChecksumAlgorithm } from '../src/lib/bagit.ts';

/** Manifest lines "<hex>  <path>" by decoded path; the export percent-encodes nothing it writes. */
function readManifest(dir: string, name: string, problems: string[]): Map<string, string> {
  const entries = new Map<string, string>();
  if (!existsSync(join(dir, name))) {
    problems.push(`${name}: missing`);
    return entries;
  }
  for (const [index, line] of readFileSync(join(dir, name), 'utf8').split('\n').slice(0, -1).entries()) {
    const match = /^([0-9a-f]+) {2}(.+)$/.exec(line);
    if (match?.[1] && match[2]) entries.set(match[2], match[1]);
    else problems.push(`${name} line ${index + 1}: not "<checksum>  <path>"`);
  }
  return entries;
}

/** Every file under data/, as bag-relative paths. */
function payloadPaths(dir: string): string[] {
  return readdirSync(join(dir, 'data'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map(
      (entry) =>
        `${join(entry.parentPath, entry.name)
          .slice(dir.length + 1)
          .split(/[\\/]/)
          .join('/')}`,
    );
}

/** Checks every checksum a manifest lists against the file on disk. */
function checkListed(
  dir: string,
  name: string,
  algorithm: ChecksumAlgorithm,
  entries: Map<string, string>,
  problems: string[],
): void {
  for (const [path, checksum] of entries) {
    if (!existsSync(join(dir, path))) problems.push(`${name}: ${path} is listed but missing`);
    else if (digest(readFileSync(join(dir, path)), algorithm) !== checksum)
      problems.push(`${name}: ${path}: ${algorithm} checksum does not match`);
  }
}

/** Problems with the bag the export wrote to `dir`, one line each; empty when it is complete and valid. */
export function validateBag(dir: string): string[] {
  const problems: string[] = [];
  if (!existsSync(join(dir, 'bagit.txt')) || readFileSync(join(dir, 'bagit.txt'), 'utf8') !== bagDeclaration())
    problems.push('bagit.txt: missing or not the BagIt 1.0 declaration');
  if (!existsSync(join(dir, 'data')) || !statSync(join(dir, 'data')).isDirectory())
    return [...problems, 'data/: missing'];

  const payload = payloadPaths(dir);
  for (const algorithm of BAG_ALGORITHMS) {
    const name = `manifest-${algorithm}.txt`;
    const entries = readManifest(dir, name, problems);
    for (const path of payload)
      if (!entries.has(path)) problems.push(`${name}: ${path} is in the payload but not listed`);
    checkListed(dir, name, algorithm, entries, problems);
    const tagName = `tagmanifest-${algorithm}.txt`;
    checkListed(dir, tagName, algorithm, readManifest(dir, tagName, problems), problems);
  }

  const oxum = /^Payload-Oxum: (\S+)$/m.exec(
    existsSync(join(dir, 'bag-info.txt')) ? readFileSync(join(dir, 'bag-info.txt'), 'utf8') : '',
  )?.[1];
  const actual = payloadOxum(payload.map((path) => ({ bytes: readFileSync(join(dir, path)) })));
  if (oxum !== actual)
    problems.push(`bag-info.txt: Payload-Oxum is ${oxum ?? 'missing'} but the payload is ${actual} (octets.files)`);
  return problems;
}
