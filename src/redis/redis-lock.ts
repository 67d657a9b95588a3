import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { REDIS } from './redis.token.js';

/** Deletes the key only if it still holds our token: never someone else's lock taken after ours expired. */
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

export interface Lease {
  key: string;
  token: string;
}

/**
 * A lock several instances sharing one Redis agree on: SET key token NX PX ttl, released by a
 * compare-and-delete script. For work that must run on one instance at a time (periodic jobs); the
 * TTL bounds how long a crashed holder blocks the others. Keys live under REDIS_PREFIX.
 */
export class RedisLock {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  keyOf(name: string): string {
    return `${this.prefix}:lock:${name}`;
  }

  async acquire(name: string, ttlMs: number): Promise<Lease | null> {
    const key = this.keyOf(name);
    const token = randomBytes(16).toString('hex');
    const ok = await this.redis.set(key, token, 'PX', ttlMs, 'NX');
    return ok === 'OK' ? { key, token } : null;
  }

  async release(lease: Lease): Promise<boolean> {
    return (await this.redis.eval(RELEASE, 1, lease.key, lease.token)) === 1;
  }

  /**
   * Runs `work` if this instance gets the lock; otherwise returns at once with ran = false. The lock
   * is released when the work ends, whether it succeeded or threw.
   */
  async runExclusive<T>(
    name: string,
    ttlMs: number,
    work: () => Promise<T>,
  ): Promise<{ ran: boolean; result?: T }> {
    const lease = await this.acquire(name, ttlMs);
    if (!lease) return { ran: false };
    try {
      return { ran: true, result: await work() };
    } finally {
      await this.release(lease).catch(() => undefined);
    }
  }
}

/** The app's lock, on the app's Redis connection and prefix. */
@Injectable()
export class Locks extends RedisLock {
  readonly logger = new Logger(Locks.name);

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    super(redis, config.redisPrefix);
  }
}
