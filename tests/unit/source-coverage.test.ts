import { describe, expect, it } from 'vitest';
import { shareInWords, sourceCoverage, splitSentences, unquotedDatedSentences } from '../../src/lib/source-coverage.ts';
import type { BodyPiece } from '../../src/lib/source-body.ts';
import { CONTENT_ROOT } from '../../src/content-root.ts';
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
  it('prints figures for every source of the real content', () => {
    const out = coverageReport(coverageOfContent(CONTENT_ROOT), false);
    for (const source of [
      'jahangirli-2024',
      'karslyan-2023',
      'kyiv-independent-2023-09-21',
      'meduza-2023',
      'what-went-wrong-2023',
    ]) {
      expect(out).toMatch(new RegExp(`^${source} +\\d+ +\\d+ +\\d+% +\\d+$`, 'm'));
      expect(out).toContain(`## ${source}: `);
    }
    const [, sentences, quoted] = /^all sources +(\d+) +(\d+)/m.exec(out)!;
    expect(Number(sentences)).toBeGreaterThan(400);
    expect(Number(quoted)).toBeGreaterThan(0);
  });
});
