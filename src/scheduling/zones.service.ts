import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { assignDefined, findForUpdate, findOr404 } from '../database/crud.js';
import { inUse, invalid } from '../common/errors.js';
import { offsetOf, pageOf, type Page } from '../common/pagination.js';
import { SqlWhere } from '../database/sql.js';
import { snapshot } from '../audit/audit-changes.js';
import { publicSettings } from '../playout/drivers/playout-driver.js';
import { AuditService } from '../audit/audit.service.js';
import { Database } from '../database/database.service.js';
import type { CreateZoneDto, ListZonesQuery, UpdateZoneDto } from './dto/zone.dto.js';
import { DEFAULT_TIME_ZONE, ianaZone } from './local-time.js';
import { Zone } from './scheduling.entities.js';
import { ZonesRepository } from './zones.repository.js';

const LABEL = 'vùng phát';

/** Zones (vùng phát): commune stations and their loudspeaker clusters, attached to catalog places. */
@Injectable()
export class ZonesService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly zones: ZonesRepository,
  ) {}

  async list(query: ListZonesQuery): Promise<Page<Zone>> {
    const where = new SqlWhere();
    if (query.kind) where.add('kind = ?', query.kind);
    if (query.parentId) where.add('parent_id = ?', query.parentId);
    if (query.placeId) where.add('place_id = ?', query.placeId);
    if (query.active !== undefined) where.add('active = ?', query.active ? 1 : 0);
    const n = await this.zones.count(where);
    const zones = await this.zones.page(where, query.pageSize, offsetOf(query));
    return pageOf(zones.map(shown), n, query);
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
      const saved = await this.zones.save(m, zone);
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
      const saved = await this.zones.save(m, zone);
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
      const used = (await this.zones.usage(m, id))
        .filter(([, n]) => n > 0)
        .map(([what, n]) => `${n} ${what}`);
      if (used.length) throw inUse(`${LABEL} "${zone.name}"`, used.join(', '));
      await this.zones.delete(m, id);
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
    await this.zones.requirePlace(m, zone.placeId);
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
    const parent = await this.zones.one(m, zone.parentId);
    if (!parent || parent.kind !== 'station' || parent.id === zone.id)
      throw invalid('ZONE_PARENT', `Vùng ${zone.parentId} không phải là một đài truyền thanh xã.`, [
        { field: 'parentId', code: 'notStation', message: 'Cụm loa chỉ thuộc được một đài.' },
      ]);
    if (zone.id && (await this.zones.clusterCount(m, zone.id)) > 0)
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
