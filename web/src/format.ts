import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/vi';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Where the column airs: every instant is shown in this zone, whatever the browser's. */
export const ZONE = 'Asia/Ho_Chi_Minh';
export const DATE_FORMAT = 'DD/MM/YYYY';

/** An instant from the API (ISO, UTC) as dd/MM/yyyy HH:mm in Vietnam. */
export const dateTime = (iso: string | null | undefined) =>
  iso ? dayjs(iso).tz(ZONE).format('DD/MM/YYYY HH:mm') : '';

/** A calendar date from the API (YYYY-MM-DD) as dd/MM/yyyy: no zone, it is already local. */
export const calendarDate = (date: string | null | undefined) =>
  date ? dayjs(date, 'YYYY-MM-DD').format(DATE_FORMAT) : '';

export const toCalendarDate = (value: dayjs.Dayjs | null | undefined) =>
  value ? value.format('YYYY-MM-DD') : null;
export const fromCalendarDate = (date: string | null | undefined) =>
  date ? dayjs(date, 'YYYY-MM-DD') : null;

/** 185.4 → "3:05". */
export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '';
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

export const decibels = (value: number | null | undefined, unit: string) =>
  value === null || value === undefined ? '—' : `${value.toFixed(1).replace('.', ',')} ${unit}`;

export { dayjs };

/**
 * The pager's total for a page of a list. Past 1,000 matches the API counts no further
 * (`totalIsLowerBound`): the pager then always offers one page more than the one on screen.
 */
export const pagerTotal = (
  data: { total: number; totalIsLowerBound?: boolean } | null | undefined,
  page: number,
  pageSize: number,
) => (data?.totalIsLowerBound ? Math.max(data.total, (page + 1) * pageSize) : (data?.total ?? 0));
