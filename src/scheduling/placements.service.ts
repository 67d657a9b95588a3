import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { findOr404 } from '../database/crud.js';
import { AppError, invalid, notFound, staleVersion } from '../common/errors.js';
import { offsetOf, pageOf, type Page } from '../common/pagination.js';
import { currentRequest } from '../common/request-context.js';
import { SqlWhere, utcDate } from '../database/sql.js';
import { AuditService } from '../audit/audit.service.js';
import { AirableReportages } from '../catalog/reportages/airable-reportages.repository.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { Database } from '../database/database.service.js';
import { EventsService } from '../events/events.service.js';
import type {
  CancelPlacementDto,
  CreatePlacementDto,
  ListPlacementsQuery,
  MovePlacementDto,
  PlacementView,
} from './dto/placement.dto.js';
import { localPeriod } from './grid-loader.js';
import { sqlUtc } from './sql-instant.js';
import { GridRepository } from './grid.repository.js';
import { PlacementGuard, type PlacementInput } from './placement-guard.js';
import { PlacementStatusRepository } from './placement-status.repository.js';
import { PlacementsRepository } from './placements.repository.js';
import { expandAllocations } from './program-grid.js';
import { Placement } from './scheduling.entities.js';
import { ZonesRepository } from './zones.repository.js';

const LABEL = 'lịch phát';

/** A placement's status in the words of the people who read the messages. */
export const PLACEMENT_STATUS_LABELS: Record<string, string> = {
  planned: 'chưa phát',
  on_air: 'đang phát',
  aired: 'đã phát',
  partial: 'phát dở',
  failed: 'phát lỗi',
  unconfirmed: 'chờ xác nhận',
  missed: 'bị bỏ lỡ',
  cancelled: 'đã huỷ',
  rescheduled: 'đã xếp lại',
};
const statusLabel = (status: string) => PLACEMENT_STATUS_LABELS[status] ?? status;

/** How far ahead a missed placement looks for a free slot of its segment. */
export const RESCHEDULE_DAYS = 14;

/** Refusals that no other slot can cure: stop looking and say so. */
const HOPELESS = new Set([
  'REPORTAGE_NOT_APPROVED',
  'EXPIRED',
  'AUDIO_NOT_READY',
  'ZONE_INACTIVE',
  'REFERENCE_NOT_FOUND',
]);

