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
 * Totals are counted exactly up to this many; past it the page says "more than 1,000"
 * (`totalIsLowerBound`). At a million reportages on PostgreSQL, counting every match cost 200 ms
 * (a filtered list) to 2 s (a search for "trồng hoa", one reportage in six), and the cached count
 * rarely helps there (any write on the server changes the stamp); counting to 10,000 still cost
 * 40–60 ms (a search checks six documents for every match), to 1,000 a tenth of that.
 */
export const COUNT_CAP = 1_000;

/** One page of ids, and the total: exact, or {@link COUNT_CAP} when there are more (a lower bound). */
export interface RankedPageResult {
  ids: number[];
  total: number;
  totalIsLowerBound: boolean;
}

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
): Promise<RankedPageResult> {
  const { table, alias, fts, match, where, page } = spec;
  const offset = offsetOf(page);
  const stamp = await counts.stamp();
  const dialect = counts.dialect;
  const postgres = dialect === 'postgres';
  /** The rows `from … conditions` selects, counted up to `cap + 1` (more than `cap`: there are more). */
  const count = (from: string, conditions: string, params: unknown[], cap = COUNT_CAP) =>
    counts.count(
      stamp,
      `SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${from} ${conditions} LIMIT ${cap + 1}) capped`,
      params,
    );
  const result = (ids: number[], counted: number): RankedPageResult => ({
    ids,
    total: Math.min(counted, COUNT_CAP),
    totalIsLowerBound: counted > COUNT_CAP,
  });
  /** At least the number of rows in the table (ids only grow), for the share a filter keeps. */
  const tableRows = async () =>
    Math.max(1, await counts.count(stamp, `SELECT COALESCE(MAX(id), 0) AS n FROM ${table}`, []));
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
  /** Whether the filters have two forms to choose from (place, exemplar); most have one. */
  const twoForms = where.toString('broad') !== where.toString('selective');
  /**
   * How many of `rows` must match for the broad form to pay: counting up to there, and no further,
   * decides exactly as counting everything would.
   */
  const broadFrom = (rows: number) => Math.ceil((rows * (offset + page.pageSize)) / SCAN_BUDGET);

  if (!match) {
    const order = spec.order ?? { column: `${alias}.id`, direction: 'DESC' as const };
    const rows = twoForms ? await tableRows() : 1;
    const total = await count(
      `${table} ${alias}`,
      where.toString(),
      where.params,
      twoForms && broadFrom(rows) < rows ? Math.max(COUNT_CAP, broadFrom(rows)) : COUNT_CAP,
    );
    const found = await ids(
      `${table} ${alias}`,
      where.toString(form(total / rows)),
      where.params,
      `${sortedBy(dialect, order.column, order.direction)}, ${alias}.id ${order.direction}`,
      page.pageSize,
      offset,
    );
    return result(found, total);
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
  const total = await count(ftsFrom, all.conditions, all.params);
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
    return result(found, total);
  }

  let filters: 'selective' | 'broad' = 'selective';
  if (twoForms) {
    // The share of the matches the filters keep. Past the cap, of the whole table instead (more rows
    // than matches, so the broad form is chosen only when it surely pays), counted as far as needed.
    const unfiltered = await count(fts, `WHERE ${tests.all.sql}`, tests.all.params);
    if (unfiltered <= COUNT_CAP) filters = form(total / Math.max(unfiltered, 1));
    else {
      const rows = await tableRows();
      const needed = broadFrom(rows);
      if (needed < rows)
        filters = form(
          (needed > COUNT_CAP ? await count(ftsFrom, all.conditions, all.params, needed) : total) / rows,
        );
    }
  }
  const titleTier = matching('title', filters);
  const otherTier = matching('other', filters);
  // Where the title tier ends matters only when it ends before this page does.
  const titleTotal = await count(
    ftsFrom,
    matching('title').conditions,
    titleTier.params,
    offset + page.pageSize,
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
  return result(found, total);
}

/** Ranked, filtered pages of a catalog table and its FTS index ({@link rankedPage}), on the read pool. */
@Injectable()
export class RankedPageRepository {
  private readonly read: ReadQuery = (sql, params) => this.db.read(sql, params);

  constructor(
    private readonly db: Database,
    private readonly counts: CountCache,
  ) {}

  page(spec: RankedPageSpec): Promise<RankedPageResult> {
    return rankedPage(this.read, this.counts, spec);
  }
}
