import { Inject, Injectable, Logger } from '@nestjs/common';
import ffmpeg from 'fluent-ffmpeg';
import { createWriteStream } from 'node:fs';
import { PassThrough, type Readable, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { FfmpegBinaries } from '../ffmpeg-binaries.js';
import { FFMPEG } from '../ffmpeg.token.js';
import type { ProbeSummary } from '../audio-asset.entity.js';
import { lastErrorLine } from './ffmpeg-output.js';
import { decodeCheckCommand, type FfmpegCommand } from './ffmpeg-commands.js';

/** What people read when ffmpeg cannot do its work (its own words go to the log). */
const STOPPED =
  'Không xử lý được âm thanh: bộ chuyển mã dừng giữa chừng. Nếu thử lại vẫn lỗi, hãy xuất lại tệp từ máy ghi âm rồi tải lên.';
const STOPPED_ON_REQUEST = 'Đã dừng xử lý theo yêu cầu.';
const NOT_INSTALLED =
  'Máy chủ chưa có chương trình ffmpeg dùng được nên chưa xử lý được tệp. Hãy báo quản trị kiểm tra mục ffmpeg ở /api/health.';

/**
 * ffmpeg stopped with an error. `reason` is what a person is shown (Vietnamese, says what to do);
 * `detail` is ffmpeg's own words (its last error line, English) for the log; `log` is its whole stderr.
 */
export class FfmpegError extends Error {
  constructor(
    readonly reason: string,
    readonly log: string,
    readonly detail = '',
  ) {
    super(reason);
    this.name = 'FfmpegError';
  }

  /** The transcoder stopped half-way; `detail` says how, in ffmpeg's words, for the log. */
  static stopped(detail: string, log: string): FfmpegError {
    return new FfmpegError(STOPPED, log, detail);
  }
}

/** The content is not usable audio; retrying will not help. */
export class NotAudioError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'NotAudioError';
  }
}

export interface RunOptions {
  /** Called with the seconds of input processed so far. */
  onTime?: (seconds: number) => void;
  /** Aborting kills ffmpeg. */
  signal?: AbortSignal;
}

function seconds(timemark: string): number {
  const [h, m, s] = timemark.split(':').map(Number);
  return h * 3600 + m * 60 + s;
}

/** Streams standing in for `pipe:0` (stdin) and `pipe:1` (stdout) of a command. */
export interface Pipes {
  stdin?: Readable;
  stdout?: Writable;
}

/** Translates a command into fluent-ffmpeg's builder; the only place that does. */
export function toFluent(
  command: FfmpegCommand,
  ffmpegPath: string,
  pipes: Pipes = {},
): ffmpeg.FfmpegCommand {
  // The whole log: fluent-ffmpeg keeps only the last 100 lines by default, and the analysis needs
  // every silencedetect line (two per pause) as well as the loudness summary at the end.
  const cmd = ffmpeg({ stdoutLines: 0 }).setFfmpegPath(ffmpegPath);
  command.input.forEach((input, i) => {
    cmd.input(input === 'pipe:0' && pipes.stdin ? pipes.stdin : input);
    if (i === 0) cmd.inputOptions(command.inputOptions);
  });
  if (command.complexFilter) cmd.complexFilter(command.complexFilter);
  for (const output of command.outputs)
    cmd
      .output(output.target === 'pipe:1' && pipes.stdout ? pipes.stdout : output.target)
      .outputOptions(output.options);
  return cmd;
}

/** Credentials inside a URL in a message (ffmpeg echoes its output URL) replaced by ***. */
export function withoutCredentials(text: string): string {
  return text.replace(/\/\/[^/\s:@]+:[^@\s]*@/g, '//***@');
}

/** The one place that runs ffmpeg and ffprobe. */
@Injectable()
export class FfmpegRunner {
  private readonly logger = new Logger(FfmpegRunner.name);

  constructor(@Inject(FFMPEG) private readonly binaries: FfmpegBinaries | Error) {}

  private get bins(): FfmpegBinaries {
    if (this.binaries instanceof Error)
      throw new FfmpegError(NOT_INSTALLED, '', `ffmpeg is not usable: ${this.binaries.message}`);
    return this.binaries;
  }

