import { Injectable } from '@nestjs/common';
import { offsetOf, type PageQuery } from '../../common/pagination.js';
import type { ReadQuery, SqlWhere } from '../../database/sql.js';
import { CountCache } from '../../database/count-cache.js';
import { Database } from '../../database/database.service.js';
import { sortedBy, tsQuery } from '../../database/dialect-sql.js';

export interface RankedPageSpec {
  /** Table and the alias the filters use, e.g. `reportages` / `r`. */
  table: string;
  alias: string;
  /** FTS5 table whose rowid is the record id, and the name of its title column. */
  fts: string;
  titleColumn: string;
  /** FTS5 MATCH expression, when the user searched. */
  match: string | undefined;
  where: SqlWhere;
  /** An explicit sort; without one, search results come best match first. */
  order: { column: string; direction: 'ASC' | 'DESC' } | undefined;
  page: PageQuery;
}

/** Below this many rows walked per page, scanning in sort order (with EXISTS probes) beats sorting the matches. */
const SCAN_BUDGET = 5000;

/**
 * One page of ids and the total, filtered, sorted or ranked.
 *
 * Ranking: records whose title (name) holds every searched word come first, then those that match
 * elsewhere (summary, exemplar, model, place); newest first within each tier. Both tiers are read
 * from the FTS index in rowid order and stop at the page, so a broad search costs no more than a
 * narrow one. (bm25 over every match cost 19 ms for a word found in one record of six among
 * 100,000; see the catalog bench.)
 */
export async function rankedPage(
  read: ReadQuery,
  counts: CountCache,
  spec: RankedPageSpec,
): Promise<{ ids: number[]; total: number }> {
  const { table, alias, fts, match, where, page } = spec;
  const offset = offsetOf(page);
  const stamp = await counts.stamp();
  const dialect = counts.dialect;
  const postgres = dialect === 'postgres';
  const count = (sql: string, params: unknown[]) => counts.count(stamp, sql, params);
  const ids = async (
    from: string,
    conditions: string,
    params: unknown[],
    order: string,
    limit: number,
    skip: number,
  ) => {
    const rows = await read<{ id: number }>(
      `SELECT ${alias}.id AS id FROM ${from} ${conditions} ORDER BY ${order} LIMIT ? OFFSET ?`,
      [...params, limit, skip],
    );
    return rows.map((row) => row.id);
  };
  /** The cheaper form of the filters, given what share of the rows they keep. */
  const form = (share: number) =>
    !where.isEmpty && share > 0 && (offset + page.pageSize) / share < SCAN_BUDGET ? 'broad' : 'selective';

  if (!match) {
    const order = spec.order ?? { column: `${alias}.id`, direction: 'DESC' as const };
    const total = await count(`SELECT COUNT(*) AS n FROM ${table} ${alias} ${where}`, where.params);
    const rows = where.isEmpty ? total : await count(`SELECT COUNT(*) AS n FROM ${table}`, []);
    const found = await ids(
      `${table} ${alias}`,
      where.toString(form(total / Math.max(rows, 1))),
      where.params,
      `${sortedBy(dialect, order.column, order.direction)}, ${alias}.id ${order.direction}`,
      page.pageSize,
      offset,
    );
    return { ids: found, total };
  }

  const ftsFrom = `${fts} JOIN ${table} ${alias} ON ${alias}.id = ${fts}.rowid`;
  const inTitle = `{${spec.titleColumn}} : (${match})`;
  // PostgreSQL: the search table holds tsvectors of the same folded text (migrations, InitialCatalog).
  const query = postgres ? tsQuery(match) : '';
  const tests = {
    all: postgres
      ? { sql: `${fts}.doc_tsv @@ to_tsquery('simple', ?)`, params: [query] }
      : { sql: `${fts} MATCH ?`, params: [match] },
    title: postgres
      ? { sql: `${fts}.title_tsv @@ to_tsquery('simple', ?)`, params: [query] }
      : { sql: `${fts} MATCH ?`, params: [inTitle] },
    other: postgres
      ? {
          sql: `${fts}.doc_tsv @@ to_tsquery('simple', ?) AND NOT ${fts}.title_tsv @@ to_tsquery('simple', ?)`,
          params: [query, query],
        }
      : { sql: `${fts} MATCH ?`, params: [`(${match}) NOT (${inTitle})`] },
  };
  const matching = (kind: keyof typeof tests, filters: 'selective' | 'broad' = 'selective') => ({
    conditions: `${where.isEmpty ? 'WHERE' : `${where.toString(filters)} AND`} ${tests[kind].sql}`,
    params: [...where.params, ...tests[kind].params],
  });
  const all = matching('all');
  const total = await count(`SELECT COUNT(*) AS n FROM ${ftsFrom} ${all.conditions}`, all.params);
  if (spec.order) {
    const { column, direction } = spec.order;
    const found = await ids(
      ftsFrom,
      all.conditions,
      all.params,
      `${sortedBy(dialect, column, direction)}, ${alias}.id ${direction}`,
      page.pageSize,
      offset,
    );
    return { ids: found, total };
  }

  const unfiltered = where.isEmpty
    ? total
    : await count(`SELECT COUNT(*) AS n FROM ${fts} WHERE ${tests.all.sql}`, tests.all.params);
  const filters = form(total / Math.max(unfiltered, 1));
  const titleTier = matching('title', filters);
  const otherTier = matching('other', filters);
  const titleTotal = await count(
    `SELECT COUNT(*) AS n FROM ${ftsFrom} ${matching('title').conditions}`,
    titleTier.params,
  );
  const newest = `${fts}.rowid DESC`;
  const found: number[] = [];
  if (offset < titleTotal)
    found.push(
      ...(await ids(ftsFrom, titleTier.conditions, titleTier.params, newest, page.pageSize, offset)),
    );
  if (found.length < page.pageSize)
    found.push(
      ...(await ids(
        ftsFrom,
        otherTier.conditions,
        otherTier.params,
        newest,
        page.pageSize - found.length,
        Math.max(0, offset - titleTotal),
      )),
    );
  return { ids: found, total };
}

/** Ranked, filtered pages of a catalog table and its FTS index ({@link rankedPage}), on the read pool. */
@Injectable()
export class RankedPageRepository {
  private readonly read: ReadQuery = (sql, params) => this.db.read(sql, params);

  constructor(
    private readonly db: Database,
    private readonly counts: CountCache,
  ) {}

  page(spec: RankedPageSpec): Promise<{ ids: number[]; total: number }> {
    return rankedPage(this.read, this.counts, spec);
  }
}
