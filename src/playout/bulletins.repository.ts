import { Injectable } from '@nestjs/common';
import type { DeepPartial, EntityManager } from 'typeorm';
import { Database } from '../database/database.service.js';
import { Bulletin, type BulletinStatus } from './playout.entities.js';

/** A bulletin's audio as playout needs it (read from media's audio_assets). */
export interface BulletinAudio {
  broadcast_path: string | null;
  broadcast_duration_seconds: number;
  status: string;
}

/** Bulletins: playout's own table. */
@Injectable()
export class BulletinsRepository {
  constructor(private readonly db: Database) {}

  get(id: number, m?: EntityManager): Promise<Bulletin | null> {
    return (m ?? this.db.manager).findOneBy(Bulletin, { id });
  }

  /** The latest bulletins (100). */
  recent(): Promise<Bulletin[]> {
    return this.db.manager.find(Bulletin, { order: { id: 'DESC' }, take: 100 });
  }

  add(m: EntityManager, bulletin: DeepPartial<Bulletin>): Promise<Bulletin> {
    return m.save(m.create(Bulletin, bulletin));
  }

  async setStatus(m: EntityManager, id: number, status: BulletinStatus, airAt?: Date | null): Promise<void> {
    await m.update(Bulletin, id, airAt === undefined ? { status } : { status, airAt });
  }

  /** Bulletins waiting for their audio whose audio is now ready, oldest first. */
  waitingWithReadyAudio(): Promise<{ id: number; priority: string; zone_ids: string }[]> {
    return this.db.read<{ id: number; priority: string; zone_ids: string }>(
      `SELECT b.id, b.priority, b.zone_ids FROM bulletins b JOIN audio_assets a ON a.id = b.audio_asset_id
        WHERE b.status = 'waiting_audio' AND a.status = 'ready' ORDER BY b.id`,
    );
  }

  /** The state and broadcast rendition of a bulletin's audio, or undefined when the asset is gone. */
  async audio(m: EntityManager, audioAssetId: number): Promise<BulletinAudio | undefined> {
    const [asset] = await m.query(
      `SELECT broadcast_path, broadcast_duration_seconds, status FROM audio_assets WHERE id = ?`,
      [audioAssetId],
    );
    return asset;
  }
}
