import { HttpStatus, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError, invalid, type ErrorDetail } from '../common/errors.js';
import {
  AirableReportages,
  refuseUnlessAirable,
} from '../catalog/reportages/airable-reportages.repository.js';
import { SettingsRepository } from '../database/settings.repository.js';
import { GridRepository } from './grid.repository.js';
import { checkPlacement, placementEnd, type PlacementProblem, type SlotBounds } from './placement-rules.js';
import { expandAllocations, expandWindows } from './program-grid.js';
import { formatLocalDate, formatLocalTime } from './rundown-format.js';
import { PlacementsRepository } from './placements.repository.js';
import type { ZoneTree } from './zones.js';
import { ZonesRepository } from './zones.repository.js';

/**
 * Every refusal rule of a placement, checked inside the write transaction that then inserts it, so
 * what was checked is what is committed (see {@link PlacementGuard.takeScheduleWriteLock}).
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

/** Checks placements against every rule, inside the write transaction that then writes them. */
@Injectable()
export class PlacementGuard {
  constructor(
    private readonly reportages: AirableReportages,
    private readonly settings: SettingsRepository,
    private readonly zones: ZonesRepository,
    private readonly grid: GridRepository,
    private readonly placements: PlacementsRepository,
  ) {}

  /** The first statement of every schedule write: see {@link SettingsRepository.takeScheduleWriteLock}. */
  takeScheduleWriteLock(m: EntityManager): Promise<void> {
    return this.settings.takeScheduleWriteLock(m);
  }

  async check(m: EntityManager, input: PlacementInput, now: Date): Promise<CheckedPlacement> {
    const reportage = await this.reportages.one(input.reportageId, m);
    if (!reportage) throw missing('reportageId', `Không tìm thấy phóng sự có mã ${input.reportageId}.`);
    refuseUnlessAirable(reportage);
    const duration = reportage.durationSeconds!;
    const { tree, ids, zone } = await this.zones.related(input.zoneId, m);
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
    const slot = await this.findSlot(m, input, reportage.segmentId, hosts, tree, timeZone);
    const others = await this.placements.holding(ids, input.start, end, m);
    const problems = checkPlacement(
      tree,
      {
        id: input.id,
        zoneId: input.zoneId,
        start: input.start,
        durationSeconds: duration,
        validFrom: reportage.validFrom,
        validUntil: reportage.validUntil,
      },
      { slot, others, now },
    );
    if (problems.length) throw refusal(problems);
    return { durationSeconds: duration, end, timeZone };
  }

  private async findSlot(
    m: EntityManager,
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
      const row = await this.grid.allocationHost(input.allocationId, m);
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
      const grid = await this.grid.grid(tree, [row.zone_id], { allocationId: input.allocationId }, m);
      const occurrences = expandAllocations(tree, grid.windows, grid.allocations, from, to);
      const slot = occurrences.filter((o) => o.start <= input.start).pop() ?? occurrences[0];
      if (!slot)
        throw invalid(
          'NOT_IN_ALLOCATION',
          `Ô chuyên mục ${input.allocationId} không có buổi phát nào lúc ${when}.`,
          [
            {
              field: 'startsAt',
              code: 'noSession',
              message: 'Hãy chọn giờ trong một buổi của ô chuyên mục.',
            },
          ],
        );
      return slot;
    }
    const grid = await this.grid.grid(tree, hosts, { windowsOnly: true }, m);
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
