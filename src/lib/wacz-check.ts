/**
 * Reads a WACZ back and lists what is wrong with it, so the export refuses to finish on a bad
 * archive (as it does for the bag). Independent of the writer where it matters: the ZIP is read
 * with fflate's reader, the WARC with warcio's parser, digests are recomputed with node:crypto,
 * and each index entry's byte range is cut out and gunzipped with node:zlib on its own, which
 * only succeeds if the range is exactly one whole gzip member, holding the record it names.
 */
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { WARCParser } from 'warcio';
import { WACZ_PATHS, WACZ_VERSION } from './wacz.ts';

/** One response record as warcio's parser read it. */
export interface ParsedRecord {
  url: string;
  offset: number;
  length: number;
  status: number | undefined;
  contentType: string | null;
  contentLength: number;
  payloadDigest: string | null;
  payload: Uint8Array;
}

export interface CdxjEntry {
  urlkey: string;
  timestamp: string;
  url: string;
  offset: number;
  length: number;
  status: string;
  mime: string;
  filename: string;
}

const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const text = (bytes: Uint8Array | undefined): string => new TextDecoder().decode(bytes);

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/** Every response record of a (gzipped) WARC, with where it lies in the file. */
export async function parseWarcResponses(warc: Uint8Array): Promise<ParsedRecord[]> {
  const parser = new WARCParser(once(warc));
  const records: ParsedRecord[] = [];
  for await (const record of parser) {
    const payload = await record.readFully(false);
    if (record.warcType !== 'response') continue;
    records.push({
      url: record.warcTargetURI ?? '',
      offset: parser.offset,
      length: parser.recordLength,
      status: record.httpHeaders ? Number(record.httpHeaders.statusCode) : undefined,
      contentType: record.httpHeaders?.headers.get('Content-Type') ?? null,
      contentLength: Number(record.httpHeaders?.headers.get('Content-Length')),
      payloadDigest: record.warcPayloadDigest ?? null,
      payload,
    });
  }
  return records;
}

/** The CDXJ lines: "<urlkey> <timestamp> <json>". */
export function parseCdxj(index: string): CdxjEntry[] {
  return index
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [urlkey = '', timestamp = '', ...json] = line.split(' ');
      const fields = JSON.parse(json.join(' ')) as Record<string, string>;
      return {
        urlkey,
        timestamp,
        url: fields.url ?? '',
        offset: Number(fields.offset),
        length: Number(fields.length),
        status: fields.status ?? '',
        mime: fields.mime ?? '',
        filename: fields.filename ?? '',
      };
    });
}

/** The page URLs of pages.jsonl (its first line is the header). */
export function parsePages(jsonl: string): { url: string; title: string }[] {
  const [header, ...lines] = jsonl.split('\n').filter(Boolean);
  if (!header || (JSON.parse(header) as { format?: string }).format !== 'json-pages-1.0')
    throw new Error('pages.jsonl: first line is not a json-pages-1.0 header');
  return lines.map((line) => JSON.parse(line) as { url: string; title: string });
}

interface DataPackage {
  profile?: string;
  wacz_version?: string;
  resources?: { path: string; hash: string; bytes: number }[];
}

function checkDataPackage(files: Record<string, Uint8Array>, problems: string[]): void {
  const raw = files[WACZ_PATHS.datapackage];
  if (!raw) return void problems.push(`${WACZ_PATHS.datapackage} is missing`);
  const pkg = JSON.parse(text(raw)) as DataPackage;
  if (pkg.profile !== 'data-package')
    problems.push(`${WACZ_PATHS.datapackage}: profile is ${JSON.stringify(pkg.profile)}, not "data-package"`);
  if (pkg.wacz_version !== WACZ_VERSION)
    problems.push(
      `${WACZ_PATHS.datapackage}: wacz_version is ${JSON.stringify(pkg.wacz_version)}, not "${WACZ_VERSION}"`,
    );
  const listed = new Set<string>();
  for (const resource of pkg.resources ?? []) {
    listed.add(resource.path);
    const bytes = files[resource.path];
    if (!bytes) problems.push(`${WACZ_PATHS.datapackage}: ${resource.path} is listed but missing`);
    else if (resource.hash !== `sha256:${sha256Hex(bytes)}`)
      problems.push(`${WACZ_PATHS.datapackage}: ${resource.path}: sha256 does not match`);
    else if (resource.bytes !== bytes.byteLength)
      problems.push(`${WACZ_PATHS.datapackage}: ${resource.path}: byte count does not match`);
  }
  for (const path of Object.keys(files))
    if (path !== WACZ_PATHS.datapackage && path !== WACZ_PATHS.digest && !listed.has(path))
      problems.push(`${WACZ_PATHS.datapackage}: ${path} is not listed`);
  const digest = files[WACZ_PATHS.digest];
  if (digest && (JSON.parse(text(digest)) as { hash?: string }).hash !== `sha256:${sha256Hex(raw)}`)
    problems.push(`${WACZ_PATHS.digest}: hash does not match ${WACZ_PATHS.datapackage}`);
}

