import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { Clock } from '../common/clock.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { REDIS } from '../redis/redis.module.js';

/**
 * Takes a sign-in slot on every key at once, or none: when a key already holds `max` (failures plus
 * attempts still being checked), answers the milliseconds until its window ends and counts nothing.
 * A window starts with its first attempt and is never extended. Each key is a hash of `count` and
 * `until` (the window's end by the service's clock, ARGV[3] being its now); Redis's own expiry, as
 * long as the window, only clears keys away (the clock never runs slower than Redis's).
 */
const RESERVE = `
local max = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local wait = 0
for _, key in ipairs(KEYS) do
  local ends = tonumber(redis.call('HGET', key, 'until') or '0')
  if ends > now and tonumber(redis.call('HGET', key, 'count') or '0') >= max then
    if ends - now > wait then wait = ends - now end
  end
end
if wait > 0 then return wait end
for _, key in ipairs(KEYS) do
  if tonumber(redis.call('HGET', key, 'until') or '0') > now then
    redis.call('HINCRBY', key, 'count', 1)
  else
    redis.call('HSET', key, 'count', 1, 'until', now + window)
    redis.call('PEXPIRE', key, window)
  end
end
return 0`;

/** Gives a slot back; never below zero, never on a key whose window already ended. */
const RELEASE = `
local now = tonumber(ARGV[1])
for _, key in ipairs(KEYS) do
  if tonumber(redis.call('HGET', key, 'until') or '0') > now and tonumber(redis.call('HGET', key, 'count') or '0') > 0 then
    redis.call('HINCRBY', key, 'count', -1)
  end
end
return 0`;

/** A sign-in attempt that got its slot: the password may be checked now. */
export interface LoginSlot {
  /** Where the slot was counted: Redis, or this process while Redis is unreachable. */
  readonly store: 'redis' | 'local';
  readonly keys: string[];
}

/**
 * Limits sign-in attempts per account and per address: at most `LOGIN_MAX_FAILURES` passwords are
 * ever checked in one window of `LOGIN_WINDOW_SECONDS` for one account or one address, however many
 * requests arrive at once. The slot is taken atomically *before* the password is checked (one Lua
 * script in Redis, shared by every instance), so a burst of parallel guesses cannot all pass a
 * "fewer than five so far?" check before any of them is counted. A right password gives its slot
 * back (it is not a failure); a wrong one keeps it until the window ends.
 *
 * A success does not wipe the failures already counted: the account holder who mistyped four times
 * has one try left in that minute, and someone guessing alongside them gets no fresh five each time
 * the holder signs in.
 *
 * While Redis is unreachable the count is kept in this process, checked and taken in one synchronous
 * step (no await in between), so it is just as atomic, for this instance: a lock, not a record, and
 * losing it on restart loses nothing that matters.
 */
@Injectable()
export class LoginThrottle {
  private readonly logger = new Logger(LoginThrottle.name);
  private readonly local = new Map<string, { count: number; until: number }>();

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  private keys(username: string, ip: string): string[] {
    // Not `login-attempts`: those keys were plain counters, these are hashes (count, until).
    const prefix = `${this.config.redisPrefix}:login-window`;
    return [`${prefix}:user:${username.toLowerCase()}`, `${prefix}:ip:${ip}`];
  }

  /** A slot to check one password, or the seconds to wait when the account or the address is used up. */
  async reserve(username: string, ip: string): Promise<LoginSlot | { retryAfterSeconds: number }> {
    const { loginMaxFailures, loginWindowSeconds } = this.config.auth;
    const keys = this.keys(username, ip);
    let waitMs: number;
    let store: LoginSlot['store'] = 'redis';
    try {
      waitMs = Number(
        await this.redis.eval(
          RESERVE,
          keys.length,
          ...keys,
          loginMaxFailures,
          loginWindowSeconds * 1000,
          this.clock.nowMs(),
        ),
      );
    } catch (error) {
      this.logger.debug(`sign-in limit counted in this process: ${(error as Error).message}`);
      store = 'local';
      waitMs = this.reserveLocally(keys);
    }
    if (waitMs > 0) return { retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    return { store, keys };
  }

  /** The password was right: the slot is given back, the failures before it stay counted. */
  async release(slot: LoginSlot): Promise<void> {
    if (slot.store === 'local') {
      for (const key of slot.keys) {
        const entry = this.local.get(key);
        if (entry && entry.until > this.clock.nowMs() && entry.count > 0) entry.count--;
      }
      return;
    }
    // Not given back (Redis went away meanwhile): the holder's own success counts as one attempt.
    await this.redis.eval(RELEASE, slot.keys.length, ...slot.keys, this.clock.nowMs()).catch(() => undefined);
  }

  /** Synchronous on purpose: nothing else runs between the check and the count. */
  private reserveLocally(keys: string[]): number {
    const now = this.clock.nowMs();
    const { loginMaxFailures, loginWindowSeconds } = this.config.auth;
    let wait = 0;
    for (const key of keys) {
      const entry = this.local.get(key);
      if (entry && entry.until > now && entry.count >= loginMaxFailures)
        wait = Math.max(wait, entry.until - now);
    }
    if (wait > 0) return wait;
    for (const key of keys) {
      const entry = this.local.get(key);
      if (entry && entry.until > now) entry.count++;
      else this.local.set(key, { count: 1, until: now + loginWindowSeconds * 1000 });
    }
    this.forgetEnded(now);
    return 0;
  }

  /** Ended windows are dropped now and then, so guessing from many addresses cannot grow the map for good. */
  private forgetEnded(now: number): void {
    if (this.local.size < 1000) return;
    for (const [key, entry] of this.local) if (entry.until <= now) this.local.delete(key);
  }
}
