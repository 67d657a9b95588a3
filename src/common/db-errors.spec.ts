import { QueryFailedError } from 'typeorm';
import { isForeignKeyViolation, isUniqueViolation } from './db-errors.js';

const sqlite3Error = (message: string) =>
  Object.assign(new Error(`SQLITE_CONSTRAINT: ${message}`), { errno: 19, code: 'SQLITE_CONSTRAINT' });
const pgError = (code: string) =>
  Object.assign(new Error('duplicate key value violates unique constraint'), { code });
const failed = (driverError: Error) => new QueryFailedError('INSERT …', [], driverError);

describe('isUniqueViolation', () => {
  it.each([
    [
      'sqlite3, through TypeORM',
      failed(sqlite3Error('UNIQUE constraint failed: audio_assets.reportage_id, audio_assets.sha256')),
    ],
    ['sqlite3, the driver error itself', sqlite3Error('UNIQUE constraint failed: users.username')],
    [
      'better-sqlite3',
      Object.assign(new Error('UNIQUE constraint failed: x.y'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }),
    ],
    [
      'node:sqlite',
      Object.assign(new Error('UNIQUE constraint failed: x.y'), { code: 'ERR_SQLITE_ERROR', errcode: 2067 }),
    ],
    ['PostgreSQL, through TypeORM', failed(pgError('23505'))],
    ['PostgreSQL, the driver error itself', pgError('23505')],
  ])('recognises %s', (_name, error) => {
    expect(isUniqueViolation(error)).toBe(true);
    expect(isForeignKeyViolation(error)).toBe(false);
  });

  it.each([
    ['a foreign key violation (sqlite3)', failed(sqlite3Error('FOREIGN KEY constraint failed'))],
    ['a NOT NULL violation (sqlite3)', failed(sqlite3Error('NOT NULL constraint failed: x.y'))],
    ['a PostgreSQL foreign key violation', failed(pgError('23503'))],
    ['a plain error', new Error('UNIQUE constraint failed')],
    ['nothing', undefined],
    ['a string', 'SQLITE_CONSTRAINT'],
  ])('does not mistake %s for one', (_name, error) => {
    expect(isUniqueViolation(error)).toBe(false);
  });
});

describe('isForeignKeyViolation', () => {
  it.each([
    ['sqlite3', failed(sqlite3Error('FOREIGN KEY constraint failed'))],
    ['PostgreSQL', failed(pgError('23503'))],
  ])('recognises %s', (_name, error) => {
    expect(isForeignKeyViolation(error)).toBe(true);
  });
});
