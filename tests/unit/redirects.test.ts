import { describe, expect, it } from 'vitest';
import { validateRedirects } from '../../src/lib/redirects.ts';

describe('validateRedirects', () => {
  const ids = new Set(['a', 'b']);
  it('accepts an old id that leads to a current one', () => {
    expect(validateRedirects({ old: 'a' }, ids)).toEqual([]);
  });
  it('rejects a target that is not an event', () => {
    expect(validateRedirects({ old: 'gone' }, ids)).toEqual([
      { file: 'content/redirects.json', field: 'old', message: 'redirect target "gone" is not an event id' },
    ]);
  });
  it('rejects an old id that is still an event', () => {
    expect(validateRedirects({ a: 'b' }, ids).map((p) => p.message)).toEqual([
      '"a" is still an event id; it cannot also redirect',
    ]);
  });
});