/** Placements (lịch phát): a reportage in a zone at a start instant, checked against every rule. */
@Injectable()
export class PlacementsService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly events: EventsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly guard: PlacementGuard,
    private readonly placements: PlacementsRepository,
    private readonly statuses: PlacementStatusRepository,
    private readonly zones: ZonesRepository,
    private readonly grid: GridRepository,
    private readonly reportages: AirableReportages,
  ) {}

  create(dto: CreatePlacementDto): Promise<PlacementView> {
    const start = instant(dto.startsAt, 'startsAt');
    return this.changed(
      this.db.transaction(async (m) => {
        await this.guard.takeScheduleWriteLock(m);
        const id = await this.insert(m, { ...dto, start }, this.clock.now(), null);
        await this.audit.record(m, {
          action: 'create',
          entity: 'placement',
          entityId: id,
          after: {
            reportageId: dto.reportageId,
            zoneId: dto.zoneId,
            startsAt: start,
            allocationId: dto.allocationId ?? null,
          },
        });
        return this.view(m, id);
      }),
    );
  }

  /** Checks and inserts one placement in the caller's transaction (which holds the write lock). */
  async insert(m: EntityManager, input: PlacementInput, now: Date, planId: number | null): Promise<number> {
    const checked = await this.guard.check(m, input, now);
    const id = await this.placements.insert(m, {
      zoneId: input.zoneId,
      reportageId: input.reportageId,
      allocationId: input.allocationId ?? null,
      startsAt: input.start,
      endsAt: checked.end,
      durationSeconds: checked.durationSeconds,
      planId,
      createdBy: currentRequest().actor?.id ?? null,
    });
    await this.markAirings(m, input.reportageId, [input.zoneId]);
    return id;
  }

  async list(query: ListPlacementsQuery): Promise<Page<PlacementView>> {
    // Staged placements (of a plan being applied) are nobody's to see until the plan is applied.
    const where = new SqlWhere().add("p.status <> 'staged'");
    const zone = this.config.planningTimeZone;
    if (query.from) where.add('p.starts_at >= ?', sqlUtc(localPeriod(query.from, query.from, zone).start));
    if (query.to) where.add('p.starts_at < ?', sqlUtc(localPeriod(query.to, query.to, zone).end));
    if (query.zoneId) where.add('p.zone_id = ?', query.zoneId);
    if (query.reportageId) where.add('p.reportage_id = ?', query.reportageId);
    if (query.status) where.add('p.status = ?', query.status);
    const n = await this.placements.count(where);
    const ids = await this.placements.pageIds(where, query.pageSize, offsetOf(query));
    return pageOf(await this.views(ids), n, query);
  }

  async get(id: number): Promise<PlacementView> {
    const [view] = await this.views([id]);
    if (!view) throw notFound(LABEL, id);
    return view;
  }

  /** Moves a planned placement (new start, zone or slot), re-checking every rule. */
  move(id: number, dto: MovePlacementDto): Promise<PlacementView> {
    const start = dto.startsAt ? instant(dto.startsAt, 'startsAt') : undefined;
    return this.changed(
      this.db.transaction(async (m) => {
        await this.guard.takeScheduleWriteLock(m);
        const placement = await this.planned(m, id, dto.version);
        const before = moveState(placement);
        const zoneChanged = dto.zoneId !== undefined && dto.zoneId !== placement.zoneId;
        const input: PlacementInput = {
          id,
          reportageId: placement.reportageId,
          zoneId: dto.zoneId ?? placement.zoneId,
          start: start ?? placement.startsAt,
          // Another zone has other slots: the old one no longer applies unless named again.
          allocationId:
            dto.allocationId !== undefined ? dto.allocationId : zoneChanged ? null : placement.allocationId,
        };
        const checked = await this.guard.check(m, input, this.clock.now());
        await this.placements.move(m, id, {
          zoneId: input.zoneId,
          startsAt: input.start,
          endsAt: checked.end,
          durationSeconds: checked.durationSeconds,
          allocationId: input.allocationId ?? null,
          version: placement.version + 1,
        });
        await this.markAirings(m, placement.reportageId, [placement.zoneId, input.zoneId]);
        const after = moveState(await this.placements.one(m, id));
        await this.audit.record(m, { action: 'move', entity: 'placement', entityId: id, before, after });
        return this.view(m, id);
      }),
    );
  }

  cancel(id: number, dto: CancelPlacementDto): Promise<PlacementView> {
    return this.changed(
      this.db.transaction(async (m) => {
        await this.guard.takeScheduleWriteLock(m);
        const placement = await this.planned(m, id, dto.version);
        await this.statuses.cancel(m, id, dto.reason, this.clock.now(), placement.version);
        await this.markAirings(m, placement.reportageId, [placement.zoneId]);
        await this.audit.record(m, {
          action: 'cancel',
          entity: 'placement',
          entityId: id,
          changes: { status: { from: placement.status, to: 'cancelled' }, reason: { to: dto.reason } },
        });
        return this.view(m, id);
      }),
    );
  }

  /**
   * Airs a missed (or failed) placement again: the same reportage as a new planned placement in the
   * next slot of its segment in that zone (its own allocations and its station's) that passes every
   * placement rule, tried in time order through {@link insert}, inside one write transaction. The old
   * placement becomes `rescheduled`, so it no longer counts as the zone's first airing and cannot be
   * rescheduled twice.
   */
  reschedule(id: number): Promise<PlacementView> {
    return this.changed(
      this.db.transaction(async (m) => {
        await this.guard.takeScheduleWriteLock(m);
        const missed = await findOr404(m, Placement, id, LABEL);
        if (missed.status !== 'missed' && missed.status !== 'failed')
          throw new AppError(
            HttpStatus.CONFLICT,
            'NOT_MISSED',
            `Lịch phát ${id} đang ở trạng thái "${statusLabel(missed.status)}": chỉ lịch bị bỏ lỡ hoặc phát lỗi mới xếp lại được.`,
          );
        const now = this.clock.now();
        // Out of the count first: the new placement may be the zone's first airing.
        await this.statuses.reschedule(m, id, missed.version);
        const newId = await this.nextFreeSlot(m, missed, now);
        await this.markAirings(m, missed.reportageId, [missed.zoneId]);
        await this.audit.record(m, {
          action: 'reschedule',
          entity: 'placement',
          entityId: id,
          changes: { status: { from: missed.status, to: 'rescheduled' }, rescheduledAs: { to: newId } },
        });
        const created = await this.placements.one(m, newId);
        await this.audit.record(m, {
          action: 'create',
          entity: 'placement',
          entityId: newId,
          after: {
            reportageId: created.reportageId,
            zoneId: created.zoneId,
            startsAt: created.startsAt,
            allocationId: created.allocationId,
            rescheduledFrom: id,
          },
        });
        return this.view(m, newId);
      }),
    );
  }

  private async nextFreeSlot(m: EntityManager, missed: Placement, now: Date): Promise<number> {
    const reportage = await this.reportages.one(missed.reportageId, m);
    const { tree } = await this.zones.related(missed.zoneId, m);
    const hosts = [missed.zoneId, ...tree.ancestors(missed.zoneId)];
    const grid = await this.grid.grid(tree, hosts, { segmentId: reportage!.segmentId }, m);
    const slots = expandAllocations(
      tree,
      grid.windows,
      grid.allocations,
      new Date(now.getTime() - 86_400_000),
      new Date(now.getTime() + RESCHEDULE_DAYS * 86_400_000),
    ).filter((slot) => slot.start > now);
    for (const slot of slots) {
      try {
        const input = {
          reportageId: missed.reportageId,
          zoneId: missed.zoneId,
          start: slot.start,
          allocationId: slot.allocationId,
        };
        return await this.insert(m, input, now, null);
      } catch (error) {
        if (!(error instanceof AppError) || HOPELESS.has(error.code)) throw error;
      }
    }
    throw new AppError(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'NO_FREE_SLOT',
      `Không còn ô chuyên mục trống nào phù hợp trong ${RESCHEDULE_DAYS} ngày tới để phát lại lịch ${missed.id}. Hãy thêm ô chuyên mục hoặc xếp lịch bằng tay.`,
    );
  }

  private async planned(m: EntityManager, id: number, version: number | undefined): Promise<Placement> {
    const placement = await findOr404(m, Placement, id, LABEL);
    if (version !== undefined && placement.version !== version)
      throw staleVersion('Lịch phát', placement.version);
    if (placement.status !== 'planned')
      throw new AppError(
        HttpStatus.CONFLICT,
        'NOT_PLANNED',
        `Lịch phát ${id} đang ở trạng thái "${statusLabel(placement.status)}": chỉ lịch chưa phát mới dời hoặc huỷ được.`,
      );
    return placement;
  }

  private async view(m: EntityManager, id: number): Promise<PlacementView> {
    const [view] = await this.views([id], m);
    return view;
  }

  /**
   * Re-airs point to the first airing: per zone, the earliest placement of a reportage that still holds
   * air time is its first airing there, every later one a re-air. Recomputed after every change, so
   * cancelling or moving the first airing promotes the next.
   */
  private async markAirings(m: EntityManager, reportageId: number, zoneIds: number[]): Promise<void> {
    const rows = await this.placements.airings(m, reportageId, [...new Set(zoneIds)]);
    const first = new Map<number, number>();
    for (const row of rows) {
      const head = first.get(row.zone_id);
      if (head === undefined) first.set(row.zone_id, row.id);
      const reair = head !== undefined;
      const firstId = head ?? null;
      if (Boolean(row.is_reair) !== reair || row.first_airing_id !== firstId)
        await this.placements.setAiring(m, row.id, reair, firstId);
    }
  }

  /** Placements as the API shows them, in the order of `ids` (missing ones left out). */
  async views(ids: number[], m?: EntityManager): Promise<PlacementView[]> {
    if (ids.length === 0) return [];
    const rows = await this.placements.viewRows(ids, m);
    const reportages = await this.reportages.byId(
      rows.map((r) => r.reportage_id),
      m,
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const r = byId.get(id);
      const reportage = r && reportages.get(r.reportage_id);
      if (!r || !reportage) return [];
      return [
        {
          id: r.id,
          zone: { id: r.zone_id, name: r.zone_name },
          reportageId: r.reportage_id,
          title: reportage.title,
          reporter: reportage.reporter,
          segmentId: reportage.segmentId,
          allocationId: r.allocation_id,
          startsAt: utcDate(r.starts_at),
          endsAt: utcDate(r.ends_at),
          durationSeconds: r.duration_seconds,
          status: r.status,
          isReair: Boolean(r.is_reair),
          firstAiringId: r.first_airing_id,
          planId: r.plan_id,
          cancelReason: r.cancel_reason,
          cancelledAt: r.cancelled_at ? utcDate(r.cancelled_at) : null,
          audioAssetId: reportage.audioId,
          version: r.version,
          createdAt: utcDate(r.created_at),
          updatedAt: utcDate(r.updated_at),
        },
      ];
    });
  }

  /** Tells playout (in every instance) that placements changed, so their broadcast jobs follow at once. */
  private async changed<T>(work: Promise<T>): Promise<T> {
    const result = await work;
    this.events.publish({ type: 'placements_changed' });
    return result;
  }
}

function instant(text: string, field: string): Date {
  const date = new Date(text);
  if (Number.isNaN(date.getTime()) || !/(Z|[+-]\d{2}:?\d{2})$/i.test(text))
    throw invalid('INVALID_INSTANT', 'Thời điểm cần ghi kèm múi giờ, ví dụ 2026-12-01T17:10:00+07:00.', [
      { field, code: 'instant', message: `"${text}" thiếu múi giờ hoặc không hợp lệ.` },
    ]);
  return date;
}

const moveState = (p: Placement) => ({
  zoneId: p.zoneId,
  startsAt: p.startsAt,
  endsAt: p.endsAt,
  allocationId: p.allocationId,
});
