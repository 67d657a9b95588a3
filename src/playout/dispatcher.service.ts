import { InjectQueue } from '@nestjs/bullmq';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Subscription } from 'rxjs';
import { Clock } from '../common/clock.js';
import { utcDate } from '../database/sql.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { Database } from '../database/database.service.js';
import { EventsService } from '../events/events.service.js';
import { Locks } from '../redis/redis-lock.js';
import { AiringScheduleRepository } from '../scheduling/airing-schedule.repository.js';
import { PlacementStatusRepository } from '../scheduling/placement-status.repository.js';
import { expandWindows } from '../scheduling/program-grid.js';
import { AsRunRepository } from './as-run.repository.js';
import { BulletinsRepository } from './bulletins.repository.js';
import { PlayerService } from './player.service.js';
import {
  bulletinJobId,
  PLAYOUT_JOB_OPTIONS,
  PLAYOUT_QUEUE,
  placementJobId,
  PlayoutJob,
  type PlayoutJobData,
} from './playout-queue.js';
import { zonePlayout } from './zone-playout.js';

export interface ReconcileReport {
  ran: boolean;
  queued: number;
  removed: number;
  missed: number;
  bulletins: number;
}

/**
 * Keeps the delayed jobs in Redis matching the planned placements in the database (the source of
 * truth), at start and every PLAYOUT_RECONCILE_SECONDS, on one instance at a time (a Redis lock):
 * - every planned placement within the horizon has the job of its current version;
 * - jobs of moved, cancelled or deleted placements are removed;
 * - placements whose time passed without airing (the service was down, Redis lost its jobs) are
 *   marked missed, with the reason, for the operators to reschedule;
 * - bulletins whose audio became ready are dispatched.
 */
