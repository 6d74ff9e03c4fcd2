/**
 * End-to-end proof that bad content fails the real build with one line per problem naming
 * the file, the field and the reason, and publishes nothing. Astro itself only logs a broken
 * reference(); these builds show the project turns it into a failure.
 *
 * Two builds in all: the valid fixture, and one copy of it carrying every fault in FAULTS at
 * once (each fault in its own file, so one cannot hide another). The rules themselves are
 * tested without a build in validate-chronology.test.ts; here each fault only has to reach the
 * build's output. To add a case, add an entry to FAULTS.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/project.ts';

const FIXTURE = join(PROJECT_ROOT, 'tests/fixtures/valid');
const EVENT = 'events/1992-02-25-khojaly.mdx';
const SOURCE = 'sources/fixture-rebuttal.mdx';

interface BuildResult {
  status: number | null;
  output: string;
  published: boolean;
  out: string;
}

/** Builds a copy of the valid fixture after `mutate` has changed it. */
function buildWith(mutate: (content: string) => void): BuildResult {
  const dir = mkdtempSync(join(tmpdir(), 'chronology-build-'));
  const content = join(dir, 'content');
  const out = join(dir, 'dist');
  cpSync(FIXTURE, content, { recursive: true });
  mutate(content);
  const run = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--force'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...process.env, CHRONOLOGY_CONTENT: content, CHRONOLOGY_OUT_DIR: out, CHRONOLOGY_VERSION: 'test', NO_COLOR: '1' },
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}`, published: existsSync(join(out, 'index.html')), out };
}

/** Writes `path` (under the content folder) as a copy of `from` with one text replaced. */
function copyWith(content: string, from: string, path: string, find: string, replace: string): void {
  const text = readFileSync(join(content, from), 'utf8');
  if (!text.includes(find)) throw new Error(`fixture ${from} no longer contains ${find}`);
  writeFileSync(join(content, path), text.replace(find, replace));
}

/** Every fault the failing build carries: how to make it, and the line the build must print. */
const FAULTS: ReadonlyArray<{ name: string; apply: (content: string) => void; line: RegExp }> = [
  {
    name: 'a redirect to an event that does not exist',
    apply: (content) => writeFileSync(join(content, 'redirects.json'), '{ "1992-02-26-khojaly": "1992-02-25-khojaly", "old-id": "no-such-event" }'),
    line: /redirects\.json: old-id: redirect target "no-such-event" is not an event id/,
  },
  {
    name: 'a reference to a source that does not exist',
    apply: (content) => copyWith(content, EVENT, 'events/1992-02-27-unknown-source.mdx', 'source: fixture-rebuttal', 'source: no-such-source'),
    line: /1992-02-27-unknown-source\.mdx: claims\[0\]\.source: unknown source "no-such-source"/,
  },
  {
    name: 'a quote that is not verbatim',
    apply: (content) => copyWith(content, EVENT, EVENT, 'brutally murdered', 'killed'),
    line: /1992-02-25-khojaly\.mdx: claims\[0\]\.quote: not found verbatim/,
  },
  {
    name: 'a capture that has changed',
    apply: (content) => {
      copyWith(content, SOURCE, 'sources/fixture-altered.mdx', 'file: 003_0b02da9d63b9baaf.txt', 'file: altered.txt');
      writeFileSync(join(content, 'sources/captures/altered.txt'), 'altered');
    },
    line: /fixture-altered\.mdx: capture\.sha256: capture altered\.txt has SHA-256/,
  },
];

describe('the build of the valid fixture', () => {
  let valid: BuildResult;
  beforeAll(() => {
    valid = buildWith(() => {});
  });

  it('publishes', () => {
    expect(valid.output).not.toContain('problem(s)');
    expect(valid.status).toBe(0);
    expect(valid.published).toBe(true);
  });

  it('keeps a renamed event at its old URL', () => {
    const moved = readFileSync(join(valid.out, 'events/1992-02-26-khojaly/index.html'), 'utf8');
    expect(moved).toContain('http-equiv="refresh" content="0; url=../1992-02-25-khojaly/index.html"');
  });
});

describe('the build of a fixture carrying every fault', () => {
  let faulty: BuildResult;
  beforeAll(() => {
    faulty = buildWith((content) => FAULTS.forEach((fault) => fault.apply(content)));
  });

  it('fails and publishes nothing', () => {
    expect(faulty.status).not.toBe(0);
    expect(faulty.published).toBe(false);
    expect(faulty.output).toMatch(/The chronology has \d+ problem\(s\); nothing is published/);
  });

  it.each(FAULTS)('names the file, field and reason of $name', ({ line }) => {
    expect(faulty.output).toMatch(line);
  });
});
