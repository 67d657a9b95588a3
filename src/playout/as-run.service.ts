import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { snapshot } from '../audit/audit-changes.js';
import { Clock } from '../common/clock.js';
import { AppError } from '../common/errors.js';
import { offsetOf, pageOf, type Page } from '../common/pagination.js';
import { currentRequest } from '../common/request-context.js';
import { SqlWhere, utcDate } from '../database/sql.js';
import { startOfLocalDayUtc, startOfNextLocalDayUtc } from '../common/time.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { AirableReportages } from '../catalog/reportages/airable-reportages.repository.js';
import { Database } from '../database/database.service.js';
import { AiringScheduleRepository } from '../scheduling/airing-schedule.repository.js';
import { PlacementStatusRepository } from '../scheduling/placement-status.repository.js';
import { AsRunRepository } from './as-run.repository.js';
import type { AsRunView, ConfirmAsRunDto, ListAsRunQuery } from './dto/playout.dto.js';

const iso = (value: string | null) => (value ? utcDate(value).toISOString() : null);

function toView(row: Record<string, any>): AsRunView {
  return {
    id: row.id,
    placementId: row.placement_id,
    placementStatus: row.placement_status ?? null,
    bulletinId: row.bulletin_id,
    zoneId: row.zone_id,
    zoneName: row.zone_name,
    reportageId: row.reportage_id ?? null,
    title: row.reportage_title ?? row.bulletin_title ?? null,
    segmentId: row.segment_id ?? null,
    isReair: row.is_reair === null || row.is_reair === undefined ? null : Boolean(row.is_reair),
    scheduledAt: iso(row.scheduled_at)!,
    startedAt: iso(row.started_at),
    endedAt: iso(row.ended_at),
    playedSeconds: row.played_seconds,
    result: row.result,
    driver: row.driver,
    error: row.error,
    interruptedBy: row.interrupted_by,
    confirmedBy: row.confirmed_by,
    confirmedAt: iso(row.confirmed_at),
    note: row.note,
    version: row.version,
  };
}

/** The as-run log: what aired, what did not and why; operators confirm and correct it. */
@Injectable()
export class AsRunService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly entries: AsRunRepository,
    private readonly schedule: AiringScheduleRepository,
    private readonly placementStatus: PlacementStatusRepository,
    private readonly reportages: AirableReportages,
  ) {}

  async list(query: ListAsRunQuery): Promise<Page<AsRunView>> {
    const zone = this.config.planningTimeZone;
    const where = new SqlWhere();
    if (query.from) where.add('e.scheduled_at >= ?', startOfLocalDayUtc(query.from, zone));
    if (query.to) where.add('e.scheduled_at < ?', startOfNextLocalDayUtc(query.to, zone));
    if (query.zoneId) where.add('e.zone_id = ?', query.zoneId);
    if (query.segmentId) where.add('r.segment_id = ?', query.segmentId);
    if (query.result) where.add('e.result = ?', query.result);
    const n = await this.entries.count(where);
    const rows = await this.entries.page(where, query.pageSize, offsetOf(query));
    return pageOf(rows.map(toView), n, query);
  }

  async get(id: number): Promise<AsRunView> {
    const row = await this.entries.view(id);
    if (!row)
      throw new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND', `Không tìm thấy mục nhật ký phát có mã ${id}.`);
    return toView(row);
  }

  /**
   * An operator says what really happened: confirms a manual broadcast, or corrects an entry. The
   * placement's status follows; the change is in the audit trail.
   */
  async confirm(id: number, dto: ConfirmAsRunDto): Promise<AsRunView> {
    await this.db.transaction(async (m) => {
      const entry = await this.entries.forUpdate(m, id, dto.version);
      if (entry.result === 'on_air')
        throw new AppError(
          HttpStatus.CONFLICT,
          'ON_AIR',
          'Mục này đang phát; hãy xác nhận sau khi phát xong.',
        );
      const before = snapshot(entry);
      const duration = entry.placementId
        ? await this.schedule.durationSeconds(entry.placementId, m)
        : undefined;
      entry.result = dto.result;
      entry.playedSeconds =
        dto.playedSeconds ??
        (dto.result === 'aired'
          ? (duration ?? entry.playedSeconds)
          : dto.result === 'missed'
            ? 0
            : entry.playedSeconds);
      entry.note = dto.note ?? entry.note;
      entry.confirmedBy = currentRequest().actor?.id ?? null;
      entry.confirmedAt = this.clock.now();
      if (!entry.startedAt && dto.result !== 'missed') entry.startedAt = entry.scheduledAt;
      if (!entry.endedAt && dto.result !== 'missed')
        entry.endedAt = new Date(entry.startedAt!.getTime() + entry.playedSeconds * 1000);
      const saved = await this.entries.save(m, entry);
      // A placement already put elsewhere (rescheduled) keeps that status: a late correction of its
      // missed airing must not make it reschedulable, or planned, a second time.
      if (entry.placementId) {
        const placement = await this.schedule.state(entry.placementId, m);
        if (placement?.status !== 'rescheduled')
          await this.placementStatus.aired(m, entry.placementId, dto.result);
      }
      await this.audit.record(m, {
        action: 'confirm',
        entity: 'as_run',
        entityId: id,
        before,
        after: snapshot(saved),
      });
    });
    return this.get(id);
  }

  /** Per zone: what is on air now, the last entry, and the next planned placements. */
  async onAir(): Promise<unknown[]> {
    const zones = await this.schedule.activeZones();
    const current = await this.entries.current();
    const upcoming = await this.schedule.upcoming(this.clock.nowMs());
    const reportages = await this.reportages.byId(upcoming.map((p) => p.reportage_id));
    const next = upcoming.flatMap((p) => {
      const reportage = reportages.get(p.reportage_id);
      return reportage ? [{ ...p, title: reportage.title }] : [];
    });
    return zones.map((zone) => ({
      zoneId: zone.id,
      zoneName: zone.name,
      kind: zone.kind,
      parentId: zone.parent_id,
      onAir: current.filter((e) => e.zone_id === zone.id && e.result === 'on_air').map(toView)[0] ?? null,
      awaitingConfirmation: current
        .filter((e) => e.zone_id === zone.id && e.result === 'awaiting_confirmation')
        .map(toView),
      next: next
        .filter((p) => p.zone_id === zone.id)
        .slice(0, 3)
        .map((p) => ({
          placementId: p.id,
          reportageId: p.reportage_id,
          title: p.title,
          startsAt: utcDate(p.starts_at).toISOString(),
          endsAt: utcDate(p.ends_at).toISOString(),
        })),
    }));
  }
}
