import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sortOf } from '../../common/pagination.js';
import { ftsQuery } from '../../common/text.js';
import { CountCache } from '../../database/count-cache.js';
import { findForUpdate, findOr404, requireRefs } from '../../database/crud.js';
import { Database } from '../../database/database.service.js';
import { PLACE_SUBTREE, placeholders, SqlWhere } from '../../database/sql.js';
import { Exemplar } from '../exemplars/exemplar.entity.js';
import { Field } from '../fields/field.entity.js';
import { Place } from '../places/place.entity.js';
import { rankedPage } from '../search/ranked-page.repository.js';
import { Segment } from '../segments/segment.entity.js';
import type { ListReportagesQuery } from './dto/reportage.dto.js';
import type { LinkRow, ReportageViewRow, ReportageViewRows } from './reportage-views.js';
import { Reportage, type ReportageStatus } from './reportage.entity.js';

/** How errors name a reportage ("Không tìm thấy phóng sự …"). */
export const REPORTAGE_LABEL = 'phóng sự';

const SORT_COLUMNS = {
  createdAt: 'r.created_at',
  updatedAt: 'r.updated_at',
  title: 'r.title_folded',
  recordedOn: 'r.recorded_on',
};

/** The fields of a new reportage (the table fills in id, version and the timestamps). */
export type NewReportage = Omit<Reportage, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'currentAudioId'>;

/** What a reportage links to: the exemplars it is about and the places it covers. */
export interface ReportageLinks {
  exemplarIds: number[];
  placeIds: number[];
}

/** The references a reportage's create or update body names. */
export interface ReportageRefs {
  segmentId?: number | null;
  fieldId?: number | null;
  exemplarIds?: number[] | null;
  placeIds?: number[] | null;
}

/** The table `reportages` and its links (`reportage_exemplars`, `reportage_places`). */
@Injectable()
export class ReportagesRepository {
  constructor(
    private readonly db: Database,
    private readonly counts: CountCache,
  ) {}

  /**
   * One page of reportage ids and the total, filtered, sorted or ranked by a search. `created` holds
   * the creation bounds as UTC instants ('YYYY-MM-DD HH:MM:SS'), from inclusive, to exclusive.
   */
  page(query: ListReportagesQuery, created: { from?: string; to?: string }) {
    const where = new SqlWhere();
    if (query.segmentId) where.add('r.segment_id = ?', query.segmentId);
    if (query.fieldId) where.add('r.field_id = ?', query.fieldId);
    if (query.status) where.add('r.status = ?', query.status);
    if (query.reporter) where.add('r.reporter = ?', query.reporter);
    if (query.recordedFrom) where.add('r.recorded_on >= ?', query.recordedFrom);
    if (query.recordedTo) where.add('r.recorded_on <= ?', query.recordedTo);
    if (created.from) where.add('r.created_at >= ?', created.from);
    if (created.to) where.add('r.created_at < ?', created.to);
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
    return rankedPage(this.db.on(), this.counts, {
      table: 'reportages',
      alias: 'r',
      fts: 'reportage_search',
      titleColumn: 'title',
      match,
      where,
      order: match && !query.sort ? undefined : sortOf(query.sort, SORT_COLUMNS, '-createdAt'),
      page: query,
    });
  }

  /** What the views of these reportages show (reportage-views.ts), read in `m` when given. */
  async views(ids: number[], withScript: boolean, m?: EntityManager): Promise<ReportageViewRows> {
    if (ids.length === 0) return { rows: [], exemplars: [], places: [] };
    const read = this.db.on(m);
    const marks = placeholders(ids.length);
    const rows = await read<ReportageViewRow>(
      `SELECT r.id, r.segment_id, s.name AS segment_name, r.title, r.summary, ${withScript ? 'r.script,' : ''}
            r.field_id, f.name AS field_name, r.reporter, r.recorded_on, r.tags, r.valid_from, r.valid_until, r.priority,
            r.status, r.duration_seconds, r.current_audio_id, a.status AS audio_status,
            r.version, r.created_at, r.updated_at
       FROM reportages r JOIN segments s ON s.id = r.segment_id LEFT JOIN fields f ON f.id = r.field_id
       LEFT JOIN audio_assets a ON a.id = r.current_audio_id
      WHERE r.id IN (${marks})`,
      ids,
    );
    const exemplars = await read<LinkRow>(
      `SELECT re.reportage_id AS owner, e.id, e.name FROM reportage_exemplars re JOIN exemplars e ON e.id = re.exemplar_id
        WHERE re.reportage_id IN (${marks}) ORDER BY e.id`,
      ids,
    );
    const places = await read<LinkRow>(
      `SELECT rp.reportage_id AS owner, p.id, p.name FROM reportage_places rp JOIN places p ON p.id = rp.place_id
        WHERE rp.reportage_id IN (${marks}) ORDER BY p.id`,
      ids,
    );
    return { rows, exemplars, places };
  }

