import { HttpStatus } from '@nestjs/common';
import { AppError, type ErrorDetail } from '../common/errors.js';
import {
  refuseUnlessAirable,
  type AirableReportage,
} from '../catalog/reportages/airable-reportages.repository.js';
import { refusal } from './placement-guard.js';
import {
  checkPlacement,
  findOverlaps,
  placementEnd,
  type PlacedInterval,
  type SlotBounds,
} from './placement-rules.js';
import type { AllocationOccurrence, WindowOccurrence } from './program-grid.js';
import { formatLocalDate, formatLocalTime } from './rundown-format.js';
import type { StagedPlacement } from './placement-status.repository.js';
import type { ZoneTree } from './zones.js';

const DAY_MS = 86_400_000;

/** Air time held by placements, per zone, sorted by start: "who overlaps [start, end)" in a few steps. */
export class AirTimeIndex {
  private readonly byZone = new Map<number, PlacedInterval[]>();

  constructor(intervals: readonly PlacedInterval[] = []) {
    for (const p of intervals) {
      const list = this.byZone.get(p.zoneId) ?? [];
      list.push(p);
      this.byZone.set(p.zoneId, list);
    }
    for (const list of this.byZone.values()) list.sort((a, b) => a.start.getTime() - b.start.getTime());
  }

  add(p: PlacedInterval): void {
    const list = this.byZone.get(p.zoneId) ?? [];
    this.byZone.set(p.zoneId, list);
    list.splice(firstStartingAtOrAfter(list, p.start.getTime()), 0, p);
  }

  /** Intervals of these zones that may reach into [start, end) (nothing lasts over a day). */
  near(zoneIds: Iterable<number>, start: Date, end: Date): PlacedInterval[] {
    const found: PlacedInterval[] = [];
    for (const zoneId of zoneIds) {
      const list = this.byZone.get(zoneId);
      if (!list) continue;
      for (let k = firstStartingAtOrAfter(list, start.getTime() - DAY_MS); k < list.length; k++) {
        if (list[k].start.getTime() >= end.getTime()) break;
        if (list[k].end.getTime() > start.getTime()) found.push(list[k]);
      }
    }
    return found;
  }
}

