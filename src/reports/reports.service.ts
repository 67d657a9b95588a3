import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { RECOGNITION_LEVELS } from '../catalog/exemplars/exemplar.entity.js';
import { AppError } from '../common/errors.js';
import { startOfLocalDayUtc, startOfNextLocalDayUtc } from '../common/time.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import type {
  AiringFiguresView,
  AiringsReportQuery,
  AiringsReportView,
  AiringsRowView,
  ExemplarFiguresView,
  ExemplarGroupView,
  ExemplarLineView,
  ExemplarsReportView,
  ReportQuery,
} from './dto/report.dto.js';
import { minutesThatAddUp } from './minutes.js';
import { EXEMPLAR_KIND_LABELS, EXEMPLAR_STATUS_LABELS, LEVEL_LABELS, UNKNOWN } from './report-labels.js';
import { ReportsRepository, type FiguresRow } from './reports.repository.js';

const LEVEL_ORDER = [...RECOGNITION_LEVELS].reverse();

/** Sơ kết, tổng kết: counts for the periodic reviews (DOMAIN.md), read on the read pool. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get timeZone(): string {
    return this.config.planningTimeZone;
  }

  async airings(query: AiringsReportQuery): Promise<AiringsReportView> {
    const bounds = this.bounds(query);
    const segmentId = query.segmentId ?? null;
    const months = query.groupBy === 'month' ? this.months(query) : [];
    const [{ grouped, total }, names] = await Promise.all([
      this.reports.airings(bounds, segmentId, query.groupBy, months),
      this.groupNames(query),
    ]);
    const byKey = new Map(grouped.map((row) => [row.key, figures(row)]));
    const rows: AiringsRowView[] = [];
    // Segments and fields: every active one is listed, zeros included (the review asks which fields
    // the column neglected); inactive ones and "none" only when they aired.
    for (const { id, name, active } of names) {
      const found = byKey.get(id);
      if (found || active) rows.push({ key: id, label: name, ...(found ?? figures()) });
      byKey.delete(id);
    }
    for (const [key, found] of byKey) rows.push({ key, label: this.label(query, key), ...found });
    if (query.groupBy === 'month') rows.sort((a, b) => String(a.key).localeCompare(String(b.key)));
    if (query.groupBy === 'place' || query.groupBy === 'reporter')
      rows.sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : a.label.localeCompare(b.label, 'vi')));
    // Every other grouping puts an entry in one row: its minutes add up to the total as printed.
    if (query.groupBy !== 'place') {
      const seconds = new Map(grouped.map((row) => [row.key, Number(row.seconds ?? 0)]));
      const minutes = minutesThatAddUp(
        rows.map((row) => seconds.get(row.key) ?? 0),
        Number(total?.seconds ?? 0),
      );
      rows.forEach((row, i) => (row.minutes = minutes[i]));
    }
    return {
      groupBy: query.groupBy,
      from: query.from,
      to: query.to,
      timeZone: this.timeZone,
      segmentId,
      rows,
      total: figures(total),
    };
  }

  async exemplars(query: ReportQuery): Promise<ExemplarsReportView> {
    const bounds = this.bounds(query);
    const { groups, total, lines } = await this.reports.exemplars(bounds);
    const exemplarFigures = (row: Record<string, unknown>): ExemplarFiguresView => ({
      exemplars: Number(row.exemplars ?? 0),
      featured: Number(row.featured ?? 0),
      neverFeatured: Number(row.exemplars ?? 0) - Number(row.featured ?? 0),
      reportages: Number(row.reportages ?? 0),
      airings: Number(row.airings ?? 0),
    });
    const groupViews: ExemplarGroupView[] = groups
      .map((g) => ({
        level: String(g.level),
        levelLabel: LEVEL_LABELS[String(g.level)] ?? String(g.level),
        kind: String(g.kind),
        kindLabel: EXEMPLAR_KIND_LABELS[String(g.kind)] ?? String(g.kind),
        fieldId: g.field_id === null ? null : Number(g.field_id),
        field: g.field === null ? UNKNOWN.field : String(g.field),
        status: String(g.status),
        statusLabel: EXEMPLAR_STATUS_LABELS[String(g.status)] ?? String(g.status),
        sortOrder: g.sort_order === null ? Infinity : Number(g.sort_order),
        ...exemplarFigures(g),
      }))
      .sort(
        (a, b) =>
          order(LEVEL_ORDER, a.level, b.level) ||
          a.kind.localeCompare(b.kind) ||
          a.sortOrder - b.sortOrder ||
          order(Object.keys(EXEMPLAR_STATUS_LABELS), a.status, b.status),
      )
      .map(({ sortOrder: _, ...view }) => view);
    const lineViews: ExemplarLineView[] = lines
      .map((l) => ({
        id: Number(l.id),
        name: String(l.name),
        kind: String(l.kind),
        level: String(l.level),
        fieldId: l.field_id === null ? null : Number(l.field_id),
        field: l.field === null ? UNKNOWN.field : String(l.field),
        status: String(l.status),
        place: l.place === null ? null : String(l.place),
        yearRegistered: l.year_registered === null ? null : Number(l.year_registered),
        reportages: Number(l.reportages),
        reportagesAired: Number(l.reportages_aired),
        airings: Number(l.airings),
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi') || a.id - b.id);
    return {
      from: query.from,
      to: query.to,
      timeZone: this.timeZone,
      groups: groupViews,
      total: exemplarFigures(total),
      exemplars: lineViews,
      neverFeatured: lineViews.filter((l) => l.airings === 0),
    };
  }

  /** The period's UTC bounds: from the first local midnight to the one after its last day. */
  private bounds(query: ReportQuery): [string, string] {
    if (query.from > query.to)
      throw new AppError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'INVALID_PERIOD',
        `Kỳ báo cáo không hợp lệ: ngày bắt đầu (${query.from}) sau ngày kết thúc (${query.to}).`,
      );
    return [startOfLocalDayUtc(query.from, this.timeZone), startOfNextLocalDayUtc(query.to, this.timeZone)];
  }

  /** The local months the period touches, each with the UTC bounds of its part of the period. */
  private months(query: ReportQuery): [string, string, string][] {
    const [lo, hi] = this.bounds(query);
    const months: [string, string, string][] = [];
    let month = DateTime.fromISO(query.from, { zone: this.timeZone }).startOf('month');
    const last = DateTime.fromISO(query.to, { zone: this.timeZone }).startOf('month');
    while (month <= last) {
      const next = month.plus({ months: 1 });
      const start = startOfLocalDayUtc(month.toISODate()!, this.timeZone);
      const end = startOfLocalDayUtc(next.toISODate()!, this.timeZone);
      months.push([month.toFormat('yyyy-MM'), start < lo ? lo : start, end > hi ? hi : end]);
      month = next;
    }
    return months;
  }

  /** Segments and fields, in their display order, for listing every one of them. */
  private async groupNames(
    query: AiringsReportQuery,
  ): Promise<{ id: number; name: string; active: boolean }[]> {
    const rows =
      query.groupBy === 'segment'
        ? await this.reports.segmentNames(query.segmentId ?? null)
        : query.groupBy === 'field'
          ? await this.reports.fieldNames()
          : query.groupBy === 'place'
            ? await this.reports.communeNames()
            : [];
    return rows.map((r) => ({ id: r.id, name: r.name, active: Boolean(r.active) }));
  }

  private label(query: AiringsReportQuery, key: number | string | null): string {
    if (key === null) return UNKNOWN[query.groupBy];
    if (query.groupBy === 'month') return `Tháng ${String(key).slice(5, 7)}/${String(key).slice(0, 4)}`;
    return String(key);
  }
}

function figures(row?: FiguresRow): AiringFiguresView {
  return {
    reportages: Number(row?.reportages ?? 0),
    airings: Number(row?.airings ?? 0),
    firstAirings: Number(row?.first_airings ?? 0),
    reAirs: Number(row?.re_airs ?? 0),
    partial: Number(row?.partial ?? 0),
    minutes: Math.round(Number(row?.seconds ?? 0) / 6) / 10,
  };
}

function order(list: readonly string[], a: string, b: string): number {
  return list.indexOf(a) - list.indexOf(b);
}
