import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service.js';
import { placeholders } from '../database/sql.js';

/**
 * Read-only lookups of the catalog's `segments` that scheduling needs (planning rules, names) and that
 * the catalog publishes no read model for yet. Reads only: segments are written by the catalog.
 */
@Injectable()
export class SegmentReadsRepository {
  constructor(private readonly db: Database) {}

  /** The stored planning rules (JSON text, or null for the defaults) of these segments. */
  planning(segmentIds: number[]): Promise<{ id: number; planning: string | null }[]> {
    if (segmentIds.length === 0) return Promise.resolve([]);
    return this.db.read<{ id: number; planning: string | null }>(
      `SELECT id, planning FROM segments WHERE id IN (${placeholders(segmentIds.length)})`,
      segmentIds,
    );
  }

  /** Every segment's name, by id. */
  async names(): Promise<Map<number, string>> {
    const rows = await this.db.read<{ id: number; name: string }>('SELECT id, name FROM segments', []);
    return new Map(rows.map((s) => [s.id, s.name]));
  }
}
