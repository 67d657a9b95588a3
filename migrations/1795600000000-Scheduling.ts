import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
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

/**
 * Scheduling: broadcast zones (stations and their loudspeaker clusters), the program grid (windows and
 * segment allocations), placements, planner proposals; per-segment planning rules, a reportage
 * priority, and the hash of each person's private calendar-feed token.
 */
export class Scheduling1795600000000 implements MigrationInterface {
  name = 'Scheduling1795600000000';

  async up(q: QueryRunner): Promise<void> {
    const instant = timestampType(q);
    await q.createTable(
      new Table({
        name: 'zones',
        columns: [
          idColumn(q),
          text('name', 200),
          // station | cluster (cụm loa); a cluster hangs below its station.
          text('kind', 16),
          integer(q, 'parent_id', true),
          integer(q, 'place_id', true),
          { ...text('time_zone', 64), default: "'Asia/Ho_Chi_Minh'" },
          { name: 'active', type: 'boolean', default: true },
          // Playout settings (driver, stream URL …), filled in by the playout issue.
          { name: 'playout', type: 'text', default: "'{}'" },
          ...bookkeeping(q),
        ],
        foreignKeys: [fk('parent_id', 'zones'), fk('place_id', 'places')],
        indices: [{ columnNames: ['parent_id'] }, { columnNames: ['place_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'broadcast_windows',
        columns: [
          idColumn(q),
          integer(q, 'zone_id'),
          text('name', 200, true),
          // Local wall-clock "HH:mm" in the zone's time zone; an end at or before the start is the next day.
          text('start_time', 5),
          text('end_time', 5),
          text('start_date', 10),
          // RFC 5545 RRULE subset (FREQ=DAILY|WEEKLY, INTERVAL, BYDAY, COUNT, UNTIL).
          text('rrule', 200),
          { name: 'except_dates', type: 'text', default: "'[]'" },
          { name: 'active', type: 'boolean', default: true },
          ...bookkeeping(q),
        ],
        foreignKeys: [fk('zone_id', 'zones', 'CASCADE')],
        indices: [{ columnNames: ['zone_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'segment_allocations',
        columns: [
          idColumn(q),
          integer(q, 'window_id'),
          integer(q, 'segment_id'),
          text('time', 5),
          integer(q, 'max_seconds'),
          text('rrule', 200, true),
          text('start_date', 10, true),
          { name: 'except_dates', type: 'text', default: "'[]'" },
          ...bookkeeping(q),
        ],
        foreignKeys: [fk('window_id', 'broadcast_windows', 'CASCADE'), fk('segment_id', 'segments')],
        indices: [{ columnNames: ['window_id'] }, { columnNames: ['segment_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'plans',
        columns: [
          idColumn(q),
          // proposed | applied | expired
          text('status', 16),
          { name: 'request', type: 'text' },
          { name: 'proposal', type: 'text' },
          integer(q, 'placement_count', false, 0),
          integer(q, 'unfilled_count', false, 0),
          integer(q, 'created_by', true),
          { name: 'applied_at', type: instant, isNullable: true },
          ...bookkeeping(q),
        ],
        foreignKeys: [fk('created_by', 'users', 'SET NULL')],
        indices: [{ columnNames: ['status', 'created_at'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'placements',
        columns: [
          idColumn(q),
          integer(q, 'zone_id'),
          integer(q, 'reportage_id'),
          integer(q, 'allocation_id', true),
          { name: 'starts_at', type: instant },
          { name: 'ends_at', type: instant },
          { name: 'duration_seconds', type: realType(q) },
          // planned | cancelled; the playout issue adds on_air, aired, missed, failed.
          text('status', 16),
          { name: 'is_reair', type: 'boolean', default: false },
          integer(q, 'first_airing_id', true),
          integer(q, 'plan_id', true),
          { name: 'cancel_reason', type: 'text', isNullable: true },
          { name: 'cancelled_at', type: instant, isNullable: true },
          integer(q, 'created_by', true),
          ...bookkeeping(q),
        ],
        foreignKeys: [
          fk('zone_id', 'zones'),
          fk('reportage_id', 'reportages'),
          fk('allocation_id', 'segment_allocations', 'SET NULL'),
          fk('first_airing_id', 'placements', 'SET NULL'),
          fk('plan_id', 'plans', 'SET NULL'),
          fk('created_by', 'users', 'SET NULL'),
        ],
        indices: [
          // The overlap check: one zone, a bounded range of starts.
          { columnNames: ['zone_id', 'starts_at'] },
          { columnNames: ['starts_at'] },
          { columnNames: ['reportage_id', 'zone_id'] },
          { columnNames: ['allocation_id'] },
        ],
      }),
    );
    // SQLite's own ADD COLUMN: no table rebuild (see the AudioAssets migration).
    const added: [string, TableColumn, string][] = [
      ['segments', new TableColumn({ name: 'planning', type: 'text', isNullable: true }), 'text'],
      ['reportages', new TableColumn({ name: 'priority', type: intType(q), isNullable: true }), 'integer'],
      [
        'users',
        new TableColumn({ name: 'calendar_token_hash', type: 'varchar', length: '64', isNullable: true }),
        'varchar(64)',
      ],
      [
        'users',
        new TableColumn({ name: 'calendar_token_created_at', type: instant, isNullable: true }),
        instant,
      ],
    ];
    for (const [table, column, sqliteType] of added) {
      if (isSqlite(q)) await q.query(`ALTER TABLE ${table} ADD COLUMN ${column.name} ${sqliteType}`);
      else await q.addColumn(table, column);
    }
    await q.query('CREATE UNIQUE INDEX users_calendar_token ON users (calendar_token_hash)');
    if (!isSqlite(q)) {
      // The database's own guard against two placements on one zone's air at once, among those
      // still to air (planned, on air): past ones are history and never change into a conflict.
      // placement-guard.ts checks more in the write transaction, on both databases (after
      // takeScheduleWriteLock): every placement not cancelled, and a station against its clusters.
      await q.query('CREATE EXTENSION IF NOT EXISTS btree_gist');
      await q.query(
        `ALTER TABLE placements ADD CONSTRAINT placements_no_overlap
           EXCLUDE USING gist (zone_id WITH =, tstzrange(starts_at, ends_at) WITH &&)
           WHERE (status IN ('planned', 'on_air'))`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    if (!isSqlite(q)) await q.query('ALTER TABLE placements DROP CONSTRAINT placements_no_overlap');
    await q.query('DROP INDEX users_calendar_token');
    if (isSqlite(q)) {
      for (const [table, column] of [
        ['segments', 'planning'],
        ['reportages', 'priority'],
        ['users', 'calendar_token_hash'],
        ['users', 'calendar_token_created_at'],
      ])
        await q.query(`ALTER TABLE ${table} DROP COLUMN ${column}`);
    } else {
      await q.dropColumn('segments', 'planning');
      await q.dropColumn('reportages', 'priority');
      await q.dropColumn('users', 'calendar_token_hash');
      await q.dropColumn('users', 'calendar_token_created_at');
    }
    await q.dropTable('placements');
    await q.dropTable('plans');
    await q.dropTable('segment_allocations');
    await q.dropTable('broadcast_windows');
    await q.dropTable('zones');
  }
}
