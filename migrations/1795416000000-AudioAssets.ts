import { Table, TableColumn, TableForeignKey, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  bookkeeping,
  fk,
  idColumn,
  intType,
  integer,
  isSqlite,
  text,
  realType,
  timestampType,
} from './schema-helpers.js';

/** Audio versions of a reportage: the untouched original, its analysis, the broadcast rendition. */
export class AudioAssets1795416000000 implements MigrationInterface {
  name = 'AudioAssets1795416000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'audio_assets',
        columns: [
          idColumn(q),
          // Empty for audio that belongs to no reportage (bulletins, jingles).
          integer(q, 'reportage_id', true),
          text('original_name', 500),
          text('original_path', 300),
          { name: 'size_bytes', type: 'bigint' },
          text('sha256', 64),
          { name: 'probe', type: 'text' },
          { name: 'duration_seconds', type: realType(q) },
          text('status', 16),
          integer(q, 'progress', false, 0),
          { name: 'error', type: 'text', isNullable: true },
          integer(q, 'attempts', false, 0),
          { name: 'analysis', type: 'text', isNullable: true },
          { name: 'loudness_in', type: realType(q), isNullable: true },
          { name: 'true_peak_in', type: realType(q), isNullable: true },
          { name: 'loudness_range_in', type: realType(q), isNullable: true },
          { name: 'loudness_out', type: realType(q), isNullable: true },
          { name: 'true_peak_out', type: realType(q), isNullable: true },
          { name: 'warnings', type: 'text', default: "'[]'" },
          text('broadcast_path', 300, true),
          { name: 'broadcast_size_bytes', type: 'bigint', isNullable: true },
          text('broadcast_sha256', 64, true),
          { name: 'broadcast_duration_seconds', type: realType(q), isNullable: true },
          text('waveform_path', 300, true),
          { name: 'processed_at', type: timestampType(q), isNullable: true },
          ...bookkeeping(q),
        ],
        foreignKeys: [fk('reportage_id', 'reportages', 'CASCADE')],
        uniques: [{ columnNames: ['reportage_id', 'sha256'] }],
        indices: [{ columnNames: ['status'] }, { columnNames: ['sha256'] }],
      }),
    );
    // The reportage's current audio version. TypeORM adds a column on SQLite by rebuilding the table,
    // and dropping the old reportages table with foreign keys on would cascade-delete its links; SQLite's
    // own ADD COLUMN needs no rebuild.
    // Likewise a segment's intro and outro jingles, joined onto every rendition of its reportages.
    for (const [table, column] of [
      ['reportages', 'current_audio_id'],
      ['segments', 'intro_audio_id'],
      ['segments', 'outro_audio_id'],
    ]) {
      if (isSqlite(q)) {
        await q.query(
          `ALTER TABLE ${table} ADD COLUMN ${column} integer REFERENCES audio_assets(id) ON DELETE SET NULL`,
        );
      } else {
        await q.addColumn(table, new TableColumn({ name: column, type: intType(q), isNullable: true }));
        await q.createForeignKey(table, new TableForeignKey(fk(column, 'audio_assets', 'SET NULL')));
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    if (isSqlite(q)) {
      // SQLite cannot drop a column that holds a foreign key without the rebuild avoided above: the
      // column stays, emptied, and the table it pointed to goes.
      await q.query('UPDATE reportages SET current_audio_id = NULL');
      await q.query('UPDATE segments SET intro_audio_id = NULL, outro_audio_id = NULL');
      await q.query('PRAGMA defer_foreign_keys = ON');
    } else {
      for (const [name, column] of [
        ['reportages', 'current_audio_id'],
        ['segments', 'intro_audio_id'],
        ['segments', 'outro_audio_id'],
      ]) {
        const table = await q.getTable(name);
        const key = table?.foreignKeys.find((k) => k.columnNames.includes(column));
        if (key) await q.dropForeignKey(name, key);
        await q.dropColumn(name, column);
      }
    }
    await q.dropTable('audio_assets');
  }
}
