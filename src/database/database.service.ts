import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * The one way to write. TypeORM's sqlite driver runs everything on a single connection, so two
 * overlapping transactions (or a `save()`, which opens one) would interleave and fail with
 * "cannot start a transaction within a transaction". Writes therefore queue here, one at a time,
 * each in its own transaction; reads go straight to repositories.
 */
@Injectable()
export class Database {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const run = this.tail.then(() => this.dataSource.transaction(work));
    this.tail = run.catch(() => undefined);
    return run;
  }
}