/** The WARC-Target-URI of the single record in warc[offset, offset + length), or why there is none. */
export function targetAt(warc: Uint8Array, offset: number, length: number): string {
  let record: Buffer;
  try {
    record = gunzipSync(warc.subarray(offset, offset + length));
  } catch (error) {
    return `not one gzip member (${error instanceof Error ? error.message : String(error)})`;
  }
  const headerEnd = record.indexOf('\r\n\r\n');
  const header = record.subarray(0, Math.max(headerEnd, 0)).toString('utf8');
  const blockLength = Number(/\r\nContent-Length: (\d+)(\r\n|$)/i.exec(header)?.[1]);
  // A whole record is its header, CRLFCRLF, the block and CRLFCRLF; anything else is a cut or a join.
  if (!header.startsWith('WARC/') || record.byteLength !== headerEnd + 4 + blockLength + 4)
    return 'not exactly one WARC record';
  return /\r\nWARC-Target-URI: ([^\r\n]*)/.exec(header)?.[1] ?? 'a record without WARC-Target-URI';
}

/**
 * Every problem found in a WACZ: missing parts, digests that do not match, index entries that do
 * not point at their own record, pages without a 200 HTML response, and `expectedPages` (URLs)
 * missing from pages.jsonl. An empty list means the archive is sound.
 */
export async function checkWacz(wacz: Uint8Array, expectedPages: readonly string[] = []): Promise<string[]> {
  const problems: string[] = [];
  const files = unzipSync(wacz);
  for (const path of Object.values(WACZ_PATHS)) if (!files[path]) problems.push(`${path} is missing`);
  checkDataPackage(files, problems);
  const warc = files[WACZ_PATHS.warc];
  if (!warc || !files[WACZ_PATHS.index] || !files[WACZ_PATHS.pages]) return problems;

  const records = await parseWarcResponses(warc);
  const byUrl = new Map(records.map((record) => [record.url, record]));
  for (const record of records) {
    if (record.contentLength !== record.payload.byteLength)
      problems.push(
        `${record.url}: Content-Length ${record.contentLength}, payload ${record.payload.byteLength} bytes`,
      );
    if (record.payloadDigest !== `sha256:${sha256Hex(record.payload)}`)
      problems.push(`${record.url}: WARC-Payload-Digest does not match the payload`);
  }

  const entries = parseCdxj(text(files[WACZ_PATHS.index]));
  if (entries.length !== records.length)
    problems.push(`index has ${entries.length} entries for ${records.length} response records`);
  for (const entry of entries) {
    const target = targetAt(warc, entry.offset, entry.length);
    if (target !== entry.url) problems.push(`index entry ${entry.url} points at ${target}`);
  }

  const pages = parsePages(text(files[WACZ_PATHS.pages]));
  for (const page of pages) {
    const record = byUrl.get(page.url);
    if (record?.status !== 200 || !record.contentType?.startsWith('text/html'))
      problems.push(`page ${page.url} has no HTTP 200 HTML response record`);
    if (!page.title) problems.push(`page ${page.url} has no title`);
  }
  const listed = new Set(pages.map((page) => page.url));
  for (const url of expectedPages)
    if (!listed.has(url)) problems.push(`page ${url} is missing from ${WACZ_PATHS.pages}`);
  return problems;
}
