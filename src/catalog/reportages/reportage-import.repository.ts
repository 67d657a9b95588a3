import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Database } from '../../database/database.service.js';

/** A record an imported row may name: by name, by slug when it has one, or by `#id`. */
export interface NamedRecord {
  id: number;
  name: string;
  slug?: string | null;
}

/** What a CSV import of reportages resolves names against: the catalog's reference records. */
@Injectable()
export class ReportageImportRepository {
  constructor(private readonly db: Database) {}

  async names(m?: EntityManager): Promise<{
    segments: NamedRecord[];
    fields: NamedRecord[];
    exemplars: NamedRecord[];
    places: NamedRecord[];
  }> {
    const read = this.db.on(m);
    return {
      segments: await read<NamedRecord>('SELECT id, name, slug FROM segments', []),
      fields: await read<NamedRecord>('SELECT id, name, slug FROM fields', []),
      exemplars: await read<NamedRecord>('SELECT id, name FROM exemplars', []),
      places: await read<NamedRecord>('SELECT id, name FROM places', []),
    };
  }
}
