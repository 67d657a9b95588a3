import { Injectable } from '@nestjs/common';
import { caseless, instant, jsonItem, jsonRows } from '../database/dialect-sql.js';
import { Database } from '../database/database.service.js';
import type { AiringGroup } from './dto/report.dto.js';

/** A grouping's figures as the queries count them (`key` null: the total, or entries with no key). */
export interface FiguresRow {
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
const GROUPINGS: Record<AiringGroup, { join: string; key: string }> = {
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

/** An exemplar group's or the total's counts (exemplars, featured, reportages, airings). */
export type ExemplarCountsRow = Record<string, number | string | null>;

/**
 * The reporting read side: the reviews' counts read across the features' tables (catalog, scheduling,
 * playout) in a few aggregate queries, on the read pool. It writes nothing; it is the one accepted
 * reader of other features' tables, because a report's figures are joins no single feature owns.
 */
@Injectable()
export class ReportsRepository {
  constructor(private readonly db: Database) {}

  /**
   * Airing figures of the period (`bounds`, UTC) by `groupBy`, and their total, optionally for one
   * segment. `months` (the month grouping only): each local month with the UTC bounds of its part.
   */
  async airings(
    bounds: [string, string],
    segmentId: number | null,
    groupBy: AiringGroup,
    months: [string, string, string][],
  ): Promise<{ grouped: FiguresRow[]; total: FiguresRow | undefined }> {
    const grouping = groupBy === 'month' && this.db.postgres ? MONTH_POSTGRES : GROUPINGS[groupBy];
    const joinParams = groupBy === 'month' ? [JSON.stringify(months)] : [];
    const params = [...bounds, segmentId, segmentId];
    const [grouped, [total]] = await Promise.all([
      this.db.read<FiguresRow>(
        `WITH ${ENTRIES} SELECT ${grouping.key} AS key, ${FIGURES} FROM entries e ${grouping.join} GROUP BY 1`,
        [...params, ...joinParams],
      ),
      this.db.read<FiguresRow>(`WITH ${ENTRIES} SELECT NULL AS key, ${FIGURES} FROM entries e`, params),
    ]);
    return { grouped, total };
  }

  /**
   * Exemplars and how the period's full airings featured them: counts per group (level, kind, field,
   * status), the total, and one line per exemplar.
   */
  async exemplars(bounds: [string, string]): Promise<{
    groups: ExemplarCountsRow[];
    total: ExemplarCountsRow;
    lines: ExemplarCountsRow[];
  }> {
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
      this.db.read<ExemplarCountsRow>(
        `${aired} SELECT x.level, x.kind, x.field_id, f.name AS field, f.sort_order, x.status, ${counts} ${base}
         GROUP BY x.level, x.kind, x.field_id, f.name, f.sort_order, x.status`,
        bounds,
      ),
      this.db.read<ExemplarCountsRow>(`${aired} SELECT ${counts} ${base}`, bounds),
      this.db.read<ExemplarCountsRow>(
        `${aired} SELECT x.id, x.name, x.kind, x.level, x.field_id, f.name AS field, x.status, pl.name AS place,
           x.year_registered, COUNT(DISTINCT re.reportage_id) AS reportages,
           COUNT(DISTINCT aired.reportage_id) AS reportages_aired, COUNT(DISTINCT aired.id) AS airings
         ${base} LEFT JOIN places pl ON pl.id = x.place_id
         GROUP BY x.id, f.name, pl.name`,
        bounds,
      ),
    ]);
    return { groups, total, lines };
  }

  /** Segments (all, or the one asked for) by name, with whether they are active. */
  segmentNames(segmentId: number | null): Promise<{ id: number; name: string; active: number }[]> {
    return this.db.read<{ id: number; name: string; active: number }>(
      `SELECT id, name, active FROM segments WHERE CAST(? AS bigint) IS NULL OR id = ?
              ORDER BY ${caseless(this.db.dialect, 'name')}`,
      [segmentId, segmentId],
    );
  }

  /** Fields in their display order, with whether they are active. */
  fieldNames(): Promise<{ id: number; name: string; active: number }[]> {
    return this.db.read<{ id: number; name: string; active: number }>(
      `SELECT id, name, active FROM fields ORDER BY sort_order, ${caseless(this.db.dialect, 'name')}`,
      [],
    );
  }

  /** Communes (never listed as active: only those that aired get a row). */
  communeNames(): Promise<{ id: number; name: string; active: number }[]> {
    return this.db.read<{ id: number; name: string; active: number }>(
      `SELECT id, name, FALSE AS active FROM places WHERE level = 'commune'`,
      [],
    );
  }
}
