/**
 * What the editorial pass publishes, in a real build of the valid fixture: correction notes
 * reach every place a reader or a machine looks (with more notes than one corrections page
 * holds), and a source page states its coverage and lists what the chronology leaves out.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORRECTIONS_PER_PAGE } from '../../src/lib/corrections.ts';

const EXTRA = 10;
const NOTES = CORRECTIONS_PER_PAGE + EXTRA;
const noteText = (i: number) => `Correction number ${i}: the summary now attributes the figure.`;
let out = '';

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'chronology-corrections-'));
  const content = join(dir, 'content');
  out = join(dir, 'dist');
  cpSync('tests/fixtures/valid', content, { recursive: true });
  const file = join(content, 'events/1992-02-25-khojaly.mdx');
  const notes = Array.from(
    { length: NOTES },
    (_, i) =>
      `  - date: "2026-${String(1 + Math.floor(i / 28)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}"\n    note: "${noteText(i + 1)}"`,
  );
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace(
      '\ntags: [killings]\n',
      `\ntags: [killings]\ncorrections:\n${notes.join('\n')}\n`,
    ),
  );
  const run = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--force'], {
    encoding: 'utf8',
    // A cache of its own, so this build never shares .astro/ with another.
    env: {
      ...process.env,
      CHRONOLOGY_CONTENT: content,
      CHRONOLOGY_OUT_DIR: out,
      CHRONOLOGY_CACHE_DIR: join(dir, 'cache'),
      CHRONOLOGY_VERSION: 'test',
      NO_COLOR: '1',
    },
  });
  if (run.status !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
}, 180_000);

const page = (path: string) => readFileSync(join(out, path), 'utf8');
const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;

describe('correction notes in the built site', () => {
  it('are on the event page, each anchored, oldest first', () => {
    const html = page('events/1992-02-25-khojaly/index.html');
    expect(html).toMatch(/<h2 id="corrections-heading"[^>]*>Corrections<\/h2>/);
    expect(html).toMatch(
      /<li id="correction-1"[^>]*><time datetime="2026-01-01"[^>]*>2026-01-01<\/time>: Correction number 1:/,
    );
    expect(html.indexOf(noteText(1))).toBeLessThan(html.indexOf(noteText(2)));
    expect(html).toContain('href="../../corrections/index.html"');
  });

  it('are gathered on /corrections/, newest first, in pages that never exceed the page size', () => {
    const first = page('corrections/index.html');
    const second = page('corrections/2/index.html');
    expect(count(first, /Correction number \d+:/g)).toBe(CORRECTIONS_PER_PAGE);
    expect(count(second, /Correction number \d+:/g)).toBe(EXTRA);
    expect(first.indexOf(noteText(NOTES))).toBeLessThan(first.indexOf(noteText(NOTES - 1)));
    expect(second).toContain(noteText(1));
    expect(first).toContain('href="2/index.html"');
    expect(second).toContain('href="../index.html"');
    expect(first).toContain(`href="../events/1992-02-25-khojaly/index.html#correction-${NOTES}"`);
  });

  it('are linked from every page’s footer', () => {
    expect(page('index.html')).toMatch(/<footer[\s\S]*href="corrections\/index.html"[\s\S]*<\/footer>/);
  });

  it('are items of the feed and fields of events.json', () => {
    const feed = page('feed.xml');
    expect(count(feed, /<item><title>Correction \(/g)).toBe(NOTES);
    expect(feed).toContain('events/1992-02-25-khojaly/#correction-1</guid>');
    const events = JSON.parse(page('data/events.json')) as {
      events: { corrections: { date: string; note: string }[] }[];
    };
    expect(events.events[0]!.corrections).toHaveLength(NOTES);
    expect(events.events[0]!.corrections[0]).toEqual({ date: '2026-01-01', note: noteText(1) });
  });
});

describe('a source page', () => {
  // The fixture article has 33 sentences in 9 paragraphs (counted by hand); its one event quotes
  // part of one of them.
  const html = () => page('sources/fixture-rebuttal/index.html');

  it('states the share of its sentences the chronology quotes', () => {
    expect(html()).toMatch(/The chronology quotes 1 of this article’s 33 sentences \(3%\), in whole or in part\./);
  });

  it('lists the sentences it does not quote, without JavaScript, marking those that carry a date', () => {
    const list =
      /<details class="unquoted"[^>]*><summary[^>]*>The 32 sentences the chronology does not quote<\/summary>([\s\S]*?)<\/details>/.exec(
        html(),
      );
    expect(list).not.toBeNull();
    expect(count(list![1]!, /<li[ >]/g)).toBe(32);
    expect(list![1]).not.toContain('613 civilians were brutally murdered');
    expect(list![1]).toMatch(
      /This year, Azerbaijan will be hosting the high-level UN Climate Change Conference COP29\.<span class="dated"[^>]*> \(dated\)<\/span>/,
    );
    expect(list![1]).toContain('in its landmark case Chiragov v. Armenia.</li>');
  });
});
