import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Database } from '../database/database.service.js';
import { placeholders, utcDate, type ReadQuery, type SqlWhere } from '../database/sql.js';
import type { PlacedInterval } from './placement-rules.js';
import { Placement } from './scheduling.entities.js';
import { sqlUtc } from './sql-instant.js';

/** The longest a placement may last: a window session never exceeds a day. */
export const MAX_ITEM_MS = 86_400_000;

export interface PlacementRow {
  id: number;
  zone_id: number;
  reportage_id: number;
  allocation_id: number | null;
  starts_at: string;
  ends_at: string;
  duration_seconds: number;
  status: string;
}

/**
 * Placements holding air time in the zones that overlap [start, end). Uses the (zone_id, starts_at)
 * index and stays bounded: nothing lasts longer than a window session (at most a day), so only
 * starts from a day before `start` can reach into it.
 */
export async function placementsHolding(
  read: ReadQuery,
  zoneIds: number[],
  start: Date,
  end: Date,
): Promise<PlacedInterval[]> {
  if (zoneIds.length === 0) return [];
  const rows = await read<PlacementRow>(
    `SELECT id, zone_id, starts_at, ends_at FROM placements
      WHERE zone_id IN (${placeholders(zoneIds.length)}) AND starts_at >= ? AND starts_at < ? AND ends_at > ?
        AND status <> 'cancelled'`,
    [...zoneIds, sqlUtc(start.getTime() - MAX_ITEM_MS), sqlUtc(end), sqlUtc(start)],
  );
  return rows.map((r) => ({
    id: r.id,
    zoneId: r.zone_id,
    start: utcDate(r.starts_at),
    end: utcDate(r.ends_at),
  }));
}

/** A placement row with its zone's name, as the views show it. */
export interface PlacementViewRow {
  id: number;
  zone_id: number;
  zone_name: string;
  reportage_id: number;
  allocation_id: number | null;
  starts_at: string;
  ends_at: string;
  duration_seconds: number;
  status: string;
  is_reair: number;
  first_airing_id: number | null;
  plan_id: number | null;
  cancel_reason: string | null;
  cancelled_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** The fields a new placement is created with (its status is `planned`). */
export type NewPlacement = Pick<
  Placement,
  | 'zoneId'
  | 'reportageId'
  | 'allocationId'
  | 'startsAt'
  | 'endsAt'
  | 'durationSeconds'
  | 'planId'
  | 'createdBy'
>;

/** Where a placement airs, as a move changes it. */
export type PlacementSlot = Pick<
  Placement,
  'zoneId' | 'startsAt' | 'endsAt' | 'durationSeconds' | 'allocationId' | 'version'
>;

/** Placements (lịch phát). Their status is written by {@link PlacementStatusRepository} only. */
@Injectable()
export class PlacementsRepository {
  constructor(private readonly db: Database) {}

  /** See {@link placementsHolding}. */
  holding(zoneIds: number[], start: Date, end: Date, m?: EntityManager): Promise<PlacedInterval[]> {
    return placementsHolding(this.db.on(m), zoneIds, start, end);
  }

  async insert(m: EntityManager, placement: NewPlacement): Promise<number> {
    const saved = await m.save(
      m.create(Placement, {
        ...placement,
        status: 'planned',
        isReair: false,
        firstAiringId: null,
        cancelReason: null,
        cancelledAt: null,
      }),
    );
    return saved.id;
  }

  async move(m: EntityManager, id: number, slot: PlacementSlot): Promise<void> {
    await m.update(Placement, id, slot);
  }

  one(m: EntityManager, id: number): Promise<Placement> {
    return m.findOneByOrFail(Placement, { id }) as Promise<Placement>;
  }

  /** A reportage's placements still holding air time in these zones, per zone in airing order. */
  airings(
    m: EntityManager,
    reportageId: number,
    zoneIds: number[],
  ): Promise<{ id: number; zone_id: number; is_reair: number; first_airing_id: number | null }[]> {
    return m.query(
      `SELECT id, zone_id, is_reair, first_airing_id FROM placements
      WHERE reportage_id = ? AND zone_id IN (${placeholders(zoneIds.length)})
        AND status NOT IN ('cancelled', 'rescheduled', 'staged')
      ORDER BY zone_id, starts_at, id`,
      [reportageId, ...zoneIds],
    );
  }

