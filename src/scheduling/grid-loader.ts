import { placeholders, utcDate, type ReadQuery } from '../common/sql.js';
import { dayNumber, isoDate, localDayOf, localToInstant } from './local-time.js';
import type { PlacedInterval } from './placement-rules.js';
import type { BroadcastWindowSpec, SegmentAllocationSpec } from './program-grid.js';
import { parseRrule } from './recurrence.js';
import { ZoneTree, type ZoneSpec } from './zones.js';

/**
 * Reads the program grid and placements out of SQL into the shapes the pure scheduling core works on
 * (ZoneTree, BroadcastWindowSpec, SegmentAllocationSpec, PlacedInterval). Every function takes the
 * query runner, so the same code reads through the read pool or inside a write transaction.
 */
export interface ZoneRow {
  id: number;
  name: string;
  kind: string;
  parent_id: number | null;
  place_id: number | null;
  time_zone: string;
  active: number;
}

/** A datetime as TypeORM's sqlite driver stores it, so SQL comparisons match stored values. */
export const sqlUtc = (instant: Date | number) =>
  new Date(instant).toISOString().replace('T', ' ').replace('Z', '');

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

export async function loadZones(read: ReadQuery): Promise<{ rows: Map<number, ZoneRow>; tree: ZoneTree }> {
  const rows = await read<ZoneRow>(
    'SELECT id, name, kind, parent_id, place_id, time_zone, active FROM zones ORDER BY id',
    [],
  );
  const specs: ZoneSpec[] = rows.map((z) => ({
    id: z.id,
    parentId: z.parent_id,
    timeZone: z.time_zone,
    name: z.name,
  }));
  return { rows: new Map(rows.map((z) => [z.id, z])), tree: new ZoneTree(specs) };
}

/** A zone, the zones above it and the zones below it: those whose air time it shares. Indexed walk. */
export async function relatedZones(
  read: ReadQuery,
  zoneId: number,
): Promise<{ tree: ZoneTree; ids: number[]; zone?: { active: boolean } }> {
  const rows = await read<{
    id: number;
    name: string;
    parent_id: number | null;
    time_zone: string;
    active: number;
  }>(
    `WITH RECURSIVE up(id) AS (
       SELECT CAST(? AS bigint) UNION SELECT z.parent_id FROM zones z JOIN up ON z.id = up.id WHERE z.parent_id IS NOT NULL
     ), down(id) AS (
       SELECT CAST(? AS bigint) UNION SELECT z.id FROM zones z JOIN down ON z.parent_id = down.id
     )
     SELECT id, name, parent_id, time_zone, active FROM zones WHERE id IN (SELECT id FROM up UNION SELECT id FROM down)`,
    [zoneId, zoneId],
  );
  const ids = new Set(rows.map((r) => r.id));
  const tree = new ZoneTree(
    rows.map((r) => ({
      id: r.id,
      // The top of the walk keeps no parent outside the set.
      parentId: r.parent_id !== null && ids.has(r.parent_id) ? r.parent_id : null,
      timeZone: r.time_zone,
      name: r.name,
    })),
  );
  const self = rows.find((r) => r.id === zoneId);
  return { tree, ids: [...ids], zone: self && { active: Boolean(self.active) } };
}

interface WindowRow {
  id: number;
  zone_id: number;
  start_time: string;
  end_time: string;
  start_date: string;
  rrule: string;
  except_dates: string;
}

interface AllocationRow {
  id: number;
  window_id: number;
  segment_id: number;
  time: string;
  max_seconds: number;
  rrule: string | null;
  start_date: string | null;
  except_dates: string;
}

export interface Grid {
  windows: BroadcastWindowSpec[];
  allocations: SegmentAllocationSpec[];
}

/** Active windows of the zones (and their allocations, optionally of one segment or one allocation). */
export async function loadGrid(
  read: ReadQuery,
  tree: ZoneTree,
  zoneIds: number[],
  filter: { segmentId?: number; allocationId?: number; windowsOnly?: boolean } = {},
): Promise<Grid> {
  if (zoneIds.length === 0) return { windows: [], allocations: [] };
  const windowRows = await read<WindowRow>(
    `SELECT id, zone_id, start_time, end_time, start_date, rrule, except_dates FROM broadcast_windows
      WHERE active = TRUE AND zone_id IN (${placeholders(zoneIds.length)}) ORDER BY id`,
    zoneIds,
  );
  const windows = windowRows.map((w) => ({
    id: w.id,
    zoneId: w.zone_id,
    startTime: w.start_time,
    endTime: w.end_time,
    startDate: w.start_date,
    rule: parseRrule(w.rrule, tree.timeZone(w.zone_id)),
    exceptDates: JSON.parse(w.except_dates) as string[],
  }));
  if (windows.length === 0 || filter.windowsOnly) return { windows, allocations: [] };
  const zoneOfWindow = new Map(windows.map((w) => [w.id, w.zoneId]));
  const params: unknown[] = windows.map((w) => w.id);
  let extra = '';
  if (filter.segmentId) {
    extra += ' AND segment_id = ?';
    params.push(filter.segmentId);
  }
  if (filter.allocationId) {
    extra += ' AND id = ?';
    params.push(filter.allocationId);
  }
  const allocationRows = await read<AllocationRow>(
    `SELECT id, window_id, segment_id, time, max_seconds, rrule, start_date, except_dates FROM segment_allocations
      WHERE window_id IN (${placeholders(windows.length)})${extra} ORDER BY id`,
    params,
  );
  const allocations = allocationRows.map((a) => ({
    id: a.id,
    windowId: a.window_id,
    segmentId: a.segment_id,
    time: a.time,
    maxSeconds: a.max_seconds,
    rule: a.rrule ? parseRrule(a.rrule, tree.timeZone(zoneOfWindow.get(a.window_id)!)) : undefined,
    startDate: a.start_date ?? undefined,
    exceptDates: JSON.parse(a.except_dates) as string[],
  }));
  return { windows, allocations };
}

export interface PlacementRow {
  id: number;
  zone_id: number;
  reportage_id: number;
  allocation_id: number | null;
  starts_at: string;
  ends_at: string;
  duration_seconds: number;
  status: string;
}

/**
 * Placements holding air time in the zones that overlap [start, end). Uses the (zone_id, starts_at)
 * index and stays bounded: nothing lasts longer than a window session (at most a day), so only
 * starts from a day before `start` can reach into it.
 */
export async function placementsHolding(
  read: ReadQuery,
  zoneIds: number[],
  start: Date,
  end: Date,
): Promise<PlacedInterval[]> {
  if (zoneIds.length === 0) return [];
  const rows = await read<PlacementRow>(
    `SELECT id, zone_id, starts_at, ends_at FROM placements
      WHERE zone_id IN (${placeholders(zoneIds.length)}) AND starts_at >= ? AND starts_at < ? AND ends_at > ?
        AND status <> 'cancelled'`,
    [...zoneIds, sqlUtc(start.getTime() - MAX_ITEM_MS), sqlUtc(end), sqlUtc(start)],
  );
  return rows.map((r) => ({
    id: r.id,
    zoneId: r.zone_id,
    start: utcDate(r.starts_at),
    end: utcDate(r.ends_at),
  }));
}

/** The longest a placement may last: a window session never exceeds a day. */
export const MAX_ITEM_MS = 86_400_000;
