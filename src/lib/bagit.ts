/**
 * BagIt 1.0 (RFC 8493): the pure pieces that make a bag's files in memory. No BagIt library
 * is installed and the maintained ones are Python and Java (bagit.py, bagit-java), so the
 * export builds its bags here and archivists can check them with those tools. Reading a bag
 * back is scripts/validate-bag.ts; the tests check bags with tests/support/bagit-checker.ts,
 * written from the RFC independently of this file.
 *
 * Paths in manifests are written relative to the bag, with "/" as separator, and only CR, LF
 * and "%" percent-encoded, as RFC 8493 section 2.1.3 requires (a space is written as is).
 * Note that bagit.py and bagit-java decode %0A and %0D but not %25 (bagit-python#157,
 * bagit-java#139), so the export refuses payload names with "%" to stay readable by every tool.
 */
import { createHash } from 'node:crypto';
import { compareText } from './order.ts';

/** The checksum algorithms this project writes; both are recommended by RFC 8493. */
export type ChecksumAlgorithm = 'sha256' | 'sha512';
export const BAG_ALGORITHMS: readonly ChecksumAlgorithm[] = ['sha256', 'sha512'];

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

/** bagit.txt: the bag declaration (RFC 8493 section 2.1.1). */
export function bagDeclaration(): string {
  return 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';
}

/** Lower-case hex digest of some bytes. */
export function digest(bytes: Uint8Array, algorithm: ChecksumAlgorithm): string {
  return createHash(algorithm).update(bytes).digest('hex');
}

/** A path as a manifest writes it: "%" first (so it is not encoded twice), then CR and LF. */
export function encodeManifestPath(path: string): string {
  return path.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Payload-Oxum, "<octets>.<files>", the quick completeness check of RFC 8493 section 2.2.2. */
export function payloadOxum(files: readonly Pick<BagFile, 'bytes'>[]): string {
  const octets = files.reduce((sum, file) => sum + file.bytes.byteLength, 0);
  return `${octets}.${files.length}`;
}

/** Manifest lines "<hex>  <prefix><encoded path>", sorted by path, with a final LF. */
function manifestText(files: readonly BagFile[], algorithm: ChecksumAlgorithm, prefix: string): string {
  return files
    .map((file) => ({ path: encodeManifestPath(`${prefix}${file.path}`), bytes: file.bytes }))
    .sort((a, b) => compareText(a.path, b.path))
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
  if (!/^\d{4}-\d{2}-\d{2}$/.test(info.baggingDate))
    throw new Error(`Bagging-Date must be YYYY-MM-DD, not "${info.baggingDate}"`);
  if (!/^\d+\.\d+$/.test(info.payloadOxum))
    throw new Error(`Payload-Oxum must be <octets>.<files>, not "${info.payloadOxum}"`);
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
  const tagManifests = algorithms.map((algorithm) =>
    text(`tagmanifest-${algorithm}.txt`, tagManifest(tagFiles, algorithm)),
  );
  return [...payload.map((file) => ({ path: `data/${file.path}`, bytes: file.bytes })), ...tagFiles, ...tagManifests];
}
