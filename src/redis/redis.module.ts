import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { Locks } from './redis-lock.js';

import { REDIS } from './redis.token.js';

export { REDIS } from './redis.token.js';

/** How long one command may wait for an answer (not for workers' blocking reads). */
export const REDIS_COMMAND_TIMEOUT_MS = 2000;
/** How long `quit()` waits before dropping the socket; ioredis' default 2 s kept stops and test workers waiting. */
export const REDIS_DISCONNECT_TIMEOUT_MS = 200;

/**
 * The one Redis connection setup. Redis holds queues and locks only; the database is the source of
 * truth, so the service starts and serves while Redis is down and reconnects when it is back.
 */
export function createRedis(url: string, name: string, options: { forWorker?: boolean } = {}): Redis {
  const logger = new Logger(`Redis:${name}`);
  const redis = new Redis(url, {
    connectionName: `truyenthanh:${name}`,
    // BullMQ workers need blocking commands that wait forever; everything else should fail fast.
    maxRetriesPerRequest: options.forWorker ? null : 1,
    enableOfflineQueue: options.forWorker ?? false,
    lazyConnect: false,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
    // A Redis that accepts the connection but never answers must not hold a request (or a sign-in's
    // limit check, which then counts in the process) for ever. Workers block on purpose: no limit.
    ...(options.forWorker ? {} : { commandTimeout: REDIS_COMMAND_TIMEOUT_MS }),
    disconnectTimeout: REDIS_DISCONNECT_TIMEOUT_MS,
  });
  let lastError = '';
  redis.on('error', (error: Error) => {
    // Log each distinct failure once, not every reconnect attempt.
    if (error.message !== lastError) logger.warn(`Redis: ${error.message}`);
    lastError = error.message;
  });
  redis.on('ready', () => {
    if (lastError) logger.log('Redis connection is back');
    lastError = '';
  });
  return redis;
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createRedis(config.redisUrl, 'app'),
    },
    Locks,
  ],
  exports: [REDIS, Locks],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
