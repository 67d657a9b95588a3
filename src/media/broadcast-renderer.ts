import { Injectable, Logger } from '@nestjs/common';
import { finished } from 'node:stream/promises';
import { EnvelopeMeter } from './envelope.js';
import {
  analysisCommand,
  measureCommand,
  renditionCommand,
  trialCommand,
  trialPeriod,
  TRUE_PEAK_HEADROOM_DB,
  TRIAL_STRETCH_SECONDS,
} from './ffmpeg/ffmpeg-commands.js';
import {
  parseChannelStats,
  parseLoudness,
  parseSummary,
  parseVolume,
  type ChannelStats,
  type Loudness,
} from './ffmpeg/ffmpeg-output.js';
import { FfmpegError, FfmpegRunner, type RunOptions } from './ffmpeg/ffmpeg-runner.js';
import {
  firstPlan,
  judge,
  LevelCurve,
  levellerFor,
  trialGains,
  type LoudnessTarget,
  type Measured,
  type Programme,
  type RenderPlan,
} from './loudness.js';
import { liveChannel } from './source-check.js';

/** What one decoding pass found in a source: the programme's loudness, its channels, its waveform. */
export interface SourceAnalysis {
  loudness: Loudness;
  channels: ChannelStats[];
  /** The one live channel used alone (or null for the mono downmix), and the leveller if any. */
  programme: Programme;
  /** The loudness range before the leveller, when one was needed. */
  loudnessRangeBeforeLu: number | null;
  /** Mean level of the programme above 7 kHz (dB). */
  highBandDb: number | undefined;
  envelope: EnvelopeMeter;
  /** As decoded (to a tenth of a second). */
  durationSeconds: number;
}

export interface Rendition {
  plan: RenderPlan;
  /** The encoded file, as measured while it was written. */
  out: Measured;
  preEncodeLufs: number;
  /** Encodes done (1 unless a correction was needed) and trial passes run. */
  renders: number;
  trials: number;
}

/** A rendition that stayed off the house standard after every correction. */
export class OffTargetError extends Error {
  constructor(
    readonly out: Measured,
    readonly why: 'loudness' | 'peak',
  ) {
    super(`rendition off target (${why}): ${out.integratedLufs} LUFS, ${out.truePeakDbtp} dBTP`);
  }
}

/** Progress of a long step, 0–1 of its share. */
export type StepProgress = { trials: RunOptions; render: RunOptions };

/**
 * The ffmpeg passes that turn a source into a broadcast rendition at the house loudness, and the
 * decisions between them (from {@link ./loudness.ts}). No database, no queue: the worker and the
 * ingest benchmark run exactly this.
 */
@Injectable()
export class BroadcastRenderer {
  private readonly logger = new Logger(BroadcastRenderer.name);

  constructor(private readonly ffmpeg: FfmpegRunner) {}

  /**
   * One decoding pass; a second one only when the programme must be measured as it will be taken: the
   * live channel alone (the other is dead), or through the leveller (the loudness range is too wide).
   */
  async analyse(input: string, channels: number, options: RunOptions = {}): Promise<SourceAnalysis> {
    const pass = (programme: Programme) => this.analysePass(input, programme, channels, options);
    const first = await pass({ channel: null, levellerDbfs: null });
    const channel = liveChannel(first.channels);
    let programme: Programme = { channel, levellerDbfs: null };
    let result = channel === null ? first : await pass(programme);
    const levellerDbfs = levellerFor(result.loudness);
    if (levellerDbfs === null) return { ...result, channels: first.channels };
    programme = { channel, levellerDbfs };
    const before = result.loudness.loudnessRangeLu;
    result = await pass(programme);
    return { ...result, channels: first.channels, loudnessRangeBeforeLu: before };
  }

