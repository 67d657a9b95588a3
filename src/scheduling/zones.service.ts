import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { assignDefined, countWhere, findForUpdate, findOr404, requireRefs } from '../common/crud.js';
import { inUse, invalid } from '../common/errors.js';
import { offsetOf, pageOf, type Page } from '../common/pagination.js';
import { SqlWhere } from '../common/sql.js';
import { snapshot } from '../audit/audit-changes.js';
import { publicSettings } from '../playout/drivers/playout-driver.js';
import { AuditService } from '../audit/audit.service.js';
import { Place } from '../catalog/places/place.entity.js';
import { Database } from '../database/database.service.js';
import type { CreateZoneDto, ListZonesQuery, UpdateZoneDto } from './dto/zone.dto.js';
import { DEFAULT_TIME_ZONE, ianaZone } from './local-time.js';
import { Zone } from './scheduling.entities.js';

const LABEL = 'vùng phát';

/** Zones (vùng phát): commune stations and their loudspeaker clusters, attached to catalog places. */
@Injectable()
export class ZonesService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListZonesQuery): Promise<Page<Zone>> {
    const where = new SqlWhere();
    if (query.kind) where.add('kind = ?', query.kind);
    if (query.parentId) where.add('parent_id = ?', query.parentId);
    if (query.placeId) where.add('place_id = ?', query.placeId);
    if (query.active !== undefined) where.add('active = ?', query.active ? 1 : 0);
    const [{ n }] = await this.db.read<{ n: number }>(
      `SELECT COUNT(*) AS n FROM zones ${where}`,
      where.params,
    );
    const ids = await this.db.read<{ id: number }>(
      `SELECT id FROM zones ${where} ORDER BY name, id LIMIT ? OFFSET ?`,
      [...where.params, query.pageSize, offsetOf(query)],
    );
    const zones = await this.db.manager.find(Zone, { where: { id: In(ids.map((r) => r.id)) } });
    const byId = new Map(zones.map((z) => [z.id, z]));
    return pageOf(
      ids
        .map((r) => byId.get(r.id)!)
        .filter(Boolean)
        .map(shown),
      n,
      query,
    );
  }

  async get(id: number): Promise<Zone> {
    return shown(await findOr404(this.db.manager, Zone, id, LABEL));
  }

  create(dto: CreateZoneDto): Promise<Zone> {
    return this.db.transaction(async (m) => {
      const zone = m.create(Zone, {
        ...dto,
        parentId: dto.parentId ?? null,
        placeId: dto.placeId ?? null,
        timeZone: dto.timeZone ?? DEFAULT_TIME_ZONE,
        active: dto.active ?? true,
        playout: {},
      });
      await this.validate(m, zone);
      const saved = await m.save(zone);
      await this.audit.record(m, {
        action: 'create',
        entity: 'zone',
        entityId: saved.id,
        after: snapshot(shown(saved)),
      });
      return shown(saved);
    });
  }

  update(id: number, dto: UpdateZoneDto): Promise<Zone> {
    return this.db.transaction(async (m) => {
      const zone = await findForUpdate(m, Zone, id, dto.version, LABEL);
      const before = snapshot(shown(zone));
      assignDefined(zone, dto);
      await this.validate(m, zone);
      const saved = await m.save(zone);
      await this.audit.record(m, {
        action: 'update',
        entity: 'zone',
        entityId: id,
        before,
        after: snapshot(shown(saved)),
      });
      return shown(saved);
    });
  }

  remove(id: number): Promise<void> {
    return this.db.transaction(async (m) => {
      const zone = await findOr404(m, Zone, id, LABEL);
      const used: string[] = [];
      for (const [what, table, column] of [
        ['cụm loa', 'zones', 'parent_id'],
        ['khung giờ phát', 'broadcast_windows', 'zone_id'],
        ['lịch phát', 'placements', 'zone_id'],
      ]) {
        const n = await countWhere(m, table, `${column} = ?`, [id]);
        if (n > 0) used.push(`${n} ${what}`);
      }
      if (used.length) throw inUse(`${LABEL} "${zone.name}"`, used.join(', '));
      await m.delete(Zone, id);
      await this.audit.record(m, {
        action: 'delete',
        entity: 'zone',
        entityId: id,
        before: snapshot(shown(zone)),
      });
    });
  }

  /** A station stands alone and sits on a place; a cluster hangs below a station. */
  private async validate(m: EntityManager, zone: Zone): Promise<void> {
    ianaZone(zone.timeZone, 'timeZone');
    await requireRefs(m, Place, [zone.placeId], 'placeId', 'địa bàn');
    if (zone.kind === 'station') {
      if (zone.parentId !== null)
        throw invalid('ZONE_PARENT', 'Đài truyền thanh xã không thuộc vùng nào khác; hãy bỏ parentId.', [
          { field: 'parentId', code: 'notAllowed', message: 'Đài không có vùng cha.' },
        ]);
      if (zone.placeId === null)
        throw invalid('ZONE_PLACE', 'Hãy chọn địa bàn (xã/phường) của đài truyền thanh.', [
          { field: 'placeId', code: 'required', message: 'Đài cần gắn với một địa bàn.' },
        ]);
      return;
    }
    if (zone.parentId === null)
      throw invalid('ZONE_PARENT', 'Cụm loa phải thuộc một đài truyền thanh xã: hãy chọn parentId.', [
        { field: 'parentId', code: 'required', message: 'Cụm loa cần đài quản lý.' },
      ]);
    const parent = await m.findOneBy(Zone, { id: zone.parentId });
    if (!parent || parent.kind !== 'station' || parent.id === zone.id)
      throw invalid('ZONE_PARENT', `Vùng ${zone.parentId} không phải là một đài truyền thanh xã.`, [
        { field: 'parentId', code: 'notStation', message: 'Cụm loa chỉ thuộc được một đài.' },
      ]);
    if (zone.id && (await countWhere(m, 'zones', 'parent_id = ?', [zone.id])) > 0)
      throw invalid('ZONE_PARENT', 'Vùng này đang có cụm loa trực thuộc nên không thể trở thành cụm loa.');
  }
}

/**
 * A zone as the API shows it and the audit trail records it: playout settings without the Icecast
 * source password (set and seen through /api/zones/:id/playout).
 */
function shown(zone: Zone): Zone {
  return Object.assign(Object.create(Zone.prototype) as Zone, zone, {
    playout: publicSettings(zone.playout ?? {}),
  });
}
