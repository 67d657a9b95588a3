import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { invalid } from '../../common/errors.js';
import { Database } from '../../database/database.service.js';
import { ReferenceListService } from '../reference-list.js';
import { Segment } from './segment.entity.js';

@Injectable()
export class SegmentsService extends ReferenceListService<Segment> {
  protected readonly entity = Segment;
  protected readonly spec = {
    label: 'chuyên mục',
    sorts: { name: 'r.name', createdAt: 'r.createdAt' },
    defaultSort: 'name',
    usedBy: [['phóng sự', 'reportages', 'segment_id']] as [string, string, string][],
  };

  constructor(db: Database) {
    super(db);
  }

  /** Sets or clears a jingle; not an editorial change, so the version stays. */
  async setJingle(
    m: EntityManager,
    segmentId: number,
    which: 'intro' | 'outro',
    assetId: number | null,
  ): Promise<void> {
    await m.query(`UPDATE segments SET ${which}_audio_id = ? WHERE id = ?`, [assetId, segmentId]);
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
