import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { insertedId, returningId } from '../database/dialect-sql.js';
import { Database } from '../database/database.service.js';
import { Plan } from './scheduling.entities.js';
import { sqlUtc } from './sql-instant.js';

/** A proposal to store, already encoded (JSON texts). */
export interface NewPlan {
  request: string;
  proposal: string;
  placementCount: number;
  unfilledCount: number;
  createdBy: number | null;
  createdAt: Date;
}

/** Planner proposals (plans) until they are applied or expire. */
@Injectable()
export class PlansRepository {
  constructor(private readonly db: Database) {}

  /** Stores a proposed plan; returns its id. */
  async insertProposed(m: EntityManager, plan: NewPlan): Promise<number> {
    // Plain SQL: a year's proposal is a JSON text of megabytes, which the ORM's save copies and
    // re-reads for nothing.
    const inserted: unknown = await m.query(
      `INSERT INTO plans (status, request, proposal, placement_count, unfilled_count, created_by, created_at, updated_at)
       VALUES ('proposed', ?, ?, ?, ?, ?, ?, ?)${returningId(this.db.dialect)}`,
      [
        plan.request,
        plan.proposal,
        plan.placementCount,
        plan.unfilledCount,
        plan.createdBy,
        sqlUtc(plan.createdAt),
        sqlUtc(plan.createdAt),
      ],
    );
    return Number(await insertedId(this.db.dialect, m, inserted));
  }

  one(m: EntityManager, id: number): Promise<Plan> {
    return m.findOneByOrFail(Plan, { id }) as Promise<Plan>;
  }

  async markApplied(m: EntityManager, id: number, at: Date, version: number): Promise<void> {
    await m.update(Plan, id, { status: 'applied', appliedAt: at, version: version + 1 });
  }

  /** The plan is being applied (its placements are written staged); see PlansService.apply. */
  async markApplying(m: EntityManager, id: number, version: number): Promise<void> {
    await m.update(Plan, id, { status: 'applying', version: version + 1 });
  }

  /** Back to proposed after a failed (or interrupted) apply. */
  async markProposedAgain(m: EntityManager, id: number): Promise<void> {
    await m.query(
      "UPDATE plans SET status = 'proposed', version = version + 1, updated_at = ? WHERE id = ? AND status = 'applying'",
      [sqlUtc(new Date()), id],
    );
  }

  /** An apply still at work says so between its chunks (crash recovery leaves it alone). */
  async touch(m: EntityManager, id: number, at: Date): Promise<void> {
    await m.query('UPDATE plans SET updated_at = ? WHERE id = ?', [sqlUtc(at), id]);
  }

  /** Plans left `applying` with no sign of life since `before`: an apply a crash interrupted. */
  async applyingSince(m: EntityManager, before: Date): Promise<number[]> {
    const rows: { id: number }[] = await m.query(
      "SELECT id FROM plans WHERE status = 'applying' AND updated_at < ?",
      [sqlUtc(before)],
    );
    return rows.map((r) => Number(r.id));
  }

  async status(m: EntityManager, id: number): Promise<{ status: string; updated_at: string } | undefined> {
    const [row] = (await m.query('SELECT status, updated_at FROM plans WHERE id = ?', [id])) as {
      status: string;
      updated_at: string;
    }[];
    return row;
  }

  /** Expires the proposals created before `before`, dropping their JSON; returns how many. */
  async expireProposedBefore(
    m: EntityManager,
    before: Date | number,
    emptyProposal: string,
  ): Promise<number> {
    const [{ n }] = await m.query(
      "SELECT COUNT(*) AS n FROM plans WHERE status = 'proposed' AND created_at < ?",
      [sqlUtc(before)],
    );
    if (n > 0)
      await m.query(
        `UPDATE plans SET status = 'expired', proposal = ?, version = version + 1
          WHERE status = 'proposed' AND created_at < ?`,
        [emptyProposal, sqlUtc(before)],
      );
    return Number(n);
  }
}
