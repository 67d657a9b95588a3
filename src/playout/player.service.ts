import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { Database } from '../database/database.service.js';
import { EventsService } from '../events/events.service.js';
import { MediaStorage } from '../media/media-storage.js';
import { AirableReportages, whyNotAirable } from '../catalog/reportages/airable-reportages.repository.js';
import { AiringScheduleRepository } from '../scheduling/airing-schedule.repository.js';
import { PlacementStatusRepository, type AiredStatus } from '../scheduling/placement-status.repository.js';
import { ZonePlayoutRepository } from '../scheduling/zone-playout.repository.js';
import { AsRunRepository } from './as-run.repository.js';
import { BulletinsRepository } from './bulletins.repository.js';
import { CommandDriver } from './drivers/command.driver.js';
import { IcecastDriver } from './drivers/icecast.driver.js';
import { ManualDriver } from './drivers/manual.driver.js';
import type { PlayOutcome, PlayoutDriver, PlayoutSettings } from './drivers/playout-driver.js';
import type { AsRunResult } from './playout.entities.js';
import { zonePlayout } from './zone-playout.js';

/** Something playing on a zone in this process, and what may cut it short. */
interface Playing {
  controller: AbortController;
  asRunId: number;
  placementId: number | null;
  bulletinId: number | null;
  interruptedBy?: number;
}

interface Airing {
  asRunId: number;
  zoneId: number;
  placementId: number | null;
  bulletinId: number | null;
  settings: PlayoutSettings;
  file: string;
  durationSeconds: number;
  title: string;
}

export type AiringOutcome = 'skipped' | AsRunResult;

const PLACEMENT_STATUS: Record<PlayOutcome['result'], AiredStatus> = {
  aired: 'aired',
  partial: 'partial',
  failed: 'failed',
  // placements.status is short: 'unconfirmed' until the operator says what aired.
  awaiting_confirmation: 'unconfirmed',
};

/**
 * Plays broadcasts: claims a placement (exactly once, in the database), plays it on its zone's
 * driver, and writes the as-run entry of what really happened. Knows what plays on each zone in this
 * process, so an emergency bulletin can cut it.
 */
