/**
 * Loads the content collections, validates them as a whole and returns the chronology model.
 * Every page goes through here, so one invalid entry fails the build before any page is
 * written. Astro only logs a broken reference(); we turn that and every cross-entry problem
 * into an AstroError listing one line per problem.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { getCollection } from 'astro:content';
import { AstroError } from 'astro/errors';
import { CONTENT_ROOT } from '../content-root.ts';
import { edtfBounds } from './edtf-dates.ts';
import { compareEvents, type Chronology, type ChronologyEvent } from './model.ts';
import { compareText } from './order.ts';
import { formatProblem, validateChronology } from './validate-chronology.ts';
import { validateRedirects } from './redirects.ts';
import { checkEditorialRules } from './editorial-checks.ts';
import { bodyHtmlProblems } from './body-html-policy.ts';

type Ref = string | { id: string };
const refId = (ref: Ref): string => (typeof ref === 'string' ? ref : ref.id);

/**
 * The content version: the date of the last commit touching content/, so that citations and
 * the archive carry a version and two builds of one commit stay byte-identical.
 */
function contentVersion(): string {
  if (process.env.CHRONOLOGY_VERSION) return process.env.CHRONOLOGY_VERSION;
  try {
    const out = execFileSync('git', ['log', '-1', '--format=%cs', '--', CONTENT_ROOT], { encoding: 'utf8' }).trim();
    if (out) return out;
  } catch {
    // Not a git checkout (e.g. an exported archive): fall through.
  }
  return 'unversioned';
}

/** Paths of the event files, for the check that every file became an entry. */
function listEventFiles(): string[] {
  const eventDir = `${CONTENT_ROOT}/events`;
  if (!existsSync(eventDir)) return [];
  return readdirSync(eventDir)
    .filter((file) => file.endsWith('.mdx'))
    .map((file) => `${eventDir}/${file}`);
}

/** Old event ids → current ids (content/redirects.json; none when the file is absent). */
function readRedirects(): Record<string, string> {
  const redirectsPath = `${CONTENT_ROOT}/redirects.json`;
  return existsSync(redirectsPath) ? JSON.parse(readFileSync(redirectsPath, 'utf8')) : {};
}

async function loadAndValidate(): Promise<Chronology> {
  const [sourceEntries, eventEntries, placeEntries, eraEntries] = await Promise.all([
    getCollection('sources'),
    getCollection('events'),
    getCollection('places'),
    getCollection('eras'),
  ]);

  const sources = sourceEntries.map((entry) => {
    const path = `${CONTENT_ROOT}/sources/captures/${entry.data.capture.file}`;
    const bytes = existsSync(path) ? readFileSync(path) : undefined;
    return {
      id: entry.id,
      file: entry.filePath ?? `content/sources/${entry.id}.mdx`,
      capture: entry.data.capture,
      nonArticle: entry.data.nonArticle,
      captureText: bytes?.toString('utf8'),
      captureSha256: bytes ? createHash('sha256').update(bytes).digest('hex') : undefined,
      data: entry.data,
    };
  });

  const events = eventEntries.map((entry) => ({
    id: entry.id,
    file: entry.filePath ?? `content/events/${entry.id}.mdx`,
    data: {
      ...entry.data,
      era: refId(entry.data.era as Ref),
      places: entry.data.places.map((p) => refId(p as Ref)),
      claims: entry.data.claims.map((c) => ({ ...c, source: refId(c.source as Ref) })),
      disputes: entry.data.disputes.map((d) => ({
        ...d,
        positions: d.positions.map((p) => ({ ...p, source: refId(p.source as Ref) })),
      })),
    },
  }));

  const eventFiles = listEventFiles();
  const redirects = readRedirects();
  const problems = [
    ...validateChronology({
      sources,
      events,
      placeIds: placeEntries.map((p) => p.id),
      eras: eraEntries.map((e) => e.data),
      eventFiles,
    }),
    ...validateRedirects(redirects, new Set(events.map((e) => e.id))),
    ...checkEditorialRules({
      events,
      sources,
      eras: eraEntries.map((e) => e.data),
      erasFile: `${CONTENT_ROOT}/eras.json`,
    }),
    // No script from content: each body holds only what body-html-policy.ts allows.
    ...sourceEntries.flatMap((entry, i) => bodyHtmlProblems(sources[i]!.file, 'source', entry.body ?? '')),
    ...eventEntries.flatMap((entry, i) => bodyHtmlProblems(events[i]!.file, 'event', entry.body ?? '')),
  ];
  if (problems.length > 0) {
    throw new AstroError(
      `The chronology has ${problems.length} problem(s); nothing is published:\n${problems.map(formatProblem).join('\n')}`,
      'Fix each file and field named above.',
    );
  }

  const chronologyEvents: ChronologyEvent[] = events
    .map(({ id, data }) => ({ id, ...data, bounds: edtfBounds(data.date) }))
    .sort(compareEvents);

  return {
    events: chronologyEvents,
    sources: sourceEntries.map((entry) => ({ id: entry.id, ...entry.data })),
    places: placeEntries.map((entry) => ({ id: entry.id, ...entry.data })),
    eras: eraEntries.map((entry) => entry.data).sort((a, b) => compareText(a.start, b.start)),
    version: contentVersion(),
    redirects,
  };
}

let cached: Promise<Chronology> | undefined;

/** The validated chronology, loaded once per build. */
export function loadChronology(): Promise<Chronology> {
  cached ??= loadAndValidate();
  return cached;
}
