import { Inject, Injectable, Logger } from '@nestjs/common';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { ReportagesService } from '../catalog/reportages/reportages.service.js';
import { SegmentsService } from '../catalog/segments/segments.service.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { Database } from '../database/database.service.js';
import { AudioAsset, type AudioAnalysis } from './audio-asset.entity.js';
import { AudioAssetsService } from './audio-assets.service.js';
import {
  analysisCommand,
  ENVELOPE_RATE,
  gainPlan,
  measureCommand,
  renditionCommand,
  SILENCE_SECONDS,
} from './ffmpeg/ffmpeg-commands.js';
import { edgeSilence, parseLoudness, parseSilences, peakEnvelope } from './ffmpeg/ffmpeg-output.js';
import { FfmpegError, FfmpegRunner } from './ffmpeg/ffmpeg-runner.js';
import { MediaStorage } from './media-storage.js';

/** A failure that retrying cannot fix (silent audio, a result off target). */
export class PermanentAudioError extends Error {}

/** Outcome of one attempt, for the queue: expected results are values, failures are thrown. */
export type ProcessOutcome = 'ready' | 'cancelled' | 'skipped';

const WAVEFORM_PEAKS_PER_SECOND = 10;
/** Integrated loudness below this is silence with noise, not a programme. */
const SILENT_LUFS = -60;
/** Progress share of each pass: analysis, then rendition with its check. */
const SHARE = { analysis: [0, 45], rendition: [45, 100] } as const;

