import { dialectOf, insertedId } from './dialect-sql.js';

/** Runs a read-only query: on the read pool, or inside a write transaction on its connection. */
export type ReadQuery = <T>(sql: string, params: unknown[]) => Promise<T[]>;

/**
 * A WHERE clause built from optional filters, with positional parameters in order.
 *
 * A filter through a link table ("about this exemplar", "in this commune") can be written two ways,
 * and which is fast depends on how many rows match: `id IN (SELECT …)` when few do (SQLite looks them
 * up and sorts them), `EXISTS (…)` when many do (SQLite walks the sort index and stops after a page).
 * Such filters carry both forms; {@link toString} picks one.
 */
export class SqlWhere {
  private readonly parts: { selective: string; broad: string }[] = [];
  readonly params: unknown[] = [];

  add(condition: string, ...params: unknown[]): this {
    return this.addForms({ selective: condition, broad: condition }, ...params);
  }

  /** A filter with a form for few matches and one for many (same parameters, same meaning). */
  addForms(forms: { selective: string; broad: string }, ...params: unknown[]): this {
    this.parts.push(forms);
    this.params.push(...params);
    return this;
  }

  get isEmpty(): boolean {
    return this.parts.length === 0;
  }

  toString(form: 'selective' | 'broad' = 'selective'): string {
    return this.parts.length ? `WHERE ${this.parts.map((p) => `(${p[form]})`).join(' AND ')}` : '';
  }
}

/** `?` placeholders for a list of n values. */
export const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(',');

/** The ids of a place and every place below it (a commune and its villages, a province and all of it). */
export const PLACE_SUBTREE = `WITH RECURSIVE subtree(id) AS (
  SELECT CAST(? AS bigint) UNION ALL SELECT p.id FROM places p JOIN subtree ON p.parent_id = subtree.id
) SELECT id FROM subtree`;

/** A datetime as TypeORM's sqlite driver stores it ('YYYY-MM-DD HH:MM:SS[.SSS]', UTC) → Date. */
export function utcDate(value: string | Date): Date {
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
}

/** Groups rows of a link table by the owning record's id. */
export function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/**
 * Inserts one row with plain SQL (demo history, test fixtures: rows no service writes yet) and returns
 * its id. `table` and the column names are the caller's constants, never user input.
 */
export async function insertRow(
  manager: {
    query(sql: string, params?: unknown[]): Promise<any>;
    connection?: { options: { type: string } };
  },
  table: string,
  row: Record<string, unknown>,
): Promise<number> {
  const columns = Object.keys(row);
  const dialect = manager.connection ? dialectOf(manager.connection) : 'sqlite';
  const inserted: unknown = await manager.query(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${placeholders(columns.length)})${dialect === 'postgres' ? ' RETURNING *' : ''}`,
    [...Object.values(row)],
  );
  return insertedId(dialect, manager, inserted);
}
