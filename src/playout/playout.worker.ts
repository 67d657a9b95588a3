import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { Interrupts } from './interrupts.js';
import { PlayerService, type AiringOutcome } from './player.service.js';
import { PLAYOUT_QUEUE, PlayoutJob, type PlayoutJobData } from './playout-queue.js';
import { REDIS_DISCONNECT_TIMEOUT_MS } from '../redis/redis.module.js';

/**
 * Fires broadcasts when their delayed jobs come due (in `worker` and `both` processes). Thin: unpacks
 * the payload and calls the player. Many jobs may wait at once on a stream, so concurrency is high;
 * the work is the drivers', not this process's CPU.
 */
@Injectable()
export class PlayoutWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(PlayoutWorker.name);
  private worker?: Worker;

  constructor(
    private readonly player: PlayerService,
    private readonly interrupts: Interrupts,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.roles.has('playout')) return;
    this.worker = new Worker(PLAYOUT_QUEUE, (job) => this.handle(job), {
      connection: { url: this.config.redisUrl, disconnectTimeout: REDIS_DISCONNECT_TIMEOUT_MS },
      prefix: this.config.redisPrefix,
      concurrency: 100,
      lockDuration: 30_000,
      // A broadcast is never started twice: a job whose worker died is not run again.
      maxStalledCount: 0,
    });
    this.worker.on('error', (error) => this.logger.warn(`playout worker: ${error.message}`));
  }

  /** Stops taking jobs; what is on air is cut (the as-run log says partial) rather than left orphaned. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close(true).catch(() => undefined);
  }

  private handle(job: Job): Promise<AiringOutcome | AiringOutcome[]> {
    switch (job.name as PlayoutJob) {
      case PlayoutJob.Placement: {
        const { placementId, version } = job.data as PlayoutJobData[PlayoutJob.Placement];
        return this.player.airPlacement(placementId, version);
      }
      case PlayoutJob.Bulletin: {
        const { bulletinId, zoneIds } = job.data as PlayoutJobData[PlayoutJob.Bulletin];
        return this.player.airBulletin(bulletinId, zoneIds, (zones, id) =>
          this.interrupts.interrupt(zones, id),
        );
      }
      default:
        throw new UnrecoverableError(`no handler for job "${job.name}"`);
    }
  }
}
