import { QueryFailedError } from 'typeorm';
import { AppError } from '../common/errors.js';
import { sqliteCode, WriteFailure, writeFailure } from './write-failure.js';

/** What the sqlite3 driver throws, wrapped by TypeORM as it is on the way up. */
const sqliteError = (code: string) =>
  new QueryFailedError('COMMIT', [], Object.assign(new Error(`${code}: something`), { code, errno: 1 }));

describe('writeFailure', () => {
  it.each([
    ['SQLITE_FULL', 'in a statement', 507, 'STORAGE_FULL'],
    ['SQLITE_FULL', 'at COMMIT', 507, 'STORAGE_FULL'],
    ['SQLITE_IOERR', 'in a statement', 503, 'DATABASE_WRITE_FAILED'],
    ['SQLITE_READONLY', 'at COMMIT', 503, 'DATABASE_WRITE_FAILED'],
    ['SQLITE_BUSY', 'at COMMIT', 503, 'DATABASE_WRITE_FAILED'],
  ])('makes %s %s a %i: nothing was saved', (code, where, status, appCode) => {
    const outcome = writeFailure(sqliteError(code), where === 'at COMMIT');
    expect(outcome).toBeInstanceOf(WriteFailure);
    expect((outcome as WriteFailure).getStatus()).toBe(status);
    expect((outcome as WriteFailure).code).toBe(appCode);
    expect((outcome as WriteFailure).sqlite).toBe(code);
  });

  it('says what to do, in Vietnamese, when the disk is full', () => {
    const outcome = writeFailure(sqliteError('SQLITE_FULL'), true) as WriteFailure;
    expect(outcome.message).toMatch(/^Máy chủ hết dung lượng lưu trữ .*giải phóng ổ đĩa/);
    expect(outcome.full).toBe(true);
  });

  it('leaves what the request caused to the caller: a constraint, a refused change', () => {
    const unique = sqliteError('SQLITE_CONSTRAINT');
    expect(writeFailure(unique, false)).toBe(unique);
    const refused = new AppError(409, 'STALE_VERSION', 'đã có người sửa');
    expect(writeFailure(refused, false)).toBe(refused);
  });

  it('reads the code from TypeORM and from the driver alike', () => {
    expect(sqliteCode(sqliteError('SQLITE_FULL'))).toBe('SQLITE_FULL');
    expect(sqliteCode(Object.assign(new Error('x'), { code: 'SQLITE_IOERR' }))).toBe('SQLITE_IOERR');
    expect(sqliteCode(Object.assign(new Error('x'), { code: 'ENOSPC' }))).toBeUndefined();
    expect(sqliteCode('SQLITE_FULL')).toBeUndefined();
  });
});
