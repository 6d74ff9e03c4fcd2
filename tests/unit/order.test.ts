import { describe, expect, it } from 'vitest';
import { compareText, sortedBy } from '../../src/lib/order.ts';
import { compareEvents, type ChronologyEvent } from '../../src/lib/model.ts';

describe('compareText: the one locale-independent order', () => {
  it('orders by UTF-16 code units, capitals before small letters, ASCII before the rest', () => {
    expect(['b', 'a', 'B', 'é', 'e', 'A'].sort(compareText)).toEqual(['A', 'B', 'a', 'b', 'e', 'é']);
    expect(compareText('x', 'x')).toBe(0);
  });
  it('sortedBy sorts a copy by a key', () => {
    const items = [{ label: 'Shusha' }, { label: 'Aghdam district' }, { label: 'Aghdam' }];
    expect(sortedBy(items, (item) => item.label).map((item) => item.label)).toEqual([
      'Aghdam',
      'Aghdam district',
      'Shusha',
    ]);
    expect(items[0]?.label).toBe('Shusha');
  });
});

describe('compareEvents', () => {
  const event = (id: string, start: string, end: string | null) => ({ id, bounds: { start, end } }) as ChronologyEvent;
  it('orders by start, then end with open ends last, then id in code-unit order', () => {
    const events = [
      event('b', '1992-01-01', null),
      event('a', '1992-01-01', '1992-12-31'),
      event('Z', '1992-01-01', null),
      event('c', '1991-01-01', '1991-01-01'),
    ];
    expect(events.sort(compareEvents).map((e) => e.id)).toEqual(['c', 'a', 'Z', 'b']);
  });
});
