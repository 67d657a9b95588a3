import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AirableReportages } from '../catalog/reportages/airable-reportages.repository.js';
import { ReportagesService } from '../catalog/reportages/reportages.service.js';
import { SegmentsService } from '../catalog/segments/segments.service.js';
import { findOr404 } from '../database/crud.js';
import { isUniqueViolation } from '../common/db-errors.js';
import { AppError } from '../common/errors.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { Database } from '../database/database.service.js';
import { EventsService } from '../events/events.service.js';
import {
  ASSET_STATUS_LABELS,
  AudioAsset,
  type AssetStatus,
  type ProbeSummary,
} from './audio-asset.entity.js';
import { AudioAssetsRepository } from './audio-assets.repository.js';
import { AUDIO_QUEUE, AudioJob, audioJobId, audioJobOptions } from './audio-queue.js';
import type { AcceptedUploadView, AudioAssetView } from './dto/audio-asset.view.js';
import { FfmpegRunner } from './ffmpeg/ffmpeg-runner.js';
import { MediaStorage } from './media-storage.js';
import type { ReceivedFile } from './upload/audio-upload.interceptor.js';
import { UploadContentCheck } from './upload/content-check.js';

const LABEL = 'tệp âm thanh';

const statusInWords = (status: AssetStatus) => ASSET_STATUS_LABELS[status] ?? status;

/** Retry and a re-upload of the same bytes may put these back in the queue. */
const REQUEUEABLE: AssetStatus[] = ['failed', 'cancelled'];

export function toAssetView(asset: AudioAsset, current: boolean): AudioAssetView {
  const self = `/api/audio-assets/${asset.id}`;
  return {
    id: asset.id,
    reportageId: asset.reportageId,
    originalName: asset.originalName,
    sizeBytes: asset.sizeBytes,
    sha256: asset.sha256,
    probe: asset.probe,
    durationSeconds: asset.durationSeconds,
    status: asset.status,
    progress: asset.progress,
    error: asset.error,
    attempts: asset.attempts,
    analysis: asset.analysis,
    loudnessIn: asset.loudnessIn,
    truePeakIn: asset.truePeakIn,
    loudnessRangeIn: asset.loudnessRangeIn,
    loudnessOut: asset.loudnessOut,
    truePeakOut: asset.truePeakOut,
    warnings: asset.warnings,
    broadcastSizeBytes: asset.broadcastSizeBytes,
    broadcastSha256: asset.broadcastSha256,
    broadcastDurationSeconds: asset.broadcastDurationSeconds,
    current,
    urls: {
      self,
      original: `${self}/original`,
      broadcast: asset.broadcastPath ? `${self}/broadcast.mp3` : null,
      waveform: asset.waveformPath ? `${self}/waveform` : null,
    },
    processedAt: asset.processedAt,
    createdAt: asset.createdAt,
    updatedAt: asset.updatedAt,
  };
}

/** Uploads, their state, and what people may do with them (cancel, retry). */
@Injectable()
export class AudioAssetsService {
  private readonly logger = new Logger(AudioAssetsService.name);

  constructor(
    private readonly db: Database,
    private readonly assets: AudioAssetsRepository,
    private readonly media: MediaStorage,
    private readonly ffmpeg: FfmpegRunner,
    private readonly contentCheck: UploadContentCheck,
    private readonly reportages: ReportagesService,
    private readonly airable: AirableReportages,
    private readonly segments: SegmentsService,
    private readonly events: EventsService,
    private readonly audit: AuditService,
    @InjectQueue(AUDIO_QUEUE) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // Without a listener BullMQ prints every reconnect failure; say it once per kind instead.
    let last = '';
    queue.on('error', (error: Error) => {
      if (error.message !== last) this.logger.warn(`audio queue: ${error.message}`);
      last = error.message;
    });
  }

