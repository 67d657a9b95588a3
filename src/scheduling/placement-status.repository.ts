import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { insertRow } from '../database/sql.js';
import { sqlUtc } from './sql-instant.js';

/** Where a placement is in its life: scheduling sets the first three, playout the rest. */
export type PlacementStatus =
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
export type AiredStatus = Exclude<PlacementStatus, 'planned' | 'cancelled' | 'rescheduled'>;

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

  async aired(m: EntityManager, id: number, status: AiredStatus): Promise<void> {
    await m.query('UPDATE placements SET status = ?, updated_at = CURRENT_TIMESTAMP WHERE id = ?', [
      status,
      id,
    ]);
  }
}
