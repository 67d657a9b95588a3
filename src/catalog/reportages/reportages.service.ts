import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { assignDefined } from '../../database/crud.js';
import { AppError, invalid, notFound } from '../../common/errors.js';
import { pageOf, type Page } from '../../common/pagination.js';
import { foldVietnamese } from '../../common/text.js';
import { startOfLocalDayUtc, startOfNextLocalDayUtc } from '../../common/time.js';
import { AuditService, type AuditChange } from '../../audit/audit.service.js';
import { changesBetween, snapshot } from '../../audit/audit-changes.js';
import { currentRequest } from '../../common/request-context.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { Database } from '../../database/database.service.js';
import { SearchIndex } from '../search/search-index.service.js';
import { AirableReportages } from './airable-reportages.repository.js';
import type {
  CreateReportageDto,
  ListReportagesQuery,
  ReportageView,
  StatusChangeView,
  TransitionDto,
  UpdateReportageDto,
} from './dto/reportage.dto.js';
import { toReportageViews } from './reportage-views.js';
import { ReportageImportRepository } from './reportage-import.repository.js';
import { ReportageStatusChangesRepository } from './reportage-status-changes.repository.js';
import { nextStatus, STATUS_LABELS, type WorkflowAction } from './reportage-workflow.js';
import { ASSET_STATUS_LABELS, type AssetStatus } from '../../media/audio-asset.entity.js';
import type { Reportage, ReportageStatus } from './reportage.entity.js';
import { REPORTAGE_LABEL as LABEL, ReportagesRepository } from './reportages.repository.js';

/** Changes after approval that send a reportage back to the approver (issue: accounts and approval). */
const JUDGED_FIELDS = ['title', 'summary', 'exemplarIds'];

/** Statuses in which a reportage may still be deleted; later ones are kept and archived instead. */
const DELETABLE: ReportageStatus[] = ['draft', 'rejected'];

export type ReportageInput = CreateReportageDto & { status?: ReportageStatus };

/** The columns of a new reportage, from the form or a row of an import (the title also folded, for sorting). */
export function newReportageColumns(input: ReportageInput) {
  return {
    segmentId: input.segmentId,
    title: input.title,
    titleFolded: foldVietnamese(input.title),
    summary: input.summary ?? null,
    script: input.script ?? null,
    fieldId: input.fieldId ?? null,
    reporter: input.reporter ?? null,
    recordedOn: input.recordedOn ?? null,
    validFrom: input.validFrom ?? null,
    validUntil: input.validUntil ?? null,
    priority: input.priority ?? null,
    status: input.status ?? 'draft',
  };
}

