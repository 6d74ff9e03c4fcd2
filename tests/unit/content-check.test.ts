/**
 * The content check that runs before every build (scripts/check-content.ts) refuses each kind
 * of bad content by name: one planted example of each (tests/support/planted-faults.ts), each
 * in its own copy of the valid fixture, checked without a build.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../scripts/check-content.ts';
import { copyFixture } from '../support/content-fixture.ts';
import { PLANTED_FAULTS } from '../support/planted-faults.ts';

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));
const freshContent = () => {
  const fixture = copyFixture('chronology-check-');
  folders.push(fixture.root);
  return fixture.content;
};

describe('checkContent', () => {
  // The real content/ is checked by every build, before anything is written (scripts/build.ts).
  it('finds no problem in the valid fixture', () => {
    expect(checkContent(freshContent())).toEqual([]);
  });

  it.each(PLANTED_FAULTS.map((fault) => [fault.kind, fault] as const))('refuses %s, by name', (_, fault) => {
    const content = freshContent();
    fault.plant(content);
    const lines = checkContent(content);
    expect(
      lines.filter((found) => fault.expected.test(found)),
      `expected ${fault.expected} among:\n${lines.join('\n')}`,
    ).toHaveLength(1);
    for (const found of lines)
      expect(found, 'every problem is one line: file: field: reason').toMatch(/^\S[^\n]*: [^\n:]+: [^\n]+$/);
  });
});
