/**
 * The few SQL spellings that differ between SQLite (the default) and PostgreSQL (DATABASE_URL), side
 * by side. Everything else is written once, in SQL both accept, with `?` placeholders (numbered for
 * PostgreSQL in placeholders.ts).
 */
export type Dialect = 'sqlite' | 'postgres';

export const dialectOf = (source: { options: { type: string } }): Dialect =>
  source.options.type === 'postgres' ? 'postgres' : 'sqlite';

/** `group_concat(expr, sep)` / `string_agg(expr, sep)`: the values of a group joined into one text. */
export function joinedText(dialect: Dialect, expression: string, separator: string): string {
  return dialect === 'postgres'
    ? `string_agg(${expression}, ${separator})`
    : `group_concat(${expression}, ${separator})`;
}

/** Appended to an INSERT: returns the new row's `id` (PostgreSQL); SQLite asks afterwards ({@link insertedId}). */
export const returningId = (dialect: Dialect) => (dialect === 'postgres' ? ' RETURNING id' : '');

/**
 * The id of the row an INSERT (ending with {@link returningId}) just wrote: from its RETURNING row on
 * PostgreSQL, from last_insert_rowid() on SQLite's one writer connection.
 */
export async function insertedId(
  dialect: Dialect,
  manager: { query(sql: string, params?: unknown[]): Promise<any> },
  inserted: unknown,
): Promise<number> {
  // A link table has no id (SQLite then gives its rowid, which nobody reads).
  if (dialect === 'postgres') return Number((inserted as { id?: number }[])[0]?.id ?? 0);
  const [{ id }] = await manager.query('SELECT last_insert_rowid() AS id');
  return Number(id);
}

/**
 * `column direction` for an ORDER BY, with empty values where SQLite puts them: first going up,
 * last going down (PostgreSQL's default is the other way round).
 */
export const sortedBy = (dialect: Dialect, column: string, direction: 'ASC' | 'DESC') =>
  dialect === 'postgres'
    ? `${column} ${direction} NULLS ${direction === 'ASC' ? 'FIRST' : 'LAST'}`
    : `${column} ${direction}`;

/** `ORDER BY … COLLATE NOCASE`: case-insensitive ordering (PostgreSQL: by the lower-cased text). */
export const caseless = (dialect: Dialect, expression: string) =>
  dialect === 'postgres' ? `lower(${expression})` : `${expression} COLLATE NOCASE`;

/**
 * The elements of a JSON array given as a parameter, as rows with a `value` (SQLite's json_each; on
 * PostgreSQL, jsonb_array_elements). Elements that are arrays themselves are read with {@link jsonItem}.
 */
export const jsonRows = (dialect: Dialect, alias: string) =>
  dialect === 'postgres'
    ? `jsonb_array_elements(CAST(? AS jsonb)) AS ${alias}(value)`
    : `json_each(?) ${alias}`;

/** Element `index` of a JSON array row value, as text (`json_extract(v, '$[i]')` / `v ->> i`). */
export const jsonItem = (dialect: Dialect, value: string, index: number) =>
  dialect === 'postgres' ? `(${value} ->> ${index})` : `json_extract(${value}, '$[${index}]')`;

/**
 * A text instant compared with a stored instant. On SQLite both are text in TypeORM's format
 * ('YYYY-MM-DD HH:MM:SS.SSS', UTC) and compare as text; on PostgreSQL the stored side is timestamptz
 * and the text is read as a timestamp in the session's zone, UTC (data-source-options.ts).
 */
export const instant = (dialect: Dialect, expression: string) =>
  dialect === 'postgres' ? `CAST(${expression} AS timestamptz)` : expression;

/**
 * A full-text query for PostgreSQL from the FTS5 expression common/text.ts builds (`"hoa" "giua"*`):
 * every word, the last as a prefix (`hoa & giua:*`). The words are folded letters and digits only.
 */
export function tsQuery(ftsExpression: string): string {
  const terms = [...ftsExpression.matchAll(/"([^"]*)"(\*)?/g)]
    .map(([, word, prefix]) => ({ word: word.replace(/[^\p{L}\p{N}]+/gu, ''), prefix }))
    .filter(({ word }) => word.length > 0)
    .map(({ word, prefix }) => `'${word}'${prefix ? ':*' : ''}`);
  return terms.join(' & ');
}
