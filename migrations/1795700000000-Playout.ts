import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { bookkeeping, fk, idColumn, integer, text, realType, timestampType } from './schema-helpers.js';

/** Urgent bulletins and the as-run log: one entry per airing attempt. */
export class Playout1795700000000 implements MigrationInterface {
  name = 'Playout1795700000000';

  async up(q: QueryRunner): Promise<void> {
    const instant = timestampType(q);
    await q.createTable(
      new Table({
        name: 'bulletins',
        columns: [
          idColumn(q),
          text('title', 300),
          // normal | priority | emergency (tin thường / ưu tiên / khẩn cấp)
          text('priority', 16),
          { name: 'zone_ids', type: 'text', default: "'[]'" },
          integer(q, 'audio_asset_id'),
          // waiting_audio → dispatched (emergency, priority) | waiting_scheduler (normal) → done | failed
          text('status', 24),
          { name: 'air_at', type: instant, isNullable: true },
          integer(q, 'created_by', true),
          ...bookkeeping(q),
        ],
        foreignKeys: [fk('audio_asset_id', 'audio_assets', 'RESTRICT')],
        indices: [{ columnNames: ['status'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'as_run_entries',
        columns: [
          idColumn(q),
          integer(q, 'placement_id', true),
          integer(q, 'bulletin_id', true),
          integer(q, 'zone_id'),
          { name: 'scheduled_at', type: instant },
          { name: 'started_at', type: instant, isNullable: true },
          { name: 'ended_at', type: instant, isNullable: true },
          { name: 'played_seconds', type: realType(q), default: 0 },
          // on_air | aired | partial | missed | failed | awaiting_confirmation
          text('result', 24),
          text('driver', 16),
          { name: 'error', type: 'text', isNullable: true },
          // The bulletin that cut this airing short.
          integer(q, 'interrupted_by', true),
          integer(q, 'confirmed_by', true),
          { name: 'confirmed_at', type: instant, isNullable: true },
          { name: 'note', type: 'text', isNullable: true },
          ...bookkeeping(q),
        ],
        foreignKeys: [
          fk('placement_id', 'placements', 'RESTRICT'),
          fk('bulletin_id', 'bulletins', 'RESTRICT'),
          fk('zone_id', 'zones', 'RESTRICT'),
          fk('interrupted_by', 'bulletins', 'SET NULL'),
        ],
        uniques: [{ columnNames: ['placement_id'] }],
        indices: [
          { columnNames: ['scheduled_at'] },
          { columnNames: ['zone_id', 'scheduled_at'] },
          { columnNames: ['result'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('as_run_entries');
    await q.dropTable('bulletins');
  }
}
