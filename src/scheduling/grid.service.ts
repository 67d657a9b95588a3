import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { assignDefined, findForUpdate, findOr404 } from '../database/crud.js';
import { inUse, invalid } from '../common/errors.js';
import { snapshot } from '../audit/audit-changes.js';
import { AuditService } from '../audit/audit.service.js';
import { Database } from '../database/database.service.js';
import type {
  CreateAllocationDto,
  CreateWindowDto,
  UpdateAllocationDto,
  UpdateWindowDto,
} from './dto/grid.dto.js';
import { GridRepository } from './grid.repository.js';
import { wallMinutes } from './local-time.js';
import { formatRrule, parseRrule } from './recurrence.js';
import { formatDate } from './rundown-format.js';
import { BroadcastWindow, SegmentAllocation, Zone } from './scheduling.entities.js';

const WINDOW = 'khung giờ phát';
const ALLOCATION = 'ô chuyên mục';

/**
 * The program grid (lịch khung): windows of a zone and segment allocations inside them. Stored as local
 * wall-clock times and RRULEs; expanded on demand by program-grid.ts.
 */
@Injectable()
export class GridService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly grid: GridRepository,
  ) {}

  async listWindows(zoneId: number): Promise<BroadcastWindow[]> {
    await findOr404(this.db.manager, Zone, zoneId, 'vùng phát');
    return this.grid.windowsOf(zoneId);
  }

  getWindow(id: number): Promise<BroadcastWindow> {
    return findOr404(this.db.manager, BroadcastWindow, id, WINDOW);
  }

  createWindow(zoneId: number, dto: CreateWindowDto): Promise<BroadcastWindow> {
    return this.db.transaction(async (m) => {
      const zone = await findOr404(m, Zone, zoneId, 'vùng phát');
      const window = m.create(BroadcastWindow, {
        ...dto,
        zoneId,
        name: dto.name ?? null,
        rrule: dto.rrule ?? 'FREQ=DAILY',
        exceptDates: dto.exceptDates ?? [],
        active: dto.active ?? true,
      });
      normalizeWindow(window, zone.timeZone);
      const saved = await this.grid.saveWindow(m, window);
      await this.audit.record(m, {
        action: 'create',
        entity: 'broadcast_window',
        entityId: saved.id,
        after: snapshot(saved),
      });
      return saved;
    });
  }

  updateWindow(id: number, dto: UpdateWindowDto): Promise<BroadcastWindow> {
    return this.db.transaction(async (m) => {
      const window = await findForUpdate(m, BroadcastWindow, id, dto.version, WINDOW);
      const before = snapshot(window);
      assignDefined(window, dto);
      const zone = await findOr404(m, Zone, window.zoneId, 'vùng phát');
      normalizeWindow(window, zone.timeZone);
      for (const allocation of await this.grid.allocationsOf(id, m)) checkInsideWindow(allocation, window);
      const saved = await this.grid.saveWindow(m, window);
      await this.audit.record(m, {
        action: 'update',
        entity: 'broadcast_window',
        entityId: id,
        before,
        after: snapshot(saved),
      });
      return saved;
    });
  }

  removeWindow(id: number): Promise<void> {
    return this.db.transaction(async (m) => {
      const window = await findOr404(m, BroadcastWindow, id, WINDOW);
      const n = await this.grid.placementsInWindow(m, id);
      if (n > 0) throw inUse(`${WINDOW} ${window.startTime}–${window.endTime}`, `${n} lịch phát`);
      await this.grid.deleteWindow(m, id);
      await this.audit.record(m, {
        action: 'delete',
        entity: 'broadcast_window',
        entityId: id,
        before: snapshot(window),
      });
    });
  }

  async listAllocations(windowId: number): Promise<SegmentAllocation[]> {
    await findOr404(this.db.manager, BroadcastWindow, windowId, WINDOW);
    return this.grid.allocationsOf(windowId);
  }

  getAllocation(id: number): Promise<SegmentAllocation> {
    return findOr404(this.db.manager, SegmentAllocation, id, ALLOCATION);
  }

  createAllocation(windowId: number, dto: CreateAllocationDto): Promise<SegmentAllocation> {
    return this.db.transaction(async (m) => {
      const window = await findOr404(m, BroadcastWindow, windowId, WINDOW);
      const allocation = m.create(SegmentAllocation, {
        ...dto,
        windowId,
        rrule: dto.rrule ?? null,
        startDate: dto.startDate ?? null,
        exceptDates: dto.exceptDates ?? [],
      });
      await this.checkAllocation(m, allocation, window);
      const saved = await this.grid.saveAllocation(m, allocation);
      await this.audit.record(m, {
        action: 'create',
        entity: 'allocation',
        entityId: saved.id,
        after: snapshot(saved),
      });
      return saved;
    });
  }

  updateAllocation(id: number, dto: UpdateAllocationDto): Promise<SegmentAllocation> {
    return this.db.transaction(async (m) => {
      const allocation = await findForUpdate(m, SegmentAllocation, id, dto.version, ALLOCATION);
      const before = snapshot(allocation);
      assignDefined(allocation, dto);
      await this.checkAllocation(
        m,
        allocation,
        await findOr404(m, BroadcastWindow, allocation.windowId, WINDOW),
      );
      const saved = await this.grid.saveAllocation(m, allocation);
      await this.audit.record(m, {
        action: 'update',
        entity: 'allocation',
        entityId: id,
        before,
        after: snapshot(saved),
      });
      return saved;
    });
  }

  removeAllocation(id: number): Promise<void> {
    return this.db.transaction(async (m) => {
      const allocation = await findOr404(m, SegmentAllocation, id, ALLOCATION);
      const n = await this.grid.placementsInAllocation(m, id);
      if (n > 0) throw inUse(`${ALLOCATION} lúc ${allocation.time}`, `${n} lịch phát`);
      await this.grid.deleteAllocation(m, id);
      await this.audit.record(m, {
        action: 'delete',
        entity: 'allocation',
        entityId: id,
        before: snapshot(allocation),
      });
    });
  }

  private async checkAllocation(
    m: EntityManager,
    allocation: SegmentAllocation,
    window: BroadcastWindow,
  ): Promise<void> {
    await this.grid.requireSegment(m, allocation.segmentId);
    const zone = await findOr404(m, Zone, window.zoneId, 'vùng phát');
    if (allocation.rrule) allocation.rrule = formatRrule(parseRrule(allocation.rrule, zone.timeZone));
    allocation.exceptDates = [...new Set(allocation.exceptDates)].sort();
    checkInsideWindow(allocation, window);
  }
}

