import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { Database } from '../database/database.service.js';
import { loadGrid, type Grid } from './grid.repository.js';
import { sqlUtc } from './sql-instant.js';
import { loadZones } from './zones.repository.js';
import { Placement, Zone } from './scheduling.entities.js';
import type { ZoneTree } from './zones.js';

/** A placement still planned whose time has passed, with its zone's playout settings (zones.playout, JSON). */
export interface OverduePlacementRow {
  id: number;
  zone_id: number;
  starts_at: string;
  playout: string;
}

export interface PlannedPlacementRow {
  id: number;
  version: number;
  starts_at: string;
}

export interface UpcomingPlacementRow {
  id: number;
  zone_id: number;
  starts_at: string;
  ends_at: string;
  reportage_id: number;
}

export interface ActiveZoneRow {
  id: number;
  name: string;
  kind: string;
  parent_id: number | null;
}

/**
 * "A zone's airing schedule": scheduling's published read model for playout. The zones, their
 * windows, and the placements due to air; playout reads scheduling's tables only through here (and
 * changes a placement's status only through PlacementStatusRepository).
 */
@Injectable()
export class AiringScheduleRepository {
  constructor(private readonly db: Database) {}

  /** A placement as the player claims it (inside its write transaction). */
  placement(id: number, m?: EntityManager): Promise<Placement | null> {
    return (m ?? this.db.manager).findOneBy(Placement, { id });
  }

  /** A placement's status and start, or undefined when it is gone. */
  async state(id: number, m?: EntityManager): Promise<{ status: string; starts_at: string } | undefined> {
    const [row] = await this.db.on(m)<{ status: string; starts_at: string }>(
      'SELECT status, starts_at FROM placements WHERE id = ?',
      [id],
    );
    return row;
  }

  /** The length a placement was given when placed (seconds), or undefined when it is gone. */
  async durationSeconds(id: number, m?: EntityManager): Promise<number | undefined> {
    const [row] = await this.db.on(m)<{ d: number }>(
      'SELECT duration_seconds AS d FROM placements WHERE id = ?',
      [id],
    );
    return row?.d;
  }

  /** Placements still planned that should have started before `instant`, with their zones' settings. */
  plannedBefore(instant: Date | number): Promise<OverduePlacementRow[]> {
    return this.db.read<OverduePlacementRow>(
      `SELECT p.id, p.zone_id, p.starts_at, z.playout FROM placements p JOIN zones z ON z.id = p.zone_id
        WHERE p.status = 'planned' AND p.starts_at < ?`,
      [sqlUtc(instant)],
    );
  }

  /** Placements planned to start in [from, until): those whose jobs must be queued. */
  plannedBetween(from: Date | number, until: Date | number): Promise<PlannedPlacementRow[]> {
    return this.db.read<PlannedPlacementRow>(
      `SELECT id, version, starts_at FROM placements WHERE status = 'planned' AND starts_at >= ? AND starts_at < ?`,
      [sqlUtc(from), sqlUtc(until)],
    );
  }

  /** The next planned placements from `from` on, every zone together, soonest first (500 at most). */
  upcoming(from: Date | number): Promise<UpcomingPlacementRow[]> {
    return this.db.read<UpcomingPlacementRow>(
      `SELECT p.id, p.zone_id, p.starts_at, p.ends_at, p.reportage_id FROM placements p
        WHERE p.status = 'planned' AND p.starts_at >= ? ORDER BY p.starts_at LIMIT 500`,
      [sqlUtc(from)],
    );
  }

  /** The active zones, by id. */
  activeZones(): Promise<ActiveZoneRow[]> {
    return this.db.read<ActiveZoneRow>(
      'SELECT id, name, kind, parent_id FROM zones WHERE active = TRUE ORDER BY id',
    );
  }

  /** How many of these zones exist. */
  countZones(ids: number[]): Promise<number> {
    return this.db.manager.countBy(Zone, { id: In(ids) });
  }

  /** The zone tree (every zone). */
  async zoneTree(): Promise<ZoneTree> {
    const { tree } = await loadZones(this.db.on());
    return tree;
  }

  /** The program grid of these zones (their active windows and allocations). */
  grid(tree: ZoneTree, zoneIds: number[]): Promise<Grid> {
    return loadGrid(this.db.on(), tree, zoneIds);
  }
}
