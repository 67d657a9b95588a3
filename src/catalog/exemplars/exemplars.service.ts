import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { assignDefined, findForUpdate, findOr404, requireRefs } from '../../database/crud.js';
import { inUse, notFound } from '../../common/errors.js';
import { pageOf, sortOf, type Page } from '../../common/pagination.js';
import { PLACE_SUBTREE, SqlWhere } from '../../database/sql.js';
import { foldVietnamese, ftsQuery } from '../../common/text.js';
import { AuditService } from '../../audit/audit.service.js';
import { Database } from '../../database/database.service.js';
import { Field } from '../fields/field.entity.js';
import { Place } from '../places/place.entity.js';
import { RankedPageRepository } from '../search/ranked-page.repository.js';
import { SearchIndex } from '../search/search-index.service.js';
import type {
  CreateExemplarDto,
  ExemplarView,
  ListExemplarsQuery,
  UpdateExemplarDto,
} from './dto/exemplar.dto.js';
import { Exemplar } from './exemplar.entity.js';
import { ExemplarsRepository } from './exemplars.repository.js';

const LABEL = 'điển hình';
const SORT_COLUMNS = {
  name: 'e.name_folded',
  createdAt: 'e.created_at',
  updatedAt: 'e.updated_at',
  yearRegistered: 'e.year_registered',
};

@Injectable()
export class ExemplarsService {
  constructor(
    private readonly db: Database,
    private readonly exemplars: ExemplarsRepository,
    private readonly pages: RankedPageRepository,
    private readonly search: SearchIndex,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListExemplarsQuery): Promise<Page<ExemplarView>> {
    const where = new SqlWhere();
    if (query.kind) where.add('e.kind = ?', query.kind);
    if (query.level) where.add('e.level = ?', query.level);
    if (query.fieldId) where.add('e.field_id = ?', query.fieldId);
    if (query.status) where.add('e.status = ?', query.status);
    if (query.year) where.add('e.year_registered = ?', query.year);
    if (query.placeId) where.add(`e.place_id IN (${PLACE_SUBTREE})`, query.placeId);
    const match = query.q ? ftsQuery(query.q) : undefined;
    const { ids, total, totalIsLowerBound } = await this.pages.page({
      table: 'exemplars',
      alias: 'e',
      fts: 'exemplar_search',
      titleColumn: 'name',
      match,
      where,
      order: match && !query.sort ? undefined : sortOf(query.sort, SORT_COLUMNS, '-createdAt'),
      page: query,
    });
    return pageOf(await this.exemplars.views(ids), total, query, totalIsLowerBound);
  }

  async get(id: number): Promise<ExemplarView> {
    const [view] = await this.exemplars.views([id]);
    if (!view) throw notFound(LABEL, id);
    return view;
  }

  create(dto: CreateExemplarDto): Promise<ExemplarView> {
    return this.db.transaction(async (m) => {
      await this.checkRefs(m, dto);
      const saved = await this.exemplars.insert(m, {
        name: dto.name,
        nameFolded: foldVietnamese(dto.name),
        kind: dto.kind,
        modelName: dto.modelName ?? null,
        modelDescription: dto.modelDescription ?? null,
        fieldId: dto.fieldId ?? null,
        placeId: dto.placeId ?? null,
        level: dto.level,
        yearRegistered: dto.yearRegistered ?? null,
        status: dto.status ?? 'registered',
        notes: dto.notes ?? null,
      });
      await this.exemplars.replaceCommendations(m, saved.id, dto.commendations ?? []);
      await this.search.reindexExemplars(m, [saved.id]);
      const view = await this.view(m, saved.id);
      await this.audit.record(m, {
        action: 'create',
        entity: 'exemplar',
        entityId: saved.id,
        after: { ...view },
      });
      return view;
    });
  }

  update(id: number, dto: UpdateExemplarDto): Promise<ExemplarView> {
    return this.db.transaction(async (m) => {
      const exemplar = await findForUpdate(m, Exemplar, id, dto.version, LABEL);
      const before = await this.view(m, id);
      await this.checkRefs(m, dto);
      const { commendations, ...fields } = dto;
      assignDefined(exemplar, fields);
      exemplar.nameFolded = foldVietnamese(exemplar.name);
      // Replacing only the commendations must still bump the version other editors hold.
      if (commendations) exemplar.updatedAt = new Date();
      await this.exemplars.save(m, exemplar);
      if (commendations) await this.exemplars.replaceCommendations(m, id, commendations);
      // Name, model and place all feed the search documents of the exemplar and its reportages.
      await this.search.exemplarChanged(m, id);
      const after = await this.view(m, id);
      await this.audit.record(m, {
        action: 'update',
        entity: 'exemplar',
        entityId: id,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  remove(id: number): Promise<void> {
    return this.db.transaction(async (m) => {
      const exemplar = await findOr404(m, Exemplar, id, LABEL);
      const n = await this.exemplars.reportageCount(m, id);
      if (n > 0) throw inUse(`điển hình "${exemplar.name}"`, `${n} phóng sự`);
      await this.audit.record(m, {
        action: 'delete',
        entity: 'exemplar',
        entityId: id,
        before: { ...(await this.view(m, id)) },
      });
      await this.search.removeExemplar(m, id);
      await this.exemplars.delete(m, id);
    });
  }

  private async checkRefs(m: EntityManager, dto: Partial<CreateExemplarDto>): Promise<void> {
    await requireRefs(m, Field, [dto.fieldId], 'fieldId', 'lĩnh vực');
    await requireRefs(m, Place, [dto.placeId], 'placeId', 'đơn vị hành chính');
  }

  /** The view as the writing transaction sees it (its own uncommitted changes included). */
  private async view(m: EntityManager, id: number): Promise<ExemplarView> {
    const [view] = await this.exemplars.views([id], m);
    if (!view) throw notFound(LABEL, id);
    return view;
  }
}
