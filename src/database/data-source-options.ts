import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import sqlite3 from 'sqlite3';
import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import { ACCOUNT_ENTITIES } from '../accounts/account.entities.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { CATALOG_ENTITIES } from '../catalog/catalog.entities.js';
import { AudioAsset } from '../media/audio-asset.entity.js';
import { PLAYOUT_ENTITIES } from '../playout/playout.entities.js';
import { SCHEDULING_ENTITIES } from '../scheduling/scheduling.entities.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

export const ENTITIES = [
  ...CATALOG_ENTITIES,
  AudioAsset,
  ...ACCOUNT_ENTITIES,
  AuditEntry,
  ...SCHEDULING_ENTITIES,
  ...PLAYOUT_ENTITIES,
];

/**
 * TypeORM switches sqlite3 into verbose mode, which wraps every call to keep long stack traces and
 * formats every SQL text and parameter list with util.inspect on the way: a third of the CPU time of
 * a list request in the catalog bench. Hand it the module with `verbose()` turned into a no-op.
 */
const quietSqlite3 = Object.assign(Object.create(sqlite3) as typeof sqlite3, { verbose: () => sqlite3 });

/**
 * SQLite through the sqlite3 driver: WAL so readers never wait for the writer, foreign keys on,
 * and a busy timeout so a second process (a worker, the migration command) waits instead of failing.
 * The schema comes only from migrations/, applied at start.
 */
export function dataSourceOptions(databasePath: string): DataSourceOptions {
  if (databasePath !== ':memory:') mkdirSync(dirname(databasePath), { recursive: true });
  return {
    type: 'sqlite',
    database: databasePath,
    driver: quietSqlite3,
    enableWAL: true,
    busyTimeout: 10_000,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    logging: ['error', 'warn', 'migration'],
  };
}
