import { EnvelopeMeter, ENVELOPE_RATE, PEAKS_PER_SECOND } from './envelope.js';

const WINDOW = ENVELOPE_RATE / PEAKS_PER_SECOND;

/** Float samples as ffmpeg writes them (f32le), in chunks of the given sizes in bytes. */
async function feed(samples: number[], chunkBytes: number): Promise<EnvelopeMeter> {
  const bytes = Buffer.alloc(samples.length * 4);
  samples.forEach((v, i) => bytes.writeFloatLE(v, i * 4));
  const meter = new EnvelopeMeter();
  for (let at = 0; at < bytes.length; at += chunkBytes)
    await new Promise<void>((resolve, reject) =>
      meter.write(bytes.subarray(at, at + chunkBytes), (error) => (error ? reject(error) : resolve())),
    );
  await new Promise<void>((resolve) => meter.end(resolve));
  return meter;
}

describe('EnvelopeMeter', () => {
  const signal = (seconds: number, level: (t: number) => number) =>
    Array.from({ length: seconds * ENVELOPE_RATE }, (_, i) => level(i / ENVELOPE_RATE) * (i % 2 ? -1 : 1));

  it('keeps the largest absolute sample of each tenth of a second, whatever the chunks', async () => {
    const samples = [...Array(WINDOW).fill(0.25), ...Array(WINDOW).fill(-0.5), 0.125];
    for (const chunk of [4, 6, 4096])
      expect((await feed(samples, chunk)).waveform()).toEqual([0.25, 0.5, 0.125]);
  });

  it('finds silences against a threshold, not cutting anything', async () => {
    // 1 s of sound, 2.5 s at -80 dBFS, 1 s of sound, then 3 s of digital silence to the end.
    const meter = await feed(
      signal(7.5, (t) => (t < 1 || (t >= 3.5 && t < 4.5) ? 0.3 : t < 3.5 ? 1e-4 : 0)),
      65536,
    );
    expect(meter.silences(-60, 2, 7.5)).toEqual([
      { start: 1, end: 3.5, duration: 2.5 },
      { start: 4.5, end: 7.5, duration: 3 },
    ]);
    // Judged against a quiet programme (-90 dBFS threshold), the -80 dBFS stretch is sound.
    expect(meter.silences(-90, 2, 7.5)).toEqual([{ start: 4.5, end: 7.5, duration: 3 }]);
  });
});
