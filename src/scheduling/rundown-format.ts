import { dayNumber, isoDate, localDayOf, localMinutesOf, weekdayOf } from './local-time.js';

/**
 * How times, dates and durations are written on a rundown (kịch bản phát sóng) for Vietnamese readers,
 * and an M3U playlist writer for playout software.
 */
const WEEKDAY_NAMES = ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ Nhật'];

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "HH:mm" of an instant in a zone (24-hour clock). */
export function formatLocalTime(instant: Date, timeZone: string): string {
  const minutes = localMinutesOf(instant, timeZone);
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/**
 * "17:10–17:15"; with seconds ("17:10:00–17:10:40") when either end falls between minutes, so
 * that a sub-minute item never reads "17:10–17:10". Zone offsets are whole minutes, so the
 * seconds are the instant's own.
 */
export function formatLocalTimeRange(start: Date, end: Date, timeZone: string): string {
  const seconds = start.getUTCSeconds() !== 0 || end.getUTCSeconds() !== 0;
  const clock = (instant: Date) =>
    seconds
      ? `${formatLocalTime(instant, timeZone)}:${pad2(instant.getUTCSeconds())}`
      : formatLocalTime(instant, timeZone);
  return `${clock(start)}–${clock(end)}`;
}

/** "dd/MM/yyyy" of an instant in a zone. */
export function formatLocalDate(instant: Date, timeZone: string): string {
  return formatDate(isoDate(localDayOf(instant, timeZone)));
}

/** "YYYY-MM-DD" → "dd/MM/yyyy". */
export function formatDate(date: string): string {
  dayNumber(date); // refuses what is not a real date
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/** "Thứ Hai" … "Chủ Nhật" for a local date ("YYYY-MM-DD"). */
export function vietnameseWeekday(date: string): string {
  return WEEKDAY_NAMES[weekdayOf(dayNumber(date))];
}

/** "Thứ Hai" … "Chủ Nhật" for an instant in a zone. */
export function localWeekday(instant: Date, timeZone: string): string {
  return WEEKDAY_NAMES[weekdayOf(localDayOf(instant, timeZone))];
}

/** "m:ss", minutes unbounded ("75:00" for an hour and a quarter); rounds to the nearest second. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError(`Invalid duration: ${seconds}`);
  const total = Math.round(seconds);
  return `${Math.floor(total / 60)}:${pad2(total % 60)}`;
}

export interface M3uItem {
  title: string;
  /** Unknown length: written as -1, as extended M3U expects. */
  durationSeconds?: number | null;
  /** Path or URL of the audio file. */
  location: string;
}

/**
 * Extended M3U (#EXTM3U, #EXTINF:seconds,title, then the location), UTF-8, LF line endings.
 * Seconds are rounded to whole numbers, which every player accepts; line breaks inside a title or
 * location would start a new entry, so they become spaces.
 */
export function writeM3u(items: readonly M3uItem[]): string {
  const lines = ['#EXTM3U'];
  for (const item of items) {
    const seconds =
      item.durationSeconds === undefined || item.durationSeconds === null
        ? -1
        : Math.round(item.durationSeconds);
    lines.push(`#EXTINF:${seconds},${oneLine(item.title)}`, oneLine(item.location));
  }
  return `${lines.join('\n')}\n`;
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').trim();
}