  /**
   * Takes a received upload: checks its content, files it under its SHA-256, records it as the
   * reportage's current audio and queues it. Whatever goes wrong, the temporary file is removed and
   * no row is written. The same bytes again answer with the asset already there (put back in the
   * queue when it had failed or was cancelled: uploading again is how a reporter says "try again").
   */
  async accept(reportageId: number, file: ReceivedFile): Promise<AcceptedUploadView> {
    try {
      await this.reportages.requireForAudio(reportageId);
      const existing = await this.assets.forReportageWithHash(reportageId, file.sha256);
      if (existing) return this.accepted(await this.uploadedAgain(reportageId, existing.id), true);
      const checking = performance.now();
      const probe = await this.contentCheck.check(file);
      const { asset, duplicate } = await this.store(file, probe, checking, reportageId, (m, id) =>
        this.reportages.setCurrentAudio(m, reportageId, id),
      );
      return this.accepted(asset, duplicate);
    } finally {
      await this.media.remove(file.path); // gone already when it was filed
    }
  }

  /**
   * The same bytes were uploaded to this reportage before: that asset becomes current again, and goes
   * back in the queue when it had failed or was cancelled.
   */
  private async uploadedAgain(reportageId: number, assetId: number): Promise<AudioAsset> {
    const { asset } = await this.requeue(assetId, {
      refuse: false,
      link: async (m, a) => {
        await this.reportages.setCurrentAudio(m, reportageId, a.id);
        if (a.status === 'ready')
          await this.reportages.audioReady(
            m,
            reportageId,
            a.id,
            a.broadcastDurationSeconds ?? a.durationSeconds,
          );
      },
    });
    return asset;
  }

  /** A segment's intro or outro jingle: processed like any upload, joined onto its reportages' renditions. */
  async acceptJingle(
    segmentId: number,
    which: 'intro' | 'outro',
    file: ReceivedFile,
  ): Promise<AcceptedUploadView> {
    await this.segments.get(segmentId).catch(async (error: unknown) => {
      await this.media.remove(file.path);
      throw error;
    });
    return this.acceptUnattached(file, (m, id) => this.segments.setJingle(m, segmentId, which, id));
  }

  /**
   * Audio that belongs to no reportage (a jingle, a bulletin): checked like any upload, then linked by
   * the caller in the same transaction as the asset row.
   */
  async acceptUnattached(
    file: ReceivedFile,
    link: (m: EntityManager, assetId: number) => Promise<void>,
  ): Promise<AcceptedUploadView> {
    try {
      const checking = performance.now();
      const probe = await this.contentCheck.check(file);
      const { asset } = await this.store(file, probe, checking, null, link);
      return this.accepted(asset, false);
    } finally {
      await this.media.remove(file.path);
    }
  }

  async removeJingle(segmentId: number, which: 'intro' | 'outro'): Promise<void> {
    await this.segments.get(segmentId);
    await this.db.transaction((m) => this.segments.setJingle(m, segmentId, which, null));
  }

  /**
   * Files a checked upload under its hash, records it, links it (in the same transaction) and queues it.
   * When the same bytes reached the same reportage at the same time (another request, another process)
   * the database's unique (reportage, sha256) lets one row in; the other upload becomes a duplicate of it.
   * Filing twice is harmless: both renames put the same bytes under the same content-addressed name.
   */
  private async store(
    file: ReceivedFile,
    probe: ProbeSummary,
    checking: number,
    reportageId: number | null,
    link: (m: EntityManager, assetId: number) => Promise<void>,
  ): Promise<{ asset: AudioAsset; duplicate: boolean }> {
    const storing = performance.now();
    const originalPath = this.media.originalPath(file.sha256);
    await this.media.commit(file.path, originalPath);
    let asset: AudioAsset;
    try {
      asset = await this.insert(file, probe, originalPath, reportageId, link);
    } catch (error) {
      if (reportageId === null || !isUniqueViolation(error)) throw error;
      // Read what is committed (the other upload's row is, or the insert would not have failed).
      const winner = await this.assets.committedIdWithHash(reportageId, file.sha256);
      if (!winner) throw error;
      this.logger.log(
        `reportage ${reportageId}: the same upload arrived twice at once; answering with asset ${winner}`,
      );
      return { asset: await this.uploadedAgain(reportageId, winner), duplicate: true };
    }
    await this.enqueue(asset.id);
    this.publish(asset);
    const seconds = (from: number, to = performance.now()) => ((to - from) / 1000).toFixed(2);
    this.logger.log(
      `asset ${asset.id} accepted${reportageId ? ` for reportage ${reportageId}` : ''} (${file.size} bytes, ${probe.format}); ` +
        `received ${file.receivedSeconds.toFixed(2)} s, content check ${seconds(checking, storing)} s, filed and queued ${seconds(storing)} s`,
    );
    return { asset, duplicate: false };
  }

