/**
 * The built site as one WACZ 1.1.1 web archive (Webrecorder's format, read by ReplayWeb.page,
 * pywb and national libraries' tools): a ZIP holding
 *
 *   archive/data.warc.gz     one gzipped WARC/1.1 `response` record per file of the site, at its
 *                            public URL (a folder's index.html also at the folder URL, which is
 *                            what a host serves there and what canonical links and pages.jsonl name)
 *   indexes/index.cdx        the CDXJ index: each record's URL, offset and length in the WARC
 *   pages/pages.jsonl        every HTML page with its title
 *   datapackage.json         the manifest: sha256 and byte count of every file above
 *   datapackage-digest.json  the sha256 of datapackage.json
 *
 * warcio (Webrecorder's own library) writes the records and the index. The ZIP and
 * datapackage.json are written here rather than with @harvard-lil/js-wacz, whose 0.1.6 writes
 * wrong sha256 digests for files it streams and stamps the ZIP with the current time.
 * Reproducible: every date is the chronology version, record ids are derived from the URL,
 * gzip is pako's (not the platform's zlib) and the ZIP has fixed times and a fixed order.
 */
import { createHash } from 'node:crypto';
import { zipSync, type Zippable } from 'fflate';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Parents } from 'hast';
import { CDXIndexer, WARCRecord, WARCSerializer, WARC_1_1 } from 'warcio';
import { compareText } from './order.ts';
import { absoluteUrl } from './site-paths.ts';

export const WACZ_VERSION = '1.1.1';
/** Paths inside the WACZ. */
export const WACZ_PATHS = {
  warc: 'archive/data.warc.gz',
  index: 'indexes/index.cdx',
  pages: 'pages/pages.jsonl',
  datapackage: 'datapackage.json',
  digest: 'datapackage-digest.json',
} as const;

/** One file of the built site, its path relative to the site root with "/" separators. */
export interface SiteFile {
  path: string;
  bytes: Uint8Array;
}

export interface WaczOptions {
  /** The public address the site was built for, ending in "/" (the home page's canonical URL). */
  siteUrl: string;
  /** The chronology version, YYYY-MM-DD: the date of every record. */
  version: string;
  title: string;
  description: string;
  /** Name and version of the program writing the archive. */
  software: string;
  /** The Content-Type a host sends for a file name (one table: scripts/serve-dist.mjs). */
  contentType: (path: string) => string;
}

/** One response record to write. */
interface ResponseEntry {
  url: string;
  file: SiteFile;
}

const utf8 = new TextEncoder();
const INDEX_FILE = 'index.html';
const isHtml = (path: string): boolean => /\.html?$/i.test(path);

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The URL a file is served at: "a/index.html" → "<site>a/", anything else → "<site><path>". */
export function publicUrl(siteUrl: string, path: string): string {
  const folderPage = path === INDEX_FILE || path.endsWith(`/${INDEX_FILE}`);
  return absoluteUrl(siteUrl, folderPage ? path.slice(0, -INDEX_FILE.length) : path);
}

/** The text of an HTML document's <head><title> (not an SVG <title> in the body). */
export function pageTitle(html: string): string {
  const child = (parent: Parents | undefined, name: string): Element | undefined => {
    for (const node of parent?.children ?? []) if (node.type === 'element' && node.tagName === name) return node;
    return undefined;
  };
  const title = child(child(child(fromHtml(html), 'html'), 'head'), 'title');
  return (title?.children ?? [])
    .map((node) => (node.type === 'text' ? node.value : ''))
    .join('')
    .trim();
}

/** "2026-11-23" → "2026-11-23T00:00:00Z", the WARC-Date and pages.jsonl ts of every record. */
export function recordDate(version: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(version)) throw new Error(`chronology version must be YYYY-MM-DD, not "${version}"`);
  return `${version}T00:00:00Z`;
}

/** A UUID made from a name (the RFC 9562 version 8 layout over its sha256), so ids repeat across exports. */
export function nameBasedUuid(name: string): string {
  const hex = sha256Hex(utf8.encode(name)).slice(0, 32).split('');
  hex[12] = '8';
  hex[16] = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const text = hex.join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}

/** Every record to write: each file at its URL, and each folder page also at ".../index.html". */
function responseEntries(files: readonly SiteFile[], siteUrl: string): ResponseEntry[] {
  const entries: ResponseEntry[] = [];
  for (const file of [...files].sort((a, b) => compareText(a.path, b.path))) {
    const url = publicUrl(siteUrl, file.path);
    entries.push({ url, file });
    // Links between pages name index.html (so they work from disk); replay must find those too.
    const explicit = absoluteUrl(siteUrl, file.path);
    if (explicit !== url) entries.push({ url: explicit, file });
  }
  return entries;
}

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/** One gzip member holding one WARC record, with Payload and Block digests written by warcio. */
async function serialize(record: WARCRecord): Promise<Uint8Array> {
  return WARCSerializer.serialize(record, {
    gzip: true,
    preferPako: true,
    digest: { algo: 'sha-256', prefix: 'sha256:' },
  });
}

