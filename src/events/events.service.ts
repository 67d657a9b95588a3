import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { Subject, type Observable } from 'rxjs';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { createRedis, REDIS } from '../redis/redis.module.js';

/** Something that changed, pushed to browsers on `GET /api/events`. */
export type ServiceEvent = AssetEvent | PlayoutEvent | ScheduleWarningsEvent | PlacementsChangedEvent;

/** Placements were made, moved or cancelled: playout brings its delayed jobs in line. */
export interface PlacementsChangedEvent {
  type: 'placements_changed';
}

export interface AssetEvent {
  type: 'asset';
  assetId: number;
  reportageId: number | null;
  status: string;
  progress: number;
  error?: string | null;
}

/** The periodic check before air found problems (GET /api/schedule/warnings has them). */
export interface ScheduleWarningsEvent {
  type: 'schedule_warnings';
  count: number;
  hours: number;
}

/** A broadcast started, ended or failed on a zone (as-run entry `asRunId`). */
export interface PlayoutEvent {
  type: 'playout';
  event: 'start' | 'end' | 'failure';
  zoneId: number;
  asRunId: number;
  placementId: number | null;
  bulletinId: number | null;
  result: string;
  error?: string | null;
}

/**
 * Events travel through Redis pub/sub, so a change made by a worker on another machine reaches the
 * browsers connected to any API process. When Redis is down they are delivered in this process only.
 */
@Injectable()
export class EventsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(EventsService.name);
  private readonly events = new Subject<ServiceEvent>();
  private subscriber?: Redis;
  private readonly channel: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.channel = `${config.redisPrefix}:events`;
  }

  async onModuleInit(): Promise<void> {
    // Browsers to serve (api), or placements to follow (playout); an audio worker only publishes.
    if (!this.config.roles.has('api') && !this.config.roles.has('playout')) return;
    this.subscriber = createRedis(this.config.redisUrl, 'events', { forWorker: true });
    this.subscriber.on('message', (_channel: string, message: string) => {
      try {
        this.events.next(JSON.parse(message) as ServiceEvent);
      } catch {
        this.logger.warn(`ignored a malformed event: ${message.slice(0, 100)}`);
      }
    });
    // Subscribing waits for the connection; do not hold up start-up when Redis is down.
    void this.subscriber
      .subscribe(this.channel)
      .catch((error: Error) => this.logger.warn(`events: ${error.message}`));
  }

  async onModuleDestroy(): Promise<void> {
    this.events.complete();
    this.subscriber?.disconnect();
  }

  publish(event: ServiceEvent): void {
    this.redis.publish(this.channel, JSON.stringify(event)).catch(() => this.events.next(event));
  }

  stream(): Observable<ServiceEvent> {
    return this.events.asObservable();
  }
}
