import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { statfs } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import sqlite3 from 'sqlite3';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { dialectOf, type Dialect } from './dialect-sql.js';
import { databaseBusy, isTransient, pgCode, WriteFailure, writeFailure } from './write-failure.js';
import type { ReadQuery } from './sql.js';

interface Reader {
  connection: sqlite3.Database;
  inFlight: number;
}

const PRAGMAS = [
  // A 64 MiB page cache and memory-mapped reads keep list and search queries off the disk.
  'PRAGMA cache_size = -65536',
  'PRAGMA mmap_size = 268435456',
  'PRAGMA busy_timeout = 10000',
];

/** A write failed on storage, and writes have not been seen to work since (see {@link Database.writeFault}). */
export interface WriteFault {
  sqlite: string;
  full: boolean;
  since: Date;
}

/**
 * After a write failed, room that must be there before writes count as working again: free bytes on
 * the database's disk, and what the write probe ({@link Database.writeFault}) must be able to take.
 */
const MIN_FREE_BYTES = 1 << 20;
const PROBE_BYTES = 256 << 10;
/** Runs of one write transaction that PostgreSQL rolled back as a deadlock or serialization loser. */
const TRANSIENT_ATTEMPTS = 5;

/** Thrown by the write probe to roll its work back. */
class ProbeDone extends Error {}

/**
 * Access to the database: SQLite (the default) or PostgreSQL (DATABASE_URL).
 *
 * On PostgreSQL, the server does what the rest of this comment describes for SQLite: transactions
 * run side by side on a pool of connections (each its own, no process-wide queue), reads take a pooled
 * connection and see committed data, and a failed COMMIT throws a {@link WriteFailure} too (507 for
 * SQLSTATE 53100, disk full; 503 when the server is gone). The rest is about SQLite.
 *
 * Writes: TypeORM's sqlite driver runs everything on a single connection, so two overlapping
 * transactions (or a `save()`, which opens one) would interleave and fail with "cannot start a
 * transaction within a transaction". Writes therefore queue here, one at a time, each in its own
 * transaction ({@link transaction}).
 *
 * Reads that matter for speed (lists, search) go through a small pool of read-only connections
 * ({@link read}): with WAL they run beside the writer and beside each other, one per core, and they
 * only ever see committed data.
 *
 * A write that fails is never reported as done: a failed COMMIT throws a {@link WriteFailure} (507
 * when the disk is full, 503 otherwise), and the connection is left outside any transaction, so the
 * next write starts afresh and works as soon as the disk does (see {@link leaveTransaction}).
 */
