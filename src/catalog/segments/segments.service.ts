import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { invalid } from '../../common/errors.js';
import { AuditService } from '../../audit/audit.service.js';
import { Database } from '../../database/database.service.js';
import { ReferenceListService } from '../reference-list.js';
import { DEFAULT_PLANNING, Segment } from './segment.entity.js';

@Injectable()
export class SegmentsService extends ReferenceListService<Segment> {
  protected readonly entity = Segment;
  protected readonly spec = {
    audit: 'segment' as const,
    label: 'chuyên mục',
    sorts: { name: 'r.name', createdAt: 'r.createdAt' },
    defaultSort: 'name',
    usedBy: [['phóng sự', 'reportages', 'segment_id']] as [string, string, string][],
  };

  constructor(db: Database, audit: AuditService) {
    super(db, audit);
  }

  /** Sets or clears a jingle; not an editorial change, so the version stays. */
  async setJingle(
    m: EntityManager,
    segmentId: number,
    which: 'intro' | 'outro',
    assetId: number | null,
  ): Promise<void> {
    const [row] = await m.query(`SELECT ${which}_audio_id AS current FROM segments WHERE id = ?`, [
      segmentId,
    ]);
    await m.query(`UPDATE segments SET ${which}_audio_id = ? WHERE id = ?`, [assetId, segmentId]);
    await this.audit.record(m, {
      action: assetId ? 'set_jingle' : 'remove_jingle',
      entity: 'segment',
      entityId: segmentId,
      changes: { [`${which}AudioId`]: { from: row?.current ?? null, to: assetId } },
    });
  }

  /** Ids of the segment's intro and outro jingles for a reportage, when set. */
  async jinglesOf(reportageId: number): Promise<{ intro: number | null; outro: number | null }> {
    const [row] = await this.db.manager.query(
      `SELECT s.intro_audio_id AS intro, s.outro_audio_id AS outro
         FROM reportages r JOIN segments s ON s.id = r.segment_id WHERE r.id = ?`,
      [reportageId],
    );
    return { intro: row?.intro ?? null, outro: row?.outro ?? null };
  }

  protected override validate(segment: Segment): void {
    // Kept whole, so a PATCH of one rule shows (and stores) every rule.
    // (Validated DTO instances carry their omitted fields as undefined: skip those.)
    const given = Object.entries(segment.planning ?? {}).filter(([, value]) => value !== undefined);
    segment.planning = { ...DEFAULT_PLANNING, ...Object.fromEntries(given) };
    const { minDurationSeconds: min, maxDurationSeconds: max } = segment;
    if (min != null && max != null && min > max) {
      throw invalid('DURATION_RANGE', 'Thời lượng tối thiểu không được lớn hơn thời lượng tối đa.', [
        {
          field: 'minDurationSeconds',
          code: 'range',
          message: `Tối thiểu ${min} giây lớn hơn tối đa ${max} giây.`,
        },
      ]);
    }
  }
}
