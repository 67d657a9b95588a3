import type { QueryRunner, TableColumnOptions } from 'typeorm';

/**
 * Column shapes shared by the migrations. Types are picked per driver so the same migrations run on
 * SQLite and on PostgreSQL (DATABASE_URL).
 */
export const isSqlite = (runner: QueryRunner) => runner.connection.options.type === 'sqlite';

export const timestampType = (runner: QueryRunner) => (isSqlite(runner) ? 'datetime' : 'timestamptz');

/** An 8-byte float: SQLite's REAL is one; PostgreSQL's `real` has 4 bytes, its `double precision` 8. */
export const realType = (runner: QueryRunner) => (isSqlite(runner) ? 'real' : 'double precision');

/**
 * A whole number: SQLite's INTEGER holds 64 bits, so PostgreSQL's is bigint (its `integer` has 32),
 * and ids (and the columns that name them) reach as far on both.
 */
export const intType = (runner: QueryRunner) => (isSqlite(runner) ? 'integer' : 'bigint');

/** SQLite's INTEGER PRIMARY KEY AUTOINCREMENT; on PostgreSQL a bigint identity column. */
export const idColumn = (runner: QueryRunner): TableColumnOptions => ({
  name: 'id',
  type: intType(runner),
  isPrimary: true,
  isGenerated: true,
  generationStrategy: isSqlite(runner) ? 'increment' : 'identity',
});

export const text = (name: string, length: number, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});

export const integer = (
  runner: QueryRunner,
  name: string,
  nullable = false,
  defaultValue?: number,
): TableColumnOptions => ({
  name,
  type: intType(runner),
  isNullable: nullable,
  ...(defaultValue === undefined ? {} : { default: defaultValue }),
});

/** `version` for optimistic concurrency and `created_at` / `updated_at` instants (UTC). */
export const bookkeeping = (runner: QueryRunner): TableColumnOptions[] => [
  { name: 'version', type: intType(runner), default: 1 },
  { name: 'created_at', type: timestampType(runner), default: 'CURRENT_TIMESTAMP' },
  { name: 'updated_at', type: timestampType(runner), default: 'CURRENT_TIMESTAMP' },
];

export const fk = (
  column: string,
  table: string,
  onDelete: 'RESTRICT' | 'CASCADE' | 'SET NULL' = 'RESTRICT',
) => ({
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
  onDelete,
});

/**
 * Inserts seed rows with plain SQL. Query builders would map columns through today's entities, which
 * a migration must not depend on.
 */
export async function insertRows(
  runner: QueryRunner,
  table: string,
  rows: Record<string, unknown>[],
): Promise<void> {
  for (const row of rows) {
    const columns = Object.keys(row);
    const marks = columns.map((_, i) => (isSqlite(runner) ? '?' : `$${i + 1}`));
    await runner.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${marks.join(', ')})`,
      Object.values(row),
    );
  }
}
