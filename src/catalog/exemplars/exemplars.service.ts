import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { assignDefined, countWhere, findForUpdate, findOr404, requireRefs } from '../../common/crud.js';
import { inUse } from '../../common/errors.js';
import { pageOf, sortOf, type Page } from '../../common/pagination.js';
import { inOrderOf, PLACE_SUBTREE, SqlWhere } from '../../common/sql.js';
import { foldVietnamese, ftsQuery } from '../../common/text.js';
import { Database } from '../../database/database.service.js';
import { Field } from '../fields/field.entity.js';
import { Place } from '../places/place.entity.js';
import { rankedPage } from '../search/ranked-page.js';
import { SearchIndex } from '../search/search-index.service.js';
import type {
  CommendationDto,
  CreateExemplarDto,
  ExemplarView,
  ListExemplarsQuery,
  UpdateExemplarDto,
} from './dto/exemplar.dto.js';
import { Commendation, Exemplar } from './exemplar.entity.js';

const LABEL = 'điển hình';
const SORT_COLUMNS = {
  name: 'e.name_folded',
  createdAt: 'e.created_at',
  updatedAt: 'e.updated_at',
  yearRegistered: 'e.year_registered',
};

export function toExemplarView(e: Exemplar): ExemplarView {
  return {
    id: e.id,
    name: e.name,
    kind: e.kind,
    modelName: e.modelName,
    modelDescription: e.modelDescription,
    field: e.field ? { id: e.field.id, name: e.field.name } : null,
    place: e.place ? { id: e.place.id, name: e.place.name } : null,
    level: e.level,
    yearRegistered: e.yearRegistered,
    status: e.status,
    notes: e.notes,
    commendations: (e.commendations ?? [])
      .sort((a, b) => a.year - b.year || a.id - b.id)
      .map(({ id, year, level, issuingBody, form, note }) => ({ id, year, level, issuingBody, form, note })),
    version: e.version,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}

@Injectable()
export class ExemplarsService {
  constructor(
    private readonly db: Database,
    private readonly search: SearchIndex,
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
    const { ids, total } = await rankedPage(this.db.manager, {
      table: 'exemplars',
      alias: 'e',
      fts: 'exemplar_search',
      weights: '10.0, 1.0',
      match,
      where,
      order: match && !query.sort ? undefined : sortOf(query.sort, SORT_COLUMNS, '-createdAt'),
      page: query,
    });
    const items = await this.load(this.db.manager, ids);
    return pageOf(items.map(toExemplarView), total, query);
  }

  async get(id: number): Promise<ExemplarView> {
    await findOr404(this.db.manager, Exemplar, id, LABEL);
    const [exemplar] = await this.load(this.db.manager, [id]);
    return toExemplarView(exemplar);
  }

  create(dto: CreateExemplarDto): Promise<ExemplarView> {
    return this.db.transaction(async (m) => {
      await this.checkRefs(m, dto);
      const exemplar = m.create(Exemplar, {
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
      const saved = await m.save(exemplar);
      await this.replaceCommendations(m, saved.id, dto.commendations ?? []);
      await this.search.reindexExemplars(m, [saved.id]);
      const [loaded] = await this.load(m, [saved.id]);
      return toExemplarView(loaded);
    });
  }

  update(id: number, dto: UpdateExemplarDto): Promise<ExemplarView> {
    return this.db.transaction(async (m) => {
      const exemplar = await findForUpdate(m, Exemplar, id, dto.version, LABEL);
      await this.checkRefs(m, dto);
      const { commendations, ...fields } = dto;
      assignDefined(exemplar, fields);
      exemplar.nameFolded = foldVietnamese(exemplar.name);
      await m.save(exemplar);
      if (commendations) await this.replaceCommendations(m, id, commendations);
      // Name, model and place all feed the search documents of the exemplar and its reportages.
      await this.search.exemplarChanged(m, id);
      const [loaded] = await this.load(m, [id]);
      return toExemplarView(loaded);
    });
  }

  remove(id: number): Promise<void> {
    return this.db.transaction(async (m) => {
      const exemplar = await findOr404(m, Exemplar, id, LABEL);
      const n = await countWhere(m, 'reportage_exemplars', 'exemplar_id = ?', [id]);
      if (n > 0) throw inUse(`điển hình "${exemplar.name}"`, `${n} phóng sự`);
      await this.search.removeExemplar(m, id);
      await m.delete(Exemplar, id);
    });
  }

  private async checkRefs(m: EntityManager, dto: Partial<CreateExemplarDto>): Promise<void> {
    await requireRefs(m, Field, [dto.fieldId], 'fieldId', 'lĩnh vực');
    await requireRefs(m, Place, [dto.placeId], 'placeId', 'đơn vị hành chính');
  }

  private async replaceCommendations(m: EntityManager, exemplarId: number, list: CommendationDto[]) {
    await m.delete(Commendation, { exemplarId });
    if (list.length) {
      await m.insert(
        Commendation,
        list.map((c) => ({
          exemplarId,
          year: c.year,
          level: c.level,
          issuingBody: c.issuingBody,
          form: c.form,
          note: c.note ?? null,
        })),
      );
    }
  }

  private async load(m: EntityManager, ids: number[]): Promise<Exemplar[]> {
    if (ids.length === 0) return [];
    const found = await m.find(Exemplar, {
      where: { id: In(ids) },
      relations: { field: true, place: true, commendations: true },
    });
    return inOrderOf(ids, found);
  }
}
