import { describe, expect, it } from 'vitest';
import { shareInWords, sourceCoverage, splitSentences, unquotedDatedSentences } from '../../src/lib/source-coverage.ts';
import type { BodyPiece } from '../../src/lib/source-body.ts';
import { FIXTURE } from '../support/content-fixture.ts';
import { coverageOfContent, coverageReport } from '../../scripts/coverage.ts';

const body: Pick<BodyPiece, 'role' | 'text'>[] = [
  { role: 'heading', text: 'Swift demise' },
  { role: 'paragraph', text: 'On Sept. 19, Baku moved decisively. The U.S. condemned it. Talks resumed.' },
  { role: 'caption', text: 'Protesters in Yerevan on Sept. 20, 2023. (Photo by Someone/AFP via Getty Images)' },
  { role: 'credit', text: 'Photo by Someone, 2023' },
  { role: 'paragraph', text: 'Two days later, a ceasefire took effect. The region is mountainous.' },
];

describe('splitSentences', () => {
  it('does not end a sentence at an abbreviation or initials', () => {
    expect(
      splitSentences(
        'On Sept. 19, Baku moved. Then the U.S. State Department and Mr. Blinken spoke of Chiragov v. Armenia. It was in Baku. 80 percent left. Next.',
      ),
    ).toEqual([
      'On Sept. 19, Baku moved.',
      'Then the U.S. State Department and Mr. Blinken spoke of Chiragov v. Armenia.',
      'It was in Baku.',
      '80 percent left.',
      'Next.',
    ]);
  });
});

describe('sourceCoverage', () => {
  it('counts the sentences of paragraphs and captions, not headings or credits (in a caption or not)', () => {
    const coverage = sourceCoverage('news', body, []);
    expect(coverage.sentences.map((s) => s.text)).toEqual([
      'On Sept. 19, Baku moved decisively.',
      'The U.S. condemned it.',
      'Talks resumed.',
      'Protesters in Yerevan on Sept. 20, 2023.',
      'Two days later, a ceasefire took effect.',
      'The region is mountainous.',
    ]);
    expect(coverage.share).toBe(0);
  });

  it('counts a sentence as quoted when a quote covers any part of it, across quote-mark and dash differences', () => {
    const coverage = sourceCoverage('news', body, ['Baku moved decisively. The U.S.', 'a ceasefire took effect']);
    expect(coverage.sentences.filter((s) => s.quoted).map((s) => s.text)).toEqual([
      'On Sept. 19, Baku moved decisively.',
      'The U.S. condemned it.',
      'Two days later, a ceasefire took effect.',
    ]);
    expect(coverage.quotedCount).toBe(3);
    expect(coverage.share).toBe(0.5);
    expect(shareInWords(coverage)).toBe('50%');
  });

  it('keeps each sentence exactly as the article has it, and matches quotes whatever their quote marks', () => {
    const coverage = sourceCoverage(
      'news',
      [{ role: 'paragraph', text: 'Baku’s “anti-terrorist” move — swift. Then calm.' }],
      ['Baku\'s "anti-terrorist" move - swift.'],
    );
    expect(coverage.sentences.map((s) => [s.text, s.quoted])).toEqual([
      ['Baku’s “anti-terrorist” move — swift.', true],
      ['Then calm.', false],
    ]);
  });

  it('lists unquoted sentences that carry a date expression, with the expressions', () => {
    const coverage = sourceCoverage('news', body, ['Baku moved decisively.']);
    expect(unquotedDatedSentences(coverage).map((s) => [s.block, s.role, s.dateExpressions])).toEqual([
      [3, 'caption', ['2023', 'Sept.']],
      [5, 'paragraph', ['Two days later']],
    ]);
  });

  it('never shows a partial share as 0% or 100%', () => {
    const sentences = Array.from({ length: 300 }, (_, i) => `Sentence ${i}.`).join(' ');
    expect(shareInWords(sourceCoverage('s', [{ role: 'paragraph', text: sentences }], ['Sentence 7.']))).toBe('<1%');
    expect(
      shareInWords(
        sourceCoverage('s', [{ role: 'paragraph', text: sentences }], [sentences.replace('Sentence 7.', 'x')]),
      ),
    ).not.toBe('100%');
  });
});

describe('npm run coverage (scripts/coverage.ts)', () => {
  // The report's format, on the valid fixture (one source, one quote); `npm test` runs the
  // script itself over the real content.
  it('prints the unquoted dated sentences, then a line of figures per source and in all', () => {
    const out = coverageReport(coverageOfContent(FIXTURE), false);
    const figures = /^fixture-rebuttal +(\d+) +(\d+) +(\d+)% +(\d+)$/m.exec(out);
    expect(figures, out).not.toBeNull();
    const [, sentences, quoted, , unquotedDated] = figures!.map(Number);
    expect(quoted, 'the one quote lies inside one sentence').toBe(1);
    expect(sentences).toBeGreaterThan(30);
    expect(out).toMatch(new RegExp(`^all sources +${sentences} +1 +\\d+% +${unquotedDated}$`, 'm'));
    expect(out).toContain(`## fixture-rebuttal: ${unquotedDated} unquoted dated sentence(s)`);
    expect(out, 'a dated sentence no claim quotes').toContain('on September 19, 2023.');
    expect(out, 'the quoted sentence is not listed').not.toContain('the cold night of February 25–26, 1992.');
  });
});
