import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Database } from '../../database/database.service.js';
import { dialectOf } from '../../database/dialect-sql.js';
import { insertRow, placeholders } from '../../database/sql.js';
import type { ReportageStatus } from './reportage.entity.js';

/** A record an imported row may name: by name, by slug when it has one, or by `#id`. */
export interface NamedRecord {
  id: number;
  name: string;
  slug?: string | null;
}

/** An exemplar as an import names it, with its model (its reportages' search documents carry both). */
export interface NamedExemplar extends NamedRecord {
  model_name: string | null;
}

/** One reportage of an import, ready to write (`tags` as the JSON text the column stores). */
export interface ImportedReportage {
  segmentId: number;
  title: string;
  titleFolded: string;
  summary: string | null;
  script: string | null;
  fieldId: number | null;
  reporter: string | null;
  recordedOn: string | null;
  tags: string;
  validFrom: string | null;
  validUntil: string | null;
  priority: number | null;
  status: ReportageStatus;
  editedBy: number | null;
  exemplarIds: number[];
  placeIds: number[];
}

const REPORTAGE_COLUMNS = [
  'segment_id',
  'title',
  'title_folded',
  'summary',
  'script',
  'field_id',
  'reporter',
  'recorded_on',
  'tags',
  'valid_from',
  'valid_until',
  'priority',
  'status',
  'edited_by',
  'import_id',
];
/** Rows per INSERT statement: 500 × 15 parameters stays far below SQLite's 32,766 and PostgreSQL's 65,535. */
const ROWS_PER_STATEMENT = 500;

