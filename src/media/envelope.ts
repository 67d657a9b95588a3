import { Writable } from 'node:stream';
import type { Silence } from './audio-asset.entity.js';

/** Sample rate of the float PCM the waveform and the silences are read from: 10 windows a second. */
export const ENVELOPE_RATE = 8000;
export const PEAKS_PER_SECOND = 10;
const WINDOW = ENVELOPE_RATE / PEAKS_PER_SECOND;

/**
 * Reads the analysis pass's low-rate mono PCM (32-bit float, little-endian) as it streams out of
 * ffmpeg and keeps one peak per tenth of a second: 36,000 numbers for an hour, instead of the
 * 115 MB of samples that reading the whole file would hold.
 */
export class EnvelopeMeter extends Writable {
  private readonly peaks: number[] = [];
  private windowPeak = 0;
  private inWindow = 0;
  private carry = Buffer.alloc(0);

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    let data = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    const whole = data.length - (data.length % 4);
    this.carry = Buffer.from(data.subarray(whole));
    data = data.subarray(0, whole);
    // A typed view when aligned (the common case), else an aligned copy; little-endian hosts, as f32le.
    const samples =
      data.byteOffset % 4 === 0
        ? new Float32Array(data.buffer, data.byteOffset, whole / 4)
        : new Float32Array(Uint8Array.from(data).buffer);
    let peak = this.windowPeak;
    let count = this.inWindow;
    for (let i = 0; i < samples.length; i++) {
      const v = samples[i] < 0 ? -samples[i] : samples[i];
      if (v > peak) peak = v;
      if (++count === WINDOW) {
        this.peaks.push(peak);
        peak = 0;
        count = 0;
      }
    }
    this.windowPeak = peak;
    this.inWindow = count;
    done();
  }

  override _final(done: (error?: Error | null) => void): void {
    if (this.inWindow > 0) this.peaks.push(this.windowPeak);
    this.inWindow = 0;
    done();
  }

  /** Length of what was read, to a tenth of a second. */
  get seconds(): number {
    return this.peaks.length / PEAKS_PER_SECOND;
  }

  /** The waveform: peaks per tenth of a second, 0–1, three decimals. */
  waveform(): number[] {
    return this.peaks.map((p) => Math.round(Math.min(1, p) * 1000) / 1000);
  }

  /**
   * Stretches of at least `minSeconds` whose peaks stay under `thresholdDbfs` — judged against the
   * programme's own loudness by the caller, so a quiet recording's speech is not taken for silence.
   */
  silences(thresholdDbfs: number, minSeconds: number, durationSeconds: number): Silence[] {
    const threshold = Math.pow(10, thresholdDbfs / 20);
    const found: Silence[] = [];
    const close = (from: number, to: number) => {
      const start = from / PEAKS_PER_SECOND;
      const end = Math.min(durationSeconds, to / PEAKS_PER_SECOND);
      if (end - start >= minSeconds)
        found.push({ start: round(start), end: round(end), duration: round(end - start) });
    };
    let from = -1;
    this.peaks.forEach((p, i) => {
      if (p < threshold) {
        if (from < 0) from = i;
      } else if (from >= 0) {
        close(from, i);
        from = -1;
      }
    });
    if (from >= 0) close(from, this.peaks.length);
    return found;
  }
}

const round = (n: number) => Math.round(n * 100) / 100;
