import { Inject, Injectable, Logger } from '@nestjs/common';
import { rename, writeFile } from 'node:fs/promises';
import { ReportagesService } from '../catalog/reportages/reportages.service.js';
import { SegmentsService } from '../catalog/segments/segments.service.js';
import { viNumber } from '../common/text.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { Database } from '../database/database.service.js';
import type { AudioAnalysis } from './audio-asset.entity.js';
import { AudioAssetsRepository } from './audio-assets.repository.js';
import { AudioAssetsService } from './audio-assets.service.js';
import { BroadcastRenderer, OffTargetError, type SourceAnalysis } from './broadcast-renderer.js';
import { PEAKS_PER_SECOND } from './envelope.js';
import { SILENCE_SECONDS } from './ffmpeg/ffmpeg-commands.js';
import { edgeSilence } from './ffmpeg/ffmpeg-output.js';
import { FfmpegError, FfmpegRunner } from './ffmpeg/ffmpeg-runner.js';
import type { LoudnessTarget } from './loudness.js';
import { MediaStorage } from './media-storage.js';
import {
  isClipped,
  isNarrowband,
  SILENCE_BELOW_PROGRAMME_DB,
  silenceWarnings,
  sourceWarnings,
} from './source-check.js';

/** A failure that retrying cannot fix (silent audio, a result off target). */
export class PermanentAudioError extends Error {}

/** Outcome of one attempt, for the queue: expected results are values, failures are thrown. */
export type ProcessOutcome = 'ready' | 'cancelled' | 'skipped';

/** ebur128's floor: nothing in the file rose over its absolute gate (−70 LUFS). */
const SILENT_LUFS = -69.5;
/** Progress share of each step: analysis, trials (when a limiter needs its make-up found), rendition. */
const SHARE = { analysis: [0, 35], trials: [35, 55], rendition: [55, 100] } as const;

const round2 = (n: number) => Math.round(n * 100) / 100;
/** JSON has no -Infinity: a dead channel's level is stored as −120 dB. */
const finite = (n: number) => (Number.isFinite(n) ? round2(n) : -120);

function offTargetMessage(error: OffTargetError, target: LoudnessTarget): string {
  const { out } = error;
  return error.why === 'peak'
    ? `Bản phát sóng vẫn có đỉnh ${viNumber(out.truePeakDbtp)} dBTP, cao hơn mức cho phép ${viNumber(target.truePeakDbtp)} dBTP sau ba lần xử lý. ` +
        'Hãy báo cho quản trị hệ thống và gửi kèm tệp gốc.'
    : `Bản phát sóng có độ to ${viNumber(out.integratedLufs)} LUFS, chưa đạt mức chuẩn ${viNumber(target.integratedLufs)} LUFS sau ba lần xử lý. ` +
        'Hãy báo cho quản trị hệ thống và gửi kèm tệp gốc.';
}

/**
 * Turns an accepted upload into its broadcast rendition through {@link BroadcastRenderer}: analysis
 * (one decoding pass, kept as evidence even when what follows fails), trials when a limiter needs its
 * make-up found, and the encode measured as it is written. Every file is written under a temporary name and
 * renamed into place; a crashed attempt's temporaries are swept by the next one.
 */
@Injectable()
export class AudioProcessingService {
  private readonly logger = new Logger(AudioProcessingService.name);

