import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { snapshot } from '../audit/audit-changes.js';
import { Clock } from '../common/clock.js';
import { findForUpdate } from '../common/crud.js';
import { AppError } from '../common/errors.js';
import { offsetOf, pageOf, type Page } from '../common/pagination.js';
import { currentRequest } from '../common/request-context.js';
import { SqlWhere, utcDate } from '../common/sql.js';
import { startOfLocalDayUtc, startOfNextLocalDayUtc } from '../common/time.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { Database } from '../database/database.service.js';
import { sqlUtc } from '../scheduling/grid-loader.js';
import type { AsRunView, ConfirmAsRunDto, ListAsRunQuery } from './dto/playout.dto.js';
import { AsRunEntry, setPlacementStatus } from './playout.entities.js';

const SELECT = `SELECT e.*, z.name AS zone_name, p.reportage_id, p.is_reair, p.status AS placement_status, r.title AS reportage_title,
    r.segment_id, b.title AS bulletin_title
  FROM as_run_entries e JOIN zones z ON z.id = e.zone_id
  LEFT JOIN placements p ON p.id = e.placement_id LEFT JOIN reportages r ON r.id = p.reportage_id
  LEFT JOIN bulletins b ON b.id = e.bulletin_id`;

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
  ) {}

  async list(query: ListAsRunQuery): Promise<Page<AsRunView>> {
    const zone = this.config.planningTimeZone;
    const where = new SqlWhere();
    if (query.from) where.add('e.scheduled_at >= ?', startOfLocalDayUtc(query.from, zone));
    if (query.to) where.add('e.scheduled_at < ?', startOfNextLocalDayUtc(query.to, zone));
    if (query.zoneId) where.add('e.zone_id = ?', query.zoneId);
    if (query.segmentId) where.add('r.segment_id = ?', query.segmentId);
    if (query.result) where.add('e.result = ?', query.result);
    const [{ n }] = await this.db.read<{ n: number }>(
      `SELECT COUNT(*) AS n FROM as_run_entries e LEFT JOIN placements p ON p.id = e.placement_id
         LEFT JOIN reportages r ON r.id = p.reportage_id ${where}`,
      where.params,
    );
    const rows = await this.db.read<Record<string, unknown>>(
      `${SELECT} ${where} ORDER BY e.scheduled_at DESC, e.id DESC LIMIT ? OFFSET ?`,
      [...where.params, query.pageSize, offsetOf(query)],
    );
    return pageOf(rows.map(toView), n, query);
  }

  async get(id: number): Promise<AsRunView> {
    const [row] = await this.db.read<Record<string, unknown>>(`${SELECT} WHERE e.id = ?`, [id]);
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
      const entry = await findForUpdate(m, AsRunEntry, id, dto.version, 'mục nhật ký phát');
      if (entry.result === 'on_air')
        throw new AppError(
          HttpStatus.CONFLICT,
          'ON_AIR',
          'Mục này đang phát; hãy xác nhận sau khi phát xong.',
        );
      const before = snapshot(entry);
      const [duration] = entry.placementId
        ? await m.query('SELECT duration_seconds AS d FROM placements WHERE id = ?', [entry.placementId])
        : [];
      entry.result = dto.result;
      entry.playedSeconds =
        dto.playedSeconds ??
        (dto.result === 'aired'
          ? (duration?.d ?? entry.playedSeconds)
          : dto.result === 'missed'
            ? 0
            : entry.playedSeconds);
      entry.note = dto.note ?? entry.note;
      entry.confirmedBy = currentRequest().actor?.id ?? null;
      entry.confirmedAt = this.clock.now();
      if (!entry.startedAt && dto.result !== 'missed') entry.startedAt = entry.scheduledAt;
      if (!entry.endedAt && dto.result !== 'missed')
        entry.endedAt = new Date(entry.startedAt!.getTime() + entry.playedSeconds * 1000);
      const saved = await m.save(entry);
      // A placement already put elsewhere (rescheduled) keeps that status: a late correction of its
      // missed airing must not make it reschedulable, or planned, a second time.
      if (entry.placementId) {
        const [placement] = await m.query('SELECT status FROM placements WHERE id = ?', [entry.placementId]);
        if (placement?.status !== 'rescheduled') await setPlacementStatus(m, entry.placementId, dto.result);
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
    const now = sqlUtc(this.clock.nowMs());
    const zones = await this.db.read<{ id: number; name: string; kind: string; parent_id: number | null }>(
      'SELECT id, name, kind, parent_id FROM zones WHERE active = TRUE ORDER BY id',
    );
    const current = await this.db.read<Record<string, unknown>>(
      `${SELECT} WHERE e.result IN ('on_air', 'awaiting_confirmation') ORDER BY e.scheduled_at DESC`,
    );
    const next = await this.db.read<{
      id: number;
      zone_id: number;
      starts_at: string;
      ends_at: string;
      title: string;
      reportage_id: number;
    }>(
      `SELECT p.id, p.zone_id, p.starts_at, p.ends_at, p.reportage_id, r.title FROM placements p
         JOIN reportages r ON r.id = p.reportage_id
        WHERE p.status = 'planned' AND p.starts_at >= ? ORDER BY p.starts_at LIMIT 500`,
      [now],
    );
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
