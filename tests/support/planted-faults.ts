/**
 * One planted example of every kind of bad content the build must refuse by name (issue 12).
 * Each plant adds or changes files in a copy of tests/fixtures/valid (see content-fixture.ts)
 * and names the line it must produce. Plants touch different files or add to different places,
 * so they can all be planted in one folder: tests/unit/content-check.test.ts checks each alone
 * without a build, and tests/unit/build-rejects.test.ts builds once with all of them together.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { addEvent, editFile, FIXTURE, FIXTURE_EVENT, FIXTURE_QUOTE } from './content-fixture.ts';

export interface PlantedFault {
  kind: string;
  /** Plants the fault in a content folder. */
  plant: (content: string) => void;
  /** The line it must produce (the content folder's path ends in `content`). */
  expected: RegExp;
  /** False for kinds that exclude each other (one redirects.json): left out of the all-in-one build. */
  combinable?: boolean;
}

const SOURCE = 'sources/fixture-rebuttal.mdx';
const CAPTURE_NAME = '003_0b02da9d63b9baaf.txt';
const ERAS = 'eras.json';

const withQuote = (quote: string) => [[`quote: "${FIXTURE_QUOTE}"`, `quote: ${JSON.stringify(quote)}`]] as const;
const withDate = (date: string) => [['date: "1992-02-25/1992-02-26"', `date: ${JSON.stringify(date)}`]] as const;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A `file: field: reason` line; `reason` is a regular expression source. */
const line = (file: string, field: string, reason: string) =>
  new RegExp(`(?:^|/)content/${escape(file)}: ${field}: ${reason}`, 'm');
const write = (content: string, path: string, bytes: string | Buffer) => {
  mkdirSync(dirname(join(content, path)), { recursive: true });
  writeFileSync(join(content, path), bytes);
};
const read = (content: string, path: string) => readFileSync(join(content, path));
const appendEra = (content: string, era: Record<string, string>) => {
  const eras = JSON.parse(read(content, ERAS).toString('utf8')) as unknown[];
  write(content, ERAS, JSON.stringify([...eras, { name: 'Planted', description: 'Planted era.', ...era }], null, 2));
};
const appendNonArticle = (content: string, range: string) =>
  // nonArticle is the frontmatter's last list: a new item goes just before its closing ---.
  editFile(content, SOURCE, '\n---\n\n', `\n  - lines: ${range}\n    kind: page-chrome\n---\n\n`);
/** Adds a source `sources/<id>.mdx` like the fixture's, on its own capture `<id>.txt` (changed by `change`). */
const addSource = (content: string, id: string, change: (capture: string) => string, recordedHash?: string) => {
  const capture = change(read(FIXTURE, `sources/captures/${CAPTURE_NAME}`).toString('utf8'));
  write(content, `sources/captures/${id}.txt`, capture);
  const sha256 = recordedHash ?? createHash('sha256').update(capture).digest('hex');
  const source = read(FIXTURE, SOURCE)
    .toString('utf8')
    .replace(CAPTURE_NAME, `${id}.txt`)
    .replace(/sha256: [0-9a-f]{64}/, `sha256: ${sha256}`);
  write(content, `sources/${id}.mdx`, source);
};
const setRedirects = (text: string) => (content: string) => write(content, 'redirects.json', text);

