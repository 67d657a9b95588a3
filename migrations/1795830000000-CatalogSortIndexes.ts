import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { isSqlite } from './schema-helpers.js';

/** The reportage list orders: the sort column, then the id (ranked-page.repository.ts). */
const SORTS: { name: string; columns: string[] }[] = [
  { name: 'reportages_sort_created_at', columns: ['created_at'] },
  { name: 'reportages_sort_updated_at', columns: ['updated_at'] },
  { name: 'reportages_sort_title_folded', columns: ['title_folded'] },
  { name: 'reportages_sort_recorded_on', columns: ['recorded_on'] },
  { name: 'reportages_sort_segment_created_at', columns: ['segment_id', 'created_at'] },
  { name: 'reportages_sort_status_created_at', columns: ['status', 'created_at'] },
  { name: 'reportages_sort_field_created_at', columns: ['field_id', 'created_at'] },
];

/**
 * Catalog lists at a million reportages (issue 15), PostgreSQL only. Lists order by
 * `col DESC NULLS LAST, id DESC` (or `col ASC NULLS FIRST, id ASC`), where NULLs sort as on SQLite
 * (dialect-sql.ts, sortedBy). A default b-tree index on `col` gives `DESC NULLS FIRST` when read
 * backwards, so PostgreSQL sorted the whole table for every page (215 ms at 1,000,000 rows). These
 * indexes are `(col NULLS FIRST, id)`: read forwards or backwards they give both orders, id included,
 * and they serve range filters on `col` as the plain ones did, which they replace.
 * SQLite needs nothing: its NULLs sort first already, and every index ends with the rowid.
 */
export class CatalogSortIndexes1795830000000 implements MigrationInterface {
  name = 'CatalogSortIndexes1795830000000';

  async up(q: QueryRunner): Promise<void> {
    if (isSqlite(q)) return;
    for (const { name, columns } of SORTS) {
      const last = columns.length - 1;
      const keys = columns.map((c, i) => (i === last ? `${c} NULLS FIRST` : c));
      await q.query(`CREATE INDEX ${name} ON reportages (${keys.join(', ')}, id)`);
      await q.dropIndex('reportages', plainName(q, columns));
    }
  }

  async down(q: QueryRunner): Promise<void> {
    if (isSqlite(q)) return;
    for (const { name, columns } of SORTS) {
      await q.createIndex(
        'reportages',
        new TableIndex({ name: plainName(q, columns), columnNames: columns }),
      );
      await q.query(`DROP INDEX ${name}`);
    }
  }
}

/** The name TypeORM gave the plain index when InitialCatalog created the table. */
function plainName(q: QueryRunner, columns: string[]): string {
  return q.connection.namingStrategy.indexName('reportages', columns);
}
