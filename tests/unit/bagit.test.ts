import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  bagDeclaration,
  bagInfo,
  bagInfoElement,
  buildBag,
  decodeManifestPath,
  encodeManifestPath,
  manifest,
  parseBagInfo,
  payloadOxum,
  tagManifest,
  validateBag,
  type BagFile,
} from '../../src/lib/bagit.ts';

const text = (path: string, body: string): BagFile => ({ path, bytes: new TextEncoder().encode(body) });
const sha = (algorithm: string, body: string) => createHash(algorithm).update(body).digest('hex');

const INFO = { sourceOrganization: 'Test Organisation', baggingDate: '2026-11-23', externalDescription: 'A test bag.' };

const PAYLOAD: BagFile[] = [
  text('site/index.html', '<h1>Hello</h1>\n'),
  text('site/events/a/index.html', 'event a\n'),
  text('datasets/events.csv', 'a,b\r\n'),
  text('with space.txt', 'space\n'),
];

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bagit-test-'));
  temps.push(dir);
  return dir;
}

/** Writes bag files (paths relative to the bag) under a fresh temp folder and returns it. */
function writeBag(files: readonly BagFile[]): string {
  const dir = tempDir();
  for (const file of files) {
    const path = join(dir, ...file.path.split('/'));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.bytes);
  }
  return dir;
}

describe('tag file builders', () => {
  it('declares BagIt 1.0 in UTF-8', () => {
    expect(bagDeclaration()).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
  });

  it('computes Payload-Oxum as octets.files', () => {
    expect(payloadOxum(PAYLOAD)).toBe(`${15 + 8 + 5 + 6}.4`);
    expect(payloadOxum([])).toBe('0.0');
  });

  it('writes manifest lines "<hex>  data/<path>" sorted by path', () => {
    expect(manifest([text('b.txt', 'b'), text('a/z.txt', 'z')], 'sha256')).toBe(
      `${sha('sha256', 'z')}  data/a/z.txt\n${sha('sha256', 'b')}  data/b.txt\n`,
    );
    expect(manifest([text('x', 'x')], 'sha512')).toBe(`${sha('sha512', 'x')}  data/x\n`);
    expect(tagManifest([text('bagit.txt', 'x')], 'sha256')).toBe(`${sha('sha256', 'x')}  bagit.txt\n`);
  });

  it('percent-encodes CR, LF and % in paths, and leaves spaces alone (RFC 8493 section 2.1.3)', () => {
    expect(encodeManifestPath('with space.txt')).toBe('with space.txt');
    expect(encodeManifestPath('100%\nsure\r.txt')).toBe('100%25%0Asure%0D.txt');
    expect(decodeManifestPath('100%25%0asure%0D.txt')).toBe('100%\nsure\r.txt');
    // Only what was encoded is decoded: a literal "%20" in a name survives.
    expect(decodeManifestPath(encodeManifestPath('a%20b'))).toBe('a%20b');
    expect(manifest([text('with space.txt', 's'), text('50%.txt', 'p')], 'sha256')).toBe(
      `${sha('sha256', 'p')}  data/50%25.txt\n${sha('sha256', 's')}  data/with space.txt\n`,
    );
  });

  it('writes bag-info.txt labels in order, folded to 79 columns, and reads them back', () => {
    const long = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    const body = bagInfo({ ...INFO, externalDescription: long, payloadOxum: '34.4', bagSoftwareAgent: 'test', other: [['Chronology-Version', '2026-11-23']] });
    expect(body.startsWith('Source-Organization: Test Organisation\nExternal-Description: word0 word1')).toBe(true);
    expect(body.endsWith('Bagging-Date: 2026-11-23\nPayload-Oxum: 34.4\nBag-Software-Agent: test\nChronology-Version: 2026-11-23\n')).toBe(true);
    expect(body.split('\n').every((line) => line.length <= 79)).toBe(true);
    expect(body.split('\n').filter((line) => line.startsWith(' ')).length).toBeGreaterThan(0);
    const { elements, problems } = parseBagInfo(body);
    expect(problems).toEqual([]);
    expect(elements).toContainEqual(['External-Description', long]);
    expect(elements.map(([label]) => label)).toEqual([
      'Source-Organization', 'External-Description', 'Bagging-Date', 'Payload-Oxum', 'Bag-Software-Agent', 'Chronology-Version',
    ]);
  });

  it('refuses malformed labels and values', () => {
    expect(() => bagInfoElement('Bad: label', 'x')).toThrow(/label/);
    expect(() => bagInfoElement(' Leading', 'x')).toThrow(/label/);
    expect(() => bagInfoElement('Label', 'two\nlines')).toThrow(/line break/);
    expect(() => bagInfo({ ...INFO, baggingDate: '23/11/2026', payloadOxum: '1.1' })).toThrow(/Bagging-Date/);
    expect(() => bagInfo({ ...INFO, payloadOxum: '12' })).toThrow(/Payload-Oxum/);
  });

  it('builds a bag whose tag manifests cover bagit.txt, bag-info.txt and the payload manifests only', () => {
    const files = buildBag(PAYLOAD, INFO);
    expect(files.map((f) => f.path).filter((p) => !p.startsWith('data/'))).toEqual([
      'bagit.txt', 'bag-info.txt', 'manifest-sha256.txt', 'manifest-sha512.txt', 'tagmanifest-sha256.txt', 'tagmanifest-sha512.txt',
    ]);
    const tagmanifest = new TextDecoder().decode(files.find((f) => f.path === 'tagmanifest-sha512.txt')?.bytes);
    expect(tagmanifest.trim().split('\n').map((line) => line.split('  ')[1])).toEqual([
      'bag-info.txt', 'bagit.txt', 'manifest-sha256.txt', 'manifest-sha512.txt',
    ]);
    const info = new TextDecoder().decode(files.find((f) => f.path === 'bag-info.txt')?.bytes);
    expect(info).toContain(`Payload-Oxum: ${payloadOxum(PAYLOAD)}\n`);
  });
});

