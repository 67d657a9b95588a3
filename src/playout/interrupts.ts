import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { createRedis, REDIS } from '../redis/redis.module.js';
import { AiringScheduleRepository } from '../scheduling/airing-schedule.repository.js';
import { PlayerService } from './player.service.js';

/**
 * An emergency bulletin cuts what plays on its zones, and on the zones above and below them (a
 * station and its clusters), in whichever instance plays it: the order goes out on Redis pub/sub to
 * every instance, and is carried out here at once too (when Redis is down this is the only one).
 */
@Injectable()
export class Interrupts implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(Interrupts.name);
  private subscriber?: Redis;
  private readonly channel: string;

  constructor(
    private readonly player: PlayerService,
    private readonly schedule: AiringScheduleRepository,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.channel = `${config.redisPrefix}:playout:interrupt`;
  }

  onModuleInit(): void {
    this.subscriber = createRedis(this.config.redisUrl, 'interrupts', { forWorker: true });
    this.subscriber.on('message', (_channel: string, message: string) => {
      const { zoneIds, bulletinId } = JSON.parse(message) as { zoneIds: number[]; bulletinId: number };
      this.player.interruptLocal(zoneIds, bulletinId);
    });
    void this.subscriber
      .subscribe(this.channel)
      .catch((error: Error) => this.logger.warn(`interrupts: ${error.message}`));
  }

  onModuleDestroy(): void {
    this.subscriber?.disconnect();
  }

  /** Cuts everything playing on `zoneIds` and the zones related to them, in every instance. */
  async interrupt(zoneIds: number[], bulletinId: number): Promise<void> {
    const tree = await this.schedule.zoneTree();
    const all = new Set<number>();
    for (const id of zoneIds) if (tree.has(id)) for (const related of tree.related(id)) all.add(related);
    const cut = this.player.interruptLocal(all, bulletinId);
    if (cut) this.logger.warn(`bulletin ${bulletinId} cut ${cut} broadcast(s) here`);
    await this.redis
      .publish(this.channel, JSON.stringify({ zoneIds: [...all], bulletinId }))
      .catch(() => undefined);
    // Let the cut airings write their as-run entries before the bulletin starts on the same zones.
    await new Promise((r) => setTimeout(r, 200));
  }
}
