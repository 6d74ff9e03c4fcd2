#!/usr/bin/env node
/**
 * Writes the built site, its data files, the raw captures and the site as a WACZ web archive as
 * one BagIt 1.0 bag (RFC 8493), for deposit in an archive; or, with --format wacz, only the WACZ
 * (src/lib/wacz.ts). Runs after `astro build`, on node 24 directly (type stripping):
 *
 *   node scripts/export.ts [--format bagit] --out DIR [--dist dist]
 *   node scripts/export.ts --format wacz --out FILE.wacz [--dist dist]
 *
 * Layout of DIR:
 *   bagit.txt, bag-info.txt, manifest-sha256.txt, manifest-sha512.txt,
 *   tagmanifest-sha256.txt, tagmanifest-sha512.txt
 *   data/site/       the built site exactly as dist/ (open data/site/index.html; links are relative)
 *   data/datasets/   the published data files from dist/data/ (*.json, *.csv)
 *   data/captures/   the captured source texts, byte for byte, from content/sources/captures/
 *   data/web-archive/site.wacz   the site as a WACZ web archive (what --format wacz writes)
 *
 * Reproducible: Bagging-Date is the last commit's date (or $CHRONOLOGY_VERSION), nothing reads
 * the clock, files are listed in a fixed order, so two exports of one build are byte-identical.
 * It refuses a non-empty DIR, writes the bag beside it and validates it there, and moves it into
 * place only when valid (scripts/lib/output-folder.ts); on any failure it leaves nothing behind,
 * prints one line naming the path and the cause (disk full, read-only) and exits 1.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildBag, type BagFile } from '../src/lib/bagit.ts';
import { compareText } from '../src/lib/order.ts';
import { validateBag } from './validate-bag.ts';
import { SITE_NAME } from '../src/lib/site-meta.ts';
import { CONTENT_ROOT } from '../src/content-root.ts';
import { writeNewFile, writeNewFolder, type WriteFolderOptions } from './lib/output-folder.ts';
import { BAG_WEB_ARCHIVE_PATH, checkedWebArchive } from './lib/web-archive.ts';
import { WACZ_VERSION } from '../src/lib/wacz.ts';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Data files every export must carry; the build writes them to dist/data/. */
export const REQUIRED_DATA_FILES = ['events.json', 'sources.json', 'places.json', 'eras.json', 'events.csv'] as const;

/** Which files of dist/data/ are data files (the folder also holds the data page's index.html). */
const isDataFile = (name: string): boolean => /\.(json|csv)$/.test(name);

/** An error whose message is the one line the user sees. */
class ExportError extends Error {}

/** Every regular file under `root`, as paths relative to it with "/" separators, sorted. */
function listFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
      const path = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(path);
      else throw new ExportError(`${join(root, path)} is not a regular file (symbolic links are not exported)`);
    }
  };
  walk('');
  return files.sort(compareText);
}

/** The payload: site, data files and captures, under the folders described at the top. */
function collectPayload(dist: string, captures: string): BagFile[] {
  if (!existsSync(join(dist, 'index.html')))
    throw new ExportError(`${dist}/index.html not found: run the build first (npm run build)`);
  for (const name of REQUIRED_DATA_FILES)
    if (!existsSync(join(dist, 'data', name)))
      throw new ExportError(`${dist}/data/${name} not found: the build did not write the data files`);
  if (!existsSync(captures)) throw new ExportError(`${captures} not found: no captures to export`);

  const read = (folder: string, path: string, as: string): BagFile => ({
    path: `${as}/${path}`,
    bytes: readFileSync(join(folder, path)),
  });
  const dataFiles = readdirSync(join(dist, 'data'), { withFileTypes: true })
    .filter((entry) => entry.isFile() && isDataFile(entry.name))
    .map((entry) => entry.name)
    .sort(compareText);
  const payload = [
    ...listFiles(dist).map((path) => read(dist, path, 'site')),
    ...dataFiles.map((name) => read(join(dist, 'data'), name, 'datasets')),
    ...listFiles(captures).map((path) => read(captures, path, 'captures')),
  ];
  // RFC 8493 percent-encodes these in manifests, but bagit.py and bagit-java do not decode %25:
  // refusing them keeps the bag readable by every common tool.
  const awkward = payload.find((file) => /[%\r\n]/.test(file.path));
  if (awkward)
    throw new ExportError(
      `payload file name ${JSON.stringify(awkward.path)} has "%", CR or LF, which BagIt tools disagree on`,
    );
  return payload;
}

