import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import { CATALOG_ENTITIES } from '../catalog/catalog.entities.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

export const ENTITIES = [...CATALOG_ENTITIES];

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
