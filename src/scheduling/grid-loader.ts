import { dayNumber, isoDate, localDayOf, localToInstant } from './local-time.js';

/*
 * Local periods of the scheduling reads. The reads of the program grid and placements themselves live
 * in the scheduling repositories (zones, grid, placements); instants as SQL stores them in sql-instant.ts.
 */

/** The UTC instants bounding local dates [from, to] (inclusive) in a zone. */
export function localPeriod(from: string, to: string, timeZone: string): { start: Date; end: Date } {
  return {
    start: localToInstant(dayNumber(from), 0, timeZone),
    end: localToInstant(dayNumber(to) + 1, 0, timeZone),
  };
}

/** Today's local date in a zone, "YYYY-MM-DD". */
export const todayIn = (timeZone: string, now: Date | number = Date.now()) =>
  isoDate(localDayOf(now, timeZone));