  async setAiring(m: EntityManager, id: number, reair: boolean, firstAiringId: number | null): Promise<void> {
    await m.query('UPDATE placements SET is_reair = ?, first_airing_id = ? WHERE id = ?', [
      reair ? 1 : 0,
      firstAiringId,
      id,
    ]);
  }

  async count(where: SqlWhere): Promise<number> {
    const [{ n }] = await this.db.read<{ n: number }>(
      `SELECT COUNT(*) AS n FROM placements p ${where}`,
      where.params,
    );
    return n;
  }

  /** Ids of one page of placements matching `where` (alias p), in airing order. */
  async pageIds(where: SqlWhere, limit: number, offset: number): Promise<number[]> {
    const rows = await this.db.read<{ id: number }>(
      `SELECT p.id FROM placements p ${where} ORDER BY p.starts_at, p.id LIMIT ? OFFSET ?`,
      [...where.params, limit, offset],
    );
    return rows.map((r) => r.id);
  }

  async viewRows(ids: number[], m?: EntityManager): Promise<PlacementViewRow[]> {
    if (ids.length === 0) return [];
    return this.db.on(m)<PlacementViewRow>(
      `SELECT p.*, z.name AS zone_name FROM placements p JOIN zones z ON z.id = p.zone_id
        WHERE p.id IN (${placeholders(ids.length)}) AND p.status <> 'staged'`,
      ids,
    );
  }

  /** Ids of the placements (neither cancelled nor staged) of these zones starting in [start, end), in airing order. */
  async idsIn(zoneIds: number[], start: Date, end: Date): Promise<number[]> {
    if (zoneIds.length === 0) return [];
    const rows = await this.db.read<{ id: number }>(
      `SELECT id FROM placements WHERE zone_id IN (${placeholders(zoneIds.length)}) AND starts_at >= ? AND starts_at < ?
          AND status NOT IN ('cancelled', 'staged') ORDER BY starts_at, id`,
      [...zoneIds, sqlUtc(start), sqlUtc(end)],
    );
    return rows.map((r) => r.id);
  }

  /** Allocations filled by a placement (not cancelled) starting in [from, to), with its start. */
  filledAllocations(from: Date | number, to: Date): Promise<{ allocation_id: number; starts_at: string }[]> {
    return this.db.read<{ allocation_id: number; starts_at: string }>(
      `SELECT allocation_id, starts_at FROM placements
        WHERE allocation_id IS NOT NULL AND status NOT IN ('cancelled', 'staged') AND starts_at >= ? AND starts_at < ?`,
      [sqlUtc(from), sqlUtc(to)],
    );
  }

  /** Planned placements starting in [from, to), in airing order. */
  plannedBetween(
    from: Date,
    to: Date,
  ): Promise<{ id: number; zone_id: number; reportage_id: number; starts_at: string }[]> {
    return this.db.read<{ id: number; zone_id: number; reportage_id: number; starts_at: string }>(
      `SELECT p.id, p.zone_id, p.reportage_id, p.starts_at FROM placements p
        WHERE p.status = 'planned' AND p.starts_at >= ? AND p.starts_at < ? ORDER BY p.starts_at, p.id`,
      [sqlUtc(from), sqlUtc(to)],
    );
  }

