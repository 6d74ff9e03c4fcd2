/**
 * Build benchmark: `npm run bench -- --events N`.
 * Generates N synthetic but schema-valid events (each quoting its source verbatim) into a
 * temporary content folder, builds the site from it, and prints the number of events, the
 * build time, milliseconds per event page, the build's peak memory (VmHWM from /proc), the
 * home page's size and the largest HTML page's, raw and gzipped (gzip -9, as a host would
 * serve them), and checks them against the budgets below. `--keep` keeps the folder and
 * says where it is.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { constants, gzipSync } from 'node:zlib';

const { values } = parseArgs({
  options: { events: { type: 'string', default: '1000' }, keep: { type: 'boolean', default: false } },
});
const count = Number(values.events);
if (!Number.isInteger(count) || count < 1) throw new Error('--events must be a positive integer');

const CAPTURE = '003_0b02da9d63b9baaf.txt';
const captureText = readFileSync(`content/sources/captures/${CAPTURE}`, 'utf8');
const lines = captureText.split('\n');
const articleLines = lines.slice(0, 9);
const sentences = articleLines.flatMap((line) =>
  line.split(/(?<=\.)\s+/).filter((s) => s.length > 20 && !s.includes('"')),
);
const eras = JSON.parse(readFileSync('content/eras.json', 'utf8')) as { id: string; start: string; end: string }[];
const sha256 = (await import('node:crypto'))
  .createHash('sha256')
  .update(readFileSync(`content/sources/captures/${CAPTURE}`))
  .digest('hex');

const root = mkdtempSync(join(tmpdir(), 'chronology-bench-'));
const content = join(root, 'content');
for (const dir of ['sources/captures', 'events', 'places']) mkdirSync(join(content, dir), { recursive: true });
cpSync('content/eras.json', join(content, 'eras.json'));
cpSync(`content/sources/captures/${CAPTURE}`, join(content, 'sources/captures', CAPTURE));
writeFileSync(
  join(content, 'places/bench-place.json'),
  JSON.stringify({ label: 'Bench place', names: [{ name: 'Bench place' }], kind: 'site' }),
);

const escapeMdx = (text: string) => text.replace(/[{}<>]/g, (c) => `{'${c}'}`);
for (const id of ['bench-a', 'bench-b']) {
  writeFileSync(
    join(content, 'sources', `${id}.mdx`),
    `---\ntitle: "Synthetic source ${id}"\ntitleSupplied: true\nauthorStatus: not-stated\nauthors: []\npublished: "2024"\npublishedBasis:\n  kind: inferred\n  note: "Synthetic benchmark source."\ngenre: analysis\nlanguage: en\ncapture:\n  file: ${CAPTURE}\n  sha256: ${sha256}\nnonArticle:\n  - lines: [10, 10]\n    kind: byline\n---\n\n${articleLines.map(escapeMdx).join('\n\n')}\n`,
  );
}

// Deterministic pseudo-random numbers, so a run can be repeated.
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const DAY = 86_400_000;
const from = Date.parse('1918-01-01');
const to = Date.parse('2023-12-31');
const quoted = (s: string) => JSON.stringify(s);
for (let i = 0; i < count; i++) {
  const day = new Date(from + Math.floor(random() * ((to - from) / DAY)) * DAY).toISOString().slice(0, 10);
  const era = eras.find((e) => e.start <= day && day <= e.end)!;
  const [a, b] = [
    sentences[Math.floor(random() * sentences.length)]!,
    sentences[Math.floor(random() * sentences.length)]!,
  ];
  const disputed = i % 5 === 0;
  const id = `${day}-bench-${i}`;
  writeFileSync(
    join(content, 'events', `${id}.mdx`),
    `---\ntitle: "Synthetic event ${i}"\ndate: "${day}"\ndateBasis:\n  kind: inferred\n  note: "Synthetic."\nsummary: "Synthetic event for the build benchmark."\nera: ${era.id}\nplaces: [bench-place]\ntags: [bench]\nclaims:\n  - id: a\n    source: bench-a\n    quote: ${quoted(a)}\n  - id: b\n    source: bench-b\n    quote: ${quoted(b)}\n${disputed ? 'disputes:\n  - question: "Synthetic question?"\n    positions:\n      - source: bench-a\n        claim: a\n        answer: "One answer."\n      - source: bench-b\n        claim: b\n        answer: "Another answer."\n' : ''}---\n`,
  );
}

/** Peak resident memory (VmHWM) of a process, in MiB, or 0 once it has exited. */
const peakMiB = (pid: number): number => {
  try {
    const kb = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
};

const started = performance.now();
const child = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--force'], {
  env: {
    ...process.env,
    CHRONOLOGY_CONTENT: content,
    CHRONOLOGY_OUT_DIR: join(root, 'dist'),
    CHRONOLOGY_VERSION: 'bench',
  },
  stdio: ['ignore', process.env.BENCH_VERBOSE ? 'inherit' : 'ignore', 'inherit'],
});
let peak = 0;
const timer = setInterval(() => (peak = Math.max(peak, peakMiB(child.pid!))), 200);
const code: number = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
clearInterval(timer);
const seconds = (performance.now() - started) / 1000;
if (code !== 0) {
  if (!values.keep) rmSync(root, { recursive: true, force: true });
  console.error(`bench: the build of ${count} events failed (exit ${code})`);
  process.exit(code);
}

