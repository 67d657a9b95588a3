import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { placeholders } from '../../database/sql.js';
import { dialectOf, joinedText } from '../../database/dialect-sql.js';

const marks = placeholders;

/** What a reportage's search document is made of (before folding). */
export interface ReportageDocumentRow {
  id: number;
  title: string;
  summary: string | null;
  /** JSON array of tags, as stored. */
  tags: string;
  /** Names and models of its exemplars, space-separated. */
  exemplars: string | null;
  /** Names of the places it is about, space-separated. */
  places: string | null;
}

/** What an exemplar's search document is made of (before folding). */
export interface ExemplarDocumentRow {
  id: number;
  name: string;
  model_name: string | null;
  place: string | null;
}

/**
 * The FTS tables (reportage_search, exemplar_search) and the catalog rows their documents are built
 * from. Every method runs inside the caller's write transaction (see {@link SearchIndex}).
 */
@Injectable()
export class SearchIndexRepository {
  async reportageDocuments(m: EntityManager, ids: number[]): Promise<ReportageDocumentRow[]> {
    const dialect = dialectOf(m.connection);
    return m.query(
      `SELECT r.id, r.title, r.summary, r.tags,
             (SELECT ${joinedText(dialect, "e.name || ' ' || coalesce(e.model_name, '')", "' '")}
                FROM reportage_exemplars re JOIN exemplars e ON e.id = re.exemplar_id WHERE re.reportage_id = r.id) AS exemplars,
             (SELECT ${joinedText(dialect, 'p.name', "' '")}
                FROM reportage_places rp JOIN places p ON p.id = rp.place_id WHERE rp.reportage_id = r.id) AS places
           FROM reportages r WHERE r.id IN (${marks(ids.length)})`,
      ids,
    );
  }

  async deleteReportageDocuments(m: EntityManager, ids: number[]): Promise<void> {
    await m.query(`DELETE FROM reportage_search WHERE rowid IN (${marks(ids.length)})`, ids);
  }

  /** `title` and `body` are already folded. */
  async insertReportageDocument(m: EntityManager, id: number, title: string, body: string): Promise<void> {
    await m.query('INSERT INTO reportage_search(rowid, title, body) VALUES (?, ?, ?)', [id, title, body]);
  }

  /** Several documents in one INSERT (`title` and `body` already folded); at most 500 per call. */
  async insertReportageDocuments(
    m: EntityManager,
    documents: { id: number; title: string; body: string }[],
  ): Promise<void> {
    if (documents.length === 0) return;
    await m.query(
      `INSERT INTO reportage_search(rowid, title, body) VALUES ${documents.map(() => '(?, ?, ?)').join(', ')}`,
      documents.flatMap((d) => [d.id, d.title, d.body]),
    );
  }

  async deleteReportageDocument(m: EntityManager, id: number): Promise<void> {
    await m.query('DELETE FROM reportage_search WHERE rowid = ?', [id]);
  }

  async exemplarDocuments(m: EntityManager, ids: number[]): Promise<ExemplarDocumentRow[]> {
    return m.query(
      `SELECT e.id, e.name, e.model_name, p.name AS place
         FROM exemplars e LEFT JOIN places p ON p.id = e.place_id WHERE e.id IN (${marks(ids.length)})`,
      ids,
    );
  }

  async deleteExemplarDocuments(m: EntityManager, ids: number[]): Promise<void> {
    await m.query(`DELETE FROM exemplar_search WHERE rowid IN (${marks(ids.length)})`, ids);
  }

  /** `name` and `body` are already folded. */
  async insertExemplarDocument(m: EntityManager, id: number, name: string, body: string): Promise<void> {
    await m.query('INSERT INTO exemplar_search(rowid, name, body) VALUES (?, ?, ?)', [id, name, body]);
  }

  async deleteExemplarDocument(m: EntityManager, id: number): Promise<void> {
    await m.query('DELETE FROM exemplar_search WHERE rowid = ?', [id]);
  }

  /** Ids of the reportages about an exemplar. */
  async reportagesOfExemplar(m: EntityManager, exemplarId: number): Promise<number[]> {
    const rows: { id: number }[] = await m.query(
      'SELECT reportage_id AS id FROM reportage_exemplars WHERE exemplar_id = ?',
      [exemplarId],
    );
    return rows.map((row) => row.id);
  }

  /** Ids of the exemplars at a place (that place only, not below it). */
  async exemplarsAt(m: EntityManager, placeId: number): Promise<number[]> {
    const rows: { id: number }[] = await m.query('SELECT id FROM exemplars WHERE place_id = ?', [placeId]);
    return rows.map((row) => row.id);
  }

  /** Ids of the reportages about a place (that place only, not below it). */
  async reportagesAboutPlace(m: EntityManager, placeId: number): Promise<number[]> {
    const rows: { id: number }[] = await m.query(
      'SELECT reportage_id AS id FROM reportage_places WHERE place_id = ?',
      [placeId],
    );
    return rows.map((row) => row.id);
  }
}