describe('validateBag', () => {
  const goodBag = () => writeBag(buildBag(PAYLOAD, INFO));

  it('accepts a bag it built, including a file name with a space', () => {
    const dir = goodBag();
    expect(existsSync(join(dir, 'data', 'with space.txt'))).toBe(true);
    expect(readFileSync(join(dir, 'manifest-sha256.txt'), 'utf8')).toContain('  data/with space.txt\n');
    expect(validateBag(dir)).toEqual([]);
  });

  it('accepts file names with "%" and a line break, percent-encoded in the manifests', () => {
    const dir = writeBag(buildBag([text('50% off.txt', 'a'), text('two\nlines.txt', 'b')], INFO));
    expect(readFileSync(join(dir, 'manifest-sha512.txt'), 'utf8')).toContain('  data/two%0Alines.txt\n');
    expect(validateBag(dir)).toEqual([]);
  });

  it('reports a corrupted payload byte under both algorithms', () => {
    const dir = goodBag();
    const path = join(dir, 'data', 'site', 'index.html');
    const bytes = readFileSync(path);
    bytes[0] = (bytes[0] ?? 0) ^ 0x01;
    writeFileSync(path, bytes);
    const problems = validateBag(dir);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^manifest-sha256\.txt: data\/site\/index\.html: sha256 checksum does not match/);
    expect(problems[1]).toMatch(/^manifest-sha512\.txt: data\/site\/index\.html: sha512 checksum does not match/);
  });

  it('reports a deleted payload file, and the Payload-Oxum it breaks', () => {
    const dir = goodBag();
    unlinkSync(join(dir, 'data', 'datasets', 'events.csv'));
    expect(validateBag(dir)).toEqual([
      'manifest-sha256.txt: data/datasets/events.csv is listed but missing from the payload',
      'manifest-sha512.txt: data/datasets/events.csv is listed but missing from the payload',
      `bag-info.txt: Payload-Oxum is ${payloadOxum(PAYLOAD)} but the payload is ${payloadOxum(PAYLOAD.filter((f) => !f.path.endsWith('.csv')))} (octets.files)`,
    ]);
  });

  it('reports a payload file that no manifest lists', () => {
    const dir = goodBag();
    writeFileSync(join(dir, 'data', 'site', 'extra.html'), 'unlisted');
    const problems = validateBag(dir);
    expect(problems).toContain('manifest-sha256.txt: data/site/extra.html is in the payload but not listed');
    expect(problems).toContain('manifest-sha512.txt: data/site/extra.html is in the payload but not listed');
  });

  it('reports a wrong Payload-Oxum even when every checksum agrees', () => {
    const payloadManifests = ['sha256', 'sha512'].map((a) => text(`manifest-${a}.txt`, manifest(PAYLOAD, a as 'sha256')));
    const tagFiles = [text('bagit.txt', bagDeclaration()), text('bag-info.txt', bagInfo({ ...INFO, payloadOxum: '35.4' })), ...payloadManifests];
    const dir = writeBag([
      ...PAYLOAD.map((f) => ({ ...f, path: `data/${f.path}` })),
      ...tagFiles,
      text('tagmanifest-sha256.txt', tagManifest(tagFiles, 'sha256')),
    ]);
    expect(validateBag(dir)).toEqual([`bag-info.txt: Payload-Oxum is 35.4 but the payload is ${payloadOxum(PAYLOAD)} (octets.files)`]);
  });

  it('reports edited and deleted tag files through the tag manifests', () => {
    const dir = goodBag();
    appendFileSync(join(dir, 'bag-info.txt'), 'Contact-Name: Someone\n');
    unlinkSync(join(dir, 'manifest-sha512.txt'));
    const problems = validateBag(dir);
    expect(problems).toContain('tagmanifest-sha256.txt: manifest-sha512.txt is listed but missing');
    expect(problems.some((p) => p.startsWith('tagmanifest-sha512.txt: bag-info.txt: sha512 checksum does not match'))).toBe(true);
  });

  it('reports a missing or malformed bagit.txt, a missing data/ and a missing payload manifest', () => {
    const noDeclaration = goodBag();
    unlinkSync(join(noDeclaration, 'bagit.txt'));
    expect(validateBag(noDeclaration)[0]).toMatch(/^bagit\.txt: missing/);

    const oldVersion = goodBag();
    writeFileSync(join(oldVersion, 'bagit.txt'), 'BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n');
    expect(validateBag(oldVersion)).toContain('bagit.txt: BagIt-Version is 0.97; this validator checks BagIt 1.0 (RFC 8493)');

    const bom = goodBag();
    writeFileSync(join(bom, 'bagit.txt'), `\uFEFF${bagDeclaration()}`);
    expect(validateBag(bom)[0]).toMatch(/byte-order mark/);

    const noData = writeBag([text('bagit.txt', bagDeclaration())]);
    expect(validateBag(noData)).toEqual(['data/: missing; the payload folder is required (RFC 8493 section 2.1.2)']);

    const noManifest = writeBag([text('bagit.txt', bagDeclaration()), text('data/a.txt', 'a')]);
    expect(validateBag(noManifest)).toContain('manifest-<algorithm>.txt: no payload manifest; at least one is required');
  });

  it('reports unsafe, duplicate and malformed manifest lines, and tag manifests listing tag manifests', () => {
    const dir = goodBag();
    const line = (path: string) => `${sha('sha256', 'x')}  ${path}\n`;
    appendFileSync(join(dir, 'manifest-sha256.txt'), `${line('data/../bagit.txt')}${line('data/with space.txt')}not a line\n`);
    appendFileSync(join(dir, 'tagmanifest-sha512.txt'), `${sha('sha512', 'x')}  tagmanifest-sha256.txt\n`);
    const problems = validateBag(dir);
    expect(problems).toContain('manifest-sha256.txt line 5: path "data/../bagit.txt" has an empty, "." or ".." segment');
    expect(problems).toContain('manifest-sha256.txt line 6: data/with space.txt is listed more than once');
    expect(problems).toContain('manifest-sha256.txt line 7: not "<checksum> <path>"');
    expect(problems).toContain('tagmanifest-sha512.txt line 5: lists tag manifest tagmanifest-sha256.txt, which RFC 8493 forbids');
  });
});

