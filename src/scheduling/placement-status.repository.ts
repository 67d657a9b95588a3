import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { insertRow } from '../database/sql.js';
import { sqlUtc } from './sql-instant.js';

/** Where a placement is in its life: scheduling sets the first three, playout the rest. */
export type PlacementStatus =
  | 'staged'
  | 'planned'
  | 'cancelled'
  | 'rescheduled'
  | 'on_air'
  | 'aired'
  | 'partial'
  | 'failed'
  | 'missed'
  | 'unconfirmed';

/** What playout may set: what happened on air. */
export type AiredStatus = Exclude<PlacementStatus, 'staged' | 'planned' | 'cancelled' | 'rescheduled'>;

/** A placement of a plan being applied, checked already, to be written `staged`. */
export interface StagedPlacement {
  zoneId: number;
  reportageId: number;
  allocationId: number | null;
  start: Date;
  end: Date;
  durationSeconds: number;
}

/** Rows per multi-row INSERT: 10 parameters each, far below either database's limit. */
const ROWS_PER_INSERT = 500;

/**
 * The one writer of `placements.status` (a test checks that no other file writes it). Scheduling
 * owns placements and creates them `planned`; it withdraws them (`cancelled`) and replaces missed ones
 * (`rescheduled`), moving the version the editor's form checks. Playout only reports what happened on
 * air, and leaves the version alone, so an airing never makes a scheduler's open form stale.
 * Each method runs inside the caller's write transaction.
 */
@Injectable()
export class PlacementStatusRepository {
  async cancel(m: EntityManager, id: number, reason: string, at: Date, version: number): Promise<void> {
    await m.query(
      `UPDATE placements SET status = 'cancelled', cancel_reason = ?, cancelled_at = ?, version = ?,
              updated_at = CURRENT_TIMESTAMP WHERE id = ?`,
      [reason, sqlUtc(at), version + 1, id],
    );
  }

  async reschedule(m: EntityManager, id: number, version: number): Promise<void> {
    await m.query(
      `UPDATE placements SET status = 'rescheduled', version = ?, updated_at = CURRENT_TIMESTAMP WHERE id = ?`,
      [version + 1, id],
    );
  }

  /**
   * A placement that aired, or was missed, before this system existed (the demo's history, from the
   * stations' paper logs): created with its final status.
   */
  recordPast(
    m: EntityManager,
    row: Record<string, unknown> & { status: 'aired' | 'missed' },
  ): Promise<number> {
    return insertRow(m, 'placements', row);
  }

  /**
   * A plan's placements while it is applied (see PlansService.apply): `staged` rows hold air time (the
   * overlap checks and PostgreSQL's exclusion constraint count them) but are shown nowhere and never
   * air until {@link commitStaged} turns them `planned`.
   */
  async stage(
    m: EntityManager,
    planId: number,
    rows: readonly StagedPlacement[],
    createdBy: number | null,
    at: Date,
  ): Promise<void> {
    const stamp = sqlUtc(at);
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      const chunk = rows.slice(i, i + ROWS_PER_INSERT);
      const params: unknown[] = [];
      for (const r of chunk)
        params.push(
          r.zoneId,
          r.reportageId,
          r.allocationId,
          sqlUtc(r.start),
          sqlUtc(r.end),
          r.durationSeconds,
          planId,
          createdBy,
          stamp,
          stamp,
        );
      await m.query(
        `INSERT INTO placements (zone_id, reportage_id, allocation_id, starts_at, ends_at, duration_seconds,
                status, is_reair, first_airing_id, plan_id, created_by, version, created_at, updated_at)
         VALUES ${chunk.map(() => "(?, ?, ?, ?, ?, ?, 'staged', FALSE, NULL, ?, ?, 1, ?, ?)").join(', ')}`,
        params,
      );
    }
  }

  /** Turns up to `limit` staged rows of an applied plan `planned`; returns how many. */
  async commitStaged(m: EntityManager, planId: number, limit: number): Promise<number> {
    const ids = await this.stagedIds(m, planId, limit);
    if (ids.length)
      await m.query(
        `UPDATE placements SET status = 'planned' WHERE id IN (${ids.map(() => '?').join(', ')})`,
        ids,
      );
    return ids.length;
  }

  /**
   * Turns these staged rows (of an applied plan) `planned`, with their first airing / re-air marks
   * (see PlacementsRepository.recomputeAirings): one row version each.
   */
  async commitStagedRows(
    m: EntityManager,
    rows: { id: number; firstAiringId: number | null }[],
  ): Promise<void> {
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      const chunk = rows.slice(i, i + ROWS_PER_INSERT);
      const first = `CASE id ${chunk.map(() => 'WHEN ? THEN CAST(? AS integer)').join(' ')} END`;
      const pairs = chunk.flatMap((r) => [r.id, r.firstAiringId]);
      await m.query(
        `UPDATE placements SET status = 'planned', first_airing_id = ${first}, is_reair = (${first}) IS NOT NULL
          WHERE status = 'staged' AND id IN (${chunk.map(() => '?').join(', ')})`,
        [...pairs, ...pairs, ...chunk.map((r) => r.id)],
      );
    }
  }

  /** Deletes up to `limit` staged rows of a plan whose apply failed; returns how many. */
  async dropStaged(m: EntityManager, planId: number, limit: number): Promise<number> {
    const ids = await this.stagedIds(m, planId, limit);
    if (ids.length)
      await m.query(`DELETE FROM placements WHERE id IN (${ids.map(() => '?').join(', ')})`, ids);
    return ids.length;
  }

  /** Plans with staged placements left (an apply in progress, or one a crash interrupted). */
  async plansWithStaged(m: EntityManager): Promise<number[]> {
    const rows: { plan_id: number }[] = await m.query(
      "SELECT DISTINCT plan_id FROM placements WHERE status = 'staged' AND plan_id IS NOT NULL",
    );
    return rows.map((r) => Number(r.plan_id));
  }

  private async stagedIds(m: EntityManager, planId: number, limit: number): Promise<number[]> {
    const rows: { id: number }[] = await m.query(
      "SELECT id FROM placements WHERE plan_id = ? AND status = 'staged' ORDER BY id LIMIT ?",
      [planId, limit],
    );
    return rows.map((r) => Number(r.id));
  }

  async aired(m: EntityManager, id: number, status: AiredStatus): Promise<void> {
    await m.query('UPDATE placements SET status = ?, updated_at = CURRENT_TIMESTAMP WHERE id = ?', [
      status,
      id,
    ]);
  }
}
