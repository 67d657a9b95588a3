import { dayNumber, isoDate, localDayOf, localToInstant } from './local-time.js';

/**
 * Shared helpers of the scheduling reads: instants as SQL stores them and local periods. The reads of
 * the program grid and placements into the shapes the pure scheduling core works on (ZoneTree,
 * BroadcastWindowSpec, SegmentAllocationSpec, PlacedInterval) live in the scheduling repositories
 * (zones, grid, placements), re-exported here for the callers that take a query runner.
 */
export { loadZones, relatedZones, type ZoneRow } from './zones.repository.js';
export { loadGrid, type Grid } from './grid.repository.js';
export { MAX_ITEM_MS, placementsHolding, type PlacementRow } from './placements.repository.js';
export { sqlUtc } from './sql-instant.js';

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
