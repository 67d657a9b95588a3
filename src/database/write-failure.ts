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
 * Codes that say the storage under the database failed, not the request: the disk is full, it
 * cannot be read or written, or the file is gone or read-only. The same request may succeed later.
 */
const STORAGE_CODES = /^SQLITE_(FULL|IOERR|CANTOPEN|READONLY|CORRUPT|NOTADB|NOMEM|PROTOCOL)/;

/** A write that the disk (not the request) made fail; it is not saved. */
export class WriteFailure extends AppError {
  constructor(
    /** SQLite's code, for the log and the health report. */
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
  const code = sqliteCode(error);
  if (!atCommit && !(code && STORAGE_CODES.test(code))) return error;
  return new WriteFailure(code ?? 'UNKNOWN', code === 'SQLITE_FULL');
}
