import { describe, expect, it } from 'vitest';
import { versionDate, versionDateParts } from '../../src/lib/version-date.ts';

describe('version dates: one parser for the feed, the citations and the archive', () => {
  it('reads a real calendar date', () => {
    expect(versionDateParts('2023-09-19')).toEqual([2023, 9, 19]);
    expect(versionDate('2024-02-29')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });
  it('rejects days that do not exist instead of rolling them over', () => {
    for (const impossible of ['2023-02-30', '2023-02-29', '2023-04-31', '2023-13-01', '2023-00-10', '2023-01-00']) {
      expect(versionDateParts(impossible), impossible).toBeUndefined();
      expect(versionDate(impossible), impossible).toBeUndefined();
    }
  });
  it('rejects labels and other shapes', () => {
    for (const label of ['unversioned', 'bench', '2023-9-19', '2023-09-19T00:00:00Z', '']) {
      expect(versionDate(label), label).toBeUndefined();
    }
  });
});
