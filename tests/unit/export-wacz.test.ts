/**
 * The WACZ export (issue: the site as a web archive).
 *
 * Against dist/: `node scripts/export.ts --format wacz --out <tmp>/site.wacz` writes an archive
 * in which, checked by readers other than the writer's own,
 * - every sha256 and byte count in datapackage.json matches its file (the ZIP read by Python's
 *   zipfile, digests by Python's hashlib), and datapackage-digest.json matches datapackage.json;
 * - every index entry's byte range, cut out and gunzipped by Python, is one whole WARC record
 *   naming the entry's URL;
 * - every HTML page of dist/ is in pages.jsonl with its title, and every file of dist/ is an
 *   HTTP 200 response record (warcio's parser) at its public URL with its bytes, Content-Type,
 *   Content-Length and WARC-Payload-Digest;
 * two exports are byte-identical, and the BagIt export carries the same WACZ.
 *
 * On a small site built here: checkWacz, which the export runs before it writes, finds a wrong
 * digest, a shifted index offset and a missing page.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync, zipSync } from 'fflate';
import { WARCParser } from 'warcio';
import { afterAll, describe, expect, it } from 'vitest';
import { listBuiltPages } from '../support/built-pages.ts';
import { distDir, listFiles } from '../support/project.ts';
import { buildWacz, nameBasedUuid, pageTitle, publicUrl, WACZ_PATHS, type SiteFile } from '../../src/lib/wacz.ts';
import { checkWacz, parseCdxj, targetAt } from '../../src/lib/wacz-check.ts';
import { contentType } from '../../scripts/serve-dist.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const DIST = distDir();
const built = existsSync(join(DIST, 'index.html')) && existsSync(join(DIST, 'data', 'events.json'));
if (!built) console.warn('export-wacz.test.ts: SKIPPED the export tests: dist/ is missing; run `npm run build` first');

const work = mkdtempSync(join(tmpdir(), 'chronology-wacz-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function runExport(...args: string[]) {
  return spawnSync(process.execPath, ['scripts/export.ts', ...args, '--dist', DIST], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
}

/** Python's zipfile, hashlib and gzip, as a reader that shares no code with the writer. */
const PYTHON_CHECK = `
import gzip, hashlib, json, re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
out = {"entries": {}, "index": []}
for info in z.infolist():
    data = z.read(info.filename)
    out["entries"][info.filename] = {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data), "stored": info.compress_type == zipfile.ZIP_STORED, "date": list(info.date_time)}
warc = z.read("${WACZ_PATHS.warc}")
for line in z.read("${WACZ_PATHS.index}").decode().splitlines():
    key, ts, fields = line.split(" ", 2)
    fields = json.loads(fields)
    start, length = int(fields["offset"]), int(fields["length"])
    member = warc[start:start + length]
    d = gzip.GzipFile(fileobj=__import__("io").BytesIO(member))
    record = d.read()
    head, _, rest = record.partition(b"\\r\\n\\r\\n")
    size = int(re.search(rb"\\r\\nContent-Length: (\\d+)", head).group(1))
    uri = re.search(rb"\\r\\nWARC-Target-URI: ([^\\r\\n]*)", head).group(1).decode()
    out["index"].append({"url": fields["url"], "target": uri, "whole": len(rest) == size + 4})
print(json.dumps(out))
`;

