import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { REDIS } from '../redis/redis.module.js';
import { AudioAssetsRepository } from './audio-assets.repository.js';
import { AudioAssetsService } from './audio-assets.service.js';
import { AUDIO_QUEUE, audioJobId } from './audio-queue.js';
import { MediaStorage } from './media-storage.js';

/**
 * The database is the source of truth: at start and every RECONCILE_INTERVAL_SECONDS, every asset
 * waiting for processing gets a job if Redis has none for it (uploads made while Redis was down, jobs
 * lost with Redis's data). One instance at a time does it, under a Redis lock.
 */
@Injectable()
export class AudioReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AudioReconciler.name);
  private running = false;

  constructor(
    private readonly rows: AudioAssetsRepository,
    private readonly assets: AudioAssetsService,
    private readonly media: MediaStorage,
    private readonly scheduler: SchedulerRegistry,
    @InjectQueue(AUDIO_QUEUE) private readonly queue: Queue,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    void this.reconcile();
    this.scheduler.addInterval(
      'audio-reconcile',
      setInterval(() => void this.reconcile(), this.config.reconcileIntervalSeconds * 1000),
    );
  }

  onApplicationShutdown(): void {
    if (this.scheduler.doesExist('interval', 'audio-reconcile'))
      this.scheduler.deleteInterval('audio-reconcile');
  }

  /** Returns how many jobs it (re)created; 0 when another instance holds the lock or Redis is down. */
  async reconcile(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
      const lock = `${this.config.redisPrefix}:lock:audio-reconcile`;
      const ttl = Math.max(1000, this.config.reconcileIntervalSeconds * 1000 - 200);
      const got = await this.redis.set(lock, String(process.pid), 'PX', ttl, 'NX').catch(() => null);
      if (got !== 'OK') return 0;
      await this.media.sweep({ olderThanMs: 6 * 3600 * 1000 });
      const waiting = await this.rows.waiting();
      let created = 0;
      for (const asset of waiting) {
        const job = await this.queue.getJob(audioJobId(asset.id));
        const state = job ? await job.getState() : 'missing';
        if (state === 'missing' || state === 'unknown' || state === 'completed' || state === 'failed') {
          await job?.remove().catch(() => undefined);
          if (await this.assets.enqueue(asset.id)) created++;
        }
      }
      if (created) this.logger.log(`re-queued ${created} audio asset(s) that had no live job`);
      return created;
    } catch (error) {
      this.logger.warn(`reconcile skipped: ${(error as Error).message}`);
      return 0;
    } finally {
      this.running = false;
    }
  }
}
