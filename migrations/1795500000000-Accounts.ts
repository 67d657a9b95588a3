import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  bookkeeping,
  fk,
  idColumn,
  intType,
  integer,
  isSqlite,
  text,
  timestampType,
} from './schema-helpers.js';

/** Accounts and their sign-in sessions, the audit trail, service settings, and who edited a reportage. */
export class Accounts1795500000000 implements MigrationInterface {
  name = 'Accounts1795500000000';

  async up(q: QueryRunner): Promise<void> {
    const instant = timestampType(q);
    await q.createTable(
      new Table({
        name: 'users',
        columns: [
          idColumn(q),
          text('username', 64),
          text('display_name', 200),
          text('password_hash', 200),
          // Comma-separated role names: editor, approver, scheduler, operator, admin.
          text('roles', 100),
          { name: 'active', type: 'boolean', default: true },
          { name: 'must_change_password', type: 'boolean', default: false },
          { name: 'last_login_at', type: instant, isNullable: true },
          ...bookkeeping(q),
        ],
        uniques: [{ columnNames: ['username'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'sessions',
        columns: [
          { ...text('id', 32), isPrimary: true },
          integer(q, 'user_id'),
          // SHA-256 of the refresh secret; the secret itself lives only in the browser's cookie.
          text('refresh_hash', 64),
          { name: 'created_at', type: instant, default: 'CURRENT_TIMESTAMP' },
          { name: 'last_used_at', type: instant },
          { name: 'expires_at', type: instant },
          { name: 'revoked_at', type: instant, isNullable: true },
          text('ip', 64, true),
          text('user_agent', 300, true),
        ],
        foreignKeys: [fk('user_id', 'users', 'CASCADE')],
        indices: [{ columnNames: ['user_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'audit_log',
        columns: [
          idColumn(q),
          { name: 'at', type: instant, default: 'CURRENT_TIMESTAMP' },
          // No foreign key: the trail outlives what it talks about.
          integer(q, 'user_id', true),
          text('username', 64, true),
          text('action', 32),
          text('entity', 32),
          text('entity_id', 64, true),
          { name: 'changes', type: 'text', default: "'{}'" },
          text('request_id', 100, true),
        ],
        indices: [
          { columnNames: ['entity', 'entity_id'] },
          { columnNames: ['user_id'] },
          { columnNames: ['at'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'settings',
        columns: [
          { ...text('key', 64), isPrimary: true },
          { name: 'value', type: 'text' },
        ],
      }),
    );
    if (isSqlite(q)) {
      // The trail is append-only, whatever connects to the file.
      await q.query(
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
      );
      await q.query(
        "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
      );
      // See the AudioAssets migration: SQLite's own ADD COLUMN avoids a table rebuild.
      await q.query(
        'ALTER TABLE reportages ADD COLUMN edited_by integer REFERENCES users(id) ON DELETE SET NULL',
      );
    } else {
      // The same on PostgreSQL: a trigger that refuses every UPDATE and DELETE (and TRUNCATE).
      await q.query(
        `CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'restrict_violation'; END $$`,
      );
      await q.query(
        'CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()',
      );
      await q.query(
        'CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()',
      );
      await q.addColumn(
        'reportages',
        new TableColumn({ name: 'edited_by', type: intType(q), isNullable: true }),
      );
      await q.query(
        'ALTER TABLE reportages ADD FOREIGN KEY (edited_by) REFERENCES users(id) ON DELETE SET NULL',
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    if (isSqlite(q)) {
      await q.query('UPDATE reportages SET edited_by = NULL');
      await q.query('PRAGMA defer_foreign_keys = ON');
    } else {
      await q.dropColumn('reportages', 'edited_by');
    }
    await q.dropTable('settings');
    await q.dropTable('audit_log');
    if (!isSqlite(q)) await q.query('DROP FUNCTION IF EXISTS audit_log_append_only()');
    await q.dropTable('sessions');
    await q.dropTable('users');
  }
}
