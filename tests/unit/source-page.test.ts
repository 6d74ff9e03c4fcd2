import { describe, expect, it } from 'vitest';
import { nonArticleLine, quotesToMark, sourceDetails, sourceEraSummaries } from '../../src/lib/source-page.ts';
import type { Source } from '../../src/lib/model.ts';
import { routes } from '../../src/lib/site-paths.ts';
import { ERAS, event } from '../support/timeline-fixtures.ts';

const claim = (id: string, source: string, quote: string) => ({ id, source, quote, kind: 'text' as const });
const events = [
  event('1921-07-05-decision', '1921-07-05', ERAS[1]!.id, {
    title: 'A decision',
    claims: [claim('a', 'src-a', 'First quote.'), claim('b', 'src-b', 'Not this source.')],
  }),
  event('1992-02', '1992-02', ERAS[2]!.id, {
    title: 'An offensive',
    claims: [claim('a1', 'src-a', 'Second quote.'), claim('a2', 'src-a', 'Third quote.')],
  }),
];

describe('source page', () => {
  it('words a left-out line range', () => {
    expect(nonArticleLine({ lines: [5, 5], kind: 'title' })).toBe(
      'Line 5 of the capture: the article’s title, recorded above',
    );
    expect(nonArticleLine({ lines: [1, 4], kind: 'newsletter' })).toBe('Lines 1–4 of the capture: newsletter sign-up');
  });

  it("summarises only the eras the source's events fall in, linking to the source's pages for them", () => {
    const summaries = sourceEraSummaries('src-a', events, ERAS);
    expect(summaries.map((summary) => [summary.era.id, summary.count, summary.path])).toEqual([
      [ERAS[1]!.id, 1, routes.sourceChronologyEra('src-a', ERAS[1]!.id)],
      [ERAS[2]!.id, 1, routes.sourceChronologyEra('src-a', ERAS[2]!.id)],
    ]);
  });

  it("marks every passage of this source that an event quotes, linking back to the claim from the source's page", () => {
    const here = routes.source('src-a');
    const quotes = quotesToMark('src-a', events, here);
    expect(quotes.map((quote) => quote.quote)).toEqual(['First quote.', 'Second quote.', 'Third quote.']);
    expect(quotes[0]).toEqual({
      anchor: 'q-1921-07-05-decision-a',
      quote: 'First quote.',
      backHref: '../../events/1921-07-05-decision/index.html#claim-a',
      backLabel: 'Cited in: A decision (5 July 1921)',
    });
    expect(quotes[1]!.backLabel).toBe('Cited in: An offensive (February 1992)');
  });

  it('lists the plain facts in order, leaving out what is not known and saying when the address is not', () => {
    const source = { genre: 'rebuttal', language: 'en' } as Source;
    expect(sourceDetails(source)).toEqual([
      { term: 'Genre', detail: 'rebuttal' },
      { term: 'Language', detail: 'en' },
      { term: 'Original address', detail: 'Not established by the captured text, so not given' },
    ]);
    const full = {
      ...source,
      respondsTo: 'An article',
      originalPublication: 'Kit, June 2023',
      url: 'https://x.example/',
    };
    expect(sourceDetails(full).map((fact) => fact.term)).toEqual([
      'Genre',
      'Language',
      'Responds to',
      'First published',
      'Original address',
    ]);
    expect(sourceDetails(full).at(-1)!.detail).toBe('https://x.example/');
    expect(sourceDetails({ ...source, respondsTo: 'An article' })[2]).toEqual({
      term: 'Responds to',
      detail: 'An article',
    });
  });
});
