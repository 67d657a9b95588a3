import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Database } from '../../database/database.service.js';
import { ReferenceListRepository, type ReferenceListUse } from '../reference-list.repository.js';
import { Segment } from './segment.entity.js';

/** Segments, chuyên mục (table segments), and their jingles. */
@Injectable()
export class SegmentsRepository extends ReferenceListRepository<Segment> {
  protected readonly entity = Segment;
  protected readonly usedBy: ReferenceListUse[] = [
    { what: 'phóng sự', table: 'reportages', column: 'segment_id' },
  ];

  constructor(db: Database) {
    super(db);
  }

  /** The segment's intro or outro jingle (an audio asset id), or null when none is set. */
  async jingle(m: EntityManager, segmentId: number, which: 'intro' | 'outro'): Promise<number | null> {
    const [row] = await m.query(`SELECT ${which}_audio_id AS current FROM segments WHERE id = ?`, [
      segmentId,
    ]);
    return row?.current ?? null;
  }

  /** Sets or clears a jingle; leaves the version alone. */
  async setJingle(
    m: EntityManager,
    segmentId: number,
    which: 'intro' | 'outro',
    assetId: number | null,
  ): Promise<void> {
    await m.query(`UPDATE segments SET ${which}_audio_id = ? WHERE id = ?`, [assetId, segmentId]);
  }

  /** Ids of the intro and outro jingles of a reportage's segment, when set. */
  async jinglesOf(
    reportageId: number,
    m?: EntityManager,
  ): Promise<{ intro: number | null; outro: number | null }> {
    const [row] = await this.db.on(m)<{ intro: number | null; outro: number | null }>(
      `SELECT s.intro_audio_id AS intro, s.outro_audio_id AS outro
         FROM reportages r JOIN segments s ON s.id = r.segment_id WHERE r.id = ?`,
      [reportageId],
    );
    return { intro: row?.intro ?? null, outro: row?.outro ?? null };
  }
}
