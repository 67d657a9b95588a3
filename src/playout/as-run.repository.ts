import { Injectable } from '@nestjs/common';
import type { DeepPartial, EntityManager } from 'typeorm';
import { findForUpdate } from '../database/crud.js';
import { Database } from '../database/database.service.js';
import { insertRow, type SqlWhere } from '../database/sql.js';
import { AsRunEntry, type AsRunResult } from './playout.entities.js';

/**
 * An as-run entry as the log shows it: the entry, its zone's name, and what aired (the placement's
 * reportage, or the bulletin). A read-only view across the tables it names.
 */
export type AsRunRow = Record<string, any>;

const SELECT = `SELECT e.*, z.name AS zone_name, p.reportage_id, p.is_reair, p.status AS placement_status, r.title AS reportage_title,
    r.segment_id, b.title AS bulletin_title
  FROM as_run_entries e JOIN zones z ON z.id = e.zone_id
  LEFT JOIN placements p ON p.id = e.placement_id LEFT JOIN reportages r ON r.id = p.reportage_id
  LEFT JOIN bulletins b ON b.id = e.bulletin_id`;

/** What the result of an airing was, once the driver is done with it. */
export interface AsRunOutcome {
  startedAt: Date | null;
  endedAt: Date | null;
  playedSeconds: number;
  result: AsRunResult;
  error: string | null;
  interruptedBy: number | null;
}

/** The as-run log (as_run_entries): playout's own table. */
@Injectable()
export class AsRunRepository {
  constructor(private readonly db: Database) {}

  /**
   * How many entries match a filter on the entry (e.) and its placement's reportage (r.).
   */
  async count(where: SqlWhere): Promise<number> {
    const [{ n }] = await this.db.read<{ n: number }>(
      `SELECT COUNT(*) AS n FROM as_run_entries e LEFT JOIN placements p ON p.id = e.placement_id
         LEFT JOIN reportages r ON r.id = p.reportage_id ${where}`,
      where.params,
    );
    return n;
  }

  /** A page of the log, latest first. */
  page(where: SqlWhere, limit: number, offset: number): Promise<AsRunRow[]> {
    return this.db.read<AsRunRow>(
      `${SELECT} ${where} ORDER BY e.scheduled_at DESC, e.id DESC LIMIT ? OFFSET ?`,
      [...where.params, limit, offset],
    );
  }

  async view(id: number): Promise<AsRunRow | undefined> {
    const [row] = await this.db.read<AsRunRow>(`${SELECT} WHERE e.id = ?`, [id]);
    return row;
  }

  /** What is on air or awaits an operator's confirmation, latest first. */
  current(): Promise<AsRunRow[]> {
    return this.db.read<AsRunRow>(
      `${SELECT} WHERE e.result IN ('on_air', 'awaiting_confirmation') ORDER BY e.scheduled_at DESC`,
    );
  }

  /** The entry of a placement's airing attempt, when there is one. */
  async ofPlacement(
    placementId: number,
  ): Promise<{ id: number; zone_id: number; result: string; error: string } | undefined> {
    const [entry] = await this.db.read<{ id: number; zone_id: number; result: string; error: string }>(
      'SELECT id, zone_id, result, error FROM as_run_entries WHERE placement_id = ?',
      [placementId],
    );
    return entry;
  }

  /** Loads an entry for an operator's correction, checking the version they read. */
  forUpdate(m: EntityManager, id: number, version: number): Promise<AsRunEntry> {
    return findForUpdate(m, AsRunEntry, id, version, 'mục nhật ký phát');
  }

  /** An airing logged before this system existed (the demo's history): the row as given. */
  addRow(m: EntityManager, row: Record<string, unknown>): Promise<number> {
    return insertRow(m, 'as_run_entries', row);
  }

  add(m: EntityManager, entry: DeepPartial<AsRunEntry>): Promise<AsRunEntry> {
    return m.save(m.create(AsRunEntry, entry));
  }

  save(m: EntityManager, entry: AsRunEntry): Promise<AsRunEntry> {
    return m.save(entry);
  }

  /** Writes what really happened once the driver is done. */
  async finish(m: EntityManager, id: number, outcome: AsRunOutcome): Promise<void> {
    await m.update(AsRunEntry, id, outcome);
  }
}
