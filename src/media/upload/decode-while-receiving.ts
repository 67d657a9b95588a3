import { PassThrough } from 'node:stream';
import type { DecodedLength, FfmpegRunner } from '../ffmpeg/ffmpeg-runner.js';

/**
 * Decodes an upload while its bytes arrive, so the content check (a full decode) overlaps the
 * transfer instead of following it. Formats that need seeking (an MP4 with its index at the end)
 * fail here; `result` is then a decode with errors and the check decodes the file on disk instead.
 */
export class DecodeWhileReceiving {
  private readonly input = new PassThrough({ highWaterMark: 1 << 20 });
  private readonly stop = new AbortController();
  private settled = false;
  /** The stream's decode, never rejected: a failure shows as errors. */
  readonly result: Promise<DecodedLength>;

  constructor(ffmpeg: FfmpegRunner) {
    this.result = ffmpeg
      .decodedLength(this.input, this.stop.signal)
      .catch((error: unknown) => ({ seconds: 0, errors: [(error as Error).message] }))
      .finally(() => {
        this.settled = true;
        this.input.destroy(); // ffmpeg gave up early: drop what is buffered, take no more
      });
  }

  /** Feeds a chunk; resolves when ffmpeg can take more, at once when it has stopped. */
  async write(chunk: Buffer): Promise<void> {
    if (this.settled || this.input.write(chunk)) return;
    await new Promise<void>((resolve) => {
      this.input.once('drain', resolve);
      void this.result.then(() => resolve());
    });
  }

  /** The last byte arrived. */
  end(): void {
    if (!this.settled) this.input.end();
  }

  /** The upload was refused or broke off: kill ffmpeg. */
  cancel(): void {
    if (!this.settled) this.stop.abort();
  }
}