  private async analysePass(
    input: string,
    programme: Programme,
    channels: number,
    options: RunOptions,
  ): Promise<SourceAnalysis> {
    const envelope = new EnvelopeMeter();
    const [log] = await Promise.all([
      this.ffmpeg.run(analysisCommand(input, programme, channels), options, { stdout: envelope }),
      finished(envelope),
    ]);
    const summary = parseSummary(log);
    const peak = parseVolume(log, 'truepeak', 'max');
    if (!summary || peak === undefined) throw FfmpegError.stopped('no loudness summary in the analysis', log);
    const loudness = { ...summary, truePeakDbtp: peak + TRUE_PEAK_HEADROOM_DB };
    return {
      loudness,
      channels: parseChannelStats(log),
      programme,
      loudnessRangeBeforeLu: null,
      highBandDb: parseVolume(log, 'high', 'mean'),
      durationSeconds: envelope.seconds,
      envelope,
    };
  }

  /**
   * Renders `input` to `output` (an MP3 file) at the target: trials when a limiter is needed, one
   * encode measured as it is written, and a correction only when that measurement is off.
   */
  async render(
    input: string,
    source: SourceAnalysis,
    target: LoudnessTarget,
    output: string,
    jingles: { intro?: string; outro?: string },
    progress: StepProgress,
    log: (line: string) => void = () => {},
  ): Promise<Rendition> {
    const measured = source.loudness;
    const curve = new LevelCurve(measured);
    let plan = firstPlan(measured, target, source.programme);
    let trials = 0;
    if (plan.limitDbtp !== null) {
      const limit = plan.limitDbtp;
      const gains = trialGains(measured, plan);
      const levels = await this.trials(input, plan, gains, source, progress.trials);
      gains.forEach((gainDb, i) => curve.add({ gainDb, lufs: levels[i] }, limit));
      trials = gains.length;
      // The first plan's linear gain aims at the target plus the encoder's usual loss: keep that aim.
      plan = { ...plan, gainDb: curve.gainFor(measured.integratedLufs + plan.gainDb, limit) };
      log(
        `trials ${gains.map((g, i) => `${g.toFixed(1)} dB → ${levels[i].toFixed(1)}`).join(', ')}; gain ${plan.gainDb.toFixed(2)} dB`,
      );
    }
    for (let renders = 1; ; renders++) {
      const { producerLog, consumerLog } = await this.ffmpeg.runTee(
        renditionCommand(input, 'pipe:1', plan, jingles),
        output,
        measureCommand('pipe:0'),
        progress.render,
      );
      const pre = parseSummary(producerLog)?.integratedLufs;
      const out = parseLoudness(consumerLog);
      if (pre === undefined || !out)
        throw FfmpegError.stopped('no loudness summary for the rendition', consumerLog);
      log(
        `render ${renders}: gain ${plan.gainDb.toFixed(2)} dB, limiter ${plan.limitDbtp ?? 'off'}; ` +
          `${pre} before encoding, ${out.integratedLufs} LUFS / ${out.truePeakDbtp} dBTP encoded`,
      );
      const verdict = judge({ preEncodeLufs: pre, out }, plan, curve, target, renders);
      if (verdict.done) return { plan, out, preEncodeLufs: pre, renders, trials };
      if (!verdict.next) throw new OffTargetError(out, verdict.why);
      this.logger.debug(`correcting ${verdict.why}: ${out.integratedLufs} LUFS, ${out.truePeakDbtp} dBTP`);
      plan = verdict.next;
    }
  }

  /**
   * The trials: the loudness each gain gives before encoding. On a sampled long recording the sample's
   * own loudness (no gain, no limiter) is measured beside them, and the difference to the whole
   * recording's is added back: the curve is then the whole recording's.
   */
  private async trials(
    input: string,
    plan: RenderPlan,
    gains: number[],
    source: SourceAnalysis,
    options: RunOptions,
  ): Promise<number[]> {
    const period = trialPeriod(source.durationSeconds);
    const sampled = period > TRIAL_STRETCH_SECONDS;
    const log = await this.ffmpeg.run(
      trialCommand(input, plan, sampled ? [...gains, 0] : gains, period, sampled),
      options,
    );
    const levels = [...(sampled ? [...gains, 0] : gains).keys()].map(
      (i) => parseSummary(log, `ebur128@trial${i}`)?.integratedLufs,
    );
    if (levels.some((l) => l === undefined))
      throw FfmpegError.stopped('no loudness summary for a trial', log);
    const values = levels as number[];
    if (!sampled) return values;
    const bias = source.loudness.integratedLufs - (values.pop() as number);
    return values.map((v) => v + bias);
  }
}
