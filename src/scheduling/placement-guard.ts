import { HttpStatus } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError, invalid, type ErrorDetail } from '../common/errors.js';
import type { ReadQuery } from '../common/sql.js';
import { loadGrid, placementsHolding, relatedZones } from './grid-loader.js';
import { checkPlacement, placementEnd, type PlacementProblem, type SlotBounds } from './placement-rules.js';
import { expandAllocations, expandWindows } from './program-grid.js';
import { formatLocalDate, formatLocalTime } from './rundown-format.js';
import type { ZoneTree } from './zones.js';

/**
 * Every refusal rule of a placement, checked inside the write transaction that then inserts it, so
 * what was checked is what is committed (see {@link takeScheduleWriteLock}).
 */
export interface PlacementInput {
  /** Set when moving an existing placement, so it does not collide with itself. */
  id?: number;
  reportageId: number;
  zoneId: number;
  start: Date;
  allocationId?: number | null;
}

export interface CheckedPlacement {
  durationSeconds: number;
  end: Date;
  timeZone: string;
}

const DAY_MS = 86_400_000;

/**
 * Takes SQLite's write lock as the first statement of a transaction, which is what BEGIN IMMEDIATE
 * does: this process already runs one write transaction at a time (Database.transaction), and another
 * process sharing the file now waits (busy timeout) before reading anything, instead of checking an
 * overlap against a snapshot the other is about to change.
 */
