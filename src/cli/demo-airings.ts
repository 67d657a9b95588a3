import { DateTime } from 'luxon';
import { mulberry32 } from '../common/random.js';

/**
 * Five years of the column on the demo communes' stations (1 July 2017 – 30 June 2022, local time):
 * what a district reported after five years, "189 reportages aired in the column" (DOMAIN.md).
 * Pure and deterministic (a seeded PRNG, never Math.random), so the demo's figures are the README's.
 */
export const HISTORY_FROM = '2017-07-01';
export const HISTORY_TO = '2022-06-30';
export const HISTORY_REPORTAGES = 189;
const ZONE = 'Asia/Ho_Chi_Minh';

export interface DemoAiring {
  communeIndex: number;
  /** UTC, in the text form TypeORM's sqlite driver stores instants in. */
  startsAt: string;
  endsAt: string;
  seconds: number;
  isReair: boolean;
  result: 'aired' | 'partial' | 'missed';
  playedSeconds: number;
}

export interface DemoHistoryItem {
  /** Index into the demo exemplars: which one the reportage is about. */
  exemplarIndex: number;
  /** Local date it was recorded (a few days before it first aired). */
  recordedOn: string;
  /** The first airing (on the station of the exemplar's commune), then the re-airs. */
  airings: DemoAiring[];
}

const SQLITE_UTC = 'yyyy-MM-dd HH:mm:ss.SSS';

/**
 * One reportage of the column every ~9.7 days, first aired at 17:10 on its commune's station; about
 * four in five re-aired once or twice at 05:30 a few days later on other communes' stations (a few of
 * those re-airs missed or cut short). Exemplars `featured` (the first ones) are spread so every one
 * of them, and so every model and field, is featured.
 */
export function demoHistory(options: {
  featured: number;
  communeOf: (exemplarIndex: number) => number;
  communes: number;
}): DemoHistoryItem[] {
  const random = mulberry32(2017_07_01);
  const start = DateTime.fromISO(HISTORY_FROM, { zone: ZONE });
  const end = DateTime.fromISO(HISTORY_TO, { zone: ZONE }).endOf('day');
  const days = Math.floor(end.diff(start, 'days').days);
  const takenMornings = new Set<string>();
  const airing = (
    communeIndex: number,
    at: DateTime,
    seconds: number,
    isReair: boolean,
    result: DemoAiring['result'],
  ): DemoAiring => ({
    communeIndex,
    startsAt: at.toUTC().toFormat(SQLITE_UTC),
    endsAt: at.plus({ seconds }).toUTC().toFormat(SQLITE_UTC),
    seconds,
    isReair,
    result,
    playedSeconds: result === 'aired' ? seconds : result === 'partial' ? Math.round(seconds / 2) : 0,
  });
  const items: DemoHistoryItem[] = [];
  for (let i = 0; i < HISTORY_REPORTAGES; i++) {
    // Coprime stride: consecutive reportages are about different exemplars, all of them in turn.
    const exemplarIndex = (i * 7) % options.featured;
    const home = options.communeOf(exemplarIndex);
    const day = start.plus({ days: Math.floor((i * days) / HISTORY_REPORTAGES) });
    const seconds = 180 + Math.floor(random() * 241); // 3–7 minutes (DOMAIN.md)
    const airings = [airing(home, day.set({ hour: 17, minute: 10 }), seconds, false, 'aired')];
    const reAirs = random() < 0.2 ? 0 : random() < 0.7 ? 1 : 2;
    for (let k = 1; k <= reAirs; k++) {
      const communeIndex = (home + k * 3) % options.communes;
      let date = day.plus({ days: 2 + Math.floor(random() * 6) * k });
      while (takenMornings.has(`${communeIndex} ${date.toISODate()}`)) date = date.plus({ days: 1 });
      if (date > end) break;
      takenMornings.add(`${communeIndex} ${date.toISODate()}`);
      const roll = random();
      const result = roll < 0.05 ? 'missed' : roll < 0.09 ? 'partial' : 'aired';
      airings.push(airing(communeIndex, date.set({ hour: 5, minute: 30 }), seconds, true, result));
    }
    items.push({ exemplarIndex, recordedOn: day.minus({ days: 3 + (i % 5) }).toISODate()!, airings });
  }
  return items;
}
