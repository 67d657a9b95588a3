import type { QueryRunner, TableColumnOptions } from 'typeorm';

/**
 * Column shapes shared by the migrations. Types are picked per driver so the same migrations can run
 * on PostgreSQL later (SQLite is the only driver wired up today).
 */
export const isSqlite = (runner: QueryRunner) => runner.connection.options.type === 'sqlite';

export const timestampType = (runner: QueryRunner) => (isSqlite(runner) ? 'datetime' : 'timestamptz');

export const idColumn = (): TableColumnOptions => ({
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment',
});

export const text = (name: string, length: number, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});

export const integer = (name: string, nullable = false, defaultValue?: number): TableColumnOptions => ({
  name,
  type: 'integer',
  isNullable: nullable,
  ...(defaultValue === undefined ? {} : { default: defaultValue }),
});

/** `version` for optimistic concurrency and `created_at` / `updated_at` instants (UTC). */
export const bookkeeping = (runner: QueryRunner): TableColumnOptions[] => [
  { name: 'version', type: 'integer', default: 1 },
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
