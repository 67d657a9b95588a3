import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { EventsService } from '../events/events.service.js';
import { Locks } from '../redis/redis-lock.js';
import { PlansService } from './plans.service.js';
import { ScheduleReadService } from './schedule-read.service.js';

const MINUTE_MS = 60_000;

/**
 * Periodic scheduling work. Every instance has the timers; a Redis lock (under REDIS_PREFIX), kept for
 * the turn, makes one instance run each job per interval, the others skip that turn. SCHEDULED_JOBS=false registers none.
 * When Redis is down the turn is skipped and logged: the database stays the source of truth.
 */
@Injectable()
export class SchedulingJobs implements OnApplicationBootstrap {
  private readonly logger = new Logger(SchedulingJobs.name);

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly locks: Locks,
    private readonly schedule: ScheduleReadService,
    private readonly plans: PlansService,
    private readonly events: EventsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const { jobsEnabled, warningsIntervalMinutes, housekeepingIntervalMinutes } = this.config.scheduling;
    if (!jobsEnabled) {
      this.logger.log('scheduled jobs are off on this instance (SCHEDULED_JOBS=false)');
      return;
    }
    this.every('schedule-warnings', warningsIntervalMinutes, () => this.checkWarnings());
    this.every('schedule-housekeeping', housekeepingIntervalMinutes, () => this.housekeeping());
  }

  /** Looks WARNINGS_HOURS ahead; logs and publishes what it finds. */
  checkWarnings(): Promise<{ ran: boolean; result?: number }> {
    const hours = this.config.scheduling.warningsHours;
    return this.locks.runOncePerTurn(
      'schedule-warnings',
      this.ttl(this.config.scheduling.warningsIntervalMinutes),
      async () => {
        const { count, items } = await this.schedule.warnings(hours);
        if (count > 0) {
          this.logger.warn(`${count} schedule warning(s) in the next ${hours} h; first: ${items[0].message}`);
          this.events.publish({ type: 'schedule_warnings', count, hours });
        }
        return count;
      },
    );
  }

  housekeeping(): Promise<{ ran: boolean; result?: number }> {
    return this.locks.runOncePerTurn(
      'schedule-housekeeping',
      this.ttl(this.config.scheduling.housekeepingIntervalMinutes),
      async () => (await this.plans.recoverApplies()) + (await this.plans.expireOld()),
    );
  }

  /** A turn: most of one interval, so the next turn's timer (on any instance) finds the lock free. */
  private ttl(minutes: number): number {
    return Math.max(10_000, minutes * MINUTE_MS * 0.9);
  }

  private every(name: string, minutes: number, job: () => Promise<unknown>): void {
    const timer = setInterval(() => {
      job().catch((error: Error) => this.logger.error(`${name}: ${error.message}`));
    }, minutes * MINUTE_MS);
    timer.unref();
    this.registry.addInterval(name, timer);
  }
}