@Injectable()
export class ReportagesService {
  constructor(
    private readonly db: Database,
    private readonly reportages: ReportagesRepository,
    private readonly statusChanges: ReportageStatusChangesRepository,
    private readonly airable: AirableReportages,
    private readonly search: SearchIndex,
    private readonly audit: AuditService,
    private readonly imports: ReportageImportRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(query: ListReportagesQuery): Promise<Page<ReportageView>> {
    const zone = this.config.planningTimeZone;
    const { ids, total, totalIsLowerBound } = await this.reportages.page(query, {
      from: query.createdFrom ? startOfLocalDayUtc(query.createdFrom, zone) : undefined,
      to: query.createdTo ? startOfNextLocalDayUtc(query.createdTo, zone) : undefined,
    });
    return pageOf(await this.views(ids), total, query, totalIsLowerBound);
  }

  async get(id: number): Promise<ReportageView> {
    const [view] = await this.views([id], true);
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
    await this.reportages.requireRefs(m, input);
    checkValidity(input.validFrom ?? null, input.validUntil ?? null);
    const status = input.status ?? 'draft';
    const saved = await this.reportages.insert(m, {
      ...newReportageColumns(input),
      tags: input.tags ?? [],
      durationSeconds: null,
      editedBy: currentRequest().actor?.id ?? null,
    });
    await this.reportages.replaceLinks(m, saved.id, input.exemplarIds ?? [], input.placeIds ?? []);
    await this.search.reindexReportages(m, [saved.id]);
    await this.record(m, saved.id, action, null, status, null);
    await this.audit.record(m, {
      action,
      entity: 'reportage',
      entityId: saved.id,
      after: auditState(saved, input.exemplarIds ?? [], input.placeIds ?? []),
    });
    return saved.id;
  }

  update(id: number, dto: UpdateReportageDto): Promise<ReportageView> {
    return this.db.transaction(async (m) => {
      const reportage = await this.reportages.findForUpdate(m, id, dto.version);
      if (reportage.status === 'archived')
        throw new AppError(409, 'ARCHIVED', 'Phóng sự đã lưu trữ; hãy khôi phục trước khi sửa.');
      await this.reportages.requireRefs(m, dto);
      const links = await this.reportages.linksOf(m, id);
      const before = auditState(reportage, links.exemplarIds, links.placeIds);
      const { exemplarIds, placeIds, ...fields } = dto;
      // null clears the tags, as it clears the other optional fields; the column holds a list, never NULL.
      assignDefined(reportage, { ...fields, tags: fields.tags === null ? [] : fields.tags });
      reportage.titleFolded = foldVietnamese(reportage.title);
      checkValidity(reportage.validFrom, reportage.validUntil);
      const nextExemplars = exemplarIds ?? links.exemplarIds;
      const nextPlaces = placeIds ?? links.placeIds;
      const changed = Object.keys(changesBetween(before, auditState(reportage, nextExemplars, nextPlaces)));
      const reopened = reportage.status === 'approved' && changed.some((f) => JUDGED_FIELDS.includes(f));
      if (changed.length) reportage.editedBy = currentRequest().actor?.id ?? reportage.editedBy;
      if (reopened) reportage.status = 'submitted';
      // Changing only the links must still bump the version other editors hold.
      reportage.updatedAt = new Date();
      await this.reportages.save(m, reportage);
      if (exemplarIds || placeIds) await this.reportages.replaceLinks(m, id, nextExemplars, nextPlaces);
      await this.search.reindexReportages(m, [id]);
      if (reopened) await this.record(m, id, 'reopen', 'approved', 'submitted', reopenReason(changed));
      await this.audit.record(m, {
        action: 'update',
        entity: 'reportage',
        entityId: id,
        before,
        after: auditState(reportage, nextExemplars, nextPlaces),
      });
      return this.view(m, id);
    });
  }

  remove(id: number): Promise<void> {
    return this.db.transaction(async (m) => {
      const reportage = await this.reportages.find(id, m);
      if (!DELETABLE.includes(reportage.status))
        throw new AppError(
          409,
          'IN_USE',
          `Không thể xoá phóng sự đang ở trạng thái "${STATUS_LABELS[reportage.status]}": hồ sơ duyệt phải được giữ lại. Hãy lưu trữ thay vì xoá.`,
        );
      const links = await this.reportages.linksOf(m, id);
      await this.search.removeReportage(m, id);
      await this.reportages.delete(m, id);
      await this.audit.record(m, {
        action: 'delete',
        entity: 'reportage',
        entityId: id,
        before: auditState(reportage, links.exemplarIds, links.placeIds),
      });
    });
  }

  transition(id: number, action: WorkflowAction, dto: TransitionDto): Promise<ReportageView> {
    return this.db.transaction(async (m) => {
      const reportage = await this.reportages.findForUpdate(m, id, dto.version);
      const exemplarCount = await this.reportages.exemplarCount(m, id);
      const from = reportage.status;
      const to = nextStatus({ status: from, summary: reportage.summary, exemplarCount }, action, dto.reason);
      if (action === 'approve') await this.checkApprovable(m, reportage);
      reportage.status = to;
      await this.reportages.save(m, reportage);
      await this.record(m, id, action, from, to, dto.reason ?? null);
      await this.audit.record(m, {
        action,
        entity: 'reportage',
        entityId: id,
        changes: {
          status: { from, to },
          ...(dto.reason ? { reason: { to: dto.reason } } : {}),
        },
      });
      return this.view(m, id);
    });
  }

  async history(id: number): Promise<Omit<StatusChangeView, 'actorName'>[]> {
    await this.reportages.find(id);
    const changes = await this.statusChanges.ofReportage(id);
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
    const reportage = await this.reportages.find(id);
    if (reportage.status === 'archived')
      throw new AppError(409, 'ARCHIVED', 'Phóng sự đã lưu trữ; hãy khôi phục trước khi tải âm thanh mới.');
  }

  /**
   * A new audio version becomes the one that airs. The version stays (the text did not change), but
   * an approved reportage goes back to the approver: what was approved is not what would air.
   */
  async setCurrentAudio(m: EntityManager, reportageId: number, assetId: number): Promise<void> {
    const reportage = await this.reportages.find(reportageId, m);
    if (reportage.currentAudioId === assetId) return;
    const editedBy = currentRequest().actor?.id ?? reportage.editedBy;
    const reopened = reportage.status === 'approved';
    const status = reopened ? 'submitted' : reportage.status;
    await this.reportages.setCurrentAudio(m, reportageId, {
      assetId,
      editedBy,
      status,
      bumpVersion: reopened,
    });
    if (reopened)
      await this.record(
        m,
        reportageId,
        'reopen',
        'approved',
        'submitted',
        'Có bản âm thanh mới sau khi duyệt.',
      );
    await this.audit.record(m, {
      action: 'set_audio',
      entity: 'reportage',
      entityId: reportageId,
      before: {
        currentAudioId: reportage.currentAudioId,
        status: reportage.status,
        editedBy: reportage.editedBy,
      },
      after: { currentAudioId: assetId, status, editedBy },
    });
  }

  /**
   * Approval needs audio ready to air, and (four-eyes) an approver who changed nothing in the version
   * being judged: not its author, not anyone who edited its texts, links, details or audio since the
   * last approval. The audit trail, written in the same transaction as every change, says who did.
   */
  private async checkApprovable(m: EntityManager, reportage: Reportage): Promise<void> {
    // The current audio's status, through the catalog's read model of what airs (never media's table).
    const audio = (await this.airable.one(reportage.id, m))?.audioStatus ?? null;
    if (audio !== 'ready')
      throw new AppError(
        HttpStatus.CONFLICT,
        'AUDIO_NOT_READY',
        audio
          ? `Chưa duyệt được: âm thanh của phóng sự chưa xử lý xong (${ASSET_STATUS_LABELS[audio as AssetStatus] ?? audio}). Hãy chờ bản phát sóng sẵn sàng rồi nghe trước khi duyệt.`
          : 'Chưa duyệt được: phóng sự chưa có âm thanh. Biên tập viên cần tải âm thanh lên trước.',
      );
    const actor = currentRequest().actor;
    if (!this.config.auth.fourEyes || !actor) return;
    const mine = (
      await this.audit.changesSince(m, 'reportage', reportage.id, {
        actions: CONTENT_CHANGES,
        since: ['approve'],
      })
    ).filter((change) => change.userId === actor.id);
    // An import has one audit entry for all its rows (not one per reportage): who imported a
    // reportage that was never approved since made it, as its creator would have.
    if ((await this.imports.importerOf(m, reportage.id)) === actor.id) {
      const history = await this.statusChanges.ofReportage(reportage.id, m);
      if (!history.some((change) => change.action === 'approve'))
        mine.unshift({ userId: actor.id, username: actor.username, action: 'import', fields: [] });
    }
    if (mine.length)
      throw new AppError(
        HttpStatus.FORBIDDEN,
        'FOUR_EYES',
        `Bạn không duyệt được phóng sự này vì chính bạn đã thay đổi nó kể từ lần duyệt trước (${describeChanges(mine)}). Theo nguyên tắc hai người (bốn mắt), người duyệt phải là một lãnh đạo chưa sửa gì trong phiên bản này: hãy nhờ người khác duyệt.`,
      );
  }

  /** The broadcast rendition of the current audio is ready: the reportage's duration follows it. */
  async audioReady(
    m: EntityManager,
    reportageId: number,
    assetId: number,
    durationSeconds: number,
  ): Promise<void> {
    await this.reportages.setDurationOfAudio(m, reportageId, assetId, durationSeconds);
  }

  /**
   * An approval given before this system existed (the demo's history, `npm run seed:demo`): a
   * submitted reportage becomes approved with its history entry, without the checks of {@link
   * transition} (no audio, no four-eyes) and without an audit record. Returns the version it has then.
   */
  async approveAsHistory(
    m: EntityManager,
    reportageId: number,
    { reason, actor }: { reason: string; actor: string },
  ): Promise<number> {
    await this.reportages.approveSubmitted(m, reportageId);
    await this.statusChanges.add(m, {
      reportageId,
      action: 'approve',
      fromStatus: 'submitted',
      toStatus: 'approved',
      reason,
      actor,
    });
    return this.reportages.versionOf(m, reportageId);
  }

  private async record(
    m: EntityManager,
    reportageId: number,
    action: string,
    fromStatus: ReportageStatus | null,
    toStatus: ReportageStatus,
    reason: string | null,
  ) {
    const actor = currentRequest().actor?.username ?? null;
    await this.statusChanges.add(m, { reportageId, action, fromStatus, toStatus, reason, actor });
  }

  /** The view as the writing transaction sees it (its own uncommitted changes included). */
  private async view(m: EntityManager, id: number): Promise<ReportageView> {
    const [view] = await this.views([id], true, m);
    if (!view) throw notFound(LABEL, id);
    return view;
  }

  /** Views of these reportages, in this order (read in `m` when given, else on the read pool). */
  private async views(ids: number[], withScript = false, m?: EntityManager): Promise<ReportageView[]> {
    return toReportageViews(ids, await this.reportages.views(ids, withScript, m), withScript);
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

/** What the audit trail compares: the record's own fields and its links, in a stable order. */
function auditState(
  reportage: Reportage,
  exemplarIds: number[],
  placeIds: number[],
): Record<string, unknown> {
  const { currentAudioId: _audio, durationSeconds: _duration, ...fields } = snapshot(reportage);
  const sorted = (ids: number[]) => [...new Set(ids)].sort((a, b) => a - b);
  return { ...fields, exemplarIds: sorted(exemplarIds), placeIds: sorted(placeIds) };
}

/** Audit actions that change what an approver judges: whoever made one since the last approval may not approve. */
const CONTENT_CHANGES = ['create', 'import', 'update', 'set_audio'];

const FIELD_LABELS: Record<string, string> = {
  segmentId: 'chuyên mục',
  title: 'tiêu đề',
  summary: 'tóm tắt',
  script: 'kịch bản',
  fieldId: 'lĩnh vực',
  reporter: 'phóng viên',
  recordedOn: 'ngày ghi âm',
  tags: 'thẻ',
  validFrom: 'ngày bắt đầu được phát',
  validUntil: 'ngày kết thúc được phát',
  priority: 'mức ưu tiên',
  exemplarIds: 'điển hình',
  placeIds: 'địa bàn',
};

const ACTION_LABELS: Record<string, string> = {
  create: 'tạo phóng sự',
  import: 'nhập phóng sự',
  set_audio: 'đưa âm thanh mới',
};

/** "tạo phóng sự; sửa thẻ; sửa tiêu đề": what one person changed, in the order they did it. */
function describeChanges(changes: AuditChange[]): string {
  const said = new Set<string>();
  for (const { action, fields } of changes) {
    if (action !== 'update') said.add(ACTION_LABELS[action] ?? action);
    else for (const field of fields) if (FIELD_LABELS[field]) said.add(`sửa ${FIELD_LABELS[field]}`);
  }
  return [...said].join('; ') || 'sửa nội dung';
}

function reopenReason(changed: string[]): string {
  const what = changed.filter((f) => JUDGED_FIELDS.includes(f)).map((f) => FIELD_LABELS[f]);
  return `Sửa ${what.join(', ')} sau khi duyệt: cần duyệt lại.`;
}
