import { HttpStatus } from '@nestjs/common';
import { AppError } from '../common/errors.js';

/**
 * What SQLite said when a write failed, read from TypeORM's QueryFailedError (which keeps the
 * driver's error in `driverError`) or from the sqlite3 error itself: `SQLITE_FULL`, `SQLITE_IOERR`, ….
 */
export function sqliteCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, driverError } = error as { code?: unknown; driverError?: { code?: unknown } };
  const found = driverError?.code ?? code;
  return typeof found === 'string' && found.startsWith('SQLITE_') ? found : undefined;
}

/**
 * PostgreSQL's SQLSTATE (five characters: `53100`, `23505`, …) from TypeORM's QueryFailedError or
 * from pg's own error.
 */
export function pgCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, driverError } = error as { code?: unknown; driverError?: { code?: unknown } };
  const found = driverError?.code ?? code;
  return typeof found === 'string' && /^[0-9A-Z]{5}$/.test(found) ? found : undefined;
}

/** PostgreSQL: a deadlock (40P01) or a lost serialization race (40001): the transaction may be run again. */
export function isTransient(error: unknown): boolean {
  const code = pgCode(error);
  return code === '40P01' || code === '40001';
}

/** A write that kept losing races with others (see Database.transaction). */
export function databaseBusy(): AppError {
  return new AppError(
    HttpStatus.SERVICE_UNAVAILABLE,
    'DATABASE_BUSY',
    'Cơ sở dữ liệu đang bận xử lý nhiều thay đổi cùng lúc nên thay đổi này chưa được lưu. Hãy gửi lại sau ít giây.',
  );
}

/** PostgreSQL: the disk is full (disk_full). */
const PG_FULL = '53100';
/**
 * PostgreSQL: the server went away or cannot take the write — connection exceptions (08…), an
 * administrator or crash shutdown (57P01–57P03), out of memory, an I/O error, a read-only server.
 */
const PG_UNAVAILABLE = /^(08\d{3}|08P01|57P0[123]|53\d{3}|58030|25006)$/;
/** Not a SQLSTATE: pg's own words when the connection dropped under a query. */
const PG_CONNECTION_LOST = /Connection terminated|ECONNRESET|ECONNREFUSED|server closed the connection/i;

/**
 * What a PostgreSQL error means for the API, where SQLite has no such error or another way to say
 * it: a value beyond the column's range (22003) is the request's fault, 400 VALUE_OUT_OF_RANGE; an
 * exclusion constraint (23P01: two placements on one zone's air at once) a conflict, 409 OVERLAP.
 * Undefined for everything else (unique and foreign keys: see common/db-errors.ts; storage and
 * connection: {@link writeFailure}).
 */
export function pgRequestError(error: unknown): AppError | undefined {
  const code = pgCode(error);
  if (code === '22003')
    return new AppError(
      HttpStatus.BAD_REQUEST,
      'VALUE_OUT_OF_RANGE',
      'Một giá trị gửi lên lớn hoặc nhỏ quá mức cơ sở dữ liệu lưu được. Hãy kiểm tra lại các con số.',
    );
  if (code === '23P01')
    return new AppError(
      HttpStatus.CONFLICT,
      'OVERLAP',
      'Không xếp được lịch phát: vùng phát đã có mục khác phát vào khoảng thời gian này. Hãy tải lại lịch rồi chọn giờ khác.',
    );
  return undefined;
}

/**
 * A PostgreSQL error outside a write transaction (a read, a lost connection) as the API answers it,
 * or undefined when it is not one {@link pgRequestError} or {@link writeFailure} knows.
 */
export function pgFailure(error: unknown): AppError | undefined {
  return pgWriteFailure(error, false) ?? pgRequestError(error);
}

/** The failure the storage or the server (not the request) caused, or undefined. */
function pgWriteFailure(error: unknown, atCommit: boolean): WriteFailure | undefined {
  const code = pgCode(error);
  if (code === PG_FULL) return new WriteFailure(`PG_${code}`, true);
  if (code && PG_UNAVAILABLE.test(code)) return new WriteFailure(`PG_${code}`, false);
  const message = error instanceof Error ? error.message : '';
  if (!code && PG_CONNECTION_LOST.test(message)) return new WriteFailure('PG_CONNECTION_LOST', false);
  if (atCommit && code) return new WriteFailure(`PG_${code}`, false);
  return undefined;
}

/**
 * Codes that say the storage under the database failed, not the request: the disk is full, it
 * cannot be read or written, or the file is gone or read-only. The same request may succeed later.
 */
const STORAGE_CODES = /^SQLITE_(FULL|IOERR|CANTOPEN|READONLY|CORRUPT|NOTADB|NOMEM|PROTOCOL)/;

/** A write that the disk (not the request) made fail; it is not saved. */
export class WriteFailure extends AppError {
  constructor(
    /** SQLite's code, or PostgreSQL's SQLSTATE as PG_<code>, for the log and the health report. */
    readonly sqlite: string,
    full: boolean,
  ) {
    super(
      full ? HttpStatus.INSUFFICIENT_STORAGE : HttpStatus.SERVICE_UNAVAILABLE,
      full ? 'STORAGE_FULL' : 'DATABASE_WRITE_FAILED',
      full
        ? 'Máy chủ hết dung lượng lưu trữ nên thay đổi này chưa được lưu. Hãy báo quản trị giải phóng ổ đĩa chứa cơ sở dữ liệu, rồi gửi lại.'
        : 'Không ghi được vào cơ sở dữ liệu nên thay đổi này chưa được lưu. Hãy thử lại sau ít phút; nếu vẫn lỗi, báo quản trị kèm mã yêu cầu.',
    );
  }

  get full(): boolean {
    return this.code === 'STORAGE_FULL';
  }
}

/**
 * The error a failed write transaction ends with. A storage fault (wherever it happened) becomes a
 * {@link WriteFailure}: 507 when the disk or the database's page limit is full, 503 otherwise. So
 * does any failed COMMIT, whatever SQLite said: the change is not saved and the request may be sent
 * again. Everything else (a refused request, a constraint) is the caller's to shape.
 */
export function writeFailure(error: unknown, atCommit: boolean): unknown {
  if (error instanceof WriteFailure) return error;
  const pg = pgWriteFailure(error, atCommit) ?? pgRequestError(error);
  if (pg) return pg;
  const code = sqliteCode(error);
  if (!atCommit && !(code && STORAGE_CODES.test(code))) return error;
  return new WriteFailure(code ?? 'UNKNOWN', code === 'SQLITE_FULL');
}