/** Bagging-Date: $CHRONOLOGY_VERSION, else the last commit's date, never today (that would break reproducibility). */
function baggingDate(): string {
  let date = process.env.CHRONOLOGY_VERSION;
  if (!date) {
    try {
      date = execFileSync('git', ['log', '-1', '--format=%cs'], { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim();
    } catch {
      date = '';
    }
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
    throw new ExportError(`no Bagging-Date: set CHRONOLOGY_VERSION=YYYY-MM-DD (got "${date}" from it or from git)`);
  return date;
}

/** The content version the build embedded in events.json, so the bag names the version it holds. */
function builtVersion(dist: string): string {
  const file = join(dist, 'data', 'events.json');
  try {
    const version: unknown = (JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown }).version;
    if (typeof version === 'string' && version) return version;
  } catch {
    // Reported below as one line.
  }
  throw new ExportError(`${file} has no "version"`);
}

/** "name version" of this project, for Bag-Software-Agent. */
function softwareAgent(): string {
  const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  return `${pkg.name} ${pkg.version} (scripts/export.ts)`;
}

/** Refuses an output folder that is not empty, or that lies inside the folder being exported. */
function checkOutput(out: string, dist: string): void {
  const inside = (child: string, parent: string) => child === parent || child.startsWith(`${parent}${sep}`);
  if (inside(out, dist) || inside(dist, out)) throw new ExportError(`--out ${out} overlaps the build folder ${dist}`);
  if (!existsSync(out)) return;
  if (!statSync(out).isDirectory()) throw new ExportError(`--out ${out} exists and is not a folder`);
  if (readdirSync(out).length > 0) throw new ExportError(`--out ${out} is not empty; refusing to write into it`);
}

export interface ExportOptions {
  /** Folder to write the bag to; must be empty or absent. */
  out: string;
  /** The built site (default: dist/ of the project). */
  dist?: string;
  /** The captures folder (default: <content>/sources/captures/). */
  captures?: string;
  /** The file writer (tests pass one that fails like a full disk). */
  writeFile?: WriteFolderOptions['writeFile'];
  /** The site's WACZ (webArchive()), carried at data/web-archive/site.wacz. */
  webArchive?: Uint8Array;
}

/**
 * Writes the bag and validates it. Returns the bag's files on success.
 * @throws ExportError with a one-line message when it cannot or the result is invalid.
 */
export function exportBag(options: ExportOptions): BagFile[] {
  const out = resolve(options.out);
  const dist = resolve(PROJECT_ROOT, options.dist ?? 'dist');
  const captures = resolve(options.captures ?? join(resolve(PROJECT_ROOT, CONTENT_ROOT), 'sources', 'captures'));
  checkOutput(out, dist);

  const payload = collectPayload(dist, captures);
  if (options.webArchive) payload.push({ path: BAG_WEB_ARCHIVE_PATH, bytes: options.webArchive });
  const version = builtVersion(dist);
  const files = buildBag(payload, {
    sourceOrganization: SITE_NAME,
    externalDescription:
      `The website and open data of the ${SITE_NAME}, a source-attributed chronology, version ${version}. ` +
      'data/site/ is the built site (open data/site/index.html); data/datasets/ holds the published data ' +
      'files (JSON, CSV); data/captures/ holds the captured source articles byte for byte; ' +
      'data/web-archive/site.wacz is the site as a WACZ web archive (open it in ReplayWeb.page).',
    baggingDate: baggingDate(),
    bagSoftwareAgent: softwareAgent(),
    other: [['Chronology-Version', version]],
  });

  // All or nothing: on a full disk, a read-only mount or an invalid bag, nothing is left in `out`.
  writeNewFolder(out, files, {
    check: (folder) => {
      const problems = validateBag(folder);
      if (problems.length === 0) return undefined;
      return `the bag written for ${out} is invalid, so it was not kept: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`;
    },
    ...(options.writeFile ? { writeFile: options.writeFile } : {}),
  });
  return files;
}

/** The built site as a checked WACZ (scripts/lib/web-archive.ts), its records dated by the built version. */
async function webArchive(dist: string): Promise<Uint8Array> {
  if (!existsSync(join(dist, 'index.html')))
    throw new ExportError(`${dist}/index.html not found: run the build first (npm run build)`);
  const files = listFiles(dist).map((path) => ({ path, bytes: readFileSync(join(dist, path)) }));
  return checkedWebArchive(dist, files, builtVersion(dist), softwareAgent());
}

/** --format wacz: writes only the WACZ to a new file. */
async function exportWacz(out: string, dist: string): Promise<void> {
  if (existsSync(out)) throw new ExportError(`--out ${out} exists; refusing to overwrite it`);
  const wacz = await webArchive(dist);
  writeNewFile(out, wacz);
  console.log(
    `export: wrote a WACZ ${WACZ_VERSION} web archive to ${relative(process.cwd(), out)} (${wacz.byteLength} bytes)`,
  );
}

const FORMATS = ['bagit', 'wacz'] as const;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      dist: { type: 'string' },
      format: { type: 'string', default: 'bagit' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: false,
  });
  if (values.help) {
    console.log(
      'usage: node scripts/export.ts [--format bagit|wacz] --out DIR|FILE.wacz [--dist dist]   (run `npm run build` first)',
    );
    return;
  }
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format))
    throw new ExportError(`--format ${values.format}: must be one of ${FORMATS.join(', ')}`);
  if (!values.out)
    throw new ExportError(
      `missing --out ${format === 'wacz' ? 'FILE.wacz (a new file)' : 'DIR (an empty or new folder for the bag)'}`,
    );
  const dist = resolve(PROJECT_ROOT, values.dist ?? 'dist');
  if (format === 'wacz') return exportWacz(resolve(values.out), dist);
  checkOutput(resolve(values.out), dist);
  const files = exportBag({ out: values.out, dist, webArchive: await webArchive(dist) });
  const payload = files.filter((file) => file.path.startsWith('data/'));
  const octets = payload.reduce((sum, file) => sum + file.bytes.byteLength, 0);
  console.log(
    `export: wrote a valid BagIt 1.0 bag to ${relative(process.cwd(), resolve(values.out)) || '.'} (${payload.length} payload files, ${octets} bytes)`,
  );
}

if (import.meta.main) {
  try {
    await main();
  } catch (error) {
    // One clear line, no stack: this is a tool for people depositing an archive.
    const message = error instanceof Error ? error.message : String(error);
    console.error(`export: ${message}`);
    process.exitCode = 1;
  }
}
