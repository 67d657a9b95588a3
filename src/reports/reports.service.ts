import { caseless, instant, jsonItem, jsonRows } from '../database/dialect-sql.js';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { RECOGNITION_LEVELS } from '../catalog/exemplars/exemplar.entity.js';
import { AppError } from '../common/errors.js';
import { startOfLocalDayUtc, startOfNextLocalDayUtc } from '../common/time.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { Database } from '../database/database.service.js';
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

interface FiguresRow {
  key: number | string | null;
  reportages: number;
  airings: number;
  first_airings: number;
  re_airs: number;
  partial: number;
  seconds: number | null;
}

/**
 * The counted entries of a period: as-run entries of placements (never bulletins) that aired in full
 * (`aired`, which for manual zones means an operator confirmed it) or in part (`partial`, counted only
 * in the minutes), scheduled within the period's local days. `?` 1–2: the period's UTC bounds.
 */
const ENTRIES = `entries AS (
  SELECT a.id, a.result, a.played_seconds, a.scheduled_at, p.is_reair, p.reportage_id,
         r.segment_id, r.field_id, NULLIF(TRIM(r.reporter), '') AS reporter
  FROM as_run_entries a
  JOIN placements p ON p.id = a.placement_id
  JOIN reportages r ON r.id = p.reportage_id
  WHERE a.scheduled_at >= ? AND a.scheduled_at < ? AND a.result IN ('aired', 'partial')
    AND a.placement_id IS NOT NULL AND (CAST(? AS bigint) IS NULL OR r.segment_id = ?)
)`;

const FIGURES = `COUNT(DISTINCT CASE WHEN e.result = 'aired' THEN e.reportage_id END) AS reportages,
  SUM(CASE WHEN e.result = 'aired' THEN 1 ELSE 0 END) AS airings,
  SUM(CASE WHEN e.result = 'aired' AND NOT e.is_reair THEN 1 ELSE 0 END) AS first_airings,
  SUM(CASE WHEN e.result = 'aired' AND e.is_reair THEN 1 ELSE 0 END) AS re_airs,
  SUM(CASE WHEN e.result = 'partial' THEN 1 ELSE 0 END) AS partial,
  SUM(e.played_seconds) AS seconds`;

/** How each grouping finds its key; `place` is the commune of each of the reportage's places. */
const GROUPINGS: Record<AiringsReportQuery['groupBy'], { join: string; key: string }> = {
  segment: { join: '', key: 'e.segment_id' },
  field: { join: '', key: 'e.field_id' },
  reporter: { join: '', key: 'e.reporter' },
  // A village (thôn/ấp) rolls up to its commune (its parent, by the place tree's rules); provinces and
  // districts name no commune. A reportage in two communes counts in both; twice in one commune, once.
  place: {
    join: `LEFT JOIN (
      SELECT DISTINCT rp.reportage_id,
        CASE pl.level WHEN 'commune' THEN pl.id WHEN 'village' THEN pl.parent_id END AS commune_id
      FROM reportage_places rp JOIN places pl ON pl.id = rp.place_id
      WHERE pl.level IN ('commune', 'village')
    ) rc ON rc.reportage_id = e.reportage_id`,
    key: 'rc.commune_id',
  },
  // Months are local: their UTC bounds come in as one JSON parameter ([["2017-07", lo, hi], …]), so
  // any zone, daylight saving included, is cut at its own midnights.
  month: {
    join: `JOIN json_each(?) m ON e.scheduled_at >= json_extract(m.value, '$[1]')
      AND e.scheduled_at < json_extract(m.value, '$[2]')`,
    key: `json_extract(m.value, '$[0]')`,
  },
};

/** The month grouping on PostgreSQL: the same JSON parameter, read with jsonb's functions. */
const MONTH_POSTGRES = {
  join: `JOIN ${jsonRows('postgres', 'm')} ON e.scheduled_at >= ${instant('postgres', jsonItem('postgres', 'm.value', 1))}
      AND e.scheduled_at < ${instant('postgres', jsonItem('postgres', 'm.value', 2))}`,
  key: jsonItem('postgres', 'm.value', 0),
};

