/** Shared fixtures of the timeline unit tests: the site's eras, a minimal event, synthetic chronologies. */
import { edtfBounds } from '../../src/lib/edtf-dates.ts';
import type { ChronologyEvent, Era } from '../../src/lib/model.ts';

// The eras of content/eras.json, copied so that editorial changes there do not move these tests.
export const ERAS: Era[] = [
  {
    id: 'independence-1918-1920',
    name: 'Independent republics, 1918–1920',
    start: '1918-01-01',
    end: '1920-12-31',
    description: 'd',
  },
  {
    id: 'soviet-1921-1987',
    name: 'Soviet period, 1921–1987',
    start: '1921-01-01',
    end: '1987-12-31',
    description: 'd',
  },
  {
    id: 'movement-and-war-1988-1994',
    name: 'Karabakh movement and the first war, 1988–1994',
    start: '1988-01-01',
    end: '1994-12-31',
    description: 'd',
  },
  {
    id: 'ceasefire-1995-2020',
    name: 'Ceasefire and negotiations, 1995–2020',
    start: '1995-01-01',
    end: '2020-09-26',
    description: 'd',
  },
  {
    id: 'war-2020',
    name: 'The 2020 war, September–November 2020',
    start: '2020-09-27',
    end: '2020-11-10',
    description: 'd',
  },
  {
    id: 'after-2020-ceasefire',
    name: 'After the 2020 ceasefire, November 2020 – September 2023',
    start: '2020-11-11',
    end: '2023-09-18',
    description: 'd',
  },
  {
    id: 'offensive-and-departure-2023',
    name: 'The September 2023 offensive and the departure of the population',
    start: '2023-09-19',
    end: '2023-12-31',
    description: 'd',
  },
];

export const DAY = 86_400_000;

/** A minimal valid event; `date` is EDTF. */
export function event(id: string, date: string, era: string, extra: Partial<ChronologyEvent> = {}): ChronologyEvent {
  return {
    id,
    title: `Event ${id}`,
    corrections: [],
    date,
    bounds: edtfBounds(date),
    dateBasis: { kind: 'stated' },
    summary: '',
    era,
    places: [],
    tags: [],
    claims: [{ id: 'c1', source: 'src-a', quote: 'q', kind: 'text' }],
    disputes: [],
    ...extra,
  };
}

/** Deterministic pseudo-random numbers (a linear congruential generator). */
export function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

const WORDS =
  'Armenian Azerbaijani forces ceasefire Stepanakert Lachin corridor OSCE Minsk Group talks blockade offensive refugees NKAO Soviet Shusha statement trilateral peacekeepers Moscow Baku Yerevan referendum declaration WWMMW killings shelling'.split(
    ' ',
  );

/**
 * A realistic spread: few events before 1988, many in 1988–1994, few until 2020, many
 * after, and the last era's events bunched into its first weeks (Sept–Oct 2023). Mixed
 * precisions, qualifiers, disputes and title lengths.
 */
export function synthetic(n: number, seed = 7): ChronologyEvent[] {
  const rand = random(seed);
  const share = [0.03, 0.05, 0.27, 0.08, 0.12, 0.15, 0.3];
  return Array.from({ length: n }, (_, i) => {
    let r = rand();
    let k = 0;
    while (k < share.length - 1 && r > share[k]!) r -= share[k++]!;
    const era = ERAS[k]!;
    const s = Date.parse(era.start);
    const e = Date.parse(era.end);
    const t = s + (k === 6 ? rand() ** 3 : rand()) * (e - s);
    const day = new Date(t).toISOString().slice(0, 10);
    const p = rand();
    let date = day;
    if (p < 0.15) date = day.slice(0, 7);
    else if (p < 0.22) date = day.slice(0, 4);
    else if (p < 0.3) date = `${day}/${new Date(Math.min(t + (1 + rand() * 30) * DAY, e)).toISOString().slice(0, 10)}`;
    else if (p < 0.32) date = `${day}/..`;
    if (!date.includes('/')) {
      if (rand() < 0.08) date += '~';
      else if (rand() < 0.06) date += '?';
    }
    const title = Array.from(
      { length: 2 + Math.floor(rand() * 14) },
      () => WORDS[Math.floor(rand() * WORDS.length)],
    ).join(' ');
    return event(`e${String(i).padStart(4, '0')}`, date, era.id, {
      title,
      claims: [{ id: 'c1', source: `s${i % 5}`, quote: 'q', kind: 'text' }],
      disputes: rand() < 0.15 ? [{ question: 'q', positions: [] }] : [],
    });
  });
}
