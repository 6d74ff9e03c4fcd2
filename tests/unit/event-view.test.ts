import { describe, expect, it } from 'vitest';
import { neighbours, otherNames } from '../../src/lib/event-view.ts';
import type { ChronologyEvent, Place } from '../../src/lib/model.ts';

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
