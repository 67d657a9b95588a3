import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { Database } from '../database/database.service.js';
import { EventsService } from '../events/events.service.js';
import { MediaStorage } from '../media/media-storage.js';
import { Placement, Zone } from '../scheduling/scheduling.entities.js';
import { CommandDriver } from './drivers/command.driver.js';
import { IcecastDriver } from './drivers/icecast.driver.js';
import { ManualDriver } from './drivers/manual.driver.js';
import type { PlayOutcome, PlayoutDriver, PlayoutSettings } from './drivers/playout-driver.js';
import { AsRunEntry, Bulletin, setPlacementStatus, type AsRunResult } from './playout.entities.js';
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

const PLACEMENT_STATUS: Record<PlayOutcome['result'], string> = {
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
    const [entry] = await this.db.read<{ id: number; zone_id: number; result: string; error: string }>(
      'SELECT id, zone_id, result, error FROM as_run_entries WHERE placement_id = ?',
      [placementId],
    );
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
    const bulletin = await this.db.manager.findOneBy(Bulletin, { id: bulletinId });
    if (!bulletin || (bulletin.status !== 'dispatched' && bulletin.status !== 'done')) return ['skipped'];
    if (bulletin.priority === 'emergency') await interrupt(zoneIds, bulletin.id);
    const airings = await this.db.transaction(async (m) => {
      const [asset] = await m.query(
        `SELECT broadcast_path, broadcast_duration_seconds, status FROM audio_assets WHERE id = ?`,
        [bulletin.audioAssetId],
      );
      const list: Airing[] = [];
      for (const zoneId of zoneIds) {
        const zone = await m.findOneBy(Zone, { id: zoneId });
        if (!zone) continue;
        const { settings } = zonePlayout(zone.playout);
        const ready = asset?.status === 'ready' && asset.broadcast_path;
        const entry = await m.save(
          m.create(AsRunEntry, {
            placementId: null,
            bulletinId,
            zoneId,
            scheduledAt: bulletin.airAt ?? this.clock.now(),
            startedAt: ready ? this.clock.now() : null,
            result: ready ? 'on_air' : 'failed',
            driver: settings.driver,
            error: ready ? null : 'Âm thanh của bản tin chưa sẵn sàng.',
            playedSeconds: 0,
          }),
        );
        if (ready)
          list.push({
            asRunId: entry.id,
            zoneId,
            placementId: null,
            bulletinId,
            settings,
            file: this.media.abs(asset.broadcast_path),
            durationSeconds: asset.broadcast_duration_seconds,
            title: bulletin.title,
          });
      }
      await m.update(Bulletin, bulletinId, { status: list.length ? 'done' : 'failed' });
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
    const placement = await m.findOneBy(Placement, { id: placementId });
    if (!placement || placement.status !== 'planned' || placement.version !== version) return 'skipped';
    const zone = await m.findOneByOrFail(Zone, { id: placement.zoneId });
    const { settings, graceSeconds } = zonePlayout(zone.playout);
    const lateSeconds = (this.clock.nowMs() - placement.startsAt.getTime()) / 1000;
    const fail = async (result: 'missed' | 'failed', error: string) => {
      await setPlacementStatus(m, placementId, result);
      await m.save(
        m.create(AsRunEntry, {
          placementId,
          bulletinId: null,
          zoneId: zone.id,
          scheduledAt: placement.startsAt,
          result,
          driver: settings.driver,
          error,
          playedSeconds: 0,
        }),
      );
      this.logger.warn(`placement ${placementId} on zone ${zone.id}: ${result}: ${error}`);
      return result;
    };
    if (lateSeconds > graceSeconds)
      return fail(
        'missed',
        `Không bắt đầu được trong ${graceSeconds} giây sau giờ phát (trễ ${Math.round(lateSeconds)} giây); phóng sự không phát dở chừng.`,
      );
    const [audio] = await m.query(
      `SELECT r.title, r.status AS reportage_status, a.status, a.broadcast_path, a.broadcast_duration_seconds
         FROM reportages r LEFT JOIN audio_assets a ON a.id = r.current_audio_id WHERE r.id = ?`,
      [placement.reportageId],
    );
    if (audio?.reportage_status !== 'approved')
      return fail('failed', 'Phóng sự không còn ở trạng thái đã duyệt nên không được phát.');
    if (audio.status !== 'ready' || !audio.broadcast_path)
      return fail('failed', 'Phóng sự không còn bản phát sóng sẵn sàng.');
    if (this.playing.has(zone.id)) return fail('failed', 'Vùng phát đang bận phát nội dung khác.');
    await setPlacementStatus(m, placementId, 'on_air');
    const entry = await m.save(
      m.create(AsRunEntry, {
        placementId,
        bulletinId: null,
        zoneId: zone.id,
        scheduledAt: placement.startsAt,
        startedAt: this.clock.now(),
        result: 'on_air',
        driver: settings.driver,
        playedSeconds: 0,
      }),
    );
    return {
      asRunId: entry.id,
      zoneId: zone.id,
      placementId,
      bulletinId: null,
      settings,
      file: this.media.abs(audio.broadcast_path),
      durationSeconds: audio.broadcast_duration_seconds,
      title: audio.title,
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
      await m.update(AsRunEntry, airing.asRunId, {
        startedAt: outcome.startedAt,
        endedAt: outcome.result === 'awaiting_confirmation' ? null : outcome.endedAt,
        playedSeconds: Math.round(outcome.playedSeconds * 10) / 10,
        result: outcome.result,
        error: outcome.error ?? null,
        interruptedBy: playing.interruptedBy ?? null,
      });
      if (airing.placementId !== null)
        await setPlacementStatus(m, airing.placementId, PLACEMENT_STATUS[outcome.result]);
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
