import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { availableParallelism } from 'node:os';
import sqlite3 from 'sqlite3';
import { DataSource, type EntityManager } from 'typeorm';

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

/**
 * Access to the SQLite database.
 *
 * Writes: TypeORM's sqlite driver runs everything on a single connection, so two overlapping
 * transactions (or a `save()`, which opens one) would interleave and fail with "cannot start a
 * transaction within a transaction". Writes therefore queue here, one at a time, each in its own
 * transaction ({@link transaction}).
 *
 * Reads that matter for speed (lists, search) go through a small pool of read-only connections
 * ({@link read}): with WAL they run beside the writer and beside each other, one per core, and they
 * only ever see committed data.
 */
@Injectable()
export class Database implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(Database.name);
  private tail: Promise<unknown> = Promise.resolve();
  /** Bumped after every write transaction of this process, committed or not (see {@link stamp}). */
  private generation = 0;
  private readers: Reader[] = [];

  constructor(readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    for (const pragma of PRAGMAS) await this.dataSource.query(pragma);
    const path = String(this.dataSource.options.database);
    if (path === ':memory:') return;
    const size = Math.max(2, availableParallelism());
    this.readers = await Promise.all(Array.from({ length: size }, () => openReader(path)));
    this.logger.log(`${size} read connections on ${path}`);
  }

  async onApplicationShutdown(): Promise<void> {
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
    const run = this.tail
      .then(() => this.dataSource.transaction(work))
      .finally(() => {
        this.generation++;
      });
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** A read-only query on the least busy read connection (the writer's when there is no pool). */
  read<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    if (this.readers.length === 0) return this.dataSource.query(sql, params);
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
   */
  async stamp(): Promise<string> {
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
