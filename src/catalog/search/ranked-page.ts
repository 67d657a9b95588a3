import type { EntityManager } from 'typeorm';
import { offsetOf, type PageQuery } from '../../common/pagination.js';
import type { SqlWhere } from '../../common/sql.js';

export interface RankedPageSpec {
  /** Table and the alias the filters use, e.g. `reportages` / `r`. */
  table: string;
  alias: string;
  /** FTS5 table whose rowid is the record id, and its bm25 column weights. */
  fts: string;
  weights: string;
  /** FTS5 MATCH expression, when the user searched. */
  match: string | undefined;
  where: SqlWhere;
  /** An explicit sort; without one, search results come best match first. */
  order: { column: string; direction: 'ASC' | 'DESC' } | undefined;
  page: PageQuery;
}

/**
 * One page of ids and the total, filtered, and ranked by bm25 when searching. Joining the FTS table
 * (instead of `IN (SELECT rowid …)`) lets SQLite score each match once while it filters.
 */
export async function rankedPage(
  m: EntityManager,
  spec: RankedPageSpec,
): Promise<{ ids: number[]; total: number }> {
  const { table, alias, fts, match, where } = spec;
  const from = match ? `${fts} JOIN ${table} ${alias} ON ${alias}.id = ${fts}.rowid` : `${table} ${alias}`;
  const conditions = match
    ? `${where.toString() ? `${where} AND` : 'WHERE'} ${fts} MATCH ?`
    : where.toString();
  const params = match ? [...where.params, match] : where.params;
  const order = spec.order
    ? `${spec.order.column} ${spec.order.direction}, ${alias}.id ${spec.order.direction}`
    : `bm25(${fts}, ${spec.weights}), ${alias}.id DESC`;

  const [{ n }] = await m.query(`SELECT COUNT(*) AS n FROM ${from} ${conditions}`, params);
  const rows: { id: number }[] = await m.query(
    `SELECT ${alias}.id AS id FROM ${from} ${conditions} ORDER BY ${order} LIMIT ? OFFSET ?`,
    [...params, spec.page.pageSize, offsetOf(spec.page)],
  );
  return { ids: rows.map((row) => row.id), total: Number(n) };
}
