import { IANAZone } from 'luxon';
import { invalid } from '../common/errors.js';

/**
 * Wall-clock arithmetic for the program grid. Dates are plain calendar days ("YYYY-MM-DD") counted as
 * day numbers (days since 1970-01-01), which is the same in every time zone; an instant is only made
 * when a day and a wall-clock time meet a zone, through the zone's tz database offsets (luxon), never
 * by adding a fixed number of hours.
 */
export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WALL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

const zones = new Map<string, IANAZone>();
/** Per zone: UTC day → the offset in force all that day, or NaN when the offset changes during it. */
const dayOffsets = new Map<string, Map<number, number>>();
const CACHE_LIMIT = 100_000;
const dayNumbers = new Map<string, number>();
const isoDates = new Map<number, string>();

/**
 * The luxon zone for an IANA name; refuses unknown names instead of silently using UTC. `field`: the
 * request field that held the name, named in the error's details so that a form can show it there.
 */
export function ianaZone(name: string, field?: string): IANAZone {
  let zone = zones.get(name);
  if (!zone) {
    if (!IANAZone.isValidZone(name)) {
      throw invalid(
        'INVALID_TIME_ZONE',
        `Múi giờ "${name}" không hợp lệ (cần tên IANA như Asia/Ho_Chi_Minh).`,
        field
          ? [{ field, code: 'timeZone', message: 'Cần tên múi giờ IANA, ví dụ Asia/Ho_Chi_Minh.' }]
          : undefined,
      );
    }
    zone = IANAZone.create(name) as IANAZone;
    zones.set(name, zone);
  }
  return zone;
}

/**
 * The zone's UTC offset in minutes at an instant. luxon asks Intl for every call, which is slow for
 * tens of thousands of slots, so the offset is remembered per UTC day: a day whose two ends share an
 * offset is taken to keep it throughout (the tz database has no zone that changes twice within 24 hours).
 */
export function offsetMinutes(timeZone: string, ms: number): number {
  let cache = dayOffsets.get(timeZone);
  if (!cache) {
    cache = new Map();
    dayOffsets.set(timeZone, cache);
  }
  const bucket = Math.floor(ms / DAY_MS);
  let offset = cache.get(bucket);
  if (offset === undefined) {
    const zone = ianaZone(timeZone);
    const start = zone.offset(bucket * DAY_MS);
    offset = start === zone.offset((bucket + 1) * DAY_MS - 1) ? start : Number.NaN;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(bucket, offset);
  }
  return Number.isNaN(offset) ? ianaZone(timeZone).offset(ms) : offset;
}

/** "YYYY-MM-DD" → day number; refuses impossible dates such as 2026-02-30. */
export function dayNumber(date: string): number {
  const known = dayNumbers.get(date);
  if (known !== undefined) return known;
  const day = parseDayNumber(date);
  if (dayNumbers.size >= CACHE_LIMIT) dayNumbers.clear();
  dayNumbers.set(date, day);
  return day;
}

function parseDayNumber(date: string): number {
  const match = ISO_DATE.exec(date);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const ms = Date.UTC(year, month - 1, day);
    const check = new Date(ms);
    if (check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day) {
      return ms / DAY_MS;
    }
  }
  throw invalid('INVALID_DATE', `Ngày "${date}" không hợp lệ (cần dạng YYYY-MM-DD).`);
}

/** Day number → "YYYY-MM-DD". */
export function isoDate(day: number): string {
  let date = isoDates.get(day);
  if (date === undefined) {
    date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (isoDates.size >= CACHE_LIMIT) isoDates.clear();
    isoDates.set(day, date);
  }
  return date;
}

/** 0 = Monday … 6 = Sunday, the week RFC 5545 starts on by default (WKST=MO). */
export function weekdayOf(day: number): number {
  // 1970-01-01 was a Thursday (index 3).
  return (((day + 3) % 7) + 7) % 7;
}

/** "HH:mm" → minutes after local midnight. */
export function wallMinutes(time: string): number {
  const match = WALL_TIME.exec(time);
  if (!match) throw invalid('INVALID_TIME', `Giờ "${time}" không hợp lệ (cần dạng HH:mm, ví dụ 05:30).`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * The instant at which a zone's clocks show `minutes` past midnight on `day`. Follows RFC 5545
 * §3.3.5: a wall time skipped by a DST jump is read with the offset in force before the jump
 * (02:30 on a spring-forward night becomes 03:30 summer time); a wall time that occurs twice when
 * clocks go back means its first occurrence.
 */
export function localToInstant(day: number, minutes: number, timeZone: string): Date {
  const wallAsUtc = day * DAY_MS + minutes * MINUTE_MS;
  const before = offsetMinutes(timeZone, wallAsUtc - DAY_MS);
  const after = offsetMinutes(timeZone, wallAsUtc + DAY_MS);
  const candidates = (before === after ? [before] : [before, after])
    .map((offset) => wallAsUtc - offset * MINUTE_MS)
    .filter((instant) => wallAsUtc - offsetMinutes(timeZone, instant) * MINUTE_MS === instant);
  return new Date(candidates.length > 0 ? Math.min(...candidates) : wallAsUtc - before * MINUTE_MS);
}

/** The local calendar day (day number) of an instant in a zone. */
export function localDayOf(instant: Date | number, timeZone: string): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return Math.floor((ms + offsetMinutes(timeZone, ms) * MINUTE_MS) / DAY_MS);
}

/** Minutes past local midnight of an instant in a zone. */
export function localMinutesOf(instant: Date | number, timeZone: string): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const local = ms + offsetMinutes(timeZone, ms) * MINUTE_MS;
  return Math.floor((local - Math.floor(local / DAY_MS) * DAY_MS) / MINUTE_MS);
}
