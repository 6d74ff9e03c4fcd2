import { describe, expect, it } from 'vitest';
import { neighbours, otherNames, sourceShortName } from '../../src/lib/event-view.ts';
import type { ChronologyEvent, Place, Source } from '../../src/lib/model.ts';

describe('otherNames', () => {
  it('lists only the names a reader does not already see in the label', () => {
    const place: Place = {
      id: 'stepanakert',
      label: 'Stepanakert / Khankendi',
      kind: 'city',
      names: [
        { name: 'Stepanakert' },
        { name: 'Khankendi', note: 'Azerbaijani name' },
        { name: 'Stepanakert airport' },
      ],
    };
    expect(otherNames(place).map((n) => n.name)).toEqual(['Stepanakert airport']);
  });
});

describe('neighbours', () => {
  const events = ['a', 'b', 'c'].map((id) => ({ id }) as ChronologyEvent);
  it('gives the events before and after', () => {
    expect(neighbours(events, 'b')).toEqual({ previous: events[0], next: events[2] });
    expect(neighbours(events, 'a')).toEqual({ next: events[1] });
  });
  it('refuses an unknown id', () => {
    expect(() => neighbours(events, 'z')).toThrow(/no event z/);
  });
});

describe('sourceShortName', () => {
  const base = {
    title: 'A long descriptive title the editors supplied for an unsigned text',
    authors: [],
    authorStatus: 'not-stated',
  } as unknown as Source;
  it('names a source by its publisher, else its named author, else the short name, else its title', () => {
    expect(sourceShortName({ ...base, publisher: 'Meduza', shortName: 'Essay' })).toBe('Meduza');
    expect(
      sourceShortName({ ...base, authorStatus: 'named', authors: [{ name: 'Karén Karslyan' }], shortName: 'Essay' }),
    ).toBe('Karén Karslyan');
    expect(sourceShortName({ ...base, shortName: 'Unsigned essay' })).toBe('Unsigned essay');
    expect(sourceShortName(base)).toBe(base.title);
  });
});
