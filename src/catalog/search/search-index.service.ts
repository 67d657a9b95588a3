import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { foldVietnamese } from '../../common/text.js';
import { SearchIndexRepository, type ReportageDocumentRow } from './search-index.repository.js';

const CHUNK = 500;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** A reportage's search document: folded title, and the folded text of everything else people search by. */
export interface ReportageDocument {
  id: number;
  title: string;
  body: string;
}

/** The document of a reportage from what it is made of (see {@link ReportageDocumentRow}). */
export function reportageDocument(row: ReportageDocumentRow): ReportageDocument {
  const tags = (JSON.parse(row.tags || '[]') as string[]).join(' ');
  const body = [row.summary, row.exemplars, row.places, tags].filter(Boolean).join(' ');
  return { id: row.id, title: foldVietnamese(row.title), body: foldVietnamese(body) };
}

/**
 * Keeps the FTS5 tables (reportage_search, exemplar_search) in step with the catalog. Each document is
 * folded text: the title (or name) in one column, everything else people search by in the other.
 * Called inside the writing transaction, so the index never disagrees with committed rows.
 */
@Injectable()
export class SearchIndex {
  constructor(private readonly index: SearchIndexRepository) {}

  async reindexReportages(manager: EntityManager, ids: number[]): Promise<void> {
    for (const batch of chunks([...new Set(ids)])) {
      const rows = await this.index.reportageDocuments(manager, batch);
      await this.index.deleteReportageDocuments(manager, batch);
      for (const row of rows) {
        const { title, body } = reportageDocument(row);
        await this.index.insertReportageDocument(manager, row.id, title, body);
      }
    }
  }

  /**
   * Documents of reportages that have none yet (a CSV import's chunk), written with multi-row INSERTs.
   * Build each with {@link reportageDocument}, so it is the document {@link reindexReportages} would write.
   */
  async indexNewReportages(manager: EntityManager, documents: ReportageDocument[]): Promise<void> {
    for (const batch of chunks(documents)) await this.index.insertReportageDocuments(manager, batch);
  }

  async removeReportage(manager: EntityManager, id: number): Promise<void> {
    await this.index.deleteReportageDocument(manager, id);
  }

  /** The documents of these reportages (a failed import's), in batches. */
  async removeReportages(manager: EntityManager, ids: number[]): Promise<void> {
    for (const batch of chunks([...new Set(ids)])) await this.index.deleteReportageDocuments(manager, batch);
  }

  async reindexExemplars(manager: EntityManager, ids: number[]): Promise<void> {
    for (const batch of chunks([...new Set(ids)])) {
      const rows = await this.index.exemplarDocuments(manager, batch);
      await this.index.deleteExemplarDocuments(manager, batch);
      for (const row of rows) {
        const body = [row.model_name, row.place].filter(Boolean).join(' ');
        await this.index.insertExemplarDocument(
          manager,
          row.id,
          foldVietnamese(row.name),
          foldVietnamese(body),
        );
      }
    }
  }

  async removeExemplar(manager: EntityManager, id: number): Promise<void> {
    await this.index.deleteExemplarDocument(manager, id);
  }

  /** An exemplar's name or model changed: its own document and those of its reportages. */
  async exemplarChanged(manager: EntityManager, exemplarId: number): Promise<void> {
    await this.reindexExemplars(manager, [exemplarId]);
    await this.reindexReportages(manager, await this.index.reportagesOfExemplar(manager, exemplarId));
  }

  /** A place was renamed: exemplars there and reportages about it carry its name. */
  async placeChanged(manager: EntityManager, placeId: number): Promise<void> {
    await this.reindexExemplars(manager, await this.index.exemplarsAt(manager, placeId));
    await this.reindexReportages(manager, await this.index.reportagesAboutPlace(manager, placeId));
  }
}
