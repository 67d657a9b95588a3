import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { assignDefined, findForUpdate, findOr404, requireRefs } from '../../common/crud.js';
import { AppError, invalid, notFound } from '../../common/errors.js';
import { pageOf, sortOf, type Page } from '../../common/pagination.js';
import { PLACE_SUBTREE, SqlWhere, type ReadQuery } from '../../common/sql.js';
import { foldVietnamese, ftsQuery } from '../../common/text.js';
import { startOfLocalDayUtc, startOfNextLocalDayUtc } from '../../common/time.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { CountCache } from '../../database/count-cache.js';
import { Database } from '../../database/database.service.js';
import { Exemplar } from '../exemplars/exemplar.entity.js';
import { Field } from '../fields/field.entity.js';
import { Place } from '../places/place.entity.js';
import { rankedPage } from '../search/ranked-page.js';
import { SearchIndex } from '../search/search-index.service.js';
import { Segment } from '../segments/segment.entity.js';
import type {
  CreateReportageDto,
  ListReportagesQuery,
  ReportageView,
  StatusChangeView,
  TransitionDto,
  UpdateReportageDto,
} from './dto/reportage.dto.js';
import { loadReportageViews } from './reportage-views.js';
import { nextStatus, STATUS_LABELS, type WorkflowAction } from './reportage-workflow.js';
import { Reportage, ReportageStatusChange, type ReportageStatus } from './reportage.entity.js';

const LABEL = 'phóng sự';
const SORT_COLUMNS = {
  createdAt: 'r.created_at',
  updatedAt: 'r.updated_at',
  title: 'r.title_folded',
  recordedOn: 'r.recorded_on',
};

/** Statuses in which a reportage may still be deleted; later ones are kept and archived instead. */
const DELETABLE: ReportageStatus[] = ['draft', 'rejected'];

export type ReportageInput = CreateReportageDto & { status?: ReportageStatus };

@Injectable()
export class ReportagesService {
  private readonly read: ReadQuery = (sql, params) => this.db.read(sql, params);