function firstStartingAtOrAfter(list: readonly PlacedInterval[], at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start.getTime() < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A proposed placement of a plan, as the proposal keeps it. */
export interface PlanItem {
  row: number;
  allocationId: number | null;
  zoneId: number;
  reportageId: number;
  start: Date;
}

/** What checking a plan's items needs, loaded once for the whole plan. */
export interface PlanCheckContext {
  tree: ZoneTree;
  activeZones: ReadonlySet<number>;
  reportages: ReadonlyMap<number, AirableReportage>;
  /**
   * Every allocation an item names, with its window's zone (undefined: gone). Occurrences exist only
   * for those of active windows of the plan's zones and the zones above them.
   */
  allocations: ReadonlyMap<number, { zoneId: number; segmentId: number } | undefined>;
  /** Their occurrences around the plan's period, per allocation, in time order. */
  occurrences: ReadonlyMap<number, AllocationOccurrence[]>;
  /** Window sessions per zone (for items without an allocation), in time order. */
  sessions: ReadonlyMap<number, WindowOccurrence[]>;
  /** Air time held by placements already on the schedule around the period. */
  taken: AirTimeIndex;
  now: Date;
}

export type CheckedItem = StagedPlacement & { row: number };

/**
 * Every rule PlacementGuard.check enforces, for every item of a plan, in memory: reportage airable,
 * zone active, allocation of the zone (or a zone above it) and of the reportage's segment, the slot's
 * bounds, not in the past, validity, and no overlap with the schedule nor with the plan's earlier items
 * (in proposal order, as when they were inserted one by one). Problems come back per row, with the
 * code and message the guard's refusal would carry.
 */
export function checkPlanItems(
  items: readonly PlanItem[],
  context: PlanCheckContext,
): { checked: CheckedItem[]; problems: ErrorDetail[] } {
  const checked: CheckedItem[] = [];
  const problems: ErrorDetail[] = [];
  for (const item of items) {
    try {
      const result = checkItem(item, context);
      checked.push(result);
      context.taken.add({ id: -(item.row + 1), zoneId: item.zoneId, start: result.start, end: result.end });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problems.push({
        row: item.row,
        field: `placements[${item.row}]`,
        code: error.code,
        message: error.message,
      });
    }
  }
  return { checked, problems };
}

/** Items that now overlap air time taken since they were checked (a chunk, inside its write transaction). */
export function overlapProblems(
  tree: ZoneTree,
  items: readonly CheckedItem[],
  taken: AirTimeIndex,
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  for (const item of items) {
    const others = findOverlaps(
      tree,
      { zoneId: item.zoneId, start: item.start, end: item.end },
      taken.near(tree.related(item.zoneId), item.start, item.end),
    );
    if (others.length === 0) continue;
    const error = refusal(
      checkPlacement(
        tree,
        { zoneId: item.zoneId, start: item.start, durationSeconds: item.durationSeconds },
        { others, now: new Date(0) },
      ),
    );
    problems.push({
      row: item.row,
      field: `placements[${item.row}]`,
      code: error.code,
      message: error.message,
    });
  }
  return problems;
}

function checkItem(item: PlanItem, c: PlanCheckContext): CheckedItem {
  const reportage = c.reportages.get(item.reportageId);
  if (!reportage) throw missing('reportageId', `Không tìm thấy phóng sự có mã ${item.reportageId}.`);
  refuseUnlessAirable(reportage);
  const duration = reportage.durationSeconds!;
  if (!c.tree.has(item.zoneId)) throw missing('zoneId', `Không tìm thấy vùng phát có mã ${item.zoneId}.`);
  if (!c.activeZones.has(item.zoneId))
    throw new AppError(
      HttpStatus.CONFLICT,
      'ZONE_INACTIVE',
      `Vùng phát ${item.zoneId} đang ngừng hoạt động; hãy bật lại trước khi xếp lịch.`,
    );
  const timeZone = c.tree.timeZone(item.zoneId);
  const hosts = [item.zoneId, ...c.tree.ancestors(item.zoneId)];
  const slot = findSlot(item, reportage.segmentId, hosts, timeZone, c);
  const end = placementEnd(item.start, duration);
  const problems = checkPlacement(
    c.tree,
    {
      zoneId: item.zoneId,
      start: item.start,
      durationSeconds: duration,
      validFrom: reportage.validFrom,
      validUntil: reportage.validUntil,
    },
    { slot, others: c.taken.near(c.tree.related(item.zoneId), item.start, end), now: c.now },
  );
  if (problems.length) throw refusal(problems);
  return {
    row: item.row,
    zoneId: item.zoneId,
    reportageId: item.reportageId,
    allocationId: item.allocationId,
    start: item.start,
    end,
    durationSeconds: duration,
  };
}

/** PlacementGuard's findSlot, on the occurrences loaded for the whole plan. */
function findSlot(
  item: PlanItem,
  segmentId: number,
  hosts: number[],
  timeZone: string,
  c: PlanCheckContext,
): SlotBounds {
  const at = item.start.getTime();
  const when = () => `${formatLocalTime(item.start, timeZone)} ngày ${formatLocalDate(item.start, timeZone)}`;
  if (item.allocationId) {
    const allocation = c.allocations.get(item.allocationId);
    if (!allocation) throw missing('allocationId', `Không tìm thấy ô chuyên mục có mã ${item.allocationId}.`);
    if (!hosts.includes(allocation.zoneId))
      throw new AppError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'ALLOCATION_OTHER_ZONE',
        `Ô chuyên mục ${item.allocationId} thuộc lịch khung của vùng khác.`,
      );
    if (allocation.segmentId !== segmentId)
      throw new AppError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'WRONG_SEGMENT',
        `Ô chuyên mục ${item.allocationId} dành cho chuyên mục khác với chuyên mục của phóng sự.`,
      );
    // The last occurrence starting at or before the item (within a day), else the first after it.
    const all = c.occurrences.get(item.allocationId) ?? [];
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (all[mid].start.getTime() <= at) lo = mid + 1;
      else hi = mid;
    }
    const before = lo > 0 && all[lo - 1].start.getTime() > at - DAY_MS ? all[lo - 1] : undefined;
    const after = lo < all.length && all[lo].start.getTime() <= at + DAY_MS ? all[lo] : undefined;
    const slot = before ?? after;
    if (!slot)
      throw new AppError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'NOT_IN_ALLOCATION',
        `Ô chuyên mục ${item.allocationId} không có buổi phát nào lúc ${when()}.`,
      );
    return slot;
  }
  const session = hosts
    .flatMap((zoneId) => c.sessions.get(zoneId) ?? [])
    .filter((s) => s.start.getTime() <= at && at < s.end.getTime())
    .sort((a, b) => a.start.getTime() - b.start.getTime())
    .pop();
  if (!session)
    throw new AppError(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'OUTSIDE_WINDOW',
      `Lúc ${when()} không có khung giờ phát nào của vùng này.`,
    );
  return { start: session.start, maxSeconds: 2 * 86_400, windowEnd: session.end };
}

const missing = (field: string, message: string) =>
  new AppError(HttpStatus.UNPROCESSABLE_ENTITY, 'REFERENCE_NOT_FOUND', message, [
    { field, code: 'notFound', message },
  ]);
