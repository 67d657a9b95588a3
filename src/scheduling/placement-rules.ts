import { dayNumber, localDayOf } from './local-time.js';
import {
  formatDate,
  formatDuration,
  formatLocalDate,
  formatLocalTime,
  formatLocalTimeRange,
} from './rundown-format.js';
import { ZoneTree } from './zones.js';

/**
 * The pure refusal rules for a placement (xếp lịch): a reportage placed in a zone at a start instant
 * for its duration. The service loads what these need and turns problems into an error response.
 * Intervals are half-open, [start, end): one item ending at 17:10 and the next starting at 17:10 touch
 * but do not overlap.
 */
export interface Interval {
  start: Date;
  end: Date;
}

/** A placement already on the schedule. */
export interface PlacedInterval extends Interval {
  id: number;
  zoneId: number;
}

export type PlacementProblemCode =
  | 'INVALID_DURATION'
  | 'IN_PAST'
  | 'BEFORE_ALLOCATION'
  | 'EXCEEDS_ALLOCATION'
  | 'EXCEEDS_WINDOW'
  | 'OVERLAP'
  | 'NOT_YET_VALID'
  | 'EXPIRED';

export interface PlacementProblem {
  code: PlacementProblemCode;
  /** Vietnamese, for the scheduler. */
  message: string;
  /** OVERLAP: the placement it collides with. */
  conflictId?: number;
}

/** The slot a placement goes into: see AllocationOccurrence. */
export interface SlotBounds {
  start: Date;
  maxSeconds: number;
  windowEnd: Date;
}

export interface PlacementRequest {
  /** Set when an existing placement is being moved, so it does not collide with itself. */
  id?: number;
  zoneId: number;
  start: Date;
  durationSeconds: number;
  /** Reportage validity, local calendar dates, inclusive. */
  validFrom?: string | null;
  validUntil?: string | null;
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}

/** The end instant of an item starting at `start`, to the millisecond (durations may be fractional). */
export function placementEnd(start: Date, durationSeconds: number): Date {
  return new Date(start.getTime() + Math.round(durationSeconds * 1000));
}

export function checkDuration(durationSeconds: number): PlacementProblem | undefined {
  if (Number.isFinite(durationSeconds) && durationSeconds > 0) return undefined;
  return { code: 'INVALID_DURATION', message: 'Phóng sự chưa có thời lượng hợp lệ nên không thể xếp lịch.' };
}

/** A start at or after `now` is allowed: scheduling for "right now" is the operator's call. */
export function checkNotPast(start: Date, now: Date, timeZone: string): PlacementProblem | undefined {
  if (start.getTime() >= now.getTime()) return undefined;
  return {
    code: 'IN_PAST',
    message: `Giờ phát ${formatLocalTime(start, timeZone)} ngày ${formatLocalDate(start, timeZone)} đã qua.`,
  };
}

/** Does [start, start + duration) stay inside the slot and its window session? */
export function checkFit(
  start: Date,
  durationSeconds: number,
  slot: SlotBounds,
  timeZone: string,
): PlacementProblem[] {
  const problems: PlacementProblem[] = [];
  const end = placementEnd(start, durationSeconds);
  const slotEnd = placementEnd(slot.start, slot.maxSeconds);
  if (start.getTime() < slot.start.getTime()) {
    problems.push({
      code: 'BEFORE_ALLOCATION',
      message: `Giờ bắt đầu ${formatLocalTime(start, timeZone)} sớm hơn ô chuyên mục (${formatLocalTime(slot.start, timeZone)}).`,
    });
  }
  if (end.getTime() > slotEnd.getTime()) {
    problems.push({
      code: 'EXCEEDS_ALLOCATION',
      message: `Phóng sự dài ${formatDuration(durationSeconds)}, vượt quá ô chuyên mục (kết thúc lúc ${formatLocalTime(slotEnd, timeZone)}, tối đa ${formatDuration(slot.maxSeconds)}).`,
    });
  }
  if (end.getTime() > slot.windowEnd.getTime()) {
    problems.push({
      code: 'EXCEEDS_WINDOW',
      message: `Phóng sự kết thúc lúc ${formatLocalTime(end, timeZone)}, sau khi khung giờ phát kết thúc (${formatLocalTime(slot.windowEnd, timeZone)}).`,
    });
  }
  return problems;
}

/**
 * Placements that collide with the request: same zone or a zone above or below it, overlapping in
 * time. Ordered by start, then id.
 */
export function findOverlaps(
  tree: ZoneTree,
  request: { id?: number; zoneId: number; start: Date; end: Date },
  others: readonly PlacedInterval[],
): PlacedInterval[] {
  const related = tree.related(request.zoneId);
  return others
    .filter((other) => other.id !== request.id && related.has(other.zoneId) && overlaps(request, other))
    .sort((a, b) => a.start.getTime() - b.start.getTime() || a.id - b.id);
}

/** The local date of the start must lie in [validFrom, validUntil] (either bound may be open). */
export function checkValidity(
  start: Date,
  timeZone: string,
  validFrom?: string | null,
  validUntil?: string | null,
): PlacementProblem | undefined {
  const day = localDayOf(start, timeZone);
  if (validFrom && day < dayNumber(validFrom)) {
    return { code: 'NOT_YET_VALID', message: `Phóng sự chỉ được phát từ ngày ${formatDate(validFrom)}.` };
  }
  if (validUntil && day > dayNumber(validUntil)) {
    return { code: 'EXPIRED', message: `Phóng sự chỉ được phát đến hết ngày ${formatDate(validUntil)}.` };
  }
  return undefined;
}

/** Every pure refusal rule at once, in the order a scheduler would want to read them. */
export function checkPlacement(
  tree: ZoneTree,
  request: PlacementRequest,
  context: { slot?: SlotBounds; others: readonly PlacedInterval[]; now: Date },
): PlacementProblem[] {
  const timeZone = tree.timeZone(request.zoneId);
  const durationProblem = checkDuration(request.durationSeconds);
  if (durationProblem) return [durationProblem];
  const problems: PlacementProblem[] = [];
  const push = (problem: PlacementProblem | undefined) => problem && problems.push(problem);
  push(checkNotPast(request.start, context.now, timeZone));
  if (context.slot)
    problems.push(...checkFit(request.start, request.durationSeconds, context.slot, timeZone));
  const end = placementEnd(request.start, request.durationSeconds);
  for (const other of findOverlaps(tree, { ...request, end }, context.others)) {
    problems.push({
      code: 'OVERLAP',
      conflictId: other.id,
      message:
        `Trùng giờ với một lượt phát đã xếp (${formatLocalTimeRange(other.start, other.end, timeZone)}` +
        `${other.zoneId === request.zoneId ? '' : `, ${tree.nameOf(other.zoneId)}`}).`,
    });
  }
  push(checkValidity(request.start, timeZone, request.validFrom, request.validUntil));
  return problems;
}