function pythonRead(file: string): {
  entries: Record<string, { sha256: string; bytes: number; stored: boolean; date: number[] }>;
  index: { url: string; target: string; whole: boolean }[];
} {
  const run = spawnSync('python3', ['-c', PYTHON_CHECK, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`python3 could not read ${file}: ${run.stderr || run.error?.message}`);
  return JSON.parse(run.stdout);
}

describe.skipIf(!built)('npm run export -- --format wacz', () => {
  const first = join(work, 'site.wacz');
  const second = join(work, 'again.wacz');
  const siteUrl =
    (/<link rel="canonical" href="([^"]+)"/.exec(built ? readFileSync(join(DIST, 'index.html'), 'utf8') : '') ??
      [])[1] ?? '';

  it('writes a WACZ whose datapackage digests and index offsets hold for an independent reader', () => {
    const run = runExport('--format', 'wacz', '--out', first);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^export: wrote a WACZ 1\.1\.1 web archive to .+ \(\d+ bytes\)\n$/);

    const read = pythonRead(first);
    const files = unzipSync(readFileSync(first));
    const pkg = JSON.parse(new TextDecoder().decode(files[WACZ_PATHS.datapackage])) as {
      profile: string;
      wacz_version: string;
      resources: { path: string; hash: string; bytes: number }[];
    };
    expect(pkg.profile).toBe('data-package');
    expect(pkg.wacz_version).toBe('1.1.1');
    expect(pkg.resources.map((r) => r.path).sort()).toEqual(
      [WACZ_PATHS.warc, WACZ_PATHS.index, WACZ_PATHS.pages].sort(),
    );
    for (const resource of pkg.resources) {
      expect(resource.hash, resource.path).toBe(`sha256:${read.entries[resource.path]?.sha256}`);
      expect(resource.bytes, resource.path).toBe(read.entries[resource.path]?.bytes);
    }
    const digest = JSON.parse(new TextDecoder().decode(files[WACZ_PATHS.digest])) as { hash: string };
    expect(digest.hash).toBe(`sha256:${read.entries[WACZ_PATHS.datapackage]?.sha256}`);
    // Readers seek into the WARC by the index's offsets: it must be stored, not deflated.
    expect(read.entries[WACZ_PATHS.warc]?.stored).toBe(true);

    expect(read.index.length).toBeGreaterThan(listFiles(DIST).length);
    const wrong = read.index.filter((entry) => entry.target !== entry.url || !entry.whole);
    expect(wrong, 'index entries that do not point at exactly their own record').toEqual([]);
  });

  it('holds every file of dist/ as an HTTP 200 response at its public URL, and every page in pages.jsonl', async () => {
    const files = unzipSync(readFileSync(first));
    const records = new Map<
      string,
      { status?: number; type?: string | null; length?: string | null; digest: string | null; payload: Uint8Array }
    >();
    for await (const record of new WARCParser([files[WACZ_PATHS.warc]!])) {
      const payload = await record.readFully(false);
      if (record.warcType === 'response')
        records.set(record.warcTargetURI ?? '', {
          status: Number(record.httpHeaders?.statusCode),
          type: record.httpHeaders?.headers.get('Content-Type') ?? null,
          length: record.httpHeaders?.headers.get('Content-Length') ?? null,
          digest: record.warcPayloadDigest ?? null,
          payload,
        });
    }
    const problems: string[] = [];
    // _headers configures the host and is never served, so it has no URL to record.
    expect(records.has(`${siteUrl}_headers`)).toBe(false);
    for (const path of listFiles(DIST).filter((file) => file !== '_headers')) {
      const bytes = readFileSync(join(DIST, path));
      const url =
        path === 'index.html'
          ? siteUrl
          : path.endsWith('/index.html')
            ? `${siteUrl}${path.slice(0, -'index.html'.length)}`
            : `${siteUrl}${path}`;
      const record = records.get(url);
      if (!record) problems.push(`${path}: no record at ${url}`);
      else if (record.status !== 200 || record.type !== contentType(path) || record.length !== String(bytes.length))
        problems.push(`${url}: ${record.status} ${record.type} ${record.length}`);
      else if (!Buffer.from(record.payload).equals(bytes) || record.digest !== `sha256:${sha256(bytes)}`)
        problems.push(`${url}: payload or WARC-Payload-Digest differs from ${path}`);
    }
    expect(problems).toEqual([]);

    const pages = new TextDecoder()
      .decode(files[WACZ_PATHS.pages])
      .split('\n')
      .filter(Boolean)
      .slice(1)
      .map((line) => JSON.parse(line) as { url: string; title: string; ts: string });
    const byUrl = new Map(pages.map((page) => [page.url, page]));
    const html = listBuiltPages(DIST);
    expect(pages).toHaveLength(html.length);
    for (const page of html) {
      const entry = byUrl.get(`${siteUrl}${page.urlPath}`);
      expect(entry, page.rel).toBeDefined();
      const title = /<title>([^<]*)<\/title>/
        .exec(readFileSync(page.file, 'utf8'))?.[1]
        ?.replaceAll('&#39;', "'")
        .replaceAll('&quot;', '"')
        .replaceAll('&amp;', '&');
      expect(entry?.title, page.rel).toBe(title);
    }
    const version = (JSON.parse(readFileSync(join(DIST, 'data', 'events.json'), 'utf8')) as { version: string })
      .version;
    expect(new Set(pages.map((page) => page.ts))).toEqual(new Set([`${version}T00:00:00Z`]));
  });

  it('writes byte-identical archives for one build, and refuses to overwrite a file', () => {
    expect(runExport('--format', 'wacz', '--out', second).status).toBe(0);
    expect(readFileSync(second).equals(readFileSync(first))).toBe(true);
    const again = runExport('--format', 'wacz', '--out', second);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/^export: --out .+ exists; refusing to overwrite it\n$/);
  });

  it('puts the same WACZ in the BagIt bag, listed in its manifest', () => {
    const bag = join(work, 'bag');
    expect(runExport('--out', bag).status).toBe(0);
    const carried = readFileSync(join(bag, 'data', 'web-archive', 'site.wacz'));
    expect(carried.equals(readFileSync(first))).toBe(true);
    expect(readFileSync(join(bag, 'manifest-sha256.txt'), 'utf8')).toContain(
      `${sha256(carried)}  data/web-archive/site.wacz\n`,
    );
  });

  it('refuses an unknown format with one line', () => {
    const run = runExport('--format', 'zip', '--out', join(work, 'x'));
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('export: --format zip: must be one of bagit, wacz\n');
  });
});