/** Budgets of issue 10, for 10,000 events or fewer. */
const HOME_GZIP_BUDGET = 100 * 1024;
const PAGE_GZIP_BUDGET = 250 * 1024;
const BUILD_SECONDS_BUDGET = 120;

const dist = join(root, 'dist');
const htmlFiles = (readdirSync(dist, { recursive: true, encoding: 'utf8' }) as string[]).filter((file) =>
  file.endsWith('.html'),
);
const sizes = htmlFiles.map((file) => {
  const bytes = readFileSync(join(dist, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length };
});
const largest = sizes.reduce((best, size) => (size.gzip > best.gzip ? size : best));
const home = sizes.find((size) => size.file === 'index.html')!;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
if (!values.keep) rmSync(root, { recursive: true, force: true });

console.log(`events: ${count}`);
console.log(`seconds: ${seconds.toFixed(1)}`);
console.log(`ms per event page: ${((seconds * 1000) / count).toFixed(1)}`);
console.log(`peak memory MiB: ${peak.toFixed(0)}`);
console.log(`html pages: ${sizes.length}`);
console.log(`home page: ${kib(home.raw)}, ${kib(home.gzip)} gzip`);
console.log(`largest html page: ${largest.file}, ${kib(largest.raw)}, ${kib(largest.gzip)} gzip`);
if (values.keep) console.log(`kept: ${root} (site in ${dist})`);
const compare = sizes.filter((size) => size.file.startsWith('compare/'));
const largestCompare = compare.length
  ? compare.reduce((best, size) => (size.gzip > best.gzip ? size : best))
  : undefined;
if (largestCompare) console.log(`largest comparison page: ${largestCompare.file}, ${kib(largestCompare.gzip)} gzip`);
if (count <= 10_000) {
  if (seconds > BUILD_SECONDS_BUDGET)
    console.log(`slow: build ${seconds.toFixed(1)} s > ${BUILD_SECONDS_BUDGET} s (measure on a quiet machine)`);
  const over = [
    home.gzip > HOME_GZIP_BUDGET && `home page ${kib(home.gzip)} gzip > ${kib(HOME_GZIP_BUDGET)}`,
    largest.gzip > PAGE_GZIP_BUDGET && `${largest.file} ${kib(largest.gzip)} gzip > ${kib(PAGE_GZIP_BUDGET)}`,
  ].filter(Boolean);
  if (over.length) {
    console.error(`bench: over budget: ${over.join('; ')}`);
    process.exit(1);
  }
  console.log('within budget: home ≤ 100 KiB gzip, every HTML page ≤ 250 KiB gzip');
}