@Injectable()
export class PlayoutDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(PlayoutDispatcher.name);
  private timer?: NodeJS.Timeout;
  private soon?: NodeJS.Timeout;
  private running?: Promise<ReconcileReport>;
  private again = false;
  private subscription?: Subscription;
  /** The wait for the next job due by the clock (see promoteDue). */
  private wake?: { at: number; cancel: AbortController };

  constructor(
    private readonly db: Database,
    private readonly locks: Locks,
    @InjectQueue(PLAYOUT_QUEUE) private readonly queue: Queue,
    private readonly events: EventsService,
    private readonly player: PlayerService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly schedule: AiringScheduleRepository,
    private readonly placementStatus: PlacementStatusRepository,
    private readonly asRun: AsRunRepository,
    private readonly bulletins: BulletinsRepository,
  ) {
    queue.on('error', () => undefined); // the reconciler logs what matters
  }

  onApplicationBootstrap(): void {
    if (!this.config.roles.has('playout')) return;
    const every = this.config.playout.reconcileSeconds * 1000;
    this.timer = setInterval(() => void this.reconcile(), every);
    this.timer.unref();
    void this.reconcile();
    // A placement made a minute ahead cannot wait for the next pass: follow changes at once.
    this.subscription = this.events.stream().subscribe((event) => {
      if (event.type !== 'placements_changed') return;
      clearTimeout(this.soon);
      this.soon = setTimeout(() => void this.reconcile(), 100);
    });
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
    clearTimeout(this.soon);
    this.wake?.cancel.abort();
    this.subscription?.unsubscribe();
  }

  /** One pass; asked for while one runs, another follows it (the running one may have read too early). */
  reconcile(): Promise<ReconcileReport> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.pass()
      .catch((error: Error) => {
        this.logger.warn(`playout reconcile: ${error.message}`);
        return { ran: false, queued: 0, removed: 0, missed: 0, bulletins: 0 };
      })
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          void this.reconcile();
        }
      });
    return this.running;
  }

  private async pass(): Promise<ReconcileReport> {
    const ttl = Math.max(10_000, this.config.playout.reconcileSeconds * 2000);
    const { ran, result } = await this.locks.runExclusive('playout-reconcile', ttl, async () => {
      const missed = await this.markMissed();
      const { queued, removed } = await this.syncJobs();
      const bulletins = await this.dispatchBulletins();
      await this.promoteDue();
      return { queued, removed, missed, bulletins };
    });
    return { ran, ...(result ?? { queued: 0, removed: 0, missed: 0, bulletins: 0 }) };
  }

  /** Placements still planned after their time and grace: the service was not there to play them. */
  private async markMissed(): Promise<number> {
    const rows = await this.schedule.plannedBefore(this.clock.nowMs());
    let missed = 0;
    for (const row of rows) {
      const { graceSeconds, settings } = zonePlayout(JSON.parse(row.playout || '{}'));
      const startsAt = utcDate(row.starts_at);
      if (this.clock.nowMs() - startsAt.getTime() <= graceSeconds * 1000 + 2000) continue; // its job may still fire
      const marked = await this.db.transaction(async (m) => {
        const current = await this.schedule.state(row.id, m);
        if (current?.status !== 'planned') return false;
        await this.placementStatus.aired(m, row.id, 'missed');
        await this.asRun.add(m, {
          placementId: row.id,
          bulletinId: null,
          zoneId: row.zone_id,
          scheduledAt: startsAt,
          result: 'missed',
          driver: settings.driver,
          playedSeconds: 0,
          error:
            'Không phát: đến giờ phát dịch vụ không chạy hoặc mất hàng đợi. Hãy xếp lại lịch cho phóng sự này.',
        });
        return true;
      });
      if (marked) {
        missed++;
        await this.player.tellNotAired(row.id);
      }
    }
    if (missed) this.logger.warn(`${missed} placement(s) passed their time without airing: marked missed`);
    return missed;
  }

  /** Every planned placement within the horizon has the job of its current version; no other job exists. */
  private async syncJobs(): Promise<{ queued: number; removed: number }> {
    const now = this.clock.nowMs();
    const until = now + this.config.playout.horizonHours * 3_600_000;
    const planned = await this.schedule.plannedBetween(now - 3_600_000, until);
    const wanted = new Map(planned.map((p) => [placementJobId(p.id, p.version), p]));
    let removed = 0;
    for (const job of await this.queue.getJobs(['delayed', 'waiting', 'prioritized'])) {
      if (job.name !== PlayoutJob.Placement || !job.id) continue;
      if (wanted.has(job.id)) {
        wanted.delete(job.id); // already there
        continue;
      }
      const { placementId } = job.data as PlayoutJobData[PlayoutJob.Placement];
      const still = await this.schedule.state(placementId);
      // A job beyond the horizon of a placement still planned can stay; any other is stale.
      if (still?.status === 'planned' && utcDate(still.starts_at).getTime() >= until) continue;
      await job.remove().catch(() => undefined);
      removed++;
    }
    for (const [jobId, p] of wanted) {
      const dueAt = utcDate(p.starts_at).getTime();
      const data: PlayoutJobData[PlayoutJob.Placement] = { placementId: p.id, version: p.version, dueAt };
      await this.queue.add(PlayoutJob.Placement, data, {
        ...PLAYOUT_JOB_OPTIONS,
        jobId,
        delay: Math.max(0, dueAt - this.clock.nowMs()),
      });
    }
    return { queued: wanted.size, removed };
  }

  /** Bulletins whose audio is ready: an emergency airs now; a priority one at the next window of each zone. */
  private async dispatchBulletins(): Promise<number> {
    const ready = await this.bulletins.waitingWithReadyAudio();
    for (const bulletin of ready)
      await this.dispatch(bulletin.id, bulletin.priority, JSON.parse(bulletin.zone_ids));
    return ready.length;
  }

  async dispatch(bulletinId: number, priority: string, zoneIds: number[]): Promise<void> {
    if (priority === 'normal') {
      await this.db.transaction((m) => this.bulletins.setStatus(m, bulletinId, 'waiting_scheduler'));
      return;
    }
    const jobs: { zoneIds: number[]; at: number }[] = [];
    if (priority === 'emergency') jobs.push({ zoneIds, at: this.clock.nowMs() });
    else {
      const tree = await this.schedule.zoneTree();
      const grid = await this.schedule.grid(tree, zoneIds);
      const from = this.clock.now();
      const windows = expandWindows(tree, grid.windows, from, new Date(from.getTime() + 14 * 86_400_000));
      for (const zoneId of zoneIds) {
        const next = windows
          .filter((w) => w.zoneId === zoneId && w.start > from)
          .sort((a, b) => +a.start - +b.start)[0];
        if (next) jobs.push({ zoneIds: [zoneId], at: next.start.getTime() });
      }
    }
    const airAt = jobs.length ? new Date(Math.min(...jobs.map((j) => j.at))) : null;
    await this.db.transaction((m) =>
      this.bulletins.setStatus(m, bulletinId, jobs.length ? 'dispatched' : 'failed', airAt),
    );
    for (const job of jobs)
      await this.queue.add(
        PlayoutJob.Bulletin,
        { bulletinId, zoneIds: job.zoneIds, dueAt: job.at },
        {
          ...PLAYOUT_JOB_OPTIONS,
          jobId: `${bulletinJobId(bulletinId)}-${job.zoneIds.join('-')}`,
          delay: Math.max(0, job.at - this.clock.nowMs()),
          priority: 1,
        },
      );
  }

  /**
   * Redis counts a job's delay on the machine's time; the service decides by its clock. The two agree
   * unless the clock runs ahead of the machine's (a test moving time): then the delayed jobs already
   * due by the clock are released now, and the next one is waited for on the clock. With the system
   * clock this does nothing (no read of every delayed job on each pass).
   */
  private async promoteDue(): Promise<void> {
    // The machine's clock: Redis's delays are the clock's, nothing to release or wait for here.
    if (!this.clock.runsAhead) return;
    const now = this.clock.nowMs();
    let next = Infinity;
    for (const job of await this.queue.getJobs(['delayed'])) {
      const { dueAt } = job.data as { dueAt?: number };
      if (dueAt === undefined) continue; // queued before jobs carried their instant: Redis's delay decides
      if (dueAt <= now)
        await job.promote().catch(() => undefined); // taken meanwhile
      else next = Math.min(next, dueAt);
    }
    this.wakeAt(next);
  }

  /** A pass at `at` by the clock, unless one is already awaited at or before it. */
  private wakeAt(at: number): void {
    if (!Number.isFinite(at) || (this.wake && this.wake.at <= at && !this.wake.cancel.signal.aborted)) return;
    this.wake?.cancel.abort();
    const wake = { at, cancel: new AbortController() };
    this.wake = wake;
    void this.clock.sleepUntil(at, wake.cancel.signal).then((came) => {
      if (!came) return;
      if (this.wake === wake) this.wake = undefined;
      void this.reconcile();
    });
  }
}
