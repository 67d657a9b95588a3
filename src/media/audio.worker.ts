import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type BeforeApplicationShutdown,
} from '@nestjs/common';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { APP_CONFIG } from '../config/config.module.js';
import { REDIS } from '../redis/redis.module.js';
import type { AppConfig } from '../config/config.js';
import {
  AudioProcessingService,
  PermanentAudioError,
  type ProcessOutcome,
} from './audio-processing.service.js';
import { AUDIO_QUEUE, AudioJob, type AudioJobData } from './audio-queue.js';
import { REDIS_DISCONNECT_TIMEOUT_MS } from '../redis/redis.module.js';

/**
 * The audio queue's worker (in processes whose PROCESS_ROLE includes `audio`). Thin: it unpacks
 * the payload, calls the processing service and lets failures propagate so BullMQ retries them;
 * permanent failures stop the retries. Built by hand rather than with @Processor so concurrency and
 * lock time come from the validated configuration.
 */
@Injectable()
export class AudioWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AudioWorker.name);
  private worker?: Worker;

  constructor(
    private readonly processing: AudioProcessingService,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.roles.has('audio')) return;
    const lockDuration = this.config.audioJobLockSeconds * 1000;
    this.worker = new Worker(AUDIO_QUEUE, (job) => this.handle(job), {
      connection: { url: this.config.redisUrl, disconnectTimeout: REDIS_DISCONNECT_TIMEOUT_MS },
      prefix: this.config.redisPrefix,
      concurrency: this.config.workerConcurrency,
      // A worker that dies mid-job stops renewing its lock; after this long another takes the job over.
      lockDuration,
      stalledInterval: lockDuration,
      maxStalledCount: 2,
    });
    this.worker.on('error', (error) => this.logger.warn(`audio worker: ${error.message}`));
    this.logger.log(`audio worker started (concurrency ${this.config.workerConcurrency})`);
  }

  /**
   * Lets running jobs finish before the database closes (its hook runs later); gives up after a while,
   * and at once when Redis is gone.
   */
  async beforeApplicationShutdown(): Promise<void> {
    if (!this.worker) return;
    const worker = this.worker;
    const redisUp = this.redis.status === 'ready';
    const closing = redisUp ? worker.close() : worker.close(true);
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, redisUp ? 30_000 : 500).unref());
    await Promise.race([closing.catch(() => undefined), timeout]);
  }

  private async handle(job: Job): Promise<ProcessOutcome> {
    const name = job.name as AudioJob;
    switch (name) {
      case AudioJob.Process:
        return this.processAsset(job as Job<AudioJobData[AudioJob.Process]>);
      default:
        throw new UnrecoverableError(`no handler for job "${job.name}"`);
    }
  }

  private async processAsset(job: Job<AudioJobData[AudioJob.Process]>): Promise<ProcessOutcome> {
    const { assetId } = job.data;
    this.logger.log(`asset ${assetId}: job picked up ${Date.now() - job.timestamp} ms after it was queued`);
    try {
      return await this.processing.process(assetId, (percent) => job.updateProgress(percent));
    } catch (error) {
      const permanent = error instanceof PermanentAudioError;
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await this.processing.failed(assetId, error, permanent || lastAttempt);
      if (permanent) throw new UnrecoverableError((error as Error).message);
      throw error;
    }
  }
}