  /** The asset's row, its link (current audio, jingle) and the audit entry, in one transaction. */
  private insert(
    file: ReceivedFile,
    probe: ProbeSummary,
    originalPath: string,
    reportageId: number | null,
    link: (m: EntityManager, assetId: number) => Promise<void>,
  ): Promise<AudioAsset> {
    return this.db.transaction(async (m) => {
      const saved = await this.assets.insert(m, {
        reportageId,
        originalName: file.originalName.slice(0, 500),
        originalPath,
        sizeBytes: file.size,
        sha256: file.sha256,
        probe,
        durationSeconds: probe.durationSeconds,
        status: 'queued' as AssetStatus,
        progress: 0,
        warnings: [],
      });
      await link(m, saved.id);
      await this.audit.record(m, {
        action: 'upload',
        entity: 'audio_asset',
        entityId: saved.id,
        after: {
          reportageId,
          originalName: saved.originalName,
          sizeBytes: saved.sizeBytes,
          sha256: saved.sha256,
          durationSeconds: saved.durationSeconds,
          status: saved.status,
        },
      });
      return saved;
    });
  }

  async get(id: number): Promise<AudioAssetView> {
    const asset = await findOr404(this.db.manager, AudioAsset, id, LABEL);
    return toAssetView(asset, await this.isCurrent(asset));
  }

  async listForReportage(reportageId: number): Promise<AudioAssetView[]> {
    const { currentAudio } = await this.reportages.get(reportageId);
    const assets = await this.assets.forReportage(reportageId);
    return assets.map((a) => toAssetView(a, a.id === currentAudio?.id));
  }

  /** Absolute path of a stored file of an asset, for serving. */
  async file(
    id: number,
    which: 'original' | 'broadcast' | 'waveform',
  ): Promise<{ path: string; asset: AudioAsset }> {
    const asset = await findOr404(this.db.manager, AudioAsset, id, LABEL);
    const relative =
      which === 'original'
        ? asset.originalPath
        : which === 'broadcast'
          ? asset.broadcastPath
          : asset.waveformPath;
    if (!relative)
      throw new AppError(
        HttpStatus.NOT_FOUND,
        'NOT_READY',
        `Tệp âm thanh ${id} chưa có ${which === 'broadcast' ? 'bản phát sóng' : 'dạng sóng'}: tệp đang ở trạng thái "${statusInWords(asset.status)}". Hãy chờ xử lý xong rồi mở lại.`,
      );
    return { path: this.media.abs(relative), asset };
  }