  constructor(
    private readonly db: Database,
    private readonly rows: AudioAssetsRepository,
    private readonly media: MediaStorage,
    private readonly ffmpeg: FfmpegRunner,
    private readonly renderer: BroadcastRenderer,
    private readonly assets: AudioAssetsService,
    private readonly reportages: ReportagesService,
    private readonly segments: SegmentsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async process(
    assetId: number,
    onProgress: (percent: number) => Promise<void> = async () => {},
  ): Promise<ProcessOutcome> {
    const start = await this.db.transaction(async (m) => {
      const asset = await this.rows.find(assetId, m);
      if (!asset || asset.status === 'cancelled' || asset.status === 'ready') return asset;
      asset.status = 'processing';
      asset.progress = 0;
      asset.attempts += 1;
      return this.rows.save(m, asset);
    });
    if (!start) return 'skipped';
    if (start.status !== 'processing') return start.status === 'cancelled' ? 'cancelled' : 'skipped';
    this.assets.publish(start);
    const owner = `asset-${assetId}`;
    await this.media.sweep({ owner });

    // Cancellation is a status in the database, so it reaches a worker on any machine.
    const abort = new AbortController();
    let lastPercent = -1;
    let lastWrite = 0;
    const progress = async (percent: number) => {
      // Never backwards: a correction pass re-encodes, but people should not see the bar go back.
      const rounded = Math.max(lastPercent, Math.min(100, Math.max(0, Math.floor(percent))));
      if (rounded === lastPercent || (Date.now() - lastWrite < 1000 && rounded < 100)) return;
      lastPercent = rounded;
      lastWrite = Date.now();
      const current = await this.db.transaction(async (m) => {
        const asset = await this.rows.get(m, assetId);
        if (asset.status !== 'processing') return asset;
        asset.progress = rounded;
        return this.rows.save(m, asset);
      });
      if (current.status === 'cancelled') abort.abort();
      else this.assets.publish(current);
      await onProgress(rounded);
    };
    const during = (share: readonly [number, number], duration: number) => ({
      signal: abort.signal,
      onTime: (t: number) =>
        // Progress is best effort: a failed write must not take the job down.
        progress(
          share[0] + ((share[1] - share[0]) * Math.min(t, duration)) / Math.max(duration, 0.001),
        ).catch((error: unknown) =>
          this.logger.debug(`progress of asset ${assetId} not saved: ${(error as Error).message}`),
        ),
    });

    try {
      const original = this.media.abs(start.originalPath);
      const duration = start.durationSeconds;
      const target = {
        integratedLufs: this.config.loudnessTargetLufs,
        truePeakDbtp: this.config.truePeakMaxDbtp,
      };
      const began = performance.now();
      const source = await this.renderer.analyse(
        original,
        start.probe.channels,
        during(SHARE.analysis, duration),
      );
      const analysis = this.analysisOf(source, duration, target.integratedLufs);
      // The evidence is kept before anything can fail: a failed asset still shows why.
      const waveformPath = await this.saveEvidence(assetId, owner, source, analysis);
      if (source.loudness.integratedLufs <= SILENT_LUFS)
        throw new PermanentAudioError(
          'Không nghe thấy tiếng nào trong tệp (im lặng hoặc chỉ có tiếng ồn rất nhỏ). Hãy kiểm tra lại bản ghi rồi tải lên tệp khác.',
        );

      const analysed = performance.now();
      const jingleWarnings: string[] = [];
      const jingles = start.reportageId === null ? {} : await this.jingles(start.reportageId, jingleWarnings);
      const renditionTemp = this.media.tempPath(owner, '.mp3');
      const rendition = await this.renderer
        .render(
          original,
          source,
          target,
          renditionTemp,
          jingles,
          {
            trials: during(SHARE.trials, duration),
            render: during(SHARE.rendition, duration),
          },
          (line) => this.logger.debug(`asset ${assetId}: ${line}`),
        )
        .catch((error: unknown) => {
          if (error instanceof OffTargetError) throw new PermanentAudioError(offTargetMessage(error, target));
          throw error;
        });
      const { out } = rendition;
      const rendered = performance.now();
      const renditionProbe = await this.ffmpeg.probe(renditionTemp);
      const { sha256, size } = await this.media.sha256(renditionTemp);
      const broadcastPath = this.media.renditionPath(sha256);
      await this.media.commit(renditionTemp, broadcastPath);
      const finalAnalysis: AudioAnalysis = {
        ...analysis,
        gainDb: round2(rendition.plan.gainDb),
        limiter: rendition.plan.limitDbtp !== null,
        limiterCeilingDbtp: rendition.plan.limitDbtp,
        renders: rendition.renders,
        trials: rendition.trials,
      };

      const done = await this.db.transaction(async (m) => {
        const asset = await this.rows.get(m, assetId);
        if (asset.status === 'cancelled') return asset;
        Object.assign(asset, {
          status: 'ready',
          progress: 100,
          error: null,
          analysis: finalAnalysis,
          loudnessOut: out.integratedLufs,
          truePeakOut: out.truePeakDbtp,
          warnings: [...(asset.warnings ?? []), ...jingleWarnings],
          broadcastPath,
          broadcastSizeBytes: size,
          broadcastSha256: sha256,
          broadcastDurationSeconds: renditionProbe.durationSeconds,
          waveformPath,
          processedAt: new Date(),
        });
        const saved = await this.rows.save(m, asset);
        if (asset.reportageId !== null)
          await this.reportages.audioReady(m, asset.reportageId, assetId, renditionProbe.durationSeconds);
        return saved;
      });
      this.assets.publish(done);
      if (done.status === 'cancelled') return 'cancelled';
      const secs = (from: number, to = performance.now()) => ((to - from) / 1000).toFixed(1);
      this.logger.log(
        `asset ${assetId} ready: ${source.loudness.integratedLufs.toFixed(1)} → ${out.integratedLufs.toFixed(1)} LUFS, ` +
          `${out.truePeakDbtp.toFixed(1)} dBTP, gain ${rendition.plan.gainDb.toFixed(1)} dB` +
          `${rendition.plan.limitDbtp === null ? '' : ' + limiter'}, ${rendition.trials} trial(s), ${rendition.renders} encode(s), ${size} bytes; ` +
          `analysis ${secs(began, analysed)} s, rendition ${secs(analysed, rendered)} s, finishing ${secs(rendered)} s`,
      );
      return 'ready';
    } catch (error) {
      await this.media.sweep({ owner });
      if (abort.signal.aborted) return 'cancelled';
      throw error;
    }
  }

  /** The analysis as people see it, with the warnings it gives rise to. */
  private analysisOf(source: SourceAnalysis, duration: number, targetLufs: number): AudioAnalysis {
    const { loudness } = source;
    const silences = source.envelope.silences(
      loudness.integratedLufs - SILENCE_BELOW_PROGRAMME_DB,
      SILENCE_SECONDS,
      duration,
    );
    const edges = edgeSilence(silences, duration);
    const gainDb = targetLufs - loudness.integratedLufs;
    const facts = {
      channels: source.channels,
      usedChannel: source.programme.channel,
      durationSeconds: duration,
      integratedLufs: loudness.integratedLufs,
      truePeakDbtp: loudness.truePeakDbtp,
      highBandDb: source.highBandDb,
      gainDb,
    };
    const analysis: AudioAnalysis = {
      ...loudness,
      leadingSilenceSeconds: edges.leading,
      trailingSilenceSeconds: edges.trailing,
      silences,
      gainDb: round2(gainDb),
      limiter: false,
      channels: source.channels.map((c) => ({ rmsDb: finite(c.rmsDb), peakDb: finite(c.peakDb) })),
      usedChannel: source.programme.channel,
      leveller: source.programme.levellerDbfs !== null,
      loudnessRangeBeforeLevellerLu: source.loudnessRangeBeforeLu,
      highBandDb: source.highBandDb === undefined ? null : finite(source.highBandDb),
      narrowband: isNarrowband(facts),
      clipped: isClipped(facts),
      warnings: [],
    };
    analysis.warnings = [...sourceWarnings(facts), ...silenceWarnings(analysis, duration)];
    return analysis;
  }

  /** Writes the waveform and the analysis to the asset before the rendition is tried. */
  private async saveEvidence(
    assetId: number,
    owner: string,
    source: SourceAnalysis,
    analysis: AudioAnalysis,
  ): Promise<string> {
    const waveformTemp = this.media.tempPath(owner, '.json');
    await writeFile(
      waveformTemp,
      JSON.stringify({ peaksPerSecond: PEAKS_PER_SECOND, peaks: source.envelope.waveform() }),
    );
    const waveformPath = this.media.waveformPath(assetId);
    await rename(waveformTemp, this.media.abs(waveformPath));
    const saved = await this.db.transaction(async (m) => {
      const asset = await this.rows.get(m, assetId);
      if (asset.status !== 'processing') return asset;
      Object.assign(asset, {
        analysis,
        loudnessIn: source.loudness.integratedLufs,
        truePeakIn: source.loudness.truePeakDbtp,
        loudnessRangeIn: source.loudness.loudnessRangeLu,
        warnings: analysis.warnings,
        waveformPath,
      });
      return this.rows.save(m, asset);
    });
    this.assets.publish(saved);
    return waveformPath;
  }

  /** The segment's jingles that are ready to be joined on; a missing one is a warning, not a failure. */
  private async jingles(
    reportageId: number,
    warnings: string[],
  ): Promise<{ intro?: string; outro?: string }> {
    const ids = await this.segments.jinglesOf(reportageId);
    const found: { intro?: string; outro?: string } = {};
    for (const which of ['intro', 'outro'] as const) {
      const id = ids[which];
      if (id === null) continue;
      const jingle = await this.rows.find(id);
      if (jingle?.status === 'ready' && jingle.broadcastPath)
        found[which] = this.media.abs(jingle.broadcastPath);
      else
        warnings.push(
          `Nhạc hiệu ${which === 'intro' ? 'đầu' : 'cuối'} của chuyên mục chưa sẵn sàng nên chưa được ghép.`,
        );
    }
    return found;
  }

  /** Records a failure people should see; `final` when no retry follows. */
  async failed(assetId: number, error: unknown, final: boolean): Promise<void> {
    // ffmpeg's and the processing's own reasons are written for people; anything else is a fault of
    // ours, told plainly, with the detail in the log.
    const reason =
      error instanceof FfmpegError || error instanceof PermanentAudioError
        ? error.message
        : 'Lỗi hệ thống khi xử lý âm thanh. Nếu lỗi còn lặp lại, hãy báo cho quản trị hệ thống.';
    if (!(error instanceof PermanentAudioError))
      this.logger.warn(`asset ${assetId}: ${(error as Error)?.stack ?? String(error)}`);
    const asset = await this.db.transaction(async (m) => {
      const a = await this.rows.find(assetId, m);
      if (!a || a.status === 'cancelled' || a.status === 'ready') return a;
      a.status = final ? 'failed' : 'queued';
      a.error = final ? reason : `${reason} Hệ thống đang tự thử lại.`;
      return this.rows.save(m, a);
    });
    if (asset) this.assets.publish(asset);
    this.logger.warn(`asset ${assetId} ${final ? 'failed' : 'will be retried'}: ${reason}`);
  }
}