describe('scripts/export.ts', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));

  /** A minimal built site: what `astro build` leaves in dist/ for the export to read. */
  function fakeDist(): string {
    const dist = tempDir();
    const files: Record<string, string> = {
      'index.html': '<h1>Chronology</h1>\n',
      'events/a/index.html': '<h1>A</h1>\n',
      'data/index.html': '<h1>Data</h1>\n',
      'data/events.json': '{\n  "version": "2026-01-02",\n  "events": []\n}\n',
      'data/sources.json': '{}\n',
      'data/places.json': '{}\n',
      'data/eras.json': '{}\n',
      'data/sources.csl.json': '[]\n',
      'data/events.csv': 'event_id\r\n',
    };
    for (const [path, body] of Object.entries(files)) {
      mkdirSync(dirname(join(dist, path)), { recursive: true });
      writeFileSync(join(dist, path), body);
    }
    return dist;
  }

  const runExport = (out: string, dist: string) =>
    spawnSync(process.execPath, ['scripts/export.ts', '--out', out, '--dist', dist], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, CHRONOLOGY_VERSION: '2026-01-03', CHRONOLOGY_CONTENT: join(root, 'tests/fixtures/valid') },
    });

  /** Every file under `dir` with its bytes, for byte-for-byte comparison. */
  const snapshot = (dir: string): Record<string, string> =>
    Object.fromEntries(
      (readdirSync(dir, { recursive: true, encoding: 'utf8' }))
        .filter((path) => statSync(join(dir, path)).isFile())
        .sort()
        .map((path) => [path, readFileSync(join(dir, path)).toString('base64')]),
    );

  it('writes a valid bag in the documented layout, byte-identical on a second run', () => {
    const dist = fakeDist();
    const [first, second] = [join(tempDir(), 'bag'), join(tempDir(), 'bag')];
    const run = runExport(first, dist);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(runExport(second, dist).status).toBe(0);

    expect(validateBag(first)).toEqual([]);
    expect(snapshot(second)).toEqual(snapshot(first));
    for (const path of ['data/site/index.html', 'data/site/data/events.json', 'data/datasets/events.json', 'data/datasets/sources.csl.json', 'data/datasets/events.csv', 'data/captures/003_0b02da9d63b9baaf.txt'])
      expect(existsSync(join(first, path)), path).toBe(true);
    expect(existsSync(join(first, 'data/datasets/index.html'))).toBe(false);

    const info = readFileSync(join(first, 'bag-info.txt'), 'utf8');
    expect(info).toContain('Bagging-Date: 2026-01-03\n');
    expect(info).toContain('Chronology-Version: 2026-01-02\n');
    expect(info).toMatch(/^Source-Organization: Nagorno-Karabakh Chronology/);
    expect(info).toMatch(/\nBag-Software-Agent: karabakh-chronology /);
  });

  it('refuses a non-empty output folder with one line and a non-zero exit', () => {
    const out = tempDir();
    writeFileSync(join(out, 'keep.txt'), 'mine');
    const run = runExport(out, fakeDist());
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([`export: --out ${out} is not empty; refusing to write into it`]);
    expect(readdirSync(out)).toEqual(['keep.txt']);
  });

  it('refuses a build without its data files', () => {
    const dist = fakeDist();
    unlinkSync(join(dist, 'data', 'events.csv'));
    const run = runExport(join(tempDir(), 'bag'), dist);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^export: .*data\/events\.csv not found/);
  });
});
