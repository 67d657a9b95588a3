import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Database } from '../database/database.service.js';
import { Zone } from './scheduling.entities.js';

/**
 * A zone's playout settings (zones.playout): scheduling owns the zones table, playout gives the
 * settings their meaning (src/playout/zone-playout.ts) and changes them through here.
 */
@Injectable()
export class ZonePlayoutRepository {
  constructor(private readonly db: Database) {}

  /** The stored settings of a zone, or undefined when there is no such zone. */
  async settingsOf(zoneId: number, m?: EntityManager): Promise<Record<string, unknown> | undefined> {
    const zone = await (m ?? this.db.manager).findOneBy(Zone, { id: zoneId });
    return zone ? (zone.playout ?? {}) : undefined;
  }

  /** Replaces a zone's settings (already checked by playout), inside the caller's write transaction. */
  async setSettings(m: EntityManager, zoneId: number, settings: Record<string, unknown>): Promise<void> {
    await m.query('UPDATE zones SET playout = ?, updated_at = CURRENT_TIMESTAMP WHERE id = ?', [
      JSON.stringify(settings),
      zoneId,
    ]);
  }
}
