/**
 * The BagIt writer (src/lib/bagit.ts), the export's read-back check (scripts/validate-bag.ts),
 * and both held against tests/support/bagit-checker.ts, a checker written from RFC 8493
 * independently of them. The export itself is tested in export.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  bagDeclaration,
  bagInfo,
  bagInfoElement,
  buildBag,
  encodeManifestPath,
  manifest,
  payloadOxum,
  tagManifest,
  type BagFile,
} from '../../src/lib/bagit.ts';
import { validateBag } from '../../scripts/validate-bag.ts';
import { checkBag, PROJECT_TAG_FILES } from '../support/bagit-checker.ts';

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
    expect(encodeManifestPath('a%20b')).toBe('a%2520b');
    expect(manifest([text('with space.txt', 's'), text('50%.txt', 'p')], 'sha256')).toBe(
      `${sha('sha256', 'p')}  data/50%25.txt\n${sha('sha256', 's')}  data/with space.txt\n`,
    );
  });

  it('writes bag-info.txt labels in order, folded to 79 columns, so that unfolding gives the value back', () => {
    const long = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    const body = bagInfo({
      ...INFO,
      externalDescription: long,
      payloadOxum: '34.4',
      bagSoftwareAgent: 'test',
      other: [['Chronology-Version', '2026-11-23']],
    });
    expect(body.startsWith('Source-Organization: Test Organisation\nExternal-Description: word0 word1')).toBe(true);
    expect(
      body.endsWith(
        'Bagging-Date: 2026-11-23\nPayload-Oxum: 34.4\nBag-Software-Agent: test\nChronology-Version: 2026-11-23\n',
      ),
    ).toBe(true);
    expect(body.split('\n').every((line) => line.length <= 79)).toBe(true);
    expect(body.split('\n').filter((line) => line.startsWith(' ')).length).toBeGreaterThan(0);
    // RFC 5322 unfolding, as bagit.py and bagit-java read it: a line break before white space goes.
    const unfolded = body.replace(/\n(?=[ \t])/g, '').split('\n');
    expect(unfolded).toContain(`External-Description: ${long}`);
    expect(unfolded.map((line) => line.split(':')[0])).toEqual([
      'Source-Organization',
      'External-Description',
      'Bagging-Date',
      'Payload-Oxum',
      'Bag-Software-Agent',
      'Chronology-Version',
      '',
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
    expect(files.map((f) => f.path).filter((p) => !p.startsWith('data/'))).toEqual(PROJECT_TAG_FILES);
    const tagmanifest = new TextDecoder().decode(files.find((f) => f.path === 'tagmanifest-sha512.txt')?.bytes);
    expect(
      tagmanifest
        .trim()
        .split('\n')
        .map((line) => line.split('  ')[1]),
    ).toEqual(['bag-info.txt', 'bagit.txt', 'manifest-sha256.txt', 'manifest-sha512.txt']);
    const info = new TextDecoder().decode(files.find((f) => f.path === 'bag-info.txt')?.bytes);
    expect(info).toContain(`Payload-Oxum: ${payloadOxum(PAYLOAD)}\n`);
  });
});

describe('bags the writer builds, read by the independent RFC 8493 checker', () => {
  it('are valid, with names holding a space, "%" and a line break percent-encoded', () => {
    const dir = writeBag(buildBag([...PAYLOAD, text('50% off.txt', 'a'), text('two\nlines.txt', 'b')], INFO));
    expect(readFileSync(join(dir, 'manifest-sha512.txt'), 'utf8')).toContain('  data/two%0Alines.txt\n');
    expect(checkBag(dir)).toEqual([]);
  });

  it('the checker itself fails a corrupted, an unlisted and a missing file, and a wrong Payload-Oxum', () => {
    const dir = writeBag(buildBag(PAYLOAD, INFO));
    appendFileSync(join(dir, 'data', 'site', 'index.html'), ' ');
    writeFileSync(join(dir, 'data', 'extra.txt'), 'unlisted');
    unlinkSync(join(dir, 'data', 'datasets', 'events.csv'));
    const problems = checkBag(dir);
    expect(problems).toContain('manifest-sha256.txt: checksum of data/site/index.html does not match');
    expect(problems).toContain('manifest-sha512.txt: does not list payload file data/extra.txt');
    expect(problems).toContain('manifest-sha256.txt: lists data/datasets/events.csv, which does not exist');
    expect(problems.some((p) => p.startsWith('Payload-Oxum'))).toBe(true);
  });
});

describe("validateBag (the export's read-back check)", () => {
  const goodBag = () => writeBag(buildBag(PAYLOAD, INFO));

  it('accepts a bag the writer built', () => {
    const dir = goodBag();
    expect(existsSync(join(dir, 'data', 'with space.txt'))).toBe(true);
    expect(validateBag(dir)).toEqual([]);
  });

  it('reports a corrupted payload byte under both algorithms, and the Payload-Oxum stays right', () => {
    const dir = goodBag();
    const path = join(dir, 'data', 'site', 'index.html');
    const bytes = readFileSync(path);
    bytes[0] = (bytes[0] ?? 0) ^ 0x01;
    writeFileSync(path, bytes);
    expect(validateBag(dir)).toEqual([
      'manifest-sha256.txt: data/site/index.html: sha256 checksum does not match',
      'manifest-sha512.txt: data/site/index.html: sha512 checksum does not match',
    ]);
  });

  it('reports a deleted payload file, and the Payload-Oxum it breaks', () => {
    const dir = goodBag();
    unlinkSync(join(dir, 'data', 'datasets', 'events.csv'));
    expect(validateBag(dir)).toEqual([
      'manifest-sha256.txt: data/datasets/events.csv is listed but missing',
      'manifest-sha512.txt: data/datasets/events.csv is listed but missing',
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

  it('reports edited and deleted tag files through the tag manifests, and a changed bagit.txt', () => {
    const dir = goodBag();
    appendFileSync(join(dir, 'bag-info.txt'), 'Contact-Name: Someone\n');
    unlinkSync(join(dir, 'manifest-sha512.txt'));
    writeFileSync(join(dir, 'bagit.txt'), 'BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n');
    const problems = validateBag(dir);
    expect(problems).toContain('bagit.txt: missing or not the BagIt 1.0 declaration');
    expect(problems).toContain('manifest-sha512.txt: missing');
    expect(problems).toContain('tagmanifest-sha256.txt: manifest-sha512.txt is listed but missing');
    expect(problems).toContain('tagmanifest-sha512.txt: bag-info.txt: sha512 checksum does not match');
  });

  it('reports a missing data/ folder and a malformed manifest line', () => {
    expect(validateBag(writeBag([text('bagit.txt', bagDeclaration())]))).toEqual(['data/: missing']);
    const dir = goodBag();
    appendFileSync(join(dir, 'manifest-sha256.txt'), 'not a line\n');
    expect(validateBag(dir)).toContain('manifest-sha256.txt line 5: not "<checksum>  <path>"');
  });
});
