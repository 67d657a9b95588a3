/**
 * The services write their SQL once, with SQLite's positional `?` placeholders. PostgreSQL numbers
 * its parameters (`$1`, `$2`, …); {@link numberPlaceholders} turns one form into the other, in one
 * place (the PostgreSQL query runner, see data-source-options.ts), so no SQL string needs two copies
 * only for that.
 *
 * A `?` counts only where SQL would read it as a placeholder: not inside a string literal ('…', with
 * '' as an escaped quote, and E'…' with backslash escapes), a quoted identifier ("…"), a comment
 * (-- to the end of the line, or nested /* … *\/), or a dollar-quoted body ($$…$$, $tag$…$tag$).
 * Text that already numbers its parameters (TypeORM's own queries) is returned as it is.
 */
export function numberPlaceholders(sql: string): string {
  if (!sql.includes('?')) return sql;
  let out = '';
  let n = 0;
  let i = 0;
  let copiedTo = 0;
  const length = sql.length;
  while (i < length) {
    const c = sql[i];
    const next = sql[i + 1];
    if (c === "'") {
      const escapes = i > 0 && /[eE]/.test(sql[i - 1]) && !/[\w$]/.test(sql[i - 2] ?? ' ');
      i = endOfQuoted(sql, i, "'", escapes);
    } else if (c === '"') {
      i = endOfQuoted(sql, i, '"', false);
    } else if (c === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? length : end + 1;
    } else if (c === '/' && next === '*') {
      i = endOfBlockComment(sql, i);
    } else if (c === '$') {
      const tag = /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i));
      if (tag && !(i > 0 && /[\w$]/.test(sql[i - 1]))) {
        const end = sql.indexOf(tag[0], i + tag[0].length);
        i = end < 0 ? length : end + tag[0].length;
      } else i++;
    } else if (c === '?') {
      out += sql.slice(copiedTo, i) + `$${++n}`;
      i++;
      copiedTo = i;
    } else i++;
  }
  return n === 0 ? sql : out + sql.slice(copiedTo);
}

/** The index just past the quote that closes the one at `start` (or the end of the text). */
function endOfQuoted(sql: string, start: number, quote: string, backslashEscapes: boolean): number {
  let i = start + 1;
  while (i < sql.length) {
    const c = sql[i];
    if (backslashEscapes && c === '\\') i += 2;
    else if (c === quote) {
      if (sql[i + 1] === quote)
        i += 2; // '' or "" inside: an escaped quote
      else return i + 1;
    } else i++;
  }
  return sql.length;
}

/** PostgreSQL's block comments nest. */
function endOfBlockComment(sql: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < sql.length) {
    if (sql[i] === '/' && sql[i + 1] === '*') {
      depth++;
      i += 2;
    } else if (sql[i] === '*' && sql[i + 1] === '/') {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else i++;
  }
  return sql.length;
}