const clock = (seconds: number) => {
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** Warnings for people, never cuts: spoken programmes are mis-trimmed by silence detection (DOMAIN.md). */
export function silenceWarnings(
  analysis: Pick<AudioAnalysis, 'leadingSilenceSeconds' | 'trailingSilenceSeconds' | 'silences'>,
  duration: number,
): string[] {
  const warnings: string[] = [];
  if (analysis.leadingSilenceSeconds > 0)
    warnings.push(`Khoảng lặng ${analysis.leadingSilenceSeconds.toFixed(1)} giây ở đầu bài.`);
  if (analysis.trailingSilenceSeconds > 0)
    warnings.push(`Khoảng lặng ${analysis.trailingSilenceSeconds.toFixed(1)} giây ở cuối bài.`);
  for (const s of analysis.silences) {
    const atEdge = s.start <= 0.05 || duration - s.end <= 0.05;
    if (!atEdge) warnings.push(`Đoạn lặng dài ${s.duration.toFixed(1)} giây tại ${clock(s.start)}.`);
  }
  return warnings;
}

/**
 * Turns an accepted upload into its broadcast rendition: analysis (one decoding pass), rendition (one
 * encoding pass), check (measure the result). Every file is written under a temporary name and
 * renamed into place; a crashed attempt's temporaries are swept by the next one.
 */
@Injectable()
export class AudioProcessingService {
  private readonly logger = new Logger(AudioProcessingService.name);

  constructor(
    private readonly db: Database,
    private readonly media: MediaStorage,
    private readonly ffmpeg: FfmpegRunner,
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
      const asset = await m.findOne(AudioAsset, { where: { id: assetId } });
      if (!asset || asset.status === 'cancelled' || asset.status === 'ready') return asset;
      asset.status = 'processing';
      asset.progress = 0;
      asset.attempts += 1;
      return m.save(asset);
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
      const rounded = Math.min(100, Math.max(0, Math.floor(percent)));
      if (rounded === lastPercent || (Date.now() - lastWrite < 1000 && rounded < 100)) return;
      lastPercent = rounded;
      lastWrite = Date.now();
      const current = await this.db.transaction(async (m) => {
        const asset = await m.findOneOrFail(AudioAsset, { where: { id: assetId } });
        if (asset.status !== 'processing') return asset;
        asset.progress = rounded;
        return m.save(asset);
      });
      if (current.status === 'cancelled') abort.abort();
      else this.assets.publish(current);
      await onProgress(rounded);
    };
    const during = (share: readonly [number, number], duration: number) => (t: number) => {
      // Progress is best effort: a failed write must not take the job down.
      progress(share[0] + ((share[1] - share[0]) * Math.min(t, duration)) / Math.max(duration, 0.001)).catch(
        (error) => this.logger.debug(`progress of asset ${assetId} not saved: ${(error as Error).message}`),
      );
    };

    try {
      const original = this.media.abs(start.originalPath);
      const duration = start.durationSeconds;

      const envelopeFile = this.media.tempPath(owner, '.pcm');
      const began = performance.now();
      const mark = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
      const analysisLog = await this.ffmpeg.run(analysisCommand(original, envelopeFile), {
        onTime: during(SHARE.analysis, duration),
        signal: abort.signal,
      });
      const loudness = parseLoudness(analysisLog);
      if (!loudness) throw new FfmpegError('ffmpeg stopped: no loudness summary in its output', analysisLog);
      if (loudness.integratedLufs < SILENT_LUFS)
        throw new PermanentAudioError(
          `Âm thanh gần như im lặng (${loudness.integratedLufs.toFixed(1)} LUFS): kiểm tra lại tệp ghi âm.`,
        );
      const silences = parseSilences(analysisLog, duration).filter((s) => s.duration >= SILENCE_SECONDS);
      const edges = edgeSilence(silences, duration);
      const plan = gainPlan(loudness, {
        integratedLufs: this.config.loudnessTargetLufs,
        truePeakDbtp: this.config.truePeakMaxDbtp,
      });
      const analysis: AudioAnalysis = {
        ...loudness,
        leadingSilenceSeconds: edges.leading,
        trailingSilenceSeconds: edges.trailing,
        silences,
        gainDb: Math.round(plan.gainDb * 100) / 100,
        limiter: plan.limitDbtp !== null,
      };
      const waveformTemp = this.media.tempPath(owner, '.json');
      const peaks = peakEnvelope(await readFile(envelopeFile), ENVELOPE_RATE, WAVEFORM_PEAKS_PER_SECOND);
      await writeFile(waveformTemp, JSON.stringify({ peaksPerSecond: WAVEFORM_PEAKS_PER_SECOND, peaks }));
      await this.media.remove(envelopeFile);

      const analysed = performance.now();
      const jingleWarnings: string[] = [];
      const jingles = start.reportageId === null ? {} : await this.jingles(start.reportageId, jingleWarnings);
      const renditionTemp = this.media.tempPath(owner, '.mp3');
      // Encode and measure the encoded result at once: the MP3 goes to its file and into ebur128.
      const { consumerLog: checkLog } = await this.ffmpeg.runTee(
        renditionCommand(original, 'pipe:1', plan, jingles),
        renditionTemp,
        measureCommand('pipe:0'),
        { onTime: during(SHARE.rendition, duration), signal: abort.signal },
      );
      const out = parseLoudness(checkLog);
      if (!out) throw new FfmpegError('ffmpeg stopped: no loudness summary for the rendition', checkLog);
      const offBy = Math.abs(out.integratedLufs - this.config.loudnessTargetLufs);
      if (offBy > 1)
        throw new PermanentAudioError(
          `Bản phát sóng đo được ${out.integratedLufs.toFixed(1)} LUFS, lệch ${offBy.toFixed(1)} LU so với chuẩn ${this.config.loudnessTargetLufs} LUFS.`,
        );
      const rendered = performance.now();
      const renditionProbe = await this.ffmpeg.probe(renditionTemp);
      const { sha256, size } = await this.media.sha256(renditionTemp);
      const broadcastPath = this.media.renditionPath(sha256);
      const waveformPath = this.media.waveformPath(assetId);
      await this.media.commit(renditionTemp, broadcastPath);
      await rename(waveformTemp, this.media.abs(waveformPath));

      const warnings = [...silenceWarnings(analysis, duration), ...jingleWarnings];
      if (out.truePeakDbtp > this.config.truePeakMaxDbtp)
        warnings.push(
          `Đỉnh thực của bản phát sóng ${out.truePeakDbtp.toFixed(1)} dBTP, cao hơn mức ${this.config.truePeakMaxDbtp} dBTP.`,
        );

      const done = await this.db.transaction(async (m) => {
        const asset = await m.findOneOrFail(AudioAsset, { where: { id: assetId } });
        if (asset.status === 'cancelled') return asset;
        Object.assign(asset, {
          status: 'ready',
          progress: 100,
          error: null,
          analysis,
          loudnessIn: loudness.integratedLufs,
          truePeakIn: loudness.truePeakDbtp,
          loudnessRangeIn: loudness.loudnessRangeLu,
          loudnessOut: out.integratedLufs,
          truePeakOut: out.truePeakDbtp,
          warnings,
          broadcastPath,
          broadcastSizeBytes: size,
          broadcastSha256: sha256,
          broadcastDurationSeconds: renditionProbe.durationSeconds,
          waveformPath,
          processedAt: new Date(),
        });
        const saved = await m.save(asset);
        if (asset.reportageId !== null)
          await this.reportages.audioReady(m, asset.reportageId, assetId, renditionProbe.durationSeconds);
        return saved;
      });
      this.assets.publish(done);
      if (done.status === 'cancelled') return 'cancelled';
      this.logger.log(
        `asset ${assetId} ready: ${loudness.integratedLufs.toFixed(1)} → ${out.integratedLufs.toFixed(1)} LUFS, ${size} bytes; ` +
          `analysis ${((analysed - began) / 1000).toFixed(1)} s, rendition ${((rendered - analysed) / 1000).toFixed(1)} s, finishing ${mark(rendered)} s`,
      );
      return 'ready';
    } catch (error) {
      await this.media.sweep({ owner });
      if (abort.signal.aborted) return 'cancelled';
      throw error;
    }
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
      const jingle = await this.db.manager.findOne(AudioAsset, { where: { id } });
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
    const reason =
      error instanceof FfmpegError || error instanceof PermanentAudioError
        ? error.message
        : `Lỗi khi xử lý: ${(error as Error)?.message ?? String(error)}`;
    const asset = await this.db.transaction(async (m) => {
      const a = await m.findOne(AudioAsset, { where: { id: assetId } });
      if (!a || a.status === 'cancelled' || a.status === 'ready') return a;
      a.status = final ? 'failed' : 'queued';
      a.error = final ? reason : `${reason} (sẽ thử lại)`;
      return m.save(a);
    });
    if (asset) this.assets.publish(asset);
    this.logger.warn(`asset ${assetId} ${final ? 'failed' : 'will be retried'}: ${reason}`);
  }
}
