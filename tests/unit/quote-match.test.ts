import { describe, expect, it } from 'vitest';
import { locateQuote, normaliseForMatch, verifyQuote } from '../../src/lib/quote-match.ts';

describe('verifyQuote', () => {
  const text = 'Azerbaijan\u2019s\u00a0President  said \u201cno\u201d \u2014 twice.';
  it('forgives only white space, quote marks and dashes', () => {
    expect(verifyQuote(text, 'Azerbaijan\'s President said "no" - twice.')).toBe(true);
  });
  it('rejects a changed word, letter case or punctuation', () => {
    expect(verifyQuote(text, 'Azerbaijan\'s President stated "no"')).toBe(false);
    expect(verifyQuote(text, "azerbaijan's President")).toBe(false);
    expect(verifyQuote(text, 'said "no" - twice!')).toBe(false);
  });
  it('rejects an empty quote', () => {
    expect(verifyQuote(text, '   ')).toBe(false);
  });
});

describe('locateQuote', () => {
  it('maps a match back onto the original characters', () => {
    const text = 'First.\u00a0 He said \u201cyes\u201d.';
    const [hit] = locateQuote(text, 'He said "yes"');
    expect(hit).toBeDefined();
    expect(text.slice(hit!.start, hit!.end)).toBe('He said \u201cyes\u201d');
  });
  it('normalises runs of white space to one space', () => {
    expect(normaliseForMatch(' a \n\t b ')).toBe('a b');
  });
});
