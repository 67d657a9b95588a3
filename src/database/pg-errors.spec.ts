import { QueryFailedError } from 'typeorm';
import { isUniqueViolation } from '../common/db-errors.js';
import { AppError } from '../common/errors.js';
import { databaseBusy, isTransient, pgCode, pgFailure, WriteFailure, writeFailure } from './write-failure.js';

/** What pg throws (a DatabaseError with the SQLSTATE in `code`), wrapped by TypeORM on the way up. */
const pgError = (code: string, message = 'something') =>
  new QueryFailedError('INSERT …', [], Object.assign(new Error(message), { code, severity: 'ERROR' }));

describe('PostgreSQL errors in the API', () => {
  it.each([
    ['53100', 'disk full', 507, 'STORAGE_FULL'],
    ['57P01', 'administrator shutdown', 503, 'DATABASE_WRITE_FAILED'],
    ['08006', 'connection failure', 503, 'DATABASE_WRITE_FAILED'],
  ])('makes %s (%s) in a write a %i: nothing was saved', (code, _what, status, appCode) => {
    const outcome = writeFailure(pgError(code), false);
    expect(outcome).toBeInstanceOf(WriteFailure);
    expect((outcome as WriteFailure).getStatus()).toBe(status);
    expect((outcome as WriteFailure).code).toBe(appCode);
    expect((outcome as WriteFailure).sqlite).toBe(`PG_${code}`);
  });

  it('says a full disk in Vietnamese, as on SQLite', () => {
    const outcome = writeFailure(pgError('53100'), true) as WriteFailure;
    expect(outcome.message).toMatch(/^Máy chủ hết dung lượng lưu trữ .*giải phóng ổ đĩa/);
    expect(outcome.full).toBe(true);
  });

  it.each([
    ['22003', 400, 'VALUE_OUT_OF_RANGE'],
    ['23P01', 409, 'OVERLAP'],
  ])('makes %s a %i %s, in a write and in a read', (code, status, appCode) => {
    for (const outcome of [writeFailure(pgError(code), false), pgFailure(pgError(code))]) {
      expect(outcome).toBeInstanceOf(AppError);
      expect((outcome as AppError).getStatus()).toBe(status);
      expect((outcome as AppError).code).toBe(appCode);
    }
  });

  it('leaves a unique violation (23505) to the caller, who recognises it', () => {
    const unique = pgError('23505', 'duplicate key value violates unique constraint');
    expect(writeFailure(unique, false)).toBe(unique);
    expect(pgFailure(unique)).toBeUndefined();
    expect(isUniqueViolation(unique)).toBe(true);
  });

  it('takes a connection that pg saw drop for a lost server', () => {
    const lost = writeFailure(new Error('Connection terminated unexpectedly'), false) as WriteFailure;
    expect(lost).toBeInstanceOf(WriteFailure);
    expect(lost.getStatus()).toBe(503);
  });

  it('knows a deadlock and a lost serialization race for transactions to run again', () => {
    expect(isTransient(pgError('40P01', 'deadlock detected'))).toBe(true);
    expect(isTransient(pgError('40001', 'could not serialize access'))).toBe(true);
    expect(isTransient(pgError('23505'))).toBe(false);
    expect(isTransient(new Error('x'))).toBe(false);
    expect(databaseBusy().getStatus()).toBe(503);
  });

  it('makes any failed COMMIT a write failure', () => {
    expect(writeFailure(pgError('40001'), true)).toBeInstanceOf(WriteFailure);
    expect(writeFailure(pgError('40001'), false)).not.toBeInstanceOf(WriteFailure);
  });

  it('reads SQLSTATE from TypeORM and from pg alike, and nothing else', () => {
    expect(pgCode(pgError('53100'))).toBe('53100');
    expect(pgCode(Object.assign(new Error('x'), { code: '23P01' }))).toBe('23P01');
    expect(pgCode(Object.assign(new Error('x'), { code: 'SQLITE_FULL' }))).toBeUndefined();
    expect(pgCode('53100')).toBeUndefined();
  });
});
