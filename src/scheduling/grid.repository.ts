import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { countWhere, requireRefs } from '../database/crud.js';
import { Database } from '../database/database.service.js';
import { placeholders, type ReadQuery } from '../database/sql.js';
import { Segment } from '../catalog/segments/segment.entity.js';
import type { BroadcastWindowSpec, SegmentAllocationSpec } from './program-grid.js';
import { parseRrule } from './recurrence.js';
import { BroadcastWindow, SegmentAllocation } from './scheduling.entities.js';
import type { ZoneTree } from './zones.js';

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

export interface GridFilter {
  segmentId?: number;
  allocationId?: number;
  windowsOnly?: boolean;
}

/** Active windows of the zones (and their allocations, optionally of one segment or one allocation). */
export async function loadGrid(
  read: ReadQuery,
  tree: ZoneTree,
  zoneIds: number[],
  filter: GridFilter = {},
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

/** The program grid (lịch khung): broadcast windows and the segment allocations inside them. */
@Injectable()
export class GridRepository {
  constructor(private readonly db: Database) {}

  /** The grid of these zones in the scheduling core's shapes (see {@link loadGrid}). */
  grid(tree: ZoneTree, zoneIds: number[], filter: GridFilter = {}, m?: EntityManager): Promise<Grid> {
    return loadGrid(this.db.on(m), tree, zoneIds, filter);
  }

  /** The zone (of its window) and segment of an allocation. */
  async allocationHost(
    allocationId: number,
    m?: EntityManager,
  ): Promise<{ zone_id: number; segment_id: number } | undefined> {
    const [row] = await this.db.on(m)<{ zone_id: number; segment_id: number }>(
      `SELECT w.zone_id, a.segment_id FROM segment_allocations a JOIN broadcast_windows w ON w.id = a.window_id
        WHERE a.id = ?`,
      [allocationId],
    );
    return row;
  }

  /** Every window's name, by id. */
  async windowNames(m?: EntityManager): Promise<Map<number, string | null>> {
    const rows = await this.db.on(m)<{ id: number; name: string | null }>(
      'SELECT id, name FROM broadcast_windows',
      [],
    );
    return new Map(rows.map((w) => [w.id, w.name]));
  }

  windowsOf(zoneId: number): Promise<BroadcastWindow[]> {
    return this.db.manager.find(BroadcastWindow, {
      where: { zoneId },
      order: { startTime: 'ASC', id: 'ASC' },
    });
  }

  allocationsOf(windowId: number, m?: EntityManager): Promise<SegmentAllocation[]> {
    return (m ?? this.db.manager).find(SegmentAllocation, {
      where: { windowId },
      order: { time: 'ASC', id: 'ASC' },
    });
  }

  saveWindow(m: EntityManager, window: BroadcastWindow): Promise<BroadcastWindow> {
    return m.save(window);
  }

  saveAllocation(m: EntityManager, allocation: SegmentAllocation): Promise<SegmentAllocation> {
    return m.save(allocation);
  }

  async deleteWindow(m: EntityManager, id: number): Promise<void> {
    await m.delete(BroadcastWindow, id);
  }

  async deleteAllocation(m: EntityManager, id: number): Promise<void> {
    await m.delete(SegmentAllocation, id);
  }

  /** Placements still holding air time in one of the window's allocations. */
  placementsInWindow(m: EntityManager, windowId: number): Promise<number> {
    return countWhere(
      m,
      'placements',
      "status <> 'cancelled' AND allocation_id IN (SELECT id FROM segment_allocations WHERE window_id = ?)",
      [windowId],
    );
  }

  /** Placements still holding air time in the allocation. */
  placementsInAllocation(m: EntityManager, allocationId: number): Promise<number> {
    return countWhere(m, 'placements', "status <> 'cancelled' AND allocation_id = ?", [allocationId]);
  }

  /**
   * The segment an allocation is for must exist (422 otherwise). A read of the catalog's `segments`:
   * the catalog publishes no read of "does this segment exist" yet.
   */
  requireSegment(m: EntityManager, segmentId: number): Promise<void> {
    return requireRefs(m, Segment, [segmentId], 'segmentId', 'chuyên mục');
  }
}
