import { invalid } from '../common/errors.js';
import { isoDate, localToInstant, wallMinutes, dayNumber, localDayOf } from './local-time.js';
import { RecurrenceRule, recurrenceDays } from './recurrence.js';
import { ZoneTree } from './zones.js';

/**
 * The program grid (lịch khung): broadcast windows that recur in a zone, and segment allocations
 * inside them. Both are wall-clock rules in the zone's time zone; this module turns them into
 * instants for a period.
 */
export interface BroadcastWindowSpec {
  id: number;
  zoneId: number;
  /** "HH:mm" local. */
  startTime: string;
  /** "HH:mm" local; at or before startTime means the window ends the next day. */
  endTime: string;
  /** First local date of the series. */
  startDate: string;
  rule: RecurrenceRule;
  /** Sessions that do not take place (holidays, cancelled sessions): local dates. */
  exceptDates?: string[];
}

/** A segment's (chuyên mục) slot inside a window: "column X on Tuesday and Friday at 17:10, up to 10 minutes". */
export interface SegmentAllocationSpec {
  id: number;
  windowId: number;
  segmentId: number;
  /** "HH:mm" local; must fall inside the window. */
  time: string;
  maxSeconds: number;
  /** Days the slot is used; absent: every session of the window. */
  rule?: RecurrenceRule;
  /** First local date of `rule`; the window's start date when absent. */
  startDate?: string;
  exceptDates?: string[];
}

export interface WindowOccurrence {
  windowId: number;
  zoneId: number;
  date: string;
  start: Date;
  end: Date;
}

/** One concrete slot to fill: what the planner and the placement rules work on. */
export interface AllocationOccurrence {
  allocationId: number;
  windowId: number;
  zoneId: number;
  segmentId: number;
  /** Local date of the window session, "YYYY-MM-DD". */
  date: string;
  start: Date;
  maxSeconds: number;
  /** End of the window session the slot lies in: nothing placed here may run past it. */
  windowEnd: Date;
  timeZone: string;
}

/** Window sessions starting in [from, to), ordered by start, then window id. */
export function expandWindows(
  tree: ZoneTree,
  windows: readonly BroadcastWindowSpec[],
  from: Date,
  to: Date,
): WindowOccurrence[] {
  const result: WindowOccurrence[] = [];
  for (const window of windows) {
    const timeZone = tree.timeZone(window.zoneId);
    const startMinutes = wallMinutes(window.startTime);
    const endMinutes = wallMinutes(window.endTime);
    const endOffsetDays = endMinutes <= startMinutes ? 1 : 0;
    const recurrence = { time: window.startTime, timeZone, startDate: window.startDate, rule: window.rule };
    const days = recurrenceDays(
      { ...recurrence, exceptDates: window.exceptDates },
      localDayOf(from, timeZone) - 1,
      localDayOf(to.getTime() - 1, timeZone) + 1,
    );
    for (const day of days) {
      const start = localToInstant(day, startMinutes, timeZone);
      if (start < from || start >= to) continue;
      const end = localToInstant(day + endOffsetDays, endMinutes, timeZone);
      result.push({ windowId: window.id, zoneId: window.zoneId, date: isoDate(day), start, end });
    }
  }
  return result.sort((a, b) => a.start.getTime() - b.start.getTime() || a.windowId - b.windowId);
}

/**
 * Allocation slots whose window session starts in [from, to), ordered by start, zone, allocation id.
 * A slot exists on a session's date when the allocation's own rule (if any) generates that date and
 * its time falls inside the session; a slot outside its window is refused as a grid error.
 */
export function expandAllocations(
  tree: ZoneTree,
  windows: readonly BroadcastWindowSpec[],
  allocations: readonly SegmentAllocationSpec[],
  from: Date,
  to: Date,
): AllocationOccurrence[] {
  const windowsById = new Map(windows.map((w) => [w.id, w]));
  const sessions = new Map<number, WindowOccurrence[]>();
  for (const session of expandWindows(tree, windows, from, to)) {
    const list = sessions.get(session.windowId) ?? [];
    list.push(session);
    sessions.set(session.windowId, list);
  }
  const result: AllocationOccurrence[] = [];
  for (const allocation of allocations) {
    const window = windowsById.get(allocation.windowId);
    if (!window) {
      throw invalid(
        'UNKNOWN_WINDOW',
        `Chuyên mục ${allocation.id} gắn với khung giờ ${allocation.windowId} không tồn tại.`,
      );
    }
    if (!(allocation.maxSeconds > 0)) {
      throw invalid(
        'INVALID_ALLOCATION',
        `Thời lượng tối đa của ô chuyên mục ${allocation.id} phải lớn hơn 0.`,
      );
    }
    const timeZone = tree.timeZone(window.zoneId);
    const minutes = wallMinutes(allocation.time);
    const windowStart = wallMinutes(window.startTime);
    // Minutes after the session's start date midnight: a slot after midnight in an overnight window
    // belongs to the previous day's session.
    const offsetMinutes = minutes >= windowStart ? minutes : minutes + 24 * 60;
    const list = sessions.get(window.id) ?? [];
    const allowedDays = allocation.rule
      ? new Set(
          recurrenceDays(
            {
              time: allocation.time,
              timeZone,
              startDate: allocation.startDate ?? window.startDate,
              rule: allocation.rule,
            },
            list.length > 0 ? dayNumber(list[0].date) : 0,
            list.length > 0 ? dayNumber(list[list.length - 1].date) : -1,
          ),
        )
      : undefined;
    const excluded = new Set((allocation.exceptDates ?? []).map(dayNumber));
    for (const session of list) {
      const day = dayNumber(session.date);
      if (excluded.has(day) || (allowedDays && !allowedDays.has(day))) continue;
      const start = localToInstant(day + Math.floor(offsetMinutes / 1440), offsetMinutes % 1440, timeZone);
      if (start < session.start || start >= session.end) {
        throw invalid(
          'ALLOCATION_OUTSIDE_WINDOW',
          `Ô chuyên mục ${allocation.id} lúc ${allocation.time} nằm ngoài khung giờ ${window.startTime}–${window.endTime}.`,
        );
      }
      result.push({
        allocationId: allocation.id,
        windowId: window.id,
        zoneId: window.zoneId,
        segmentId: allocation.segmentId,
        date: session.date,
        start,
        maxSeconds: allocation.maxSeconds,
        windowEnd: session.end,
        timeZone,
      });
    }
  }
  return result.sort(
    (a, b) => a.start.getTime() - b.start.getTime() || a.zoneId - b.zoneId || a.allocationId - b.allocationId,
  );
}
