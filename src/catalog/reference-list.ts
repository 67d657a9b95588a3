import type { EntityManager, EntityTarget } from 'typeorm';
import { assignDefined, countWhere, findForUpdate, findOr404 } from '../common/crud.js';
import { duplicate, inUse, invalid } from '../common/errors.js';
import { offsetOf, pageOf, sortOf, type Page, type PageQuery } from '../common/pagination.js';
import { slugify } from '../common/text.js';
import type { AuditedEntity, AuditService } from '../audit/audit.service.js';
import { snapshot } from '../audit/audit-changes.js';
import type { Database } from '../database/database.service.js';

interface NamedRecord {
  id: number;
  name: string;
  slug: string;
  active: boolean;
  version: number;
}

export interface ReferenceListSpec {
  /** Vietnamese name of one record, for messages ("lĩnh vực", "chuyên mục"). */
  label: string;
  /** Name of the record kind in the audit trail. */
  audit: AuditedEntity;
  /** `sort` keys → entity property paths on alias `r`. */
  sorts: Record<string, string>;
  defaultSort: string;
  /** Tables and columns that still point at a record: [description, table, column]. */
  usedBy: [string, string, string][];
}

/**
 * Fields (lĩnh vực) and segments (chuyên mục) are the same kind of thing: a short named list with
 * a unique name and slug, an active flag, and records elsewhere that refuse its deletion.
 */
export abstract class ReferenceListService<E extends NamedRecord> {
  protected abstract readonly entity: EntityTarget<E>;
  protected abstract readonly spec: ReferenceListSpec;

  constructor(
    protected readonly db: Database,
    protected readonly audit: AuditService,
  ) {}

  async list(query: PageQuery & { active?: boolean; sort?: string }): Promise<Page<E>> {
    const { column, direction } = sortOf(query.sort, this.spec.sorts, this.spec.defaultSort);
    const qb = this.db.manager.createQueryBuilder(this.entity, 'r');
    if (query.active !== undefined) qb.andWhere('r.active = :active', { active: query.active });
    const [items, total] = await qb
      .orderBy(column, direction)
      // Ties (createdAt has whole seconds) follow the requested direction, so -createdAt is newest first.
      .addOrderBy('r.id', direction)
      .skip(offsetOf(query))
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(items, total, query);
  }

  get(id: number): Promise<E> {
    return findOr404(this.db.manager, this.entity, id, this.spec.label);
  }

  create(dto: Partial<E>): Promise<E> {
    return this.db.transaction(async (m) => {
      const record = m.create(this.entity, {
        ...dto,
        slug: dto.slug ?? slugify(dto.name ?? ''),
      } as never) as E;
      await this.checkUnique(m, record);
      const saved = await m.save(record);
      await this.audit.record(m, {
        action: 'create',
        entity: this.spec.audit,
        entityId: saved.id,
        after: snapshot(saved),
      });
      return saved;
    });
  }

  update(id: number, dto: Partial<E> & { version: number }): Promise<E> {
    return this.db.transaction(async (m) => {
      const record = await findForUpdate(m, this.entity, id, dto.version, this.spec.label);
      const before = snapshot(record);
      assignDefined(record, dto);
      this.validate(record);
      await this.checkUnique(m, record);
      const saved = await m.save(record);
      await this.audit.record(m, {
        action: 'update',
        entity: this.spec.audit,
        entityId: id,
        before,
        after: snapshot(saved),
      });
      return saved;
    });
  }

  remove(id: number): Promise<void> {
    return this.db.transaction(async (m) => {
      const record = await findOr404(m, this.entity, id, this.spec.label);
      const used: string[] = [];
      for (const [what, table, column] of this.spec.usedBy) {
        const n = await countWhere(m, table, `${column} = ?`, [id]);
        if (n > 0) used.push(`${n} ${what}`);
      }
      if (used.length) throw inUse(`${this.spec.label} "${record.name}"`, used.join(', '));
      await m.delete(this.entity, id);
      await this.audit.record(m, {
        action: 'delete',
        entity: this.spec.audit,
        entityId: id,
        before: snapshot(record),
      });
    });
  }

  /** Entity-specific rules checked before every save. */
  protected validate(_record: E): void {}

  private async checkUnique(m: EntityManager, record: E): Promise<void> {
    this.validate(record);
    if (!record.slug)
      throw invalid('SLUG_REQUIRED', `Tên ${this.spec.label} phải có ít nhất một chữ hoặc số để tạo mã.`, [
        {
          field: 'name',
          code: 'slugEmpty',
          message: 'Tên chỉ có dấu câu; hãy đặt tên có chữ hoặc số, hoặc gửi kèm "slug".',
        },
      ]);
    const clash = await m
      .createQueryBuilder(this.entity, 'r')
      .where('(r.name = :name OR r.slug = :slug)', { name: record.name, slug: record.slug })
      .andWhere('r.id != :id', { id: record.id ?? 0 })
      .getOne();
    if (clash) {
      const which = clash.name === record.name ? `tên "${record.name}"` : `mã "${record.slug}"`;
      throw duplicate(`Đã có ${this.spec.label} với ${which}.`);
    }
  }
}
