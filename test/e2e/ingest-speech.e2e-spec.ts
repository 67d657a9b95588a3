import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measure, probe } from '../helpers/audio.js';
import { LONG_PAUSE_SECONDS, SPEECH_FILES, writeSpeechFiles } from '../helpers/speech.js';
import { createReportage, createTestApp, waitForAsset, type TestApp } from '../helpers/test-app.js';

/** The house standard (DOMAIN.md), checked on the downloaded rendition with our own measurement. */
const HOUSE = { lufs: -16, lufsTolerance: 0.5, truePeakMax: -1.5 };
/** Nothing may be trimmed: the rendition lasts as long as the source, within MP3 framing. */
const DURATION_TOLERANCE_SECONDS = 0.3;
/** Each file is up to 30 s of audio, processed on two cores. */
const TIMEOUT = 120_000;

interface Ingested {
  asset: Record<string, any>;
  sourceDuration: number;
  /** Present when the asset became ready. */
  rendition?: { info: Awaited<ReturnType<typeof probe>>; lufs: number; truePeak: number; lra: number };
}

describe('ingest of real speech (espeak-ng Vietnamese voices)', () => {
  let t: TestApp;
  let work: string;
  let sources: Map<string, string>;
  /** One upload per file and run: the table and the specific tests share it. */
  const ingested = new Map<string, Promise<Ingested>>();

  beforeAll(async () => {
    t = await createTestApp({ WORKER_CONCURRENCY: '2' });
    work = mkdtempSync(join(tmpdir(), 'truyenthanh-speech-'));
    mkdirSync(join(work, 'sources'));
    sources = new Map(await writeSpeechFiles(join(work, 'sources')));
  }, TIMEOUT);
  afterAll(async () => {
    await t.close();
    rmSync(work, { recursive: true, force: true });
  });

  function ingest(label: string): Promise<Ingested> {
    let result = ingested.get(label);
    if (!result) {
      result = uploadAndMeasure(label);
      ingested.set(label, result);
    }
    return result;
  }

  async function uploadAndMeasure(label: string): Promise<Ingested> {
    const source = sources.get(label);
    if (!source) throw new Error(`no speech file labelled ${label}`);
    const sourceDuration = (await probe(source)).duration;
    const id = await createReportage(t.http, `Hoa giữa đời thường – ${label}`);
    const accepted = await t.http.post(`/api/reportages/${id}/audio`).attach('file', source).expect(202);
    const asset = await waitForAsset(t.http, accepted.body.id, ['ready', 'failed'], TIMEOUT - 20_000);
    if (asset.status !== 'ready') return { asset, sourceDuration };

    const res = await t.http
      .get(asset.urls.broadcast)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const mp3 = join(work, `rendition-${asset.id}.mp3`);
    writeFileSync(mp3, res.body as Buffer);
    const [info, loudness] = await Promise.all([probe(mp3), measure(mp3)]);
    return { asset, sourceDuration, rendition: { info, ...loudness } };
  }

  /** Status, error and warnings together, so a failure shows why the asset is not ready. */
  const outcome = ({ asset }: Ingested) => ({
    status: asset.status,
    error: asset.error,
    warnings: ((asset.warnings ?? []) as string[]).map((w) => w.normalize('NFC')),
  });

  /** Every way the rendition departs from the house standard, with the measured values. */
  function departures({ rendition, sourceDuration }: Ingested): string[] {
    if (!rendition) return ['no rendition'];
    const { info, lufs, truePeak } = rendition;
    const found: string[] = [];
    if (!(Math.abs(lufs - HOUSE.lufs) <= HOUSE.lufsTolerance))
      found.push(`integrated ${lufs} LUFS, wanted ${HOUSE.lufs} ± ${HOUSE.lufsTolerance}`);
    if (!(truePeak <= HOUSE.truePeakMax))
      found.push(`true peak ${truePeak} dBTP, wanted ≤ ${HOUSE.truePeakMax}`);
    if (info.codec !== 'mp3' || info.channels !== 1 || info.sampleRate !== 44100)
      found.push(`${info.codec}, ${info.channels} ch, ${info.sampleRate} Hz, wanted mp3, 1 ch, 44100 Hz`);
    if (!(Math.abs(info.duration - sourceDuration) <= DURATION_TOLERANCE_SECONDS))
      found.push(`${info.duration} s long, the source ${sourceDuration} s`);
    return found;
  }

  const warningMatching = (pattern: RegExp) => expect.arrayContaining([expect.stringMatching(pattern)]);

  it.each(Object.values(SPEECH_FILES))(
    'brings %s to the house loudness and peak, whole',
    async (label) => {
      const result = await ingest(label);
      expect(outcome(result)).toMatchObject({ status: 'ready', error: null });
      expect(departures(result)).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'normalises a recording with one dead channel and says so',
    async () => {
      const result = await ingest(SPEECH_FILES.deadChannel);
      expect(outcome(result)).toEqual({ status: 'ready', error: null, warnings: warningMatching(/kênh/iu) });
      expect(departures(result)).toEqual([]);
    },
    TIMEOUT,
  );

  it.each([
    ['a very quiet recording is too quiet', SPEECH_FILES.quiet, /nhỏ/iu],
    ['a clipped recording is distorted', SPEECH_FILES.clipped, /méo/iu],
    ['an 8 kHz narrowband recording sounds like a telephone', SPEECH_FILES.narrowband, /điện thoại/iu],
  ])(
    'warns that %s',
    async (_what, label, pattern) => {
      const result = await ingest(label);
      expect(outcome(result)).toEqual({ status: 'ready', error: null, warnings: warningMatching(pattern) });
    },
    TIMEOUT,
  );

  it(
    'evens out an interview whose guest is 10 dB under the host, to the house loudness range',
    async () => {
      const result = await ingest(SPEECH_FILES.interview);
      expect(outcome(result)).toMatchObject({ status: 'ready', error: null });
      const source = await measure(sources.get(SPEECH_FILES.interview) as string);
      expect(source.lra).toBeGreaterThan(11);
      expect(result.rendition?.lra).toBeLessThanOrEqual(11);
      expect(result.asset.analysis).toMatchObject({ leveller: true });
    },
    TIMEOUT,
  );

  it(
    'has nothing to warn about in a clean studio recording',
    async () => {
      const result = await ingest(SPEECH_FILES.wav48k);
      expect(outcome(result)).toEqual({ status: 'ready', error: null, warnings: [] });
      expect(result.asset.analysis).toMatchObject({
        narrowband: false,
        clipped: false,
        usedChannel: null,
        leveller: false,
      });
    },
    TIMEOUT,
  );

  it(
    `warns about a ${LONG_PAUSE_SECONDS} s pause in the middle and keeps it`,
    async () => {
      const result = await ingest(SPEECH_FILES.longPause);
      expect(outcome(result)).toEqual({ status: 'ready', error: null, warnings: warningMatching(/lặng/iu) });
      const duration = result.rendition?.info.duration ?? Number.NaN;
      expect(Math.abs(duration - result.sourceDuration)).toBeLessThanOrEqual(DURATION_TOLERANCE_SECONDS);
    },
    TIMEOUT,
  );
});
