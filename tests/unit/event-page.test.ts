import { describe, expect, it } from 'vitest';
import { edtfBounds } from '../../src/lib/edtf-dates.ts';
import { citationMeta, dateBasisSentence, dateKnownNote, eventPlaceNames } from '../../src/lib/event-page.ts';
import { chronologyStats } from '../../src/lib/chronology-stats.ts';
import { nonArticleLine, NON_ARTICLE_WORDS } from '../../src/lib/source-page.ts';
import { NON_ARTICLE_KINDS } from '../../src/schemas/source.ts';
import { CITATION_FILES, citationFileBodies } from '../../src/lib/event-citation-files.ts';
import type { ChronologyEvent, Place, Source } from '../../src/lib/model.ts';

const meduza = {
  id: 'meduza-2023',
  publisher: 'Meduza',
  authorStatus: 'not-stated',
  authors: [],
  title: 'T',
} as unknown as Source;

function event(date: string, rest: Partial<ChronologyEvent> = {}): ChronologyEvent {
  return {
    id: 'e',
    title: 'An event',
    date,
    bounds: edtfBounds(date),
    dateBasis: { kind: 'stated', claim: 'm' },
    summary: 's',
    era: 'war-2020',
    places: [],
    tags: [],
    claims: [{ id: 'm', source: 'meduza-2023', quote: 'q', kind: 'text' }],
    disputes: [],
    corrections: [],
    ...rest,
  };
}

describe('dateKnownNote', () => {
  it('says how precisely the date is known and which source states it', () => {
    expect(dateKnownNote(event('1992-02'), [meduza])).toBe('known to the month; date stated by Meduza');
    expect(dateKnownNote(event('1992-02-26'), [meduza])).toBe('known to the day; date stated by Meduza');
  });
  it('adds approximate and uncertain, and names the editors for an inferred date', () => {
    const inferred = event('1921~', { dateBasis: { kind: 'inferred', note: 'from the text' } });
    expect(dateKnownNote(inferred, [meduza])).toBe('known to the year, approximate; date inferred by the editors');
    expect(dateKnownNote(event('1988-02?'), [meduza])).toBe('known to the month, uncertain; date stated by Meduza');
    expect(dateKnownNote(event('1992/1994'), [meduza])).toBe('known as a range; date stated by Meduza');
  });
  it('falls back to "a source" when the stating claim names no known source', () => {
    expect(dateKnownNote(event('1992'), [])).toBe('known to the year; date stated by a source');
  });
});

describe('dateBasisSentence', () => {
  it('joins the basis and its note', () => {
    expect(dateBasisSentence({ kind: 'inferred', note: 'the ceasefire took effect that night' })).toBe(
      'Inferred by the editors: the ceasefire took effect that night',
    );
    expect(dateBasisSentence({ kind: 'stated', claim: 'm' })).toBe('Stated by a source');
  });
});

describe('eventPlaceNames', () => {
  const places: Place[] = [
    {
      id: 'shusha',
      label: 'Shusha / Shushi',
      kind: 'city',
      names: [{ name: 'Shusha' }, { name: 'Shushi' }, { name: 'Shushа', note: 'Cyrillic a, as printed' }],
    },
    { id: 'baku', label: 'Baku', kind: 'city', names: [{ name: 'Baku' }] },
  ];
  it('lists, in the event order, each place with the names its label does not show', () => {
    expect(eventPlaceNames(event('1992', { places: ['baku', 'shusha'] }), places)).toEqual([
      { id: 'baku', label: 'Baku', otherNames: '' },
      { id: 'shusha', label: 'Shusha / Shushi', otherNames: 'Shushа (Cyrillic a, as printed)' },
    ]);
  });
  it('refuses an unknown place', () => {
    expect(() => eventPlaceNames(event('1992', { places: ['atlantis'] }), places)).toThrow(/unknown place atlantis/);
  });
});

describe('citationMeta', () => {
  it('gives Highwire and Dublin Core tags: the version as the date, the event date as coverage', () => {
    const tags = citationMeta({
      event: { title: 'T', date: '1992-02' },
      url: 'https://x.org/events/e/',
      version: '2026-01-03',
      siteName: 'Site',
    });
    const byName = Object.fromEntries(tags.map((tag) => ['name' in tag ? tag.name : tag.property, tag.content]));
    expect(byName).toEqual({
      'og:type': 'article',
      citation_title: 'T',
      citation_publisher: 'Site',
      citation_online_date: '2026-01-03',
      citation_public_url: 'https://x.org/events/e/',
      'DC.title': 'T',
      'DC.publisher': 'Site',
      'DC.date': '2026-01-03',
      'DC.identifier': 'https://x.org/events/e/',
      'DC.coverage': '1992-02',
      'DC.type': 'Text',
    });
  });
});

describe('chronologyStats', () => {
  it('counts events, quotations and disputed events', () => {
    const disputed = event('1992', {
      claims: [
        { id: 'a', source: 'x', quote: 'q', kind: 'text' },
        { id: 'b', source: 'y', quote: 'q', kind: 'text' },
      ],
      disputes: [{ question: '?', positions: [] }],
    });
    expect(chronologyStats({ events: [event('1991'), disputed] })).toEqual({ events: 2, claims: 3, disputedEvents: 1 });
  });
});

describe('source page wording', () => {
  it('has words for every kind of non-article text the schema allows, never the raw kind', () => {
    for (const kind of NON_ARTICLE_KINDS) {
      expect(NON_ARTICLE_WORDS[kind], kind).toMatch(/\S/);
      expect(NON_ARTICLE_WORDS[kind], kind).not.toBe(kind);
    }
    expect(nonArticleLine({ lines: [5, 5], kind: 'title' })).toBe(
      'Line 5 of the capture: the article’s title, recorded above',
    );
    expect(nonArticleLine({ lines: [1, 4], kind: 'page-chrome' })).toBe(
      'Lines 1–4 of the capture: page navigation and header',
    );
  });
});

describe('CITATION_FILES', () => {
  it('names one download per file the integration writes, each with its own extension', () => {
    const bodies = citationFileBodies({ id: 'e', title: 'T', date: '1992' }, 'https://x.org/events/e/', '2026-01-03');
    expect(Object.keys(bodies)).toEqual(CITATION_FILES.map((download) => download.file));
    expect(CITATION_FILES.map((download) => `citation.${download.extension}`)).toEqual(
      CITATION_FILES.map((download) => download.file),
    );
    expect(bodies['citation.bib']).toMatch(/^@/);
    expect(bodies['citation.ris']).toMatch(/^TY {2}- /);
    expect(JSON.parse(bodies['citation.json'] ?? '')).toHaveLength(1);
  });
});