const LEVEL_ORDER = [...RECOGNITION_LEVELS].reverse();

/** Sơ kết, tổng kết: counts for the periodic reviews (DOMAIN.md), read on the read pool. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get timeZone(): string {
    return this.config.planningTimeZone;
  }

  async airings(query: AiringsReportQuery): Promise<AiringsReportView> {
    const bounds = this.bounds(query);
    const segmentId = query.segmentId ?? null;
    const grouping =
      query.groupBy === 'month' && this.db.postgres ? MONTH_POSTGRES : GROUPINGS[query.groupBy];
    const joinParams = query.groupBy === 'month' ? [JSON.stringify(this.months(query))] : [];
    const params = [...bounds, segmentId, segmentId];
    const [grouped, [total], names] = await Promise.all([
      this.db.read<FiguresRow>(
        `WITH ${ENTRIES} SELECT ${grouping.key} AS key, ${FIGURES} FROM entries e ${grouping.join} GROUP BY 1`,
        [...params, ...joinParams],
      ),
      this.db.read<FiguresRow>(`WITH ${ENTRIES} SELECT NULL AS key, ${FIGURES} FROM entries e`, params),
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
    // Airings of the period (full ones only) and, per exemplar, the reportages about it.
    const aired = `WITH aired AS (
        SELECT a.id, p.reportage_id FROM as_run_entries a JOIN placements p ON p.id = a.placement_id
        WHERE a.scheduled_at >= ? AND a.scheduled_at < ? AND a.result = 'aired'
      )`;
    const base = `FROM exemplars x
      LEFT JOIN fields f ON f.id = x.field_id
      LEFT JOIN reportage_exemplars re ON re.exemplar_id = x.id
      LEFT JOIN aired ON aired.reportage_id = re.reportage_id`;
    const counts = `COUNT(DISTINCT x.id) AS exemplars,
      COUNT(DISTINCT CASE WHEN aired.id IS NOT NULL THEN x.id END) AS featured,
      COUNT(DISTINCT re.reportage_id) AS reportages, COUNT(DISTINCT aired.id) AS airings`;
    const [groups, [total], lines] = await Promise.all([
      this.db.read<Record<string, number | string | null>>(
        `${aired} SELECT x.level, x.kind, x.field_id, f.name AS field, f.sort_order, x.status, ${counts} ${base}
         GROUP BY x.level, x.kind, x.field_id, f.name, f.sort_order, x.status`,
        bounds,
      ),
      this.db.read<Record<string, number>>(`${aired} SELECT ${counts} ${base}`, bounds),
      this.db.read<Record<string, number | string | null>>(
        `${aired} SELECT x.id, x.name, x.kind, x.level, x.field_id, f.name AS field, x.status, pl.name AS place,
           x.year_registered, COUNT(DISTINCT re.reportage_id) AS reportages,
           COUNT(DISTINCT aired.reportage_id) AS reportages_aired, COUNT(DISTINCT aired.id) AS airings
         ${base} LEFT JOIN places pl ON pl.id = x.place_id
         GROUP BY x.id, f.name, pl.name`,
        bounds,
      ),
    ]);
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
        ? await this.db.read<{ id: number; name: string; active: number }>(
            `SELECT id, name, active FROM segments WHERE CAST(? AS bigint) IS NULL OR id = ?
              ORDER BY ${caseless(this.db.dialect, 'name')}`,
            [query.segmentId ?? null, query.segmentId ?? null],
          )
        : query.groupBy === 'field'
          ? await this.db.read<{ id: number; name: string; active: number }>(
              `SELECT id, name, active FROM fields ORDER BY sort_order, ${caseless(this.db.dialect, 'name')}`,
              [],
            )
          : query.groupBy === 'place'
            ? await this.db.read<{ id: number; name: string; active: number }>(
                `SELECT id, name, FALSE AS active FROM places WHERE level = 'commune'`,
                [],
              )
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
