import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { countWhere, requireRefs } from '../database/crud.js';
import { Database } from '../database/database.service.js';
import { insertRow, type ReadQuery, type SqlWhere } from '../database/sql.js';
import { Place } from '../catalog/places/place.entity.js';
import { Zone } from './scheduling.entities.js';
import { ZoneTree, type ZoneSpec } from './zones.js';

export interface ZoneRow {
  id: number;
  name: string;
  kind: string;
  parent_id: number | null;
  place_id: number | null;
  time_zone: string;
  active: number;
}

/** Every zone, and the tree they form (the pure scheduling core's shape). */
export async function loadZones(read: ReadQuery): Promise<{ rows: Map<number, ZoneRow>; tree: ZoneTree }> {
  const rows = await read<ZoneRow>(
    'SELECT id, name, kind, parent_id, place_id, time_zone, active FROM zones ORDER BY id',
    [],
  );
  const specs: ZoneSpec[] = rows.map((z) => ({
    id: z.id,
    parentId: z.parent_id,
    timeZone: z.time_zone,
    name: z.name,
  }));
  return { rows: new Map(rows.map((z) => [z.id, z])), tree: new ZoneTree(specs) };
}

/** A zone, the zones above it and the zones below it: those whose air time it shares. Indexed walk. */
export async function relatedZones(
  read: ReadQuery,
  zoneId: number,
): Promise<{ tree: ZoneTree; ids: number[]; zone?: { active: boolean } }> {
  const rows = await read<{
    id: number;
    name: string;
    parent_id: number | null;
    time_zone: string;
    active: number;
  }>(
    `WITH RECURSIVE up(id) AS (
       SELECT CAST(? AS bigint) UNION SELECT z.parent_id FROM zones z JOIN up ON z.id = up.id WHERE z.parent_id IS NOT NULL
     ), down(id) AS (
       SELECT CAST(? AS bigint) UNION SELECT z.id FROM zones z JOIN down ON z.parent_id = down.id
     )
     SELECT id, name, parent_id, time_zone, active FROM zones WHERE id IN (SELECT id FROM up UNION SELECT id FROM down)`,
    [zoneId, zoneId],
  );
  const ids = new Set(rows.map((r) => r.id));
  const tree = new ZoneTree(
    rows.map((r) => ({
      id: r.id,
      // The top of the walk keeps no parent outside the set.
      parentId: r.parent_id !== null && ids.has(r.parent_id) ? r.parent_id : null,
      timeZone: r.time_zone,
      name: r.name,
    })),
  );
  const self = rows.find((r) => r.id === zoneId);
  return { tree, ids: [...ids], zone: self && { active: Boolean(self.active) } };
}

/** Zones (vùng phát): their rows, and the zone tree the scheduling core works on. */
@Injectable()
export class ZonesRepository {
  constructor(private readonly db: Database) {}

  /** Every zone and their tree; in the transaction when given `m`. */
  all(m?: EntityManager): Promise<{ rows: Map<number, ZoneRow>; tree: ZoneTree }> {
    return loadZones(this.db.on(m));
  }

  /** A zone with the zones above and below it (see {@link relatedZones}). */
  related(
    zoneId: number,
    m?: EntityManager,
  ): Promise<{ tree: ZoneTree; ids: number[]; zone?: { active: boolean } }> {
    return relatedZones(this.db.on(m), zoneId);
  }

  async count(where: SqlWhere): Promise<number> {
    const [{ n }] = await this.db.read<{ n: number }>(
      `SELECT COUNT(*) AS n FROM zones ${where}`,
      where.params,
    );
    return n;
  }

  /** One page of zones matching `where`, by name. */
  async page(where: SqlWhere, limit: number, offset: number): Promise<Zone[]> {
    const ids = await this.db.read<{ id: number }>(
      `SELECT id FROM zones ${where} ORDER BY name, id LIMIT ? OFFSET ?`,
      [...where.params, limit, offset],
    );
    const zones = await this.db.manager.find(Zone, { where: { id: In(ids.map((r) => r.id)) } });
    const byId = new Map(zones.map((z) => [z.id, z]));
    return ids.map((r) => byId.get(r.id)!).filter(Boolean);
  }

  /** A station as an archive brings it (the demo's history): the row as given, in column names. */
  addRow(m: EntityManager, row: Record<string, unknown>): Promise<number> {
    return insertRow(m, 'zones', row);
  }

  one(m: EntityManager, id: number): Promise<Zone | null> {
    return m.findOneBy(Zone, { id });
  }

  save(m: EntityManager, zone: Zone): Promise<Zone> {
    return m.save(zone);
  }

  async delete(m: EntityManager, id: number): Promise<void> {
    await m.delete(Zone, id);
  }

  /** What still points at a zone (its clusters, windows, placements), labelled for the refusal. */
  async usage(m: EntityManager, id: number): Promise<[string, number][]> {
    const used: [string, number][] = [];
    for (const [what, table, column] of [
      ['cụm loa', 'zones', 'parent_id'],
      ['khung giờ phát', 'broadcast_windows', 'zone_id'],
      ['lịch phát', 'placements', 'zone_id'],
    ])
      used.push([what, await countWhere(m, table, `${column} = ?`, [id])]);
    return used;
  }

  /** How many clusters hang below a zone. */
  clusterCount(m: EntityManager, id: number): Promise<number> {
    return countWhere(m, 'zones', 'parent_id = ?', [id]);
  }

  /**
   * The place a zone sits on must exist (422 otherwise). A read of the catalog's `places`: the catalog
   * publishes no read of "does this place exist" yet (PlacesService.get answers 404, outside the transaction).
   */
  requirePlace(m: EntityManager, placeId: number | null): Promise<void> {
    return requireRefs(m, Place, [placeId], 'placeId', 'địa bàn');
  }
}
