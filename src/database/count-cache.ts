import { Injectable } from '@nestjs/common';
import { Database } from './database.service.js';
import type { Dialect } from './dialect-sql.js';

const MAX_ENTRIES = 2000;

/**
 * Totals of list and search queries. Counting every match of a broad search ("trồng hoa" matches one
 * reportage in six) costs more than finding the page itself, and people page through the same
 * filter, so totals are kept until the data changes (see {@link Database.stamp}).
 */
@Injectable()
export class CountCache {
  private readonly entries = new Map<string, { stamp: string; value: number }>();

  constructor(private readonly db: Database) {}

  /** The database's SQL spelling: searches differ (ranked-page.ts). */
  get dialect(): Dialect {
    return this.db.dialect;
  }

  stamp(): Promise<string> {
    return this.db.stamp();
  }

  /** `sql` selects one row with a column `n`; `stamp` comes from {@link stamp}, taken before counting. */
  async count(stamp: string, sql: string, params: unknown[]): Promise<number> {
    const key = `${sql}\u0000${JSON.stringify(params)}`;
    const hit = this.entries.get(key);
    if (hit && hit.stamp === stamp) {
      this.entries.delete(key);
      this.entries.set(key, hit); // most recently used last
      return hit.value;
    }
    const [row] = await this.db.read<{ n: number }>(sql, params);
    const value = Number(row?.n ?? 0);
    this.entries.delete(key);
    this.entries.set(key, { stamp, value });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }
}