export const PLANTED_FAULTS: readonly PlantedFault[] = [
  {
    kind: 'a quote of only punctuation',
    plant: (c) => addEvent(c, '1992-02-25-dot-quote.mdx', withQuote('.')),
    expected: line('events/1992-02-25-dot-quote.mdx', 'claims\\[0\\]\\.quote', '"\\." has no letter or digit'),
  },
  {
    kind: 'a quote of a comma and a space',
    plant: (c) => addEvent(c, '1992-02-25-comma-quote.mdx', withQuote(', ')),
    expected: line('events/1992-02-25-comma-quote.mdx', 'claims\\[0\\]\\.quote', '", " has no letter or digit'),
  },
  {
    kind: 'U+FEFF in place of a space in a quote (JavaScript \\s would match it)',
    plant: (c) =>
      addEvent(
        c,
        '1992-02-25-bom-quote.mdx',
        withQuote(FIXTURE_QUOTE.replace('civilians were', 'civilians\uFEFFwere')),
      ),
    expected: line('events/1992-02-25-bom-quote.mdx', 'claims\\[0\\]\\.quote', 'not found verbatim'),
  },
  {
    kind: 'a quote that is not verbatim',
    plant: (c) =>
      addEvent(c, '1992-02-25-not-verbatim.mdx', withQuote(FIXTURE_QUOTE.replace('brutally murdered', 'killed'))),
    expected: line('events/1992-02-25-not-verbatim.mdx', 'claims\\[0\\]\\.quote', 'not found verbatim'),
  },
  {
    kind: 'a reference to a source that does not exist',
    plant: (c) => addEvent(c, '1992-02-25-no-source.mdx', [['source: fixture-rebuttal', 'source: no-such-source']]),
    expected: line('events/1992-02-25-no-source.mdx', 'claims\\[0\\]\\.source', 'unknown source "no-such-source"'),
  },
  {
    kind: 'a reversed nonArticle range',
    plant: (c) => appendNonArticle(c, '[10, 2]'),
    expected: line(SOURCE, 'nonArticle\\[\\d+\\]\\.lines', 'range \\[10, 2\\] ends before it starts'),
  },
  {
    kind: "a nonArticle range beyond the capture's last line",
    plant: (c) => appendNonArticle(c, '[500, 600]'),
    expected: line(
      SOURCE,
      'nonArticle\\[\\d+\\]\\.lines',
      "range \\[500, 600\\] goes beyond the capture's last line \\(10\\)",
    ),
  },
  {
    kind: 'an event file name with spaces',
    plant: (c) => addEvent(c, '1992 khojaly again.mdx'),
    expected: line(
      'events/1992 khojaly again.mdx',
      'file name',
      '"1992 khojaly again" is not a lowercase kebab-case id',
    ),
  },
  {
    kind: 'an event file name with capitals',
    plant: (c) => addEvent(c, '1992-Khojaly-Again.mdx'),
    expected: line(
      'events/1992-Khojaly-Again.mdx',
      'file name',
      '"1992-Khojaly-Again" is not a lowercase kebab-case id',
    ),
  },
  {
    kind: 'an event file in a subfolder',
    plant: (c) => write(c, 'events/old/1992-02-25-old.mdx', read(c, FIXTURE_EVENT)),
    expected: line('events/old', 'folder', 'subfolders are not read'),
  },
  {
    kind: 'an event file ending in .md',
    plant: (c) => write(c, 'events/1992-02-25-markdown.md', read(c, FIXTURE_EVENT)),
    expected: line('events/1992-02-25-markdown.md', 'file name', 'only \\.mdx files are read'),
  },
  {
    kind: 'a Latin-1 file',
    plant: (c) =>
      write(
        c,
        'places/cafe.json',
        Buffer.from('{ "label": "Caf\xe9", "names": [{ "name": "Caf\xe9" }], "kind": "site" }', 'latin1'),
      ),
    expected: line('places/cafe.json', 'encoding', 'line 1: not valid UTF-8'),
  },
  {
    kind: 'a file starting with a byte-order mark',
    plant: (c) => write(c, 'places/bom.json', `\uFEFF${read(c, 'places/khojaly.json').toString('utf8')}`),
    expected: line('places/bom.json', 'encoding', 'starts with a byte-order mark'),
  },
  {
    kind: 'place files whose names differ only in case',
    plant: (c) => write(c, 'places/Khojaly.json', read(c, 'places/khojaly.json')),
    expected: line('places/Khojaly.json', 'file name', '"Khojaly" is not a lowercase kebab-case id'),
  },
  {
    kind: 'capture files whose names differ only in case',
    plant: (c) =>
      write(
        c,
        `sources/captures/${CAPTURE_NAME.toUpperCase().replace('.TXT', '.txt')}`,
        read(c, `sources/captures/${CAPTURE_NAME}`),
      ),
    expected: line(
      `sources/captures/${CAPTURE_NAME}`,
      'file name',
      `differs from sources/captures/${escape(CAPTURE_NAME.toUpperCase().replace('.TXT', '.txt'))} only in letter case`,
    ),
  },
  {
    kind: 'a duplicate era id',
    plant: (c) => appendEra(c, { id: 'soviet-1921-1987', start: '2024-01-01', end: '2024-12-31' }),
    expected: line(ERAS, '\\[\\d+\\]\\.id', 'duplicate era id "soviet-1921-1987"'),
  },
  {
    kind: 'overlapping eras',
    plant: (c) => appendEra(c, { id: 'planted-overlap', start: '1990-01-01', end: '1990-12-31' }),
    expected: line(
      ERAS,
      '\\[\\d+\\]\\.start',
      'era "planted-overlap" starts on 1990-01-01, before era "movement-and-war-1988-1994" ends',
    ),
  },
  {
    kind: 'a place listed twice on an event',
    plant: (c) => addEvent(c, '1992-02-25-twice.mdx', [['places: [khojaly]', 'places: [khojaly, khojaly]']]),
    expected: line('events/1992-02-25-twice.mdx', 'places\\[1\\]', 'place "khojaly" is listed twice'),
  },
  {
    kind: 'a capture symlinked to a file outside the content folder',
    plant: (c) => {
      writeFileSync(join(c, '..', 'outside.txt'), 'outside');
      symlinkSync(join(c, '..', 'outside.txt'), join(c, 'sources/captures/outside.txt'));
    },
    expected: line(
      'sources/captures/outside.txt',
      'file',
      'symbolic link to .*outside\\.txt, outside the content folder',
    ),
  },
  ...(
    [
      ['a date with a time of day', '1992-02-26T10:00:00', 'a time of day is not supported'],
      ['a month given as XX', '1990-XX', 'unspecified digits \\(X\\) are not supported'],
      ['a decade given as 192X', '192X', 'unspecified digits \\(X\\) are not supported'],
      ['a set of years', '[1992, 1993]', 'a set of dates .* is not supported'],
      ['a season', '1992-21', 'seasons \\(months 21–41\\) are not supported'],
    ] as const
  ).map(([kind, date, reason], i) => ({
    kind,
    plant: (c: string) => addEvent(c, `1992-02-25-date-${i}.mdx`, withDate(date)),
    expected: line(`events/1992-02-25-date-${i}.mdx`, 'date', `"${escape(date)}": ${reason}`),
  })),
  {
    kind: 'a contested word outside quotation marks in a title (src/lib/contested-words.ts)',
    plant: (c) =>
      addEvent(c, '1992-02-25-contested.mdx', [
        ['title: "Killings of civilians at Khojaly"', 'title: "The Khojaly massacre"'],
      ]),
    expected: line('events/1992-02-25-contested.mdx', 'title', 'contested word "massacre" outside quotation marks'),
  },
  {
    kind: "a contested word in a source's supplied title, which is the editors' words",
    plant: (c) => editFile(c, SOURCE, 'title: "Fixture rebuttal"', 'title: "Fixture rebuttal of the liberation"'),
    expected: line(SOURCE, 'title', 'contested word "liberation" outside quotation marks'),
  },
  {
    kind: 'a stated date whose quote does not give its year',
    plant: (c) => addEvent(c, '1993-unstated.mdx', withDate('1993')),
    expected: line(
      'events/1993-unstated.mdx',
      'dateBasis',
      'date 1993 is "stated" by claim "rebuttal", but neither its quote nor dateBasis\\.note gives the year 1993',
    ),
  },
  {
    kind: "an id whose date prefix contradicts the event's date",
    plant: (c) => addEvent(c, '1990-02-25-misdated.mdx'),
    expected: line(
      'events/1990-02-25-misdated.mdx',
      'id',
      'id prefix 1990-02-25 contradicts the date 1992-02-25/1992-02-26',
    ),
  },
  {
    kind: 'a capture changed without its body',
    plant: (c) => {
      addSource(c, 'fixture-changed', (capture) => capture.replace('brutally murdered', 'cruelly murdered'));
      addEvent(c, '1992-02-25-changed.mdx', [
        ...withQuote(FIXTURE_QUOTE.replace('brutally', 'cruelly')),
        ['source: fixture-rebuttal', 'source: fixture-changed'],
      ]);
    },
    expected: line(
      'sources/fixture-changed.mdx',
      'body',
      'the passage quoted by .*1992-02-25-changed\\.mdx claims\\[0\\] is in the capture but not in the body',
    ),
  },
  {
    kind: 'a capture whose hash changed',
    plant: (c) =>
      addSource(
        c,
        'fixture-altered',
        (capture) => `${capture} altered`,
        createHash('sha256').update('original').digest('hex'),
      ),
    expected: line('sources/fixture-altered.mdx', 'capture\\.sha256', 'capture fixture-altered\\.txt has SHA-256'),
  },
  // No script from content (src/lib/body-html-policy.ts): the payloads of issue 12.
  ...(
    [
      [
        'a <script> element in an event body',
        'An account <script>alert(1)</script> in prose.',
        'raw HTML "<script>" is not allowed in an event body',
      ],
      [
        'an <img onerror> in an event body',
        'An image <img src=x onerror=alert(2)> in prose.',
        'raw HTML "<img src=x onerror=alert\\(2\\)>" is not allowed in an event body',
      ],
      [
        'an <iframe src="javascript:…"> in an event body',
        '<iframe src="javascript:alert(3)"></iframe>',
        'raw HTML "<iframe src=\\\\"javascript:alert\\(3\\)\\\\"></iframe>" is not allowed in an event body',
      ],
      [
        'a javascript: link in an event body',
        'A link [x](javascript:alert(4)).',
        'link target "javascript:alert\\(4\\)" uses javascript:; only http:, https: and relative links are allowed',
      ],
    ] as const
  ).map(([kind, payload, reason], i) => ({
    kind,
    plant: (c: string) =>
      writeFileSync(
        join(c, addEvent(c, `1992-02-25-payload-${i}.mdx`)),
        `${read(FIXTURE, FIXTURE_EVENT).toString('utf8')}\n${payload}\n`,
      ),
    expected: line(`events/1992-02-25-payload-${i}.mdx`, 'body', reason),
  })),
  {
    kind: 'a <script> element in a source body',
    plant: (c) => {
      addSource(c, 'fixture-script', (capture) => capture);
      writeFileSync(
        join(c, 'sources/fixture-script.mdx'),
        `${read(c, 'sources/fixture-script.mdx').toString('utf8')}\n<script>alert(5)</script>\n`,
      );
    },
    expected: line(
      'sources/fixture-script.mdx',
      'body',
      'element <script> is not allowed in a source body; only <Caption>',
    ),
  },
  {
    kind: 'a javascript: source url',
    plant: (c) => {
      addSource(c, 'fixture-url', (capture) => capture);
      editFile(c, 'sources/fixture-url.mdx', 'titleSupplied:', 'url: "javascript:alert(6)"\ntitleSupplied:');
    },
    expected: line('sources/fixture-url.mdx', 'url', 'must be an http: or https: URL'),
  },
  {
    kind: 'a redirect key that is a path, and a redirect to no event',
    plant: setRedirects(
      '{ "1992-02-26-khojaly": "1992-02-25-khojaly", "../../index": "1992-02-25-khojaly", "old-id": "no-such-event" }',
    ),
    expected: line(
      'redirects.json',
      '"\\.\\./\\.\\./index"',
      'an old id must be a lowercase kebab-case id, not a path',
    ),
  },
  {
    kind: 'a redirects.json that is not valid JSON',
    plant: setRedirects('{ "old-id": '),
    expected: line('redirects.json', '\\(whole file\\)', 'not valid JSON'),
    combinable: false,
  },
  {
    kind: 'a redirects.json that is null',
    plant: setRedirects('null'),
    expected: line(
      'redirects.json',
      '\\(whole file\\)',
      'must be a JSON object mapping old event ids to current ones, not null',
    ),
    combinable: false,
  },
];
