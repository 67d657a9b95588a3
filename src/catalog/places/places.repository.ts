import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { offsetOf, sortOf } from '../../common/pagination.js';
import { foldVietnamese } from '../../common/text.js';
import { countWhere } from '../../database/crud.js';
import { Database } from '../../database/database.service.js';
import type { ListPlacesQuery } from './dto/place.dto.js';
import { Place } from './place.entity.js';

/** Records elsewhere that point at a place (they refuse its deletion). */
export interface PlaceUses {
  children: number;
  exemplars: number;
  reportages: number;
}

/** Administrative places (table places). */
@Injectable()
export class PlacesRepository {
  constructor(private readonly db: Database) {}

  /** One page of places, filtered and sorted as asked, and how many there are in all. */
  async list(query: ListPlacesQuery): Promise<{ items: Place[]; total: number }> {
    const { column, direction } = sortOf(
      query.sort,
      { name: 'p.nameFolded', createdAt: 'p.createdAt' },
      'name',
    );
    const qb = this.db.manager.createQueryBuilder(Place, 'p');
    if (query.level) qb.andWhere('p.level = :level', { level: query.level });
    if (query.parentId) qb.andWhere('p.parentId = :parentId', { parentId: query.parentId });
    if (query.q) {
      // % and _ typed by a person are letters to find, not LIKE wildcards.
      const q = foldVietnamese(query.q).replace(/[\\%_]/g, (c) => `\\${c}`);
      qb.andWhere("p.nameFolded LIKE :q ESCAPE '\\'", { q: `%${q}%` });
    }
    const [items, total] = await qb
      .orderBy(column, direction)
      // Ties (createdAt has whole seconds) follow the requested direction, so -createdAt is newest first.
      .addOrderBy('p.id', direction)
      .skip(offsetOf(query))
      .take(query.pageSize)
      .getManyAndCount();
    return { items, total };
  }

  /** Every place, by name. */
  all(): Promise<Place[]> {
    return this.db.manager.find(Place, { order: { nameFolded: 'ASC', id: 'ASC' } });
  }

  /** The place with this id, or null. */
  byId(m: EntityManager, id: number): Promise<Place | null> {
    return m.findOne(Place, { where: { id } });
  }

  /** The places directly below a place, by name. */
  children(m: EntityManager, parentId: number): Promise<Place[]> {
    return m.find(Place, { where: { parentId }, order: { nameFolded: 'ASC' } });
  }

  /** Saves a new place and returns it with its id. */
  insert(m: EntityManager, fields: Partial<Place>): Promise<Place> {
    return m.save(m.create(Place, fields));
  }

  save(m: EntityManager, place: Place): Promise<Place> {
    return m.save(place);
  }

  async delete(m: EntityManager, id: number): Promise<void> {
    await m.delete(Place, id);
  }

  async uses(m: EntityManager, id: number): Promise<PlaceUses> {
    return {
      children: await countWhere(m, 'places', 'parent_id = ?', [id]),
      exemplars: await countWhere(m, 'exemplars', 'place_id = ?', [id]),
      reportages: await countWhere(m, 'reportage_places', 'place_id = ?', [id]),
    };
  }
}