/** Canonical RRULE text, sorted holidays; refuses a rule outside the supported subset or ending before the start date (422). */
function normalizeWindow(window: BroadcastWindow, timeZone: string): void {
  const rule = parseRrule(window.rrule, timeZone);
  // A window that ends before it starts would never air: almost surely a typo in one of the dates.
  if (rule.until !== undefined && rule.until < window.startDate)
    throw invalid(
      'WINDOW_ENDS_BEFORE_START',
      `Khung giờ kết thúc ngày ${formatDate(rule.until)}, trước ngày bắt đầu ${formatDate(window.startDate)}.`,
      [{ field: 'rrule', code: 'untilBeforeStart', message: 'Ngày kết thúc phải từ ngày bắt đầu trở đi.' }],
    );
  window.rrule = formatRrule(rule);
  window.exceptDates = [...new Set(window.exceptDates)].sort();
}

/** Minutes of an allocation after its window's start, and the window's length (an overnight window wraps). */
function checkInsideWindow(allocation: SegmentAllocation, window: BroadcastWindow): void {
  const start = wallMinutes(window.startTime);
  const length = (wallMinutes(window.endTime) - start + 1440) % 1440 || 1440;
  const offset = (wallMinutes(allocation.time) - start + 1440) % 1440;
  if (offset >= length)
    throw invalid(
      'ALLOCATION_OUTSIDE_WINDOW',
      `Ô chuyên mục lúc ${allocation.time} nằm ngoài khung giờ ${window.startTime}–${window.endTime}.`,
      [{ field: 'time', code: 'outsideWindow', message: 'Hãy chọn giờ nằm trong khung giờ phát.' }],
    );
  if (offset + allocation.maxSeconds / 60 > length)
    throw invalid(
      'ALLOCATION_TOO_LONG',
      `Ô chuyên mục lúc ${allocation.time} dài ${Math.ceil(allocation.maxSeconds / 60)} phút, vượt quá cuối khung giờ ${window.endTime}.`,
      [{ field: 'maxSeconds', code: 'exceedsWindow', message: 'Hãy rút ngắn thời lượng tối đa.' }],
    );
}
