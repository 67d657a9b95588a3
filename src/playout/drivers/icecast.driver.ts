import { Injectable, Logger } from '@nestjs/common';
import { Clock, SystemClock } from '../../common/clock.js';
import { icecastCommand } from '../../media/ffmpeg/ffmpeg-commands.js';
import { FfmpegError, FfmpegRunner, withoutCredentials } from '../../media/ffmpeg/ffmpeg-runner.js';
import {
  icecastTarget,
  resultOf,
  type PlayOutcome,
  type PlayoutDriver,
  type PlayoutSettings,
  type PlayRequest,
} from './playout-driver.js';

/** Streams the rendition live to the zone's Icecast mount, which IP loudspeaker receivers listen to. */
@Injectable()
export class IcecastDriver implements PlayoutDriver {
  readonly kind = 'icecast';
  private readonly logger = new Logger(IcecastDriver.name);

  constructor(
    private readonly ffmpeg: FfmpegRunner,
    private readonly clock: Clock = new SystemClock(),
  ) {}

  async play(settings: PlayoutSettings, request: PlayRequest): Promise<PlayOutcome> {
    if (settings.driver !== 'icecast') throw new Error('IcecastDriver needs icecast settings');
    // The as-run instants come from the clock; how long it streamed is measured on the machine's time.
    const startedAt = this.clock.now();
    const began = performance.now();
    let played = 0;
    try {
      await this.ffmpeg.run(icecastCommand(request.file, icecastTarget(settings)), {
        signal: request.signal,
        onTime: (seconds) => (played = seconds),
      });
      played = Math.max(played, (performance.now() - began) / 1000);
      return {
        result: resultOf(played, request.durationSeconds, false),
        startedAt,
        endedAt: this.clock.now(),
        playedSeconds: played,
      };
    } catch (error) {
      const interrupted = request.signal.aborted;
      if (interrupted) played = Math.min(request.durationSeconds, (performance.now() - began) / 1000);
      // ffmpeg's own words (connection refused, bad mount point) tell the operator what to fix; the
      // reason written for reporters ("re-export the recording") does not apply to a stream.
      const message = withoutCredentials(
        error instanceof FfmpegError ? error.detail || error.message : String(error),
      );
      if (!interrupted) this.logger.warn(`stream to ${new URL(settings.url).host} failed: ${message}`);
      return {
        result: resultOf(played, request.durationSeconds, true),
        startedAt,
        endedAt: this.clock.now(),
        playedSeconds: played,
        error: interrupted
          ? 'Bị ngắt (tin khẩn cấp hoặc dừng dịch vụ).'
          : `Không phát được lên máy chủ Icecast: ${message}`,
      };
    }
  }
}