  /** Stops a queued or running job; the worker sees the status and kills ffmpeg. */
  async cancel(id: number): Promise<AudioAssetView> {
    const asset = await this.db.transaction(async (m) => {
      const a = await findOr404(m, AudioAsset, id, LABEL);
      if (a.status !== 'queued' && a.status !== 'processing')
        throw new AppError(
          HttpStatus.CONFLICT,
          'NOT_CANCELLABLE',
          `Chỉ huỷ được tệp đang chờ hoặc đang xử lý; tệp này đang ở trạng thái "${statusInWords(a.status)}".`,
        );
      await this.audit.record(m, {
        action: 'cancel',
        entity: 'audio_asset',
        entityId: id,
        changes: { status: { from: a.status, to: 'cancelled' } },
      });
      a.status = 'cancelled';
      a.error = 'Đã huỷ theo yêu cầu.';
      return this.assets.save(m, a);
    });
    const job = await this.queue.getJob(audioJobId(id)).catch(() => undefined);
    await job?.remove().catch(() => undefined); // an active job is stopped by its worker instead
    this.publish(asset);
    return toAssetView(asset, await this.isCurrent(asset));
  }

  /** Queues a failed or cancelled asset again, from the start. */
  async retry(id: number): Promise<AudioAssetView> {
    const { asset } = await this.requeue(id, { refuse: true });
    return toAssetView(asset, await this.isCurrent(asset));
  }

  /**
   * Puts a failed or cancelled asset back in the queue from the start (audited as `retry`) and adds
   * its job again. An asset in another state is refused (`refuse`, the retry button) or left as it
   * is (a re-upload). `link` runs in the same transaction, on the asset as it ends up.
   */
  private async requeue(
    id: number,
    options: { refuse: boolean; link?: (m: EntityManager, asset: AudioAsset) => Promise<void> },
  ): Promise<{ asset: AudioAsset; requeued: boolean }> {
    const { asset, requeued } = await this.db.transaction(async (m) => {
      const a = await findOr404(m, AudioAsset, id, LABEL);
      const requeueable = REQUEUEABLE.includes(a.status);
      if (!requeueable && options.refuse)
        throw new AppError(
          HttpStatus.CONFLICT,
          'NOT_RETRYABLE',
          `Chỉ thử lại được tệp bị lỗi hoặc đã huỷ; tệp này đang ở trạng thái "${statusInWords(a.status)}".`,
        );
      if (requeueable) {
        await this.audit.record(m, {
          action: 'retry',
          entity: 'audio_asset',
          entityId: id,
          changes: { status: { from: a.status, to: 'queued' } },
        });
        a.status = 'queued';
        a.progress = 0;
        a.error = null;
        await this.assets.save(m, a);
      }
      await options.link?.(m, a);
      return { asset: a, requeued: requeueable };
    });
    if (requeued) {
      const old = await this.queue.getJob(audioJobId(id)).catch(() => undefined);
      await old?.remove().catch(() => undefined); // a finished job would block a new one with the same id
      await this.enqueue(id);
      this.publish(asset);
      this.logger.log(`asset ${id} queued again`);
    }
    return { asset, requeued };
  }

  /** Adds the job; with Redis down the asset stays `queued` and the reconciler adds it later. */
  async enqueue(assetId: number): Promise<boolean> {
    try {
      await this.queue.add(
        AudioJob.Process,
        { assetId },
        { ...audioJobOptions(this.config.audioJobAttempts), jobId: audioJobId(assetId) },
      );
      return true;
    } catch (error) {
      this.logger.warn(`asset ${assetId} stays queued until Redis is back: ${(error as Error).message}`);
      return false;
    }
  }

  publish(asset: AudioAsset): void {
    this.events.publish({
      type: 'asset',
      assetId: asset.id,
      reportageId: asset.reportageId,
      status: asset.status,
      progress: asset.progress,
      error: asset.error,
    });
  }

  private accepted(asset: AudioAsset, duplicate: boolean): AcceptedUploadView {
    return { ...toAssetView(asset, true), statusUrl: `/api/audio-assets/${asset.id}`, duplicate };
  }

  /** Whether the asset is its reportage's current audio (the catalog says; a reportage gone: no). */
  private async isCurrent(asset: AudioAsset): Promise<boolean> {
    if (asset.reportageId === null) return false;
    return (await this.airable.one(asset.reportageId))?.audioId === asset.id;
  }
}