@Injectable()
export class Database implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(Database.name);
  private tail: Promise<unknown> = Promise.resolve();
  /** Bumped after every write transaction of this process, committed or not (see {@link stamp}). */
  private generation = 0;
  private readers: Reader[] = [];
  private fault?: WriteFault;

  /** Which SQL spelling the few queries that differ need (dialect-sql.ts). */
  readonly dialect: Dialect;

  constructor(readonly dataSource: DataSource) {
    this.dialect = dialectOf(dataSource);
  }

  /** PostgreSQL (DATABASE_URL) rather than SQLite. */
  get postgres(): boolean {
    return this.dialect === 'postgres';
  }

  async onModuleInit(): Promise<void> {
    if (this.postgres) return;
    for (const pragma of PRAGMAS) await this.dataSource.query(pragma);
    const path = String(this.dataSource.options.database);
    if (path === ':memory:') return;
    const size = Math.max(2, availableParallelism());
    this.readers = await Promise.all(Array.from({ length: size }, () => openReader(path)));
    this.logger.log(`${size} read connections on ${path}`);
  }

  /** Writes already queued finish before anything closes the connection. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.tail;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.tail;
    const readers = this.readers;
    this.readers = [];
    await Promise.all(
      readers.map((r) => new Promise<void>((resolve) => r.connection.close(() => resolve()))),
    );
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.postgres)
      return this.writeAgainIfTransient(work).finally(() => {
        this.generation++;
      });
    const run = this.tail
      .then(() => this.write(work))
      .finally(() => {
        this.generation++;
      });
    this.tail = run.catch(() => undefined);
    return run;
  }

  /**
   * One transaction on the writer connection: what `DataSource.transaction` does, except when the
   * database itself fails. TypeORM's query runner keeps `isTransactionActive` and its depth when COMMIT
   * throws, and SQLite has often ended the transaction by itself by then (SQLITE_FULL, SQLITE_IOERR), so
   * TypeORM's ROLLBACK fails too and is ignored. The runner (one per sqlite DataSource) then believes it
   * is inside a transaction: the next write opens a SAVEPOINT instead of BEGIN, and once a RELEASE has
   * failed as well, SQLite keeps a transaction open that nothing ever commits. Every later write was
   * acknowledged and lost, until restart.
   */
  private async write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      let result: T;
      try {
        await runner.startTransaction();
        result = await work(runner.manager);
      } catch (error) {
        throw await this.failed(runner, error, false);
      }
      try {
        await runner.commitTransaction();
      } catch (error) {
        throw await this.failed(runner, error, true);
      }
      // A small write may still fit on a full disk; only room clears that fault (see writeFault).
      if (this.fault && !this.fault.full) {
        this.logger.log(`writes work again (failing since ${this.fault.since.toISOString()})`);
        this.fault = undefined;
      }
      return result;
    } finally {
      await runner.release();
    }
  }

  /**
   * PostgreSQL runs write transactions side by side, so two may deadlock (40P01) or one may lose a
   * serialization race (40001): the server rolls one back and expects it to be sent again. It is run
   * again, whole, up to {@link TRANSIENT_ATTEMPTS} times after a short random pause; then it is a 503
   * asking the user to try again. (SQLite runs one write at a time and never fails this way.)
   */
  private async writeAgainIfTransient<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.write(work);
      } catch (error) {
        if (!isTransient(error)) throw error;
        if (attempt >= TRANSIENT_ATTEMPTS) throw databaseBusy();
        this.logger.warn(`write transaction ${pgCode(error)} (attempt ${attempt}), running it again`);
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
      }
    }
  }

  private async failed(runner: QueryRunner, error: unknown, atCommit: boolean): Promise<unknown> {
    await this.leaveTransaction(runner);
    // Not a fault of the database: the transaction is run again (writeAgainIfTransient).
    if (isTransient(error)) return error;
    const outcome = writeFailure(error, atCommit);
    if (outcome instanceof WriteFailure) {
      const what = `${atCommit ? 'COMMIT' : 'write'} failed, nothing saved: ${(error as Error)?.message ?? String(error)}`;
      if (this.fault) this.logger.warn(what);
      else this.logger.error(what);
      this.fault ??= { sqlite: outcome.sqlite, full: outcome.full, since: new Date() };
    }
    return outcome;
  }

  /**
   * Makes the connection and TypeORM agree that no transaction is open. TypeORM's own rollback comes
   * first; when it fails (SQLite ended the transaction already, or holds one after a failed RELEASE),
   * a ROLLBACK goes straight to the connection, its "no transaction is active" is expected, and the
   * runner's state is reset.
   */
  private async leaveTransaction(runner: QueryRunner): Promise<void> {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    if (!runner.isTransactionActive) return;
    if (this.postgres) {
      // The connection is broken (the ROLLBACK failed): the pool drops it; the runner forgets it.
      Object.assign(runner, { isTransactionActive: false, transactionDepth: 0 });
      return;
    }
    const connection = (this.dataSource.driver as unknown as { databaseConnection?: sqlite3.Database })
      .databaseConnection;
    if (connection) await new Promise<void>((resolve) => connection.run('ROLLBACK', () => resolve()));
    // Both are plain fields of TypeORM's BaseQueryRunner (`isTransactionActive` is readonly only in its typing).
    Object.assign(runner, { isTransactionActive: false, transactionDepth: 0 });
  }

  /**
   * Undefined while writes work. After a write failed on storage, finds out whether they would work
   * now: the database's disk has {@link MIN_FREE_BYTES} free, and SQLite can take {@link PROBE_BYTES}
   * more (within its page limit) in a transaction that is rolled back, so it leaves nothing behind.
   * A committed write clears a fault too, unless the disk was full: a small one may still fit.
   */
  async writeFault(): Promise<WriteFault | undefined> {
    if (!this.fault) return undefined;
    if (await this.writesWouldWork()) {
      this.logger.log(`room for writes again (failing since ${this.fault.since.toISOString()})`);
      this.fault = undefined;
    }
    return this.fault;
  }

  private async writesWouldWork(): Promise<boolean> {
    if (this.postgres) {
      const outcome = await this.transaction(async (m) => {
        await m.query('CREATE TABLE write_probe (b text)');
        await m.query('ALTER TABLE write_probe ALTER COLUMN b SET STORAGE EXTERNAL');
        await m.query(
          `INSERT INTO write_probe (b) SELECT string_agg(md5(random()::text), '') FROM generate_series(1, ?)`,
          [PROBE_BYTES / 32],
        );
        throw new ProbeDone();
      }).catch((error: unknown) => error);
      return outcome instanceof ProbeDone;
    }
    const path = String(this.dataSource.options.database);
    if (path !== ':memory:') {
      const disk = await statfs(dirname(path)).catch(() => undefined);
      if (!disk || disk.bavail * disk.bsize < MIN_FREE_BYTES) return false;
    }
    const outcome = await this.transaction(async (m) => {
      await m.query('CREATE TABLE write_probe (b BLOB)');
      await m.query('INSERT INTO write_probe (b) VALUES (zeroblob(?))', [PROBE_BYTES]);
      throw new ProbeDone();
    }).catch((error: unknown) => error);
    return outcome instanceof ProbeDone;
  }

  /**
   * Where a repository's query runs: inside the caller's write transaction when given its manager
   * (what it reads is what that transaction will commit on), otherwise on the read pool ({@link read}).
   */
  on(m?: EntityManager): ReadQuery {
    return m ? (sql, params) => m.query(sql, params) : (sql, params) => this.read(sql, params);
  }

  /** A read-only query on the least busy read connection (the writer's when there is no pool). */
  read<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    if (this.postgres || this.readers.length === 0) return this.dataSource.query(sql, params);
    const reader = this.readers.reduce((best, r) => (r.inFlight < best.inFlight ? r : best));
    reader.inFlight++;
    return new Promise<T[]>((resolve, reject) => {
      reader.connection.all(sql, params, (error, rows) => {
        reader.inFlight--;
        if (error) reject(error);
        else resolve(rows as T[]);
      });
    });
  }

  /**
   * Changes whenever the database content may have changed: after a write of this process, or a
   * commit by any other connection (SQLite's data_version, read on one fixed connection). Caches key on it.
   * On PostgreSQL, the current snapshot: the next transaction id and those still running, so it
   * changes when any write transaction starts or ends on the server (reads assign no id).
   */
  async stamp(): Promise<string> {
    if (this.postgres) {
      const [row] = await this.dataSource.query<{ s: string }[]>('SELECT pg_current_snapshot()::text AS s');
      return `${this.generation}:${row?.s ?? ''}`;
    }
    const [row] =
      this.readers.length > 0
        ? await new Promise<{ data_version: number }[]>((resolve, reject) =>
            this.readers[0].connection.all('PRAGMA data_version', (error, rows) =>
              error ? reject(error) : resolve(rows as { data_version: number }[]),
            ),
          )
        : await this.dataSource.query('PRAGMA data_version');
    return `${this.generation}:${row?.data_version ?? 0}`;
  }
}

async function openReader(path: string): Promise<Reader> {
  const connection = await new Promise<sqlite3.Database>((resolve, reject) => {
    const db = new sqlite3.Database(path, sqlite3.OPEN_READONLY, (error) =>
      error ? reject(error) : resolve(db),
    );
  });
  for (const pragma of PRAGMAS)
    await new Promise<void>((resolve, reject) =>
      connection.run(pragma, (error) => (error ? reject(error) : resolve())),
    );
  return { connection, inFlight: 0 };
}
