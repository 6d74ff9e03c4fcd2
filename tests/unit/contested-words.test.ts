import { describe, expect, it } from 'vitest';
import {
  CONTESTED_WORDS,
  contestedWordsInTag,
  contestedWordsOutsideQuotes,
  withoutQuotations,
} from '../../src/lib/contested-words.ts';

const forms = (text: string) => contestedWordsOutsideQuotes(text).map((hit) => hit.form);

describe('contested words list', () => {
  it('has the words the methodology and the editorial review name', () => {
    const words = CONTESTED_WORDS.map((entry) => entry.word);
    for (const word of [
      'occupation',
      'liberation',
      'genocide',
      'massacre',
      'ethnic cleansing',
      'aggression',
      'terrorist',
      'separatist',
      'blockade',
      'offensive',
    ]) {
      expect(words).toContain(word);
    }
  });

  it('spells every form in lowercase, once, and gives a neutral alternative', () => {
    const all = CONTESTED_WORDS.flatMap((entry) => entry.forms);
    expect(new Set(all).size).toBe(all.length);
    for (const entry of CONTESTED_WORDS) {
      expect(entry.forms).toContain(entry.word);
      expect(entry.instead.length).toBeGreaterThan(0);
      for (const form of entry.forms) expect(form).toBe(form.toLowerCase());
    }
  });
});

describe('contestedWordsOutsideQuotes', () => {
  it('finds a contested word in the site’s own words, whatever its case', () => {
    expect(forms('Azerbaijan begins an offensive')).toEqual(['offensive']);
    expect(forms('Blockade of the Lachin corridor')).toEqual(['blockade']);
  });

  it('matches the listed word forms deliberately, and only whole words', () => {
    const cases: Array<[text: string, found: string[]]> = [
      ['the occupied districts; occupying forces; the occupation', ['occupied', 'occupying', 'occupation']],
      ['Baku liberated the town', ['liberated']],
      ['the region was ethnically  cleansed', ['ethnically cleansed']],
      // Other words that merely contain a form are not hits.
      ['preoccupied with talks; unoccupied houses; a liberal paper', []],
      // A hyphen is a word boundary: the contested part of a compound is found.
      ['an anti-terrorist operation and a counter-offensive', ['terrorist', 'offensive']],
    ];
    for (const [text, found] of cases) expect(forms(text), text).toEqual(found);
  });

  it('ignores a contested word inside quotation marks of any kind', () => {
    expect(forms('what Meduza calls the "Khojaly massacre"')).toEqual([]);
    expect(forms('what it calls “an illegal checkpoint”')).toEqual([]);
    expect(forms('the essay’s ‘anti-terrorist operation’ label')).toEqual([]);
    expect(forms("the so-called 'Black January' and 'occupied territories'")).toEqual([]);
    expect(forms('the «liberated» lands')).toEqual([]);
  });

  it('does not take an apostrophe for a quotation mark', () => {
    expect(forms("Karslyan's essay describes Azerbaijan's blockade")).toEqual(['blockade']);
    expect(forms('Karslyan’s essay says the occupation ended')).toEqual(['occupation']);
    // An apostrophe inside a single-quoted passage does not end the quotation early.
    expect(forms('the ‘Azerbaijan’s occupied lands’ phrase')).toEqual([]);
    expect(forms("the 'Azerbaijan's occupied lands' phrase")).toEqual([]);
    expect(forms("Azerbaijanis' homes were occupied")).toEqual(['occupied']);
  });

  it('finds the word after a quotation has closed', () => {
    expect(forms('Meduza says "siege" and the site says offensive')).toEqual(['offensive']);
    // An unclosed quotation mark protects nothing.
    expect(forms('a stray “ then massacre')).toEqual(['massacre']);
  });

  it('keeps indexes pointing into the original text', () => {
    const text = 'The "offensive" and the offensive';
    expect(withoutQuotations(text)).toHaveLength(text.length);
    expect(contestedWordsOutsideQuotes(text)).toEqual([
      { word: 'offensive', form: 'offensive', index: text.lastIndexOf('offensive') },
    ]);
  });
});

describe('contestedWordsInTag', () => {
  it('finds a contested word in a kebab-case tag, which cannot be quoted', () => {
    expect(contestedWordsInTag('blockade').map((hit) => hit.word)).toEqual(['blockade']);
    expect(contestedWordsInTag('ethnic-cleansing').map((hit) => hit.word)).toEqual(['ethnic cleansing']);
    expect(contestedWordsInTag('road-closure')).toEqual([]);
  });
});