  /**
   * Runs an encoding command whose output (`pipe:1`) is written to `file` and, at the same time, fed
   * to a second command reading `pipe:0` (the measurement of the result): two processes on two cores
   * instead of one pass after the other. Returns both logs.
   */
  async runTee(
    producer: FfmpegCommand,
    file: string,
    consumer: FfmpegCommand,
    options: RunOptions = {},
  ): Promise<{ producerLog: string; consumerLog: string }> {
    const fromProducer = new PassThrough();
    const toConsumer = new PassThrough();
    const toFile = createWriteStream(file);
    fromProducer.pipe(toFile);
    fromProducer.pipe(toConsumer);
    const stop = new AbortController();
    const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
    const failFast = <T>(p: Promise<T>) =>
      p.catch((error: unknown) => {
        stop.abort(); // one failed: stop the other instead of waiting on it
        throw error;
      });
    const [producerLog, consumerLog] = await Promise.all([
      failFast(this.run(producer, { ...options, signal }, { stdout: fromProducer })),
      failFast(this.run(consumer, { signal }, { stdin: toConsumer })),
      finished(toFile),
    ]).catch((error: unknown) => {
      if (options.signal?.aborted) throw new FfmpegError(STOPPED_ON_REQUEST, '');
      throw error;
    });
    return { producerLog, consumerLog };
  }

  /** Runs a command to the end and returns its log (stderr). */
  run(command: FfmpegCommand, options: RunOptions = {}, pipes: Pipes = {}): Promise<string> {
    const cmd = toFluent(command, this.bins.ffmpeg.path, pipes);
    return new Promise((resolve, reject) => {
      const abort = () => cmd.kill('SIGKILL');
      options.signal?.addEventListener('abort', abort, { once: true });
      cmd.on('progress', (progress: { timemark?: string }) => {
        if (progress.timemark && options.onTime) options.onTime(seconds(progress.timemark));
      });
      cmd.on('end', (_stdout: string | null, stderr: string | null) => {
        options.signal?.removeEventListener('abort', abort);
        resolve(stderr ?? '');
      });
      cmd.on('error', (error: Error, _stdout: string | null, stderr: string | null) => {
        options.signal?.removeEventListener('abort', abort);
        const log = stderr ?? '';
        if (options.signal?.aborted) return reject(new FfmpegError(STOPPED_ON_REQUEST, log));
        const detail = withoutCredentials(lastErrorLine(log || error.message));
        this.logger.warn(`ffmpeg stopped on ${withoutCredentials(command.input.join(', '))}: ${detail}`);
        this.logger.debug(`ffmpeg failed: ${withoutCredentials(error.message)}`);
        reject(FfmpegError.stopped(detail, log));
      });
      cmd.run();
    });
  }

  /**
   * Decodes the first audio stream to the end: how long it really is, and what the decoder
   * complained about (a file cut short, a damaged frame).
   */
  async decodedLength(path: string, signal?: AbortSignal): Promise<{ seconds: number; errors: string[] }> {
    const log = await this.run(decodeCheckCommand(path), { signal }).catch((error: unknown) => {
      if (error instanceof FfmpegError) return error.log || error.detail || error.reason;
      throw error;
    });
    const lines = log
      .split(/[\r\n]+/)
      .map((l) => l.trim())
      .filter(Boolean);
    const times = [...log.matchAll(/time=(\d+:\d+:[\d.]+)/g)];
    return {
      seconds: times.length ? seconds(times[times.length - 1][1]) : 0,
      errors: lines.filter((l) => !l.startsWith('size=') && !/^\[.*\] Estimating duration/.test(l)),
    };
  }

  /**
   * What the file contains, from ffprobe. Anything without a decodable audio stream is refused here,
   * whatever its name says.
   */
  probe(path: string): Promise<ProbeSummary> {
    const { ffprobe } = this.bins;
    return new Promise((resolve, reject) => {
      ffmpeg.setFfprobePath(ffprobe.path);
      ffmpeg.ffprobe(path, (error: Error | null, data: ffmpeg.FfprobeData) => {
        if (error)
          return reject(
            new NotAudioError(
              'NOT_AUDIO',
              'Tệp không phải âm thanh hay video đọc được. Hãy chọn đúng tệp ghi âm (WAV, MP3, M4A…) rồi tải lên lại.',
            ),
          );
        const audio = data.streams.find((s) => s.codec_type === 'audio');
        if (!audio)
          return reject(
            new NotAudioError(
              'NO_AUDIO_STREAM',
              'Tệp không có tiếng: không tìm thấy luồng âm thanh nào trong tệp. Hãy chọn tệp ghi âm, hoặc video có tiếng.',
            ),
          );
        const duration = Number(audio.duration ?? data.format.duration);
        resolve({
          format: String(data.format.format_name ?? 'unknown'),
          durationSeconds: Number.isFinite(duration) ? duration : NaN,
          codec: String(audio.codec_name ?? 'unknown'),
          sampleRate: Number(audio.sample_rate ?? 0),
          channels: Number(audio.channels ?? 0),
          bitRate: data.format.bit_rate ? Number(data.format.bit_rate) : null,
          hasVideo: data.streams.some((s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1),
        });
      });
    });
  }
}