  /**
   * Placements holding air time (not cancelled; staged ones of other plans too) starting in [from, to),
   * as intervals, in the caller's transaction: what a chunk of a plan being applied is checked against.
   * The plan's own staged rows are left out (they were checked together with the chunk).
   */
  async holdingBetween(
    m: EntityManager,
    from: Date | number,
    to: Date,
    exceptPlanId: number,
  ): Promise<PlacedInterval[]> {
    const rows: { id: number; zone_id: number; starts_at: string; ends_at: string }[] = await m.query(
      `SELECT id, zone_id, starts_at, ends_at FROM placements
        WHERE starts_at >= ? AND starts_at < ? AND status <> 'cancelled'
          AND (plan_id IS NULL OR plan_id <> ? OR status <> 'staged')`,
      [sqlUtc(from), sqlUtc(to), exceptPlanId],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      zoneId: Number(r.zone_id),
      start: utcDate(r.starts_at),
      end: utcDate(r.ends_at),
    }));
  }

  /**
   * What PlacementsService.markAirings does one reportage at a time, for these reportages in these
   * zones at once: per (reportage, zone), the earliest placement holding air time (neither cancelled,
   * rescheduled nor staged) is the first airing, every later one a re-air pointing to it. The staged
   * rows of `committingPlanId` count as holding air time (they are about to): they are left as they are
   * and come back with their marks, for PlacementStatusRepository.commitStaged in the same transaction.
   */
  async recomputeAirings(
    m: EntityManager,
    reportageIds: number[],
    zoneIds: number[],
    committingPlanId?: number,
  ): Promise<{ id: number; firstAiringId: number | null }[]> {
    if (reportageIds.length === 0 || zoneIds.length === 0) return [];
    const rows: {
      id: number;
      reportage_id: number;
      zone_id: number;
      is_reair: number | boolean;
      first_airing_id: number | null;
      status: string;
    }[] = await m.query(
      `SELECT id, reportage_id, zone_id, is_reair, first_airing_id, status FROM placements
        WHERE reportage_id IN (${placeholders(reportageIds.length)}) AND zone_id IN (${placeholders(zoneIds.length)})
          AND (status NOT IN ('cancelled', 'rescheduled', 'staged') OR (status = 'staged' AND plan_id = ?))
        ORDER BY reportage_id, zone_id, starts_at, id`,
      [...reportageIds, ...zoneIds, committingPlanId ?? -1],
    );
    const staged: { id: number; firstAiringId: number | null }[] = [];
    const changed: { id: number; first: number | null }[] = [];
    let pair = '';
    let head = 0;
    for (const row of rows) {
      const key = `${row.reportage_id}/${row.zone_id}`;
      const first = key === pair ? head : null;
      if (key !== pair) {
        pair = key;
        head = Number(row.id);
      }
      if (row.status === 'staged') {
        staged.push({ id: Number(row.id), firstAiringId: first });
        continue;
      }
      const firstId = row.first_airing_id === null ? null : Number(row.first_airing_id);
      if (Boolean(row.is_reair) !== (first !== null) || firstId !== first)
        changed.push({ id: Number(row.id), first });
    }
    for (let i = 0; i < changed.length; i += 200) {
      const chunk = changed.slice(i, i + 200);
      const ids = chunk.map((c) => c.id);
      await m.query(
        `UPDATE placements SET first_airing_id = CASE id ${chunk.map(() => 'WHEN ? THEN CAST(? AS integer)').join(' ')} END
          WHERE id IN (${placeholders(ids.length)})`,
        [...chunk.flatMap((c) => [c.id, c.first]), ...ids],
      );
      await m.query(
        `UPDATE placements SET is_reair = (first_airing_id IS NOT NULL) WHERE id IN (${placeholders(ids.length)})`,
        ids,
      );
    }
    return staged;
  }

  /** Placements (not cancelled) starting in [from, to), as intervals. */
  async startingBetween(from: Date | number, to: Date): Promise<PlacedInterval[]> {
    const rows = await this.db.read<{ id: number; zone_id: number; starts_at: string; ends_at: string }>(
      `SELECT id, zone_id, starts_at, ends_at FROM placements
        WHERE status <> 'cancelled' AND starts_at >= ? AND starts_at < ?`,
      [sqlUtc(from), sqlUtc(to)],
    );
    return rows.map((r) => ({
      id: r.id,
      zoneId: r.zone_id,
      start: utcDate(r.starts_at),
      end: utcDate(r.ends_at),
    }));
  }

  /** Airings (placements still holding air time) of these reportages starting before `until`. */
  async priorAirings(
    reportageIds: number[],
    until: Date,
  ): Promise<{ reportage_id: number; zone_id: number; starts_at: string }[]> {
    const rows: { reportage_id: number; zone_id: number; starts_at: string }[] = [];
    for (let i = 0; i < reportageIds.length; i += 500) {
      const chunk = reportageIds.slice(i, i + 500);
      rows.push(
        ...(await this.db.read<{ reportage_id: number; zone_id: number; starts_at: string }>(
          `SELECT p.reportage_id, p.zone_id, p.starts_at FROM placements p
            WHERE p.reportage_id IN (${placeholders(chunk.length)}) AND p.status NOT IN ('cancelled', 'rescheduled')
              AND p.starts_at < ?`,
          [...chunk, sqlUtc(until)],
        )),
      );
    }
    return rows;
  }
}
