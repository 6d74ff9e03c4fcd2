import { describe, expect, it } from 'vitest';
import { baseline, estimateTextWidth, fitsWidth, lineHeight, wrapText } from '../../src/lib/timeline/index.ts';

describe('text measure', () => {
  it('measures wide letters wider than narrow ones, bold wider than regular', () => {
    expect(estimateTextWidth('WWW', 10)).toBeGreaterThan(estimateTextWidth('iii', 10));
    expect(estimateTextWidth('Baku', 10, true)).toBeGreaterThan(estimateTextWidth('Baku', 10));
  });

  it('wraps between words and after dashes, never cutting a word or adding an ellipsis', () => {
    const lines = wrapText('The 2020 war, September–November 2020', 100, 13);
    expect(fitsWidth(lines, 100, 13)).toBe(true);
    expect(lines.join(' ').replace('– ', '–')).toBe('The 2020 war, September–November 2020');
    const long = wrapText('one two three four five six seven', 40, 13);
    expect(long.join(' ')).toBe('one two three four five six seven');
    expect(long.some((line) => line.includes('…'))).toBe(false);
    expect(wrapText('Stepanakert', 10, 13)).toEqual(['Stepanakert']);
    expect(fitsWidth(['Stepanakert'], 10, 13)).toBe(false);
  });

  it('gives one line height for every line, and a baseline inside it', () => {
    expect(lineHeight(13)).toBe(17);
    expect(baseline(0, 13)).toBeGreaterThan(0);
    expect(baseline(0, 13)).toBeLessThan(lineHeight(13));
  });
});