export async function takeScheduleWriteLock(m: EntityManager): Promise<void> {
  await m.query(
    `INSERT INTO settings (key, value) VALUES ('schedule_write', ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    [new Date().toISOString()],
  );
}

interface ReportageRow {
  status: string;
  segment_id: number;
  valid_from: string | null;
  valid_until: string | null;
  current_audio_id: number | null;
  audio_status: string | null;
  broadcast_duration_seconds: number | null;
  duration_seconds: number | null;
}

export async function checkPlacementInTx(
  m: EntityManager,
  input: PlacementInput,
  now: Date,
): Promise<CheckedPlacement> {
  const read: ReadQuery = (sql, params) => m.query(sql, params);
  const [reportage] = await read<ReportageRow>(
    `SELECT r.status, r.segment_id, r.valid_from, r.valid_until, r.current_audio_id, r.duration_seconds,
            a.status AS audio_status, a.broadcast_duration_seconds
       FROM reportages r LEFT JOIN audio_assets a ON a.id = r.current_audio_id WHERE r.id = ?`,
    [input.reportageId],
  );
  if (!reportage) throw missing('reportageId', `Không tìm thấy phóng sự có mã ${input.reportageId}.`);
  if (reportage.status !== 'approved')
    throw new AppError(
      HttpStatus.CONFLICT,
      'REPORTAGE_NOT_APPROVED',
      `Phóng sự ${input.reportageId} chưa được duyệt nên chưa được xếp lịch phát. Hãy gửi lãnh đạo duyệt trước.`,
    );
  const duration = reportage.broadcast_duration_seconds ?? reportage.duration_seconds;
  if (reportage.audio_status !== 'ready' || !duration)
    throw new AppError(
      HttpStatus.CONFLICT,
      'AUDIO_NOT_READY',
      `Phóng sự ${input.reportageId} chưa có bản phát sóng sẵn sàng nên chưa xếp lịch được.`,
    );
  const { tree, ids, zone } = await relatedZones(read, input.zoneId);
  if (!zone) throw missing('zoneId', `Không tìm thấy vùng phát có mã ${input.zoneId}.`);
  if (!zone.active)
    throw new AppError(
      HttpStatus.CONFLICT,
      'ZONE_INACTIVE',
      `Vùng phát ${input.zoneId} đang ngừng hoạt động; hãy bật lại trước khi xếp lịch.`,
    );
  const timeZone = tree.timeZone(input.zoneId);
  const end = placementEnd(input.start, duration);
  // Windows of the zone and the zones above it: a station's session is its clusters' session too.
  const hosts = [input.zoneId, ...tree.ancestors(input.zoneId)];
  const slot = await findSlot(read, input, reportage.segment_id, hosts, tree, timeZone);
  const others = await placementsHolding(read, ids, input.start, end);
  const problems = checkPlacement(
    tree,
    {
      id: input.id,
      zoneId: input.zoneId,
      start: input.start,
      durationSeconds: duration,
      validFrom: reportage.valid_from,
      validUntil: reportage.valid_until,
    },
    { slot, others, now },
  );
  if (problems.length) throw refusal(problems);
  return { durationSeconds: duration, end, timeZone };
}

async function findSlot(
  read: ReadQuery,
  input: PlacementInput,
  segmentId: number,
  hosts: number[],
  tree: ZoneTree,
  timeZone: string,
): Promise<SlotBounds> {
  const from = new Date(input.start.getTime() - DAY_MS);
  const to = new Date(input.start.getTime() + 1);
  const when = `${formatLocalTime(input.start, timeZone)} ngày ${formatLocalDate(input.start, timeZone)}`;
  if (input.allocationId) {
    const [row] = await read<{ zone_id: number; segment_id: number }>(
      `SELECT w.zone_id, a.segment_id FROM segment_allocations a JOIN broadcast_windows w ON w.id = a.window_id
        WHERE a.id = ?`,
      [input.allocationId],
    );
    if (!row) throw missing('allocationId', `Không tìm thấy ô chuyên mục có mã ${input.allocationId}.`);
    if (!hosts.includes(row.zone_id))
      throw invalid(
        'ALLOCATION_OTHER_ZONE',
        `Ô chuyên mục ${input.allocationId} thuộc lịch khung của vùng khác.`,
        [
          {
            field: 'allocationId',
            code: 'otherZone',
            message: 'Hãy chọn ô chuyên mục của vùng phát này hoặc đài quản lý nó.',
          },
        ],
      );
    if (row.segment_id !== segmentId)
      throw invalid(
        'WRONG_SEGMENT',
        `Ô chuyên mục ${input.allocationId} dành cho chuyên mục khác với chuyên mục của phóng sự.`,
        [
          {
            field: 'allocationId',
            code: 'otherSegment',
            message: 'Phóng sự chỉ vào được ô của chuyên mục của nó.',
          },
        ],
      );
    const grid = await loadGrid(read, tree, [row.zone_id], { allocationId: input.allocationId });
    const occurrences = expandAllocations(tree, grid.windows, grid.allocations, from, to);
    const slot = occurrences.filter((o) => o.start <= input.start).pop() ?? occurrences[0];
    if (!slot)
      throw invalid(
        'NOT_IN_ALLOCATION',
        `Ô chuyên mục ${input.allocationId} không có buổi phát nào lúc ${when}.`,
        [{ field: 'startsAt', code: 'noSession', message: 'Hãy chọn giờ trong một buổi của ô chuyên mục.' }],
      );
    return slot;
  }
  const grid = await loadGrid(read, tree, hosts, { windowsOnly: true });
  const session = expandWindows(tree, grid.windows, from, to)
    .filter((s) => s.start <= input.start && input.start < s.end)
    .pop();
  if (!session)
    throw invalid('OUTSIDE_WINDOW', `Lúc ${when} không có khung giờ phát nào của vùng này.`, [
      { field: 'startsAt', code: 'outsideWindow', message: 'Hãy chọn giờ nằm trong một khung giờ phát.' },
    ]);
  // No slot of its own: only the session's end bounds it (reported as EXCEEDS_WINDOW).
  return { start: session.start, maxSeconds: 2 * 86_400, windowEnd: session.end };
}

const missing = (field: string, message: string) =>
  invalid('REFERENCE_NOT_FOUND', message, [{ field, code: 'notFound', message }]);

/** An overlap is a conflict with someone else's placement (409); the rest are problems of the request (422). */
export function refusal(problems: PlacementProblem[]): AppError {
  const overlap = problems.find((p) => p.code === 'OVERLAP');
  const first = overlap ?? problems[0];
  const details: ErrorDetail[] = problems.map((p) => ({
    field: p.code === 'OVERLAP' ? 'startsAt' : undefined,
    code: p.code,
    message: p.message,
  }));
  return new AppError(
    overlap ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY,
    first.code,
    `Không xếp được lịch phát: ${problems.map((p) => p.message).join(' ')}`,
    details,
    overlap ? { conflictId: overlap.conflictId } : undefined,
  );
}
