import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { idColumn, integer, intType, isSqlite, text, timestampType } from './schema-helpers.js';

/**
 * CSV imports written in short chunk transactions (issue 15): each import is a row of
 * `reportage_imports` (running → done, or failed), and the reportages it wrote carry its id in
 * `reportages.import_id`, so an import that failed or was cut short by a crash is removed whole.
 */
export class ReportageImports1795815000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'reportage_imports',
        columns: [
          idColumn(q),
          text('status', 16),
          integer(q, 'row_count'),
          integer(q, 'user_id', true),
          text('username', 64, true),
          // Epoch milliseconds of the last chunk written: a running import that stopped beating is abandoned.
          integer(q, 'heartbeat_ms'),
          { name: 'created_at', type: timestampType(q), default: 'CURRENT_TIMESTAMP' },
          { name: 'finished_at', type: timestampType(q), isNullable: true },
        ],
        indices: [{ columnNames: ['status'] }],
      }),
    );
    // A plain ADD COLUMN (TypeORM's addColumn would rebuild the table on SQLite).
    await q.query(`ALTER TABLE reportages ADD COLUMN import_id ${isSqlite(q) ? 'integer' : intType(q)}`);
    await q.query('CREATE INDEX idx_reportages_import_id ON reportages (import_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX IF EXISTS idx_reportages_import_id');
    await q.query('ALTER TABLE reportages DROP COLUMN import_id');
    await q.query('DROP TABLE IF EXISTS reportage_imports');
  }
}
