import type { EntityManager, EntityTarget } from 'typeorm';
import { countWhere, findForUpdate, findOr404 } from '../database/crud.js';
import type { Database } from '../database/database.service.js';

export interface NamedRecord {
  id: number;
  name: string;
  slug: string;
  active: boolean;
  version: number;
}

/** A table and column that point at a record of the list, and what their rows are called. */
export interface ReferenceListUse {
  /** Vietnamese name of the pointing records ("điển hình", "phóng sự"), for messages. */
  what: string;
  table: string;
  column: string;
}

/**
 * The table of a reference list (fields, segments; see ReferenceListService): a short named list
 * with a unique name and slug, an active flag, and records elsewhere that refuse its deletion.
 */
export abstract class ReferenceListRepository<E extends NamedRecord> {
  protected abstract readonly entity: EntityTarget<E>;
  /** Tables and columns that still point at a record. */
  protected abstract readonly usedBy: ReferenceListUse[];

  constructor(protected readonly db: Database) {}

  /** One page, optionally only active (or inactive) records, and how many there are in all. */
  async list(
    filter: { active?: boolean },
    order: { column: string; direction: 'ASC' | 'DESC' },
    page: { offset: number; limit: number },
  ): Promise<{ items: E[]; total: number }> {
    const { column, direction } = order;
    const qb = this.db.manager.createQueryBuilder(this.entity, 'r');
    if (filter.active !== undefined) qb.andWhere('r.active = :active', { active: filter.active });
    const [items, total] = await qb
      .orderBy(column, direction)
      // Ties (createdAt has whole seconds) follow the requested direction, so -createdAt is newest first.
      .addOrderBy('r.id', direction)
      .skip(page.offset)
      .take(page.limit)
      .getManyAndCount();
    return { items, total };
  }

  /** The record, or a 404 naming it as `label`; outside a transaction, on the writer connection. */
  getOr404(id: number, label: string, m?: EntityManager): Promise<E> {
    return findOr404(m ?? this.db.manager, this.entity, id, label);
  }

  /** The record to update, after checking the version the client read (409 when stale). */
  forUpdate(m: EntityManager, id: number, version: number, label: string): Promise<E> {
    return findForUpdate(m, this.entity, id, version, label);
  }

  /** A new, unsaved record. */
  build(m: EntityManager, fields: Partial<E>): E {
    return m.create(this.entity, fields as never) as E;
  }

  save(m: EntityManager, record: E): Promise<E> {
    return m.save(record);
  }

  async delete(m: EntityManager, id: number): Promise<void> {
    await m.delete(this.entity, id);
  }

  /** Another record with the same name or slug, if any. */
  clash(m: EntityManager, record: E): Promise<E | null> {
    return m
      .createQueryBuilder(this.entity, 'r')
      .where('(r.name = :name OR r.slug = :slug)', { name: record.name, slug: record.slug })
      .andWhere('r.id != :id', { id: record.id ?? 0 })
      .getOne();
  }

  /** How many records of each kind still point at the record, in the order of {@link usedBy}. */
  async uses(m: EntityManager, id: number): Promise<{ what: string; count: number }[]> {
    const uses: { what: string; count: number }[] = [];
    for (const { what, table, column } of this.usedBy)
      uses.push({ what, count: await countWhere(m, table, `${column} = ?`, [id]) });
    return uses;
  }
}