  constructor(
    private readonly db: Database,
    private readonly search: SearchIndex,
    private readonly counts: CountCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(query: ListReportagesQuery): Promise<Page<ReportageView>> {
    const zone = this.config.planningTimeZone;
    const where = new SqlWhere();
    if (query.segmentId) where.add('r.segment_id = ?', query.segmentId);
    if (query.fieldId) where.add('r.field_id = ?', query.fieldId);
    if (query.status) where.add('r.status = ?', query.status);
    if (query.reporter) where.add('r.reporter = ?', query.reporter);
    if (query.recordedFrom) where.add('r.recorded_on >= ?', query.recordedFrom);
    if (query.recordedTo) where.add('r.recorded_on <= ?', query.recordedTo);
    if (query.createdFrom) where.add('r.created_at >= ?', startOfLocalDayUtc(query.createdFrom, zone));
    if (query.createdTo) where.add('r.created_at < ?', startOfNextLocalDayUtc(query.createdTo, zone));
    if (query.exemplarId)
      where.addForms(
        {
          selective: 'r.id IN (SELECT reportage_id FROM reportage_exemplars WHERE exemplar_id = ?)',
          broad:
            'EXISTS (SELECT 1 FROM reportage_exemplars x WHERE x.reportage_id = r.id AND x.exemplar_id = ?)',
        },
        query.exemplarId,
      );
    if (query.placeId)
      where.addForms(
        {
          selective: `r.id IN (SELECT reportage_id FROM reportage_places WHERE place_id IN (${PLACE_SUBTREE}))`,
          broad: `EXISTS (SELECT 1 FROM reportage_places x WHERE x.reportage_id = r.id AND x.place_id IN (${PLACE_SUBTREE}))`,
        },
        query.placeId,
      );
    const match = query.q ? ftsQuery(query.q) : undefined;
    const { ids, total } = await rankedPage(this.read, this.counts, {
      table: 'reportages',
      alias: 'r',
      fts: 'reportage_search',
      titleColumn: 'title',
      match,
      where,
      order: match && !query.sort ? undefined : sortOf(query.sort, SORT_COLUMNS, '-createdAt'),
      page: query,
    });
    return pageOf(await loadReportageViews(this.read, ids), total, query);
  }

  async get(id: number): Promise<ReportageView> {
    const [view] = await loadReportageViews(this.read, [id], true);
    if (!view) throw notFound(LABEL, id);
    return view;
  }

  create(dto: CreateReportageDto): Promise<ReportageView> {
    return this.db.transaction(async (m) => {
      const id = await this.insert(m, dto, 'create');
      return this.view(m, id);
    });
  }

  /** Inserts one reportage with its links, search document and first history entry. Used by import too. */
  async insert(m: EntityManager, input: ReportageInput, action: 'create' | 'import'): Promise<number> {
    await this.checkRefs(m, input);
    checkValidity(input.validFrom ?? null, input.validUntil ?? null);
    const status = input.status ?? 'draft';
    const saved = await m.save(
      m.create(Reportage, {
        segmentId: input.segmentId,
        title: input.title,
        titleFolded: foldVietnamese(input.title),
        summary: input.summary ?? null,
        script: input.script ?? null,
        fieldId: input.fieldId ?? null,
        reporter: input.reporter ?? null,
        recordedOn: input.recordedOn ?? null,
        tags: input.tags ?? [],
        validFrom: input.validFrom ?? null,
        validUntil: input.validUntil ?? null,
        status,
        durationSeconds: null,
      }),
    );
    await this.replaceLinks(m, saved.id, input.exemplarIds ?? [], input.placeIds ?? []);
    await this.search.reindexReportages(m, [saved.id]);
    await this.record(m, saved.id, action, null, status, null);
    return saved.id;
  }

  update(id: number, dto: UpdateReportageDto): Promise<ReportageView> {
    return this.db.transaction(async (m) => {
      const reportage = await findForUpdate(m, Reportage, id, dto.version, LABEL);
      if (reportage.status === 'archived')
        throw new AppError(409, 'ARCHIVED', 'Phóng sự đã lưu trữ; hãy khôi phục trước khi sửa.');
      await this.checkRefs(m, dto);
      const { exemplarIds, placeIds, ...fields } = dto;
      // null clears the tags, as it clears the other optional fields; the column holds a list, never NULL.
      assignDefined(reportage, { ...fields, tags: fields.tags === null ? [] : fields.tags });
      reportage.titleFolded = foldVietnamese(reportage.title);
      checkValidity(reportage.validFrom, reportage.validUntil);
      // Changing only the links must still bump the version other editors hold.
      reportage.updatedAt = new Date();
      await m.save(reportage);
      if (exemplarIds || placeIds) {
        const current = await this.view(m, id);
        await this.replaceLinks(
          m,
          id,
          exemplarIds ?? current.exemplars.map((e) => e.id),
          placeIds ?? current.places.map((p) => p.id),
        );
      }
      await this.search.reindexReportages(m, [id]);
      return this.view(m, id);
    });
  }

  remove(id: number): Promise<void> {
    return this.db.transaction(async (m) => {
      const reportage = await findOr404(m, Reportage, id, LABEL);
      if (!DELETABLE.includes(reportage.status))
        throw new AppError(
          409,
          'IN_USE',
          `Không thể xoá phóng sự đang ở trạng thái "${STATUS_LABELS[reportage.status]}": hồ sơ duyệt phải được giữ lại. Hãy lưu trữ thay vì xoá.`,
        );
      await this.search.removeReportage(m, id);
      await m.delete(Reportage, id);
    });
  }

  transition(id: number, action: WorkflowAction, dto: TransitionDto): Promise<ReportageView> {
    return this.db.transaction(async (m) => {
      const reportage = await findForUpdate(m, Reportage, id, dto.version, LABEL);
      const [{ n }] = await m.query('SELECT COUNT(*) AS n FROM reportage_exemplars WHERE reportage_id = ?', [
        id,
      ]);
      const from = reportage.status;
      const to = nextStatus(
        { status: from, summary: reportage.summary, exemplarCount: Number(n) },
        action,
        dto.reason,
      );
      reportage.status = to;
      await m.save(reportage);
      await this.record(m, id, action, from, to, dto.reason ?? null);
      return this.view(m, id);
    });
  }

  async history(id: number): Promise<StatusChangeView[]> {
    await findOr404(this.db.manager, Reportage, id, LABEL);
    const changes = await this.db.manager.find(ReportageStatusChange, {
      where: { reportageId: id },
      order: { id: 'ASC' },
    });
    return changes.map(({ id, action, fromStatus, toStatus, reason, actor, createdAt }) => ({
      id,
      action: action as StatusChangeView['action'],
      fromStatus,
      toStatus,
      reason,
      actor,
      createdAt,
    }));
  }

  /** The reportage an audio upload is for: it must exist and not be archived. */
  async requireForAudio(id: number): Promise<void> {
    const reportage = await findOr404(this.db.manager, Reportage, id, LABEL);
    if (reportage.status === 'archived')
      throw new AppError(409, 'ARCHIVED', 'Phóng sự đã lưu trữ; hãy khôi phục trước khi tải âm thanh mới.');
  }

  /** A new audio version becomes the one that airs. Not an editorial change: the version stays. */
  async setCurrentAudio(m: EntityManager, reportageId: number, assetId: number): Promise<void> {
    await m.query('UPDATE reportages SET current_audio_id = ?, duration_seconds = NULL WHERE id = ?', [
      assetId,
      reportageId,
    ]);
  }

  /** The broadcast rendition of the current audio is ready: the reportage's duration follows it. */
  async audioReady(
    m: EntityManager,
    reportageId: number,
    assetId: number,
    durationSeconds: number,
  ): Promise<void> {
    await m.query('UPDATE reportages SET duration_seconds = ? WHERE id = ? AND current_audio_id = ?', [
      durationSeconds,
      reportageId,
      assetId,
    ]);
  }

  private async record(
    m: EntityManager,
    reportageId: number,
    action: string,
    fromStatus: ReportageStatus | null,
    toStatus: ReportageStatus,
    reason: string | null,
  ) {
    // The actor is filled in once accounts exist (see the accounts issue); until then it stays empty.
    await m.insert(ReportageStatusChange, { reportageId, action, fromStatus, toStatus, reason, actor: null });
  }

  private async checkRefs(m: EntityManager, dto: Partial<CreateReportageDto>) {
    await requireRefs(m, Segment, [dto.segmentId], 'segmentId', 'chuyên mục');
    await requireRefs(m, Field, [dto.fieldId], 'fieldId', 'lĩnh vực');
    await requireRefs(m, Exemplar, dto.exemplarIds ?? [], 'exemplarIds', 'điển hình');
    await requireRefs(m, Place, dto.placeIds ?? [], 'placeIds', 'đơn vị hành chính');
  }

  private async replaceLinks(m: EntityManager, id: number, exemplarIds: number[], placeIds: number[]) {
    await m.query('DELETE FROM reportage_exemplars WHERE reportage_id = ?', [id]);
    await m.query('DELETE FROM reportage_places WHERE reportage_id = ?', [id]);
    for (const exemplarId of new Set(exemplarIds))
      await m.query('INSERT INTO reportage_exemplars (reportage_id, exemplar_id) VALUES (?, ?)', [
        id,
        exemplarId,
      ]);
    for (const placeId of new Set(placeIds))
      await m.query('INSERT INTO reportage_places (reportage_id, place_id) VALUES (?, ?)', [id, placeId]);
  }

  /** The view as the writing transaction sees it (its own uncommitted changes included). */
  private async view(m: EntityManager, id: number): Promise<ReportageView> {
    const [view] = await loadReportageViews((sql, params) => m.query(sql, params), [id], true);
    if (!view) throw notFound(LABEL, id);
    return view;
  }
}

function checkValidity(from: string | null, until: string | null): void {
  if (from && until && from > until)
    throw invalid('VALIDITY_WINDOW', 'Ngày bắt đầu được phát phải trước hoặc bằng ngày kết thúc.', [
      {
        field: 'validUntil',
        code: 'range',
        message: `Ngày kết thúc ${until} đứng trước ngày bắt đầu ${from}.`,
      },
    ]);
}
