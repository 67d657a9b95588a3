import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';
import sqlite3 from 'sqlite3';
import { DataSource, type DataSourceOptions, type QueryRunner } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import { ACCOUNT_ENTITIES } from '../accounts/account.entities.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { CATALOG_ENTITIES } from '../catalog/catalog.entities.js';
import { AudioAsset } from '../media/audio-asset.entity.js';
import { PLAYOUT_ENTITIES } from '../playout/playout.entities.js';
import { SCHEDULING_ENTITIES } from '../scheduling/scheduling.entities.js';
import { dialectOf } from './dialect-sql.js';
import { numberPlaceholders } from './placeholders.js';
import { Setting } from './settings.repository.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

export const ENTITIES = [
  ...CATALOG_ENTITIES,
  AudioAsset,
  ...ACCOUNT_ENTITIES,
  Setting,
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

/** Where the data lives: a PostgreSQL server when `databaseUrl` is set, else the SQLite file. */
export interface DatabaseTarget {
  databasePath: string;
  /** `postgres://…` (DATABASE_URL): PostgreSQL 15+ instead of the SQLite file. */
  databaseUrl?: string;
  /** Connections per process to PostgreSQL (DATABASE_POOL_SIZE). */
  databasePoolSize?: number;
}

/**
 * The schema comes only from migrations/, applied at start ({@link openDataSource}).
 *
 * SQLite through the sqlite3 driver: WAL so readers never wait for the writer, foreign keys on,
 * and a busy timeout so a second process (a worker, the migration command) waits instead of failing.
 *
 * PostgreSQL through pg: every session in UTC (instants are timestamptz; a text instant without an
 * offset, as the services write them, means UTC), counts and sums as numbers like SQLite gives them.
 */
export function dataSourceOptions(target: string | DatabaseTarget): DataSourceOptions {
  const { databasePath, databaseUrl, databasePoolSize } =
    typeof target === 'string' ? { databasePath: target } : target;
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    logging: ['error', 'warn', 'migration'] as ('error' | 'warn' | 'migration')[],
  };
  if (databaseUrl) {
    return {
      ...common,
      type: 'postgres',
      url: databaseUrl,
      applicationName: 'truyenthanh',
      poolSize: databasePoolSize ?? 10,
      // Several processes start together: migrations run once, under a lock (openDataSource).
      migrationsRun: false,
      extra: { options: '-c timezone=UTC', types: { getTypeParser: pgTypeParser } },
    };
  }
  if (databasePath !== ':memory:') mkdirSync(dirname(databasePath), { recursive: true });
  return {
    ...common,
    type: 'sqlite',
    database: databasePath,
    driver: quietSqlite3,
    enableWAL: true,
    busyTimeout: 10_000,
    migrationsRun: true,
  };
}

const PG_INT8 = 20;
const PG_NUMERIC = 1700;

/** int8 (COUNT, SUM of integers, bigint sizes) and numeric (AVG) as numbers, as SQLite returns them. */
function pgTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
  if (oid === PG_INT8 || oid === PG_NUMERIC) return Number;
  return pg.types.getTypeParser(oid, format ?? 'text');
}

/** Arbitrary but fixed: the advisory lock that serialises migrations across processes. */
const MIGRATION_LOCK = 7_311_015;

/**
 * The data source, connected and (unless `migrate` is false) migrated. On PostgreSQL, the services'
 * `?` placeholders are numbered on the way to the server (placeholders.ts), and migrations run under
 * an advisory lock ({@link runMigrations}); SQLite applies them in `initialize` (migrationsRun).
 */
export async function openDataSource(options: DataSourceOptions, migrate = true): Promise<DataSource> {
  const dataSource = new DataSource(options);
  if (options.type !== 'postgres') {
    rewriteQueries(dataSource, beginImmediately);
    return dataSource.initialize();
  }
  rewriteQueries(dataSource, numberPlaceholders);
  acceptEntityColumnTypes(dataSource);
  await dataSource.initialize();
  if (migrate)
    await runMigrations(dataSource).catch(async (error: unknown) => {
      await dataSource.destroy();
      throw error;
    });
  return dataSource;
}

/**
 * Applies pending migrations and names them. On PostgreSQL under an advisory lock, so several
 * processes starting at once apply them once; the others wait and then find nothing left to do.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  if (dialectOf(dataSource) !== 'postgres')
    return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

/**
 * The entities name SQLite's column types `datetime` and `real`; on PostgreSQL the migrations made
 * those columns timestamptz and double precision. TypeORM only checks the names (the schema comes
 * from migrations, never from the entities), and reads and writes Date and number values as they are.
 */
function acceptEntityColumnTypes(dataSource: DataSource): void {
  dataSource.driver.supportedDataTypes.push('datetime', 'real');
}

/**
 * Every query runner of this data source passes its SQL through `rewrite` before sending it. Each
 * runner is wrapped once: SQLite's driver hands out the same runner every time.
 */
function rewriteQueries(dataSource: DataSource, rewrite: (sql: string) => string): void {
  const driver = dataSource.driver;
  const create = driver.createQueryRunner.bind(driver);
  const wrapped = new WeakSet<QueryRunner>();
  driver.createQueryRunner = (mode) => {
    const runner = create(mode);
    if (wrapped.has(runner)) return runner;
    wrapped.add(runner);
    const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
    runner.query = ((sql: string, ...rest: unknown[]) =>
      query(rewrite(sql), ...rest)) as QueryRunner['query'];
    return runner;
  };
}

/**
 * SQLite: transactions start with BEGIN IMMEDIATE, taking the write lock at once. A plain (deferred)
 * BEGIN takes it at the first write; when another process (an audio worker, the playout process)
 * wrote in between, SQLite answers SQLITE_BUSY at once, without waiting out the busy timeout, because
 * waiting could deadlock. With IMMEDIATE the second process simply waits its turn.
 */
const beginImmediately = (sql: string) => (sql === 'BEGIN TRANSACTION' ? 'BEGIN IMMEDIATE TRANSACTION' : sql);