@Injectable()
export class PlayerService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(PlayerService.name);
  private readonly playing = new Map<number, Playing>();
  /** Every airing under way in this process, until its as-run entry is written. */
  private readonly airings = new Set<Promise<AiringOutcome>>();
  private readonly drivers: Record<PlayoutSettings['driver'], PlayoutDriver>;

  constructor(
    private readonly db: Database,
    private readonly media: MediaStorage,
    private readonly events: EventsService,
    icecast: IcecastDriver,
    command: CommandDriver,
    manual: ManualDriver,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly asRun: AsRunRepository,
    private readonly bulletins: BulletinsRepository,
    private readonly schedule: AiringScheduleRepository,
    private readonly zonePlayouts: ZonePlayoutRepository,
    private readonly placementStatus: PlacementStatusRepository,
    private readonly reportages: AirableReportages,
  ) {
    this.drivers = { icecast, command, manual };
  }

  /** The job of a placement fired: air it if it is still planned as it was when the job was made. */
  async airPlacement(placementId: number, version: number): Promise<AiringOutcome> {
    const airing = await this.db.transaction((m) => this.claim(m, placementId, version));
    if (typeof airing !== 'string') return this.play(airing);
    if (airing === 'missed' || airing === 'failed') await this.tellNotAired(placementId);
    return airing;
  }

  /** Operators hear at once of a placement that will not air, and why (its as-run entry). */
  async tellNotAired(placementId: number): Promise<void> {
    const entry = await this.asRun.ofPlacement(placementId);
    if (!entry) return;
    this.events.publish({
      type: 'playout',
      event: 'failure',
      zoneId: entry.zone_id,
      asRunId: entry.id,
      placementId,
      bulletinId: null,
      result: entry.result,
      error: entry.error,
    });
  }

  /** Plays a bulletin on each of its zones at once, cutting what plays there when it is an emergency. */
  async airBulletin(
    bulletinId: number,
    zoneIds: number[],
    interrupt: (zoneIds: number[], bulletinId: number) => Promise<void>,
  ): Promise<AiringOutcome[]> {
    const bulletin = await this.bulletins.get(bulletinId);
    if (!bulletin || (bulletin.status !== 'dispatched' && bulletin.status !== 'done')) return ['skipped'];
    if (bulletin.priority === 'emergency') await interrupt(zoneIds, bulletin.id);
    const airings = await this.db.transaction(async (m) => {
      const asset = await this.bulletins.audio(m, bulletin.audioAssetId);
      const list: Airing[] = [];
      for (const zoneId of zoneIds) {
        const stored = await this.zonePlayouts.settingsOf(zoneId, m);
        if (stored === undefined) continue;
        const { settings } = zonePlayout(stored);
        const ready = asset?.status === 'ready' && asset.broadcast_path;
        const entry = await this.asRun.add(m, {
          placementId: null,
          bulletinId,
          zoneId,
          scheduledAt: bulletin.airAt ?? this.clock.now(),
          startedAt: ready ? this.clock.now() : null,
          result: ready ? 'on_air' : 'failed',
          driver: settings.driver,
          error: ready ? null : 'Âm thanh của bản tin chưa sẵn sàng.',
          playedSeconds: 0,
        });
        if (asset && ready)
          list.push({
            asRunId: entry.id,
            zoneId,
            placementId: null,
            bulletinId,
            settings,
            file: this.media.abs(ready),
            durationSeconds: asset.broadcast_duration_seconds,
            title: bulletin.title,
          });
      }
      await this.bulletins.setStatus(m, bulletinId, list.length ? 'done' : 'failed');
      return list;
    });
    return Promise.all(airings.map((a) => this.play(a)));
  }

  /**
   * The service stops: what is on air is cut, and its as-run entry (partial) written while the
   * database is still open. Left playing, the driver's program (ffmpeg to Icecast, a station's
   * command) would outlive the service and its airing would stay "on air" for good.
   */
  async beforeApplicationShutdown(): Promise<void> {
    for (const current of this.playing.values()) current.controller.abort();
    await Promise.allSettled([...this.airings]);
  }

  /** Stops what plays on these zones in this process; the cut airings are logged against the bulletin. */
  interruptLocal(zoneIds: Iterable<number>, bulletinId: number): number {
    let cut = 0;
    for (const zoneId of zoneIds) {
      const current = this.playing.get(zoneId);
      if (!current || current.bulletinId !== null) continue; // never cut a bulletin
      current.interruptedBy = bulletinId;
      current.controller.abort();
      cut++;
    }
    return cut;
  }

  /**
   * Inside the write transaction: a compare-and-set from `planned` at the job's version to `on_air`,
   * so a placement fires once even when two instances hold a job for it. Too late → missed.
   */
  private async claim(
    m: EntityManager,
    placementId: number,
    version: number,
  ): Promise<Airing | AiringOutcome> {
    const placement = await this.schedule.placement(placementId, m);
    if (!placement || placement.status !== 'planned' || placement.version !== version) return 'skipped';
    const stored = await this.zonePlayouts.settingsOf(placement.zoneId, m);
    if (stored === undefined)
      throw new Error(`zone ${placement.zoneId} of placement ${placementId} not found`);
    const zoneId = placement.zoneId;
    const { settings, graceSeconds } = zonePlayout(stored);
    const lateSeconds = (this.clock.nowMs() - placement.startsAt.getTime()) / 1000;
    const fail = async (result: 'missed' | 'failed', error: string) => {
      await this.placementStatus.aired(m, placementId, result);
      await this.asRun.add(m, {
        placementId,
        bulletinId: null,
        zoneId: zoneId,
        scheduledAt: placement.startsAt,
        result,
        driver: settings.driver,
        error,
        playedSeconds: 0,
      });
      this.logger.warn(`placement ${placementId} on zone ${zoneId}: ${result}: ${error}`);
      return result;
    };
    if (lateSeconds > graceSeconds)
      return fail(
        'missed',
        `Không bắt đầu được trong ${graceSeconds} giây sau giờ phát (trễ ${Math.round(lateSeconds)} giây); phóng sự không phát dở chừng.`,
      );
    // The catalog's rule "a reportage may air" (approved, broadcast rendition ready), checked again at airtime.
    const reportage = await this.reportages.one(placement.reportageId, m);
    const why = reportage ? whyNotAirable(reportage) : 'REPORTAGE_NOT_APPROVED';
    if (!reportage || why === 'REPORTAGE_NOT_APPROVED')
      return fail('failed', 'Phóng sự không còn ở trạng thái đã duyệt nên không được phát.');
    if (why || !reportage.broadcastPath || !reportage.durationSeconds)
      return fail('failed', 'Phóng sự không còn bản phát sóng sẵn sàng.');
    if (this.playing.has(zoneId)) return fail('failed', 'Vùng phát đang bận phát nội dung khác.');
    await this.placementStatus.aired(m, placementId, 'on_air');
    const entry = await this.asRun.add(m, {
      placementId,
      bulletinId: null,
      zoneId: zoneId,
      scheduledAt: placement.startsAt,
      startedAt: this.clock.now(),
      result: 'on_air',
      driver: settings.driver,
      playedSeconds: 0,
    });
    return {
      asRunId: entry.id,
      zoneId: zoneId,
      placementId,
      bulletinId: null,
      settings,
      file: this.media.abs(reportage.broadcastPath),
      durationSeconds: reportage.durationSeconds,
      title: reportage.title,
    };
  }

  private play(airing: Airing): Promise<AiringOutcome> {
    const running = this.playAndLog(airing);
    this.airings.add(running);
    void running.finally(() => this.airings.delete(running)).catch(() => undefined);
    return running;
  }

  private async playAndLog(airing: Airing): Promise<AiringOutcome> {
    const playing: Playing = {
      controller: new AbortController(),
      asRunId: airing.asRunId,
      placementId: airing.placementId,
      bulletinId: airing.bulletinId,
    };
    this.playing.set(airing.zoneId, playing);
    this.publish(airing, 'start', 'on_air');
    let outcome: PlayOutcome;
    try {
      outcome = await this.drivers[airing.settings.driver].play(airing.settings, {
        file: airing.file,
        durationSeconds: airing.durationSeconds,
        title: airing.title,
        signal: playing.controller.signal,
      });
    } catch (error) {
      const now = this.clock.now();
      outcome = {
        result: 'failed',
        startedAt: now,
        endedAt: now,
        playedSeconds: 0,
        error: (error as Error).message,
      };
    } finally {
      if (this.playing.get(airing.zoneId) === playing) this.playing.delete(airing.zoneId);
    }
    await this.db.transaction(async (m) => {
      await this.asRun.finish(m, airing.asRunId, {
        startedAt: outcome.startedAt,
        endedAt: outcome.result === 'awaiting_confirmation' ? null : outcome.endedAt,
        playedSeconds: Math.round(outcome.playedSeconds * 10) / 10,
        result: outcome.result,
        error: outcome.error ?? null,
        interruptedBy: playing.interruptedBy ?? null,
      });
      if (airing.placementId !== null)
        await this.placementStatus.aired(m, airing.placementId, PLACEMENT_STATUS[outcome.result]);
    });
    this.publish(airing, outcome.result === 'failed' ? 'failure' : 'end', outcome.result, outcome.error);
    this.logger.log(
      `${airing.placementId !== null ? `placement ${airing.placementId}` : `bulletin ${airing.bulletinId}`} on zone ${airing.zoneId}: ${outcome.result} (${outcome.playedSeconds.toFixed(1)} s)${outcome.error ? `: ${outcome.error}` : ''}`,
    );
    return outcome.result;
  }

  private publish(airing: Airing, event: 'start' | 'end' | 'failure', result: string, error?: string): void {
    this.events.publish({
      type: 'playout',
      event,
      zoneId: airing.zoneId,
      asRunId: airing.asRunId,
      placementId: airing.placementId,
      bulletinId: airing.bulletinId,
      result,
      error: error ?? null,
    });
  }
}