function slices<T>(items: T[], size = ROWS_PER_STATEMENT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * What a CSV import of reportages resolves names against (the catalog's reference records), and what
 * it writes: the import itself (`reportage_imports`), and its reportages, links and first history
 * entries in bulk, chunk by chunk, each row tagged with the import's id (`reportages.import_id`).
 */
@Injectable()
export class ReportageImportRepository {
  constructor(private readonly db: Database) {}

  async names(m?: EntityManager): Promise<{
    segments: NamedRecord[];
    fields: NamedRecord[];
    exemplars: NamedExemplar[];
    places: NamedRecord[];
  }> {
    const read = this.db.on(m);
    return {
      segments: await read<NamedRecord>('SELECT id, name, slug FROM segments', []),
      fields: await read<NamedRecord>('SELECT id, name, slug FROM fields', []),
      exemplars: await read<NamedExemplar>('SELECT id, name, model_name FROM exemplars', []),
      places: await read<NamedRecord>('SELECT id, name FROM places', []),
    };
  }

  /** A new import, running; returns its id. */
  start(
    m: EntityManager,
    row: { rowCount: number; userId: number | null; username: string | null },
  ): Promise<number> {
    return insertRow(m, 'reportage_imports', {
      status: 'running',
      row_count: row.rowCount,
      user_id: row.userId,
      username: row.username,
      heartbeat_ms: Date.now(),
    });
  }

  /**
   * PostgreSQL: this transaction (a chunk) commits without waiting for its WAL to reach the disk.
   * A crash may lose the last chunks, never a part of one, and the import is not done until its last
   * transaction, a normal durable commit (WAL is flushed in order), has marked it so; an unfinished
   * import is removed whole at start-up. SQLite: nothing to do.
   */
  async commitLazily(m: EntityManager): Promise<void> {
    if (dialectOf(m.connection) === 'postgres') await m.query('SET LOCAL synchronous_commit = off');
  }

  /** The import is still being written (see {@link abandoned}). */
  async beat(m: EntityManager, importId: number): Promise<void> {
    await m.query('UPDATE reportage_imports SET heartbeat_ms = ? WHERE id = ?', [Date.now(), importId]);
  }

  async finish(m: EntityManager, importId: number, status: 'done' | 'failed'): Promise<void> {
    await m.query('UPDATE reportage_imports SET status = ?, finished_at = CURRENT_TIMESTAMP WHERE id = ?', [
      status,
      importId,
    ]);
  }

  /** Imports still marked running whose last chunk is older than `staleMs`: their process is gone. */
  async abandoned(staleMs: number): Promise<number[]> {
    const rows = await this.db.read<{ id: number }>(
      `SELECT id FROM reportage_imports WHERE status = 'running' AND heartbeat_ms < ? ORDER BY id`,
      [Date.now() - staleMs],
    );
    return rows.map((r) => Number(r.id));
  }

  /** Up to `limit` ids of the reportages an import wrote. */
  async reportagesOf(m: EntityManager, importId: number, limit: number): Promise<number[]> {
    const rows: { id: number }[] = await m.query(
      'SELECT id FROM reportages WHERE import_id = ? ORDER BY id LIMIT ?',
      [importId, limit],
    );
    return rows.map((r) => Number(r.id));
  }

  /** Deletes reportages of an import; their links and history go with them (ON DELETE CASCADE). */
  async deleteReportages(m: EntityManager, ids: number[]): Promise<void> {
    if (ids.length) await m.query(`DELETE FROM reportages WHERE id IN (${placeholders(ids.length)})`, ids);
  }

  /**
   * Writes reportages with their links and their first history entry (`action`), in multi-row
   * INSERTs; returns their ids, in the order given.
   */
  async insertReportages(
    m: EntityManager,
    importId: number,
    rows: ImportedReportage[],
    history: { action: string; actor: string | null },
  ): Promise<number[]> {
    const postgres = dialectOf(m.connection) === 'postgres';
    const ids: number[] = [];
    for (const slice of slices(rows)) {
      const params = slice.flatMap((r) => [
        r.segmentId,
        r.title,
        r.titleFolded,
        r.summary,
        r.script,
        r.fieldId,
        r.reporter,
        r.recordedOn,
        r.tags,
        r.validFrom,
        r.validUntil,
        r.priority,
        r.status,
        r.editedBy,
        importId,
      ]);
      const row = `(${placeholders(REPORTAGE_COLUMNS.length)})`;
      const sql = `INSERT INTO reportages (${REPORTAGE_COLUMNS.join(', ')}) VALUES ${slice.map(() => row).join(', ')}`;
      if (postgres) {
        // Ids come from the sequence row after row, so in ascending order they are the rows' order.
        const returned: { id: number | string }[] = await m.query(`${sql} RETURNING id`, params);
        ids.push(...returned.map((r) => Number(r.id)).sort((a, b) => a - b));
      } else {
        // One statement on SQLite's one writer: consecutive ids ending at last_insert_rowid().
        await m.query(sql, params);
        const [{ id }] = await m.query('SELECT last_insert_rowid() AS id');
        const last = Number(id);
        for (let k = slice.length - 1; k >= 0; k--) ids.push(last - k);
      }
    }
    const exemplars = rows.flatMap((r, i) => [...new Set(r.exemplarIds)].map((e) => [ids[i], e]));
    const places = rows.flatMap((r, i) => [...new Set(r.placeIds)].map((p) => [ids[i], p]));
    for (const slice of slices(exemplars, 2000))
      await m.query(
        `INSERT INTO reportage_exemplars (reportage_id, exemplar_id) VALUES ${slice.map(() => '(?, ?)').join(', ')}`,
        slice.flat(),
      );
    for (const slice of slices(places, 2000))
      await m.query(
        `INSERT INTO reportage_places (reportage_id, place_id) VALUES ${slice.map(() => '(?, ?)').join(', ')}`,
        slice.flat(),
      );
    for (const slice of slices(rows.map((r, i) => [ids[i], r.status] as const)))
      await m.query(
        `INSERT INTO reportage_status_changes (reportage_id, action, from_status, to_status, reason, actor)
         VALUES ${slice.map(() => '(?, ?, NULL, ?, NULL, ?)').join(', ')}`,
        slice.flatMap(([id, status]) => [id, history.action, status, history.actor]),
      );
    return ids;
  }

  /** Who imported a reportage, when it came from an import. */
  async importerOf(m: EntityManager, reportageId: number): Promise<number | null> {
    const rows: { user_id: number | null }[] = await m.query(
      `SELECT i.user_id FROM reportages r JOIN reportage_imports i ON i.id = r.import_id WHERE r.id = ?`,
      [reportageId],
    );
    return rows[0]?.user_id == null ? null : Number(rows[0].user_id);
  }
}
