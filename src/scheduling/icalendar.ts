import { DateTime } from 'luxon';
import { toNfc } from '../common/text.js';
import { ianaZone, offsetMinutes } from './local-time.js';

/**
 * An RFC 5545 calendar of one zone's placements, for stations and provincial systems that read
 * iCalendar. Times are written as local times with TZID and a VTIMEZONE built from the tz database for
 * the years the events span, so any zone works (Asia/Ho_Chi_Minh has one +07:00 observance; a DST zone
 * gets one STANDARD/DAYLIGHT component per transition). Lines end in CRLF and are folded at 75 octets
 * without splitting a UTF-8 character.
 */
export interface IcsPlacement {
  /** Placement id: the UID is built from it and the host, so re-exports update the same event. */
  id: number | string;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  location?: string;
}

export interface IcsCalendarInput {
  /** X-WR-CALNAME, e.g. "Lịch phát – Đài truyền thanh xã Long Tân". */
  name: string;
  timeZone: string;
  /** Domain used in UIDs, e.g. "truyenthanh.example.vn". */
  host: string;
  /** DTSTAMP of every event: when the export was made. */
  generatedAt: Date;
  placements: readonly IcsPlacement[];
  prodId?: string;
}

export const DEFAULT_PRODID = '-//truyenthanh//Lich phat truyen thanh//VI';

const MAX_OCTETS = 75;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

export function writeICalendar(input: IcsCalendarInput): string {
  const { timeZone } = input;
  const placements = [...input.placements].sort(
    (a, b) => a.start.getTime() - b.start.getTime() || String(a.id).localeCompare(String(b.id)),
  );
  const first = placements.length > 0 ? placements[0].start : input.generatedAt;
  const last = placements.reduce((max, p) => (p.end > max ? p.end : max), first);
  const lines = [
    'BEGIN:VCALENDAR',
    `PRODID:${input.prodId ?? DEFAULT_PRODID}`,
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(input.name)}`,
    `X-WR-TIMEZONE:${timeZone}`,
    ...vtimezoneLines(timeZone, first, last),
  ];
  const stamp = formatUtc(input.generatedAt);
  for (const p of placements) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(`placement-${p.id}@${input.host}`)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;TZID=${timeZone}:${formatLocal(p.start, timeZone)}`,
      `DTEND;TZID=${timeZone}:${formatLocal(p.end, timeZone)}`,
      `SUMMARY:${escapeText(p.summary)}`,
    );
    if (p.description) lines.push(`DESCRIPTION:${escapeText(p.description)}`);
    if (p.location) lines.push(`LOCATION:${escapeText(p.location)}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(text: string): string {
  return toNfc(text)
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line into CRLF + space continuations of at most 75 octets each (the leading space
 * counts), cutting only between code points so no UTF-8 sequence is split.
 */
export function foldLine(line: string): string {
  const chunks: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    const limit = chunks.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      chunks.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  chunks.push(current);
  return chunks.join('\r\n ');
}

/**
 * A VTIMEZONE for `timeZone` valid from the start of `from`'s year to the end of `to`'s year: an
 * opening observance dated 19700101T000000 with the offset in force at the start, then one observance
 * per offset change found in the tz database.
 */
export function vtimezoneLines(timeZone: string, from: Date, to: Date): string[] {
  const zone = ianaZone(timeZone);
  const rangeStart = Date.UTC(from.getUTCFullYear() - 1, 11, 31);
  const rangeEnd = Date.UTC(to.getUTCFullYear() + 1, 0, 2);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  const startOffset = zone.offset(rangeStart);
  lines.push(...observance(isDst(rangeStart, timeZone), '19700101T000000', startOffset, startOffset));
  let previous = startOffset;
  for (let day = rangeStart; day < rangeEnd; day += DAY_MS) {
    const next = zone.offset(day + DAY_MS);
    if (next === previous) continue;
    let lo = day;
    let hi = day + DAY_MS;
    while (hi - lo > MINUTE_MS) {
      const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
      if (zone.offset(mid) === previous) lo = mid;
      else hi = mid;
    }
    const onsetLocal = compact(new Date(hi + previous * MINUTE_MS).toISOString());
    lines.push(...observance(isDst(hi, timeZone), onsetLocal, previous, next));
    previous = next;
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

function observance(daylight: boolean, dtstart: string, from: number, to: number): string[] {
  const kind = daylight ? 'DAYLIGHT' : 'STANDARD';
  return [
    `BEGIN:${kind}`,
    `DTSTART:${dtstart}`,
    `TZOFFSETFROM:${formatOffset(from)}`,
    `TZOFFSETTO:${formatOffset(to)}`,
    `END:${kind}`,
  ];
}

function isDst(instant: number, timeZone: string): boolean {
  return DateTime.fromMillis(instant, { zone: timeZone }).isInDST;
}

/** Minutes east of UTC → "+0700", "-0330". */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

function formatUtc(instant: Date): string {
  return `${compact(instant.toISOString())}Z`;
}

function formatLocal(instant: Date, timeZone: string): string {
  const ms = instant.getTime();
  return compact(new Date(ms + offsetMinutes(timeZone, ms) * MINUTE_MS).toISOString());
}

/** "2026-11-24T05:30:00.000Z" → "20261124T053000". */
function compact(iso: string): string {
  return iso.slice(0, 19).replace(/[-:]/g, '');
}
