/**
 * Recognising constraint violations in what the database driver threw, for SQLite (sqlite3,
 * better-sqlite3, node:sqlite) and PostgreSQL (pg). Works on TypeORM's QueryFailedError (which keeps
 * the driver's error in `driverError`) and on the driver's error itself.
 */
interface DriverErrorShape {
  code?: unknown;
  errcode?: unknown;
  message?: unknown;
  driverError?: unknown;
}

function facts(error: unknown): { code: string; errcode: number | undefined; message: string } | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const outer = error as DriverErrorShape;
  const driver = (
    typeof outer.driverError === 'object' && outer.driverError !== null ? outer.driverError : outer
  ) as DriverErrorShape;
  return {
    code: String(driver.code ?? outer.code ?? ''),
    errcode: typeof driver.errcode === 'number' ? driver.errcode : undefined,
    message: String(driver.message ?? outer.message ?? ''),
  };
}

/** SQLite's extended result codes: SQLITE_CONSTRAINT_PRIMARYKEY, SQLITE_CONSTRAINT_UNIQUE, _FOREIGNKEY. */
const SQLITE_PRIMARYKEY = 1555;
const SQLITE_UNIQUE = 2067;
const SQLITE_FOREIGNKEY = 787;

/** A UNIQUE (or primary key) constraint refused the write: the row exists already. */
export function isUniqueViolation(error: unknown): boolean {
  const f = facts(error);
  if (!f) return false;
  if (f.code === '23505') return true; // PostgreSQL unique_violation
  if (f.code === 'SQLITE_CONSTRAINT_UNIQUE' || f.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return true;
  if (f.errcode === SQLITE_UNIQUE || f.errcode === SQLITE_PRIMARYKEY) return true;
  // sqlite3 reports only the primary code; the kind of constraint is in the message.
  return f.code.startsWith('SQLITE_CONSTRAINT') && /\bUNIQUE constraint failed\b/.test(f.message);
}

/** A FOREIGN KEY constraint refused the write: a referenced row is missing or a row is still referenced. */
export function isForeignKeyViolation(error: unknown): boolean {
  const f = facts(error);
  if (!f) return false;
  if (f.code === '23503') return true; // PostgreSQL foreign_key_violation
  if (f.code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || f.errcode === SQLITE_FOREIGNKEY) return true;
  return f.code.startsWith('SQLITE_CONSTRAINT') && /\bFOREIGN KEY constraint failed\b/.test(f.message);
}