function warcInfo(options: WaczOptions, date: string): WARCRecord {
  const record = WARCRecord.createWARCInfo(
    {
      filename: 'data.warc.gz',
      date,
      warcVersion: WARC_1_1,
      warcHeaders: { 'WARC-Record-ID': `<urn:uuid:${nameBasedUuid(`warcinfo ${options.siteUrl} ${date}`)}>` },
    },
    {
      software: options.software,
      format: 'WARC File Format 1.1',
      description: options.description,
      isPartOf: options.title,
    },
  );
  return record;
}

function responseRecord(entry: ResponseEntry, options: WaczOptions, date: string): WARCRecord {
  return WARCRecord.create(
    {
      url: entry.url,
      date,
      type: 'response',
      warcVersion: WARC_1_1,
      warcHeaders: { 'WARC-Record-ID': `<urn:uuid:${nameBasedUuid(`response ${entry.url} ${date}`)}>` },
      statusline: 'HTTP/1.1 200 OK',
      httpHeaders: {
        'Content-Type': options.contentType(entry.file.path),
        'Content-Length': String(entry.file.bytes.byteLength),
      },
    },
    once(entry.file.bytes),
  );
}

/** The WARC: a warcinfo record, then one response record per entry, each its own gzip member. */
async function warcFile(entries: readonly ResponseEntry[], options: WaczOptions, date: string): Promise<Uint8Array> {
  const members = [await serialize(warcInfo(options, date))];
  for (const entry of entries) members.push(await serialize(responseRecord(entry, options, date)));
  return concat(members);
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** The CDXJ index of a WARC, made by warcio's indexer, sorted as CDXJ readers require. */
export async function cdxjIndex(warc: Uint8Array, filename: string): Promise<string> {
  const indexer = new CDXIndexer({ format: 'cdxj' });
  const lines: string[] = [];
  for await (const entry of indexer.iterIndex([{ filename, reader: once(warc) }]))
    lines.push(indexer.serializeCDXJ(entry));
  return lines.sort(compareText).join('');
}

/** pages.jsonl: the header line, then every HTML page (folder URL) with its title, sorted by URL. */
function pagesJsonl(entries: readonly ResponseEntry[], siteUrl: string, date: string): string {
  const header = { format: 'json-pages-1.0', id: 'pages', title: 'All Pages' };
  const pages = entries
    .filter((entry) => isHtml(entry.file.path) && entry.url === publicUrl(siteUrl, entry.file.path))
    .map((entry) => ({
      id: nameBasedUuid(`page ${entry.url}`).replaceAll('-', ''),
      url: entry.url,
      ts: date,
      title: pageTitle(new TextDecoder().decode(entry.file.bytes)),
    }));
  pages.sort((a, b) => compareText(a.url, b.url));
  return [header, ...pages].map((line) => `${JSON.stringify(line)}\n`).join('');
}

/** A datapackage resource: name, path, "sha256:<hex>" and byte count. */
function resource(path: string, bytes: Uint8Array) {
  return {
    name: path.slice(path.lastIndexOf('/') + 1),
    path,
    hash: `sha256:${sha256Hex(bytes)}`,
    bytes: bytes.byteLength,
  };
}

/** ZIP entry time: the version's date at midnight as local fields, since ZIP (DOS) times have no zone. */
function zipTime(version: string): Date {
  const [year = 1980, month = 1, day = 1] = version.split('-').map(Number);
  return new Date(year, month - 1, day);
}

/**
 * The WACZ file for a built site. Every file is stored uncompressed (the WARC is gzipped per
 * record already, and readers seek into it by the index's offsets).
 */
export async function buildWacz(files: readonly SiteFile[], options: WaczOptions): Promise<Uint8Array> {
  if (!options.siteUrl.endsWith('/')) throw new Error(`site URL must end with "/": ${options.siteUrl}`);
  const date = recordDate(options.version);
  const entries = responseEntries(files, options.siteUrl);
  const warc = await warcFile(entries, options, date);
  const contents: [string, Uint8Array][] = [
    [WACZ_PATHS.warc, warc],
    [WACZ_PATHS.index, utf8.encode(await cdxjIndex(warc, WACZ_PATHS.warc.slice('archive/'.length)))],
    [WACZ_PATHS.pages, utf8.encode(pagesJsonl(entries, options.siteUrl, date))],
  ];
  const datapackage = utf8.encode(
    `${JSON.stringify(
      {
        profile: 'data-package',
        wacz_version: WACZ_VERSION,
        title: options.title,
        description: options.description,
        created: date,
        modified: date,
        software: options.software,
        mainPageUrl: options.siteUrl,
        mainPageDate: date,
        resources: contents.map(([path, bytes]) => resource(path, bytes)),
      },
      null,
      2,
    )}\n`,
  );
  const digest = utf8.encode(
    `${JSON.stringify({ path: WACZ_PATHS.datapackage, hash: `sha256:${sha256Hex(datapackage)}` }, null, 2)}\n`,
  );
  const mtime = zipTime(options.version);
  const zippable: Zippable = {};
  for (const [path, bytes] of [
    ...contents,
    [WACZ_PATHS.datapackage, datapackage] as const,
    [WACZ_PATHS.digest, digest] as const,
  ])
    zippable[path] = [bytes, { level: 0, mtime }];
  return zipSync(zippable);
}
