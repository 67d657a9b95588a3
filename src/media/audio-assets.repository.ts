import { Injectable } from '@nestjs/common';
import { In, type DeepPartial, type EntityManager } from 'typeorm';
import { Database } from '../database/database.service.js';
import { AudioAsset } from './audio-asset.entity.js';

/** The audio_assets table: uploads, their processing state and their renditions. */
@Injectable()
export class AudioAssetsRepository {
  constructor(private readonly db: Database) {}

  /** The asset, or null; in the transaction when given `m`, otherwise on the writer's connection. */
  find(id: number, m?: EntityManager): Promise<AudioAsset | null> {
    return (m ?? this.db.manager).findOne(AudioAsset, { where: { id } });
  }

  /** The asset, which must exist (TypeORM's EntityNotFoundError otherwise), in the caller's transaction. */
  get(m: EntityManager, id: number): Promise<AudioAsset> {
    return m.findOneOrFail(AudioAsset, { where: { id } });
  }

  /** The asset these bytes (their SHA-256) already are for this reportage, if any. */
  forReportageWithHash(reportageId: number, sha256: string): Promise<AudioAsset | null> {
    return this.db.manager.findOne(AudioAsset, { where: { reportageId, sha256 } });
  }

  /** The same, as committed (on the read pool): the id only. */
  async committedIdWithHash(reportageId: number, sha256: string): Promise<number | undefined> {
    const [row] = await this.db.read<{ id: number }>(
      'SELECT id FROM audio_assets WHERE reportage_id = ? AND sha256 = ?',
      [reportageId, sha256],
    );
    return row?.id;
  }

  /** Every asset of a reportage, newest first. */
  forReportage(reportageId: number): Promise<AudioAsset[]> {
    return this.db.manager.find(AudioAsset, { where: { reportageId }, order: { id: 'DESC' } });
  }

  /** Assets waiting for processing or being processed, oldest first. */
  waiting(): Promise<AudioAsset[]> {
    return this.db.manager.find(AudioAsset, {
      where: { status: In(['queued', 'processing']) },
      order: { id: 'ASC' },
    });
  }

  insert(m: EntityManager, asset: DeepPartial<AudioAsset>): Promise<AudioAsset> {
    return m.save(m.create(AudioAsset, asset));
  }

  save(m: EntityManager, asset: AudioAsset): Promise<AudioAsset> {
    return m.save(asset);
  }
}
