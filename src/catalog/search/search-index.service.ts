import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { placeholders } from '../../common/sql.js';
import { foldVietnamese } from '../../common/text.js';
import { dialectOf, joinedText } from '../../database/dialect-sql.js';

const CHUNK = 500;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

const marks = placeholders;

/**
 * Keeps the FTS5 tables (reportage_search, exemplar_search) in step with the catalog. Each document is
 * folded text: the title (or name) in one column, everything else people search by in the other.
 * Called inside the writing transaction, so the index never disagrees with committed rows.
 */
@Injectable()
export class SearchIndex {
  async reindexReportages(manager: EntityManager, ids: number[]): Promise<void> {
    const dialect = dialectOf(manager.connection);
    for (const batch of chunks([...new Set(ids)])) {
      const rows: {
        id: number;
        title: string;
        summary: string | null;
        tags: string;
        exemplars: string | null;
        places: string | null;
      }[] = await manager.query(
        `SELECT r.id, r.title, r.summary, r.tags,
             (SELECT ${joinedText(dialect, "e.name || ' ' || coalesce(e.model_name, '')", "' '")}
                FROM reportage_exemplars re JOIN exemplars e ON e.id = re.exemplar_id WHERE re.reportage_id = r.id) AS exemplars,
             (SELECT ${joinedText(dialect, 'p.name', "' '")}
                FROM reportage_places rp JOIN places p ON p.id = rp.place_id WHERE rp.reportage_id = r.id) AS places
           FROM reportages r WHERE r.id IN (${marks(batch.length)})`,
        batch,
      );
      await manager.query(`DELETE FROM reportage_search WHERE rowid IN (${marks(batch.length)})`, batch);
      for (const row of rows) {
        const tags = (JSON.parse(row.tags || '[]') as string[]).join(' ');
        const body = [row.summary, row.exemplars, row.places, tags].filter(Boolean).join(' ');
        await manager.query('INSERT INTO reportage_search(rowid, title, body) VALUES (?, ?, ?)', [
          row.id,
          foldVietnamese(row.title),
          foldVietnamese(body),
        ]);
      }
    }
  }

  async removeReportage(manager: EntityManager, id: number): Promise<void> {
    await manager.query('DELETE FROM reportage_search WHERE rowid = ?', [id]);
  }

  async reindexExemplars(manager: EntityManager, ids: number[]): Promise<void> {
    for (const batch of chunks([...new Set(ids)])) {
      const rows: { id: number; name: string; model_name: string | null; place: string | null }[] =
        await manager.query(
          `SELECT e.id, e.name, e.model_name, p.name AS place
         FROM exemplars e LEFT JOIN places p ON p.id = e.place_id WHERE e.id IN (${marks(batch.length)})`,
          batch,
        );
      await manager.query(`DELETE FROM exemplar_search WHERE rowid IN (${marks(batch.length)})`, batch);
      for (const row of rows) {
        const body = [row.model_name, row.place].filter(Boolean).join(' ');
        await manager.query('INSERT INTO exemplar_search(rowid, name, body) VALUES (?, ?, ?)', [
          row.id,
          foldVietnamese(row.name),
          foldVietnamese(body),
        ]);
      }
    }
  }

  async removeExemplar(manager: EntityManager, id: number): Promise<void> {
    await manager.query('DELETE FROM exemplar_search WHERE rowid = ?', [id]);
  }

  /** An exemplar's name or model changed: its own document and those of its reportages. */
  async exemplarChanged(manager: EntityManager, exemplarId: number): Promise<void> {
    await this.reindexExemplars(manager, [exemplarId]);
    const rows: { id: number }[] = await manager.query(
      'SELECT reportage_id AS id FROM reportage_exemplars WHERE exemplar_id = ?',
      [exemplarId],
    );
    await this.reindexReportages(
      manager,
      rows.map((row) => row.id),
    );
  }

  /** A place was renamed: exemplars there and reportages about it carry its name. */
  async placeChanged(manager: EntityManager, placeId: number): Promise<void> {
    const exemplars: { id: number }[] = await manager.query('SELECT id FROM exemplars WHERE place_id = ?', [
      placeId,
    ]);
    await this.reindexExemplars(
      manager,
      exemplars.map((row) => row.id),
    );
    const reportages: { id: number }[] = await manager.query(
      'SELECT reportage_id AS id FROM reportage_places WHERE place_id = ?',
      [placeId],
    );
    await this.reindexReportages(
      manager,
      reportages.map((row) => row.id),
    );
  }
}
