import { DateTime } from 'luxon';

/**
 * Calendar dates are planned in local time (Asia/Ho_Chi_Minh by default); instants are stored in UTC.
 * These turn a local calendar day into the UTC instants that bound it, in the format TypeORM's sqlite
 * driver stores datetimes in, so range filters compare like with like.
 */
const SQLITE_UTC = 'yyyy-MM-dd HH:mm:ss.SSS';

export function startOfLocalDayUtc(date: string, zone: string): string {
  return DateTime.fromISO(date, { zone }).startOf('day').toUTC().toFormat(SQLITE_UTC);
}

export function startOfNextLocalDayUtc(date: string, zone: string): string {
  return DateTime.fromISO(date, { zone }).plus({ days: 1 }).startOf('day').toUTC().toFormat(SQLITE_UTC);
}

/** dd/MM/yyyy, the way dates are written for Vietnamese readers, or YYYY-MM-DD → either way to ISO. */
export function parseVietnameseDate(text: string): string | undefined {
  const trimmed = text.trim();
  const vn = trimmed.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/);
  const iso = vn ? `${vn[3]}-${vn[2].padStart(2, '0')}-${vn[1].padStart(2, '0')}` : trimmed;
  const parsed = DateTime.fromISO(iso, { zone: 'UTC' });
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) && parsed.isValid ? iso : undefined;
}