describe('the WACZ writer and checker on a small site', () => {
  const SITE = 'https://example.org/archive/karabakh/';
  const html = (title: string) =>
    `<!doctype html><html><head><title>${title}</title></head><body><svg><title>Not this</title></svg><h1>${title}</h1></body></html>`;
  const site: SiteFile[] = [
    { path: 'index.html', bytes: Buffer.from(html('Home &amp; more')) },
    { path: 'events/a/index.html', bytes: Buffer.from(html('Event A')) },
    { path: 'data/events.json', bytes: Buffer.from('{"version":"2026-11-23"}\n') },
  ];
  const options = { siteUrl: SITE, version: '2026-11-23', title: 'T', description: 'D', software: 'test', contentType };
  const pages = [`${SITE}`, `${SITE}events/a/`];

  it('writes folder pages at their folder URL and at index.html, with head titles only', async () => {
    expect(publicUrl(SITE, 'events/a/index.html')).toBe(`${SITE}events/a/`);
    expect(publicUrl(SITE, 'data/events.json')).toBe(`${SITE}data/events.json`);
    expect(pageTitle(html('Home &amp; more'))).toBe('Home & more');
    expect(nameBasedUuid('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const wacz = await buildWacz(site, options);
    expect(await checkWacz(wacz, pages)).toEqual([]);
    const index = parseCdxj(new TextDecoder().decode(unzipSync(wacz)[WACZ_PATHS.index]));
    expect(index.map((entry) => entry.url).sort()).toEqual([
      SITE,
      `${SITE}data/events.json`,
      `${SITE}events/a/`,
      `${SITE}events/a/index.html`,
      `${SITE}index.html`,
    ]);
  });

  /** The WACZ with one of its files changed and the ZIP written again. */
  async function tampered(change: (files: Record<string, Uint8Array>) => void): Promise<Uint8Array> {
    const files = unzipSync(await buildWacz(site, options));
    change(files);
    return zipSync(files, { level: 0 });
  }
  const edit = (bytes: Uint8Array | undefined, edit: (text: string) => string) =>
    Buffer.from(edit(new TextDecoder().decode(bytes)));

  it('finds a datapackage digest that does not match its file', async () => {
    const wacz = await tampered((files) => {
      files[WACZ_PATHS.pages] = edit(files[WACZ_PATHS.pages], (text) => text.replace('Event A', 'Event B'));
    });
    expect(await checkWacz(wacz, pages)).toContain(`datapackage.json: ${WACZ_PATHS.pages}: sha256 does not match`);
  });

  it('finds an index entry that points at another record or at half of one', async () => {
    const files = unzipSync(await buildWacz(site, options));
    const warc = files[WACZ_PATHS.warc]!;
    const [first, second] = parseCdxj(new TextDecoder().decode(files[WACZ_PATHS.index])).sort(
      (a, b) => a.offset - b.offset,
    );
    expect(targetAt(warc, first!.offset, first!.length)).toBe(first!.url);
    expect(targetAt(warc, first!.offset, first!.length + second!.length)).toBe('not exactly one WARC record');
    expect(targetAt(warc, first!.offset, first!.length - 1)).toMatch(/^not one gzip member/);
    const shifted = await tampered((all) => {
      all[WACZ_PATHS.index] = edit(all[WACZ_PATHS.index], (text) =>
        text.replace(`"offset":"${first!.offset}"`, `"offset":"${second!.offset}"`),
      );
    });
    expect(
      (await checkWacz(shifted)).some((problem) => problem.startsWith(`index entry ${first!.url} points at`)),
    ).toBe(true);
  });

  it('finds a page of the site missing from pages.jsonl', async () => {
    expect(await checkWacz(await buildWacz(site, options), [...pages, `${SITE}events/b/`])).toEqual([
      `page ${SITE}events/b/ is missing from ${WACZ_PATHS.pages}`,
    ]);
  });

  it('dates every record by the version, so the archive does not depend on the clock or the time zone', async () => {
    const a = await buildWacz(site, options);
    const b = await buildWacz(site, options);
    expect(Buffer.from(a).equals(b)).toBe(true);
    await expect(buildWacz(site, { ...options, version: 'today' })).rejects.toThrow(
      'chronology version must be YYYY-MM-DD',
    );
  });
});
