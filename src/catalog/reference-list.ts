import type { EntityManager } from 'typeorm';
import { assignDefined } from '../database/crud.js';
import { duplicate, inUse, invalid } from '../common/errors.js';
import { offsetOf, pageOf, sortOf, type Page, type PageQuery } from '../common/pagination.js';
import { slugify } from '../common/text.js';
import type { AuditedEntity, AuditService } from '../audit/audit.service.js';
import { snapshot } from '../audit/audit-changes.js';
import type { Database } from '../database/database.service.js';
import type { NamedRecord, ReferenceListRepository } from './reference-list.repository.js';

export interface ReferenceListSpec {
  /** Vietnamese name of one record, for messages ("lĩnh vực", "chuyên mục"). */
  label: string;
  /** Name of the record kind in the audit trail. */
  audit: AuditedEntity;
  /** `sort` keys → entity property paths on alias `r` (ReferenceListRepository.list). */
  sorts: Record<string, string>;
  defaultSort: string;
}

/**
 * Fields (lĩnh vực) and segments (chuyên mục) are the same kind of thing: a short named list with
 * a unique name and slug, an active flag, and records elsewhere that refuse its deletion.
 */
export abstract class ReferenceListService<E extends NamedRecord> {
  protected abstract readonly spec: ReferenceListSpec;

  constructor(
    protected readonly db: Database,
    protected readonly audit: AuditService,
    protected readonly records: ReferenceListRepository<E>,
  ) {}

  async list(query: PageQuery & { active?: boolean; sort?: string }): Promise<Page<E>> {
    const { column, direction } = sortOf(query.sort, this.spec.sorts, this.spec.defaultSort);
    const { items, total } = await this.records.list(
      { active: query.active },
      { column, direction },
      { offset: offsetOf(query), limit: query.pageSize },
    );
    return pageOf(items, total, query);
  }

  get(id: number): Promise<E> {
    return this.records.getOr404(id, this.spec.label);
  }

  create(dto: Partial<E>): Promise<E> {
    return this.db.transaction(async (m) => {
      const record = this.records.build(m, {
        ...dto,
        slug: dto.slug ?? slugify(dto.name ?? ''),
      });
      await this.checkUnique(m, record);
      const saved = await this.records.save(m, record);
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
      const record = await this.records.forUpdate(m, id, dto.version, this.spec.label);
      const before = snapshot(record);
      assignDefined(record, dto);
      this.validate(record);
      await this.checkUnique(m, record);
      const saved = await this.records.save(m, record);
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
      const record = await this.records.getOr404(id, this.spec.label, m);
      const used = (await this.records.uses(m, id)).filter(({ count }) => count > 0);
      if (used.length)
        throw inUse(
          `${this.spec.label} "${record.name}"`,
          used.map(({ what, count }) => `${count} ${what}`).join(', '),
        );
      await this.records.delete(m, id);
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
    const clash = await this.records.clash(m, record);
    if (clash) {
      const which = clash.name === record.name ? `tên "${record.name}"` : `mã "${record.slug}"`;
      throw duplicate(`Đã có ${this.spec.label} với ${which}.`);
    }
  }
}
