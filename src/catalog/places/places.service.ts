import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { assignDefined, findForUpdate, findOr404 } from '../../database/crud.js';
import { inUse, invalid } from '../../common/errors.js';
import { pageOf, type Page } from '../../common/pagination.js';
import { foldVietnamese } from '../../common/text.js';
import { AuditService } from '../../audit/audit.service.js';
import { snapshot } from '../../audit/audit-changes.js';
import { Database } from '../../database/database.service.js';
import { SearchIndex } from '../search/search-index.service.js';
import type {
  CreatePlaceDto,
  ListPlacesQuery,
  PlaceNode,
  PlaceView,
  UpdatePlaceDto,
} from './dto/place.dto.js';
import { PARENT_LEVELS, Place, PLACE_LEVEL_LABELS, type PlaceLevel } from './place.entity.js';
import { PlacesRepository } from './places.repository.js';

const LABEL = 'đơn vị hành chính';

export function toPlaceView(place: Place): PlaceView {
  const { id, name, level, code, parentId, version, createdAt, updatedAt } = place;
  return { id, name, level, code, parentId, version, createdAt, updatedAt };
}

@Injectable()
export class PlacesService {
  constructor(
    private readonly db: Database,
    private readonly places: PlacesRepository,
    private readonly search: SearchIndex,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListPlacesQuery): Promise<Page<PlaceView>> {
    const { items, total } = await this.places.list(query);
    return pageOf(items.map(toPlaceView), total, query);
  }

  async get(id: number): Promise<PlaceView> {
    return toPlaceView(await findOr404(this.db.manager, Place, id, LABEL));
  }

  /** The whole tree under `rootId` (or every province), children sorted by name. */
  async tree(rootId?: number): Promise<PlaceNode[]> {
    const all = await this.places.all();
    const nodes = new Map<number, PlaceNode>(all.map((p) => [p.id, { ...toPlaceView(p), children: [] }]));
    const roots: PlaceNode[] = [];
    for (const node of nodes.values()) {
      const parent = node.parentId ? nodes.get(node.parentId) : undefined;
      if (parent) parent.children.push(node);
      else roots.push(node);
    }
    if (rootId === undefined) return roots;
    const root = nodes.get(rootId);
    if (!root) await findOr404(this.db.manager, Place, rootId, LABEL);
    return [root as PlaceNode];
  }

  create(dto: CreatePlaceDto): Promise<PlaceView> {
    return this.db.transaction(async (m) => {
      await this.checkParent(m, dto.level, dto.parentId ?? null, undefined);
      const saved = await this.places.insert(m, {
        name: dto.name,
        nameFolded: foldVietnamese(dto.name),
        level: dto.level,
        code: dto.code ?? null,
        parentId: dto.parentId ?? null,
      });
      await this.audit.record(m, {
        action: 'create',
        entity: 'place',
        entityId: saved.id,
        after: snapshot(saved),
      });
      return toPlaceView(saved);
    });
  }

  update(id: number, dto: UpdatePlaceDto): Promise<PlaceView> {
    return this.db.transaction(async (m) => {
      const place = await findForUpdate(m, Place, id, dto.version, LABEL);
      const before = snapshot(place);
      const renamed = dto.name !== undefined && dto.name !== place.name;
      const relevelled = dto.level !== undefined && dto.level !== place.level;
      assignDefined(place, dto);
      place.nameFolded = foldVietnamese(place.name);
      await this.checkParent(m, place.level, place.parentId, place.id);
      if (relevelled) await this.checkChildren(m, place);
      const saved = await this.places.save(m, place);
      if (renamed) await this.search.placeChanged(m, id);
      await this.audit.record(m, {
        action: 'update',
        entity: 'place',
        entityId: id,
        before,
        after: snapshot(saved),
      });
      return toPlaceView(saved);
    });
  }

  remove(id: number): Promise<void> {
    return this.db.transaction(async (m) => {
      const place = await findOr404(m, Place, id, LABEL);
      const { children, exemplars, reportages } = await this.places.uses(m, id);
      const uses: [string, number][] = [
        ['các đơn vị trực thuộc', children],
        ['các điển hình', exemplars],
        ['các phóng sự', reportages],
      ];
      const used = uses.filter(([, n]) => n > 0).map(([what, n]) => `${n} ${what.replace('các ', '')}`);
      if (used.length) throw inUse(`"${place.name}"`, used.join(', '));
      await this.places.delete(m, id);
      await this.audit.record(m, {
        action: 'delete',
        entity: 'place',
        entityId: id,
        before: snapshot(place),
      });
    });
  }

  /** After a level change, every place directly below must still be allowed under the new level. */
  private async checkChildren(m: EntityManager, place: Place) {
    const children = await this.places.children(m, place.id);
    const misfit = children.find((child) => !PARENT_LEVELS[child.level].includes(place.level));
    if (!misfit) return;
    throw invalid(
      'PLACE_LEVEL_MISMATCH',
      `Không thể chuyển "${place.name}" thành ${PLACE_LEVEL_LABELS[place.level]}: ${PLACE_LEVEL_LABELS[misfit.level]} "${misfit.name}" trực thuộc không thể nằm dưới cấp đó.`,
      [
        {
          field: 'level',
          code: 'levelMismatch',
          message: 'Các đơn vị trực thuộc không phù hợp với cấp mới.',
        },
      ],
    );
  }

  /** The parent must exist, sit at an allowed level and not be the place itself or below it. */
  private async checkParent(m: EntityManager, level: PlaceLevel, parentId: number | null, selfId?: number) {
    const allowed = PARENT_LEVELS[level];
    if (parentId === null) {
      if (!allowed.includes(null))
        throw invalid(
          'PLACE_PARENT_REQUIRED',
          `Một ${PLACE_LEVEL_LABELS[level]} phải thuộc một đơn vị cấp trên.`,
          [{ field: 'parentId', code: 'required', message: 'Hãy chọn đơn vị cấp trên.' }],
        );
      return;
    }
    const parent = await this.places.byId(m, parentId);
    if (!parent)
      throw invalid('PLACE_PARENT_NOT_FOUND', `Không tìm thấy đơn vị cấp trên có mã ${parentId}.`, [
        { field: 'parentId', code: 'notFound', message: 'Đơn vị cấp trên không tồn tại.' },
      ]);
    if (!allowed.includes(parent.level)) {
      const names = allowed.map((l) => (l ? PLACE_LEVEL_LABELS[l] : 'không có cấp trên')).join(' hoặc ');
      throw invalid(
        'PLACE_LEVEL_MISMATCH',
        `Một ${PLACE_LEVEL_LABELS[level]} chỉ có thể thuộc ${names}, không thuộc ${PLACE_LEVEL_LABELS[parent.level]} "${parent.name}".`,
        [{ field: 'parentId', code: 'levelMismatch', message: `Cấp trên phải là ${names}.` }],
      );
    }
    if (selfId !== undefined) {
      // Walk up from the new parent: meeting ourselves would make a loop.
      let cursor: Place | null = parent;
      while (cursor) {
        if (cursor.id === selfId)
          throw invalid('PLACE_CYCLE', 'Không thể đặt một đơn vị làm cấp dưới của chính nó.', [
            {
              field: 'parentId',
              code: 'cycle',
              message: 'Cấp trên không được là chính đơn vị này hoặc cấp dưới của nó.',
            },
          ]);
        cursor = cursor.parentId ? await this.places.byId(m, cursor.parentId) : null;
      }
    }
  }
}