  /** The reportage, or 404. Outside a transaction, read on the writer's connection. */
  find(id: number, m: EntityManager = this.db.manager): Promise<Reportage> {
    return findOr404(m, Reportage, id, REPORTAGE_LABEL);
  }

  /** The reportage to change, when the client's version is the stored one (404, 409 otherwise). */
  findForUpdate(m: EntityManager, id: number, version: number): Promise<Reportage> {
    return findForUpdate(m, Reportage, id, version, REPORTAGE_LABEL);
  }

  /** The segment, field, exemplars and places a body names must exist (422 naming the field otherwise). */
  async requireRefs(m: EntityManager, refs: ReportageRefs): Promise<void> {
    await requireRefs(m, Segment, [refs.segmentId], 'segmentId', 'chuyên mục');
    await requireRefs(m, Field, [refs.fieldId], 'fieldId', 'lĩnh vực');
    await requireRefs(m, Exemplar, refs.exemplarIds ?? [], 'exemplarIds', 'điển hình');
    await requireRefs(m, Place, refs.placeIds ?? [], 'placeIds', 'đơn vị hành chính');
  }

  insert(m: EntityManager, reportage: NewReportage): Promise<Reportage> {
    return m.save(m.create(Reportage, reportage));
  }

  save(m: EntityManager, reportage: Reportage): Promise<Reportage> {
    return m.save(reportage);
  }

  async delete(m: EntityManager, id: number): Promise<void> {
    await m.delete(Reportage, id);
  }

  async exemplarCount(m: EntityManager, id: number): Promise<number> {
    const [{ n }] = await m.query('SELECT COUNT(*) AS n FROM reportage_exemplars WHERE reportage_id = ?', [
      id,
    ]);
    return Number(n);
  }

  async linksOf(m: EntityManager, id: number): Promise<ReportageLinks> {
    const exemplars = await m.query(
      'SELECT exemplar_id AS id FROM reportage_exemplars WHERE reportage_id = ?',
      [id],
    );
    const places = await m.query('SELECT place_id AS id FROM reportage_places WHERE reportage_id = ?', [id]);
    return {
      exemplarIds: exemplars.map((r: { id: number }) => r.id),
      placeIds: places.map((r: { id: number }) => r.id),
    };
  }

  async replaceLinks(m: EntityManager, id: number, exemplarIds: number[], placeIds: number[]): Promise<void> {
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

  /**
   * A new audio version airs from now on: its duration is not known yet. The version goes up only
   * when `bumpVersion` (the status changed).
   */
  async setCurrentAudio(
    m: EntityManager,
    id: number,
    change: { assetId: number; editedBy: number | null; status: ReportageStatus; bumpVersion: boolean },
  ): Promise<void> {
    await m.query(
      `UPDATE reportages SET current_audio_id = ?, duration_seconds = NULL, edited_by = ?, status = ?,
         version = version + ? WHERE id = ?`,
      [change.assetId, change.editedBy, change.status, change.bumpVersion ? 1 : 0, id],
    );
  }

  /** The duration follows the broadcast rendition, when that asset is still the current audio. */
  async setDurationOfAudio(
    m: EntityManager,
    id: number,
    assetId: number,
    durationSeconds: number,
  ): Promise<void> {
    await m.query('UPDATE reportages SET duration_seconds = ? WHERE id = ? AND current_audio_id = ?', [
      durationSeconds,
      id,
      assetId,
    ]);
  }

  /** A submitted reportage becomes approved, without any check (history; see the service). */
  async approveSubmitted(m: EntityManager, id: number): Promise<void> {
    await m.query(
      `UPDATE reportages SET status = 'approved', version = version + 1 WHERE id = ? AND status = 'submitted'`,
      [id],
    );
  }

  async versionOf(m: EntityManager, id: number): Promise<number> {
    const [{ version }] = await m.query('SELECT version FROM reportages WHERE id = ?', [id]);
    return version as number;
  }
}
