import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { REDIS } from '../redis/redis.module.js';

/**
 * Counts failed sign-ins per account and per address in fixed windows. The counters live in Redis so
 * every API instance sees the same ones; when Redis is down this process counts on its own (a lock,
 * not a record: losing it loses nothing that matters).
 */
@Injectable()
export class LoginThrottle {
  private readonly local = new Map<string, { count: number; until: number }>();

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private keys(username: string, ip: string): string[] {
    const prefix = `${this.config.redisPrefix}:login-failures`;
    return [`${prefix}:user:${username.toLowerCase()}`, `${prefix}:ip:${ip}`];
  }

  /** Seconds until another attempt is allowed, or 0 when it is allowed now. */
  async retryAfter(username: string, ip: string): Promise<number> {
    const { loginMaxFailures } = this.config.auth;
    let wait = 0;
    for (const key of this.keys(username, ip)) {
      const { count, ttlMs } = await this.read(key);
      if (count >= loginMaxFailures) wait = Math.max(wait, Math.ceil(ttlMs / 1000));
    }
    return wait;
  }

  async failed(username: string, ip: string): Promise<void> {
    const windowMs = this.config.auth.loginWindowSeconds * 1000;
    for (const key of this.keys(username, ip)) {
      try {
        await this.redis.multi().incr(key).pexpire(key, windowMs, 'NX').exec();
      } catch {
        const now = Date.now();
        const entry = this.local.get(key);
        if (entry && entry.until > now) entry.count++;
        else this.local.set(key, { count: 1, until: now + windowMs });
      }
    }
  }

  /** A successful sign-in clears the account's count (not the address's). */
  async succeeded(username: string, ip: string): Promise<void> {
    const [account] = this.keys(username, ip);
    this.local.delete(account);
    await this.redis.del(account).catch(() => undefined);
  }

  private async read(key: string): Promise<{ count: number; ttlMs: number }> {
    try {
      const [[, count], [, ttl]] = (await this.redis.multi().get(key).pttl(key).exec()) as [
        [Error | null, string | null],
        [Error | null, number],
      ];
      return { count: Number(count ?? 0), ttlMs: Math.max(ttl, 1000) };
    } catch {
      const entry = this.local.get(key);
      if (!entry || entry.until <= Date.now()) return { count: 0, ttlMs: 0 };
      return { count: entry.count, ttlMs: entry.until - Date.now() };
    }
  }
}
