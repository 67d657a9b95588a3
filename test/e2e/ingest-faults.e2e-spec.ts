import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ffmpegFailingWhile, makeAudio, SPEECH } from '../helpers/audio.js';
import { freePort, startRedis, startServiceProcess, stop, until } from '../helpers/processes.js';
import { filesUnder } from '../helpers/files.js';
import { createReportage, createTestApp, waitForAsset } from '../helpers/test-app.js';
import { databaseEnv } from '../helpers/test-database.js';

describe('audio ingest under faults', () => {
  let work: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'truyenthanh-faults-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('finishes a job whose worker was killed mid-way, with one rendition and no stray temporaries', async () => {
    const t = await createTestApp({ PROCESS_ROLE: 'api' });
    const shared = {
      ...databaseEnv(t.config),
      MEDIA_DIR: t.config.mediaDir,
      REDIS_PREFIX: t.config.redisPrefix,
      PROCESS_ROLE: 'worker',
      AUDIO_JOB_LOCK_SECONDS: '2',
      WORKER_CONCURRENCY: '1',
    };
    let worker = startServiceProcess(shared);
    try {
      const source = await makeAudio(work, 'long.wav', SPEECH(600, 22050), []);
      const id = await createReportage(t.http);
      const accepted = await t.http.post(`/api/reportages/${id}/audio`).attach('file', source).expect(202);
      await until(
        async () => {
          const asset = (await t.http.get(`/api/audio-assets/${accepted.body.id}`)).body;
          return asset.status === 'processing' && asset.progress >= 10;
        },
        60_000,
        'the worker to be well into the job',
      );
      await stop(worker, 'SIGKILL');
      const halfway = (await t.http.get(`/api/audio-assets/${accepted.body.id}`)).body;
      expect(halfway.status).toBe('processing');

      worker = startServiceProcess(shared);
      const asset = await waitForAsset(t.http, accepted.body.id, ['ready', 'failed'], 120_000);
      expect(asset.status).toBe('ready');
      expect(asset.attempts).toBeGreaterThanOrEqual(2);
      expect(filesUnder(join(t.config.mediaDir, 'renditions'))).toHaveLength(1);
      expect(filesUnder(join(t.config.mediaDir, 'tmp'))).toEqual([]);
    } finally {
      await stop(worker);
      await t.close();
    }
  }, 180_000); // the restarted worker may wait out a lock and a backoff: up to 120 s for the asset

  it('accepts an upload while Redis is down and processes it once Redis is back', async () => {
    const port = await freePort();
    let redis = await startRedis(port);
    const t = await createTestApp({
      REDIS_URL: `redis://127.0.0.1:${port}`,
      RECONCILE_INTERVAL_SECONDS: '1',
    });
    try {
      await t.http.get('/api/health').expect(200);
      await stop(redis, 'SIGKILL');
      const id = await createReportage(t.http);
      const source = await makeAudio(work, 'offline.wav', SPEECH(3), []);
      const accepted = await t.http.post(`/api/reportages/${id}/audio`).attach('file', source).expect(202);
      expect(accepted.body.status).toBe('queued');
      await t.http.get('/api/health').expect(503);

      redis = await startRedis(port); // empty: whatever the queue held is gone too
      const asset = await waitForAsset(t.http, accepted.body.id, ['ready', 'failed'], 60_000);
      expect(asset.status).toBe('ready');
    } finally {
      await t.close();
      await stop(redis);
    }
  });

  it('marks a job failed with a reason a reporter can act on, and a retry then succeeds', async () => {
    const marker = join(work, 'fail-encoding');
    const wrapper = await ffmpegFailingWhile(work, marker);
    writeFileSync(marker, '');
    const t = await createTestApp({ FFMPEG_PATH: wrapper, AUDIO_JOB_ATTEMPTS: '1' });
    try {
      const id = await createReportage(t.http);
      const source = await makeAudio(work, 'fails.wav', SPEECH(3), []);
      const accepted = await t.http.post(`/api/reportages/${id}/audio`).attach('file', source).expect(202);
      const failed = await waitForAsset(t.http, accepted.body.id, ['failed', 'ready']);
      expect(failed.status).toBe('failed');
      // In Vietnamese, saying what to do; ffmpeg's own (English) last line goes to the log only.
      expect(failed.error).toBe(
        'Không xử lý được âm thanh: bộ chuyển mã dừng giữa chừng. Nếu thử lại vẫn lỗi, hãy xuất lại tệp từ máy ghi âm rồi tải lên.',
      );
      // The evidence stays: what the analysis found, and the waveform, before the encoder failed.
      expect(failed.loudnessIn).toBeLessThan(-20);
      expect(failed.truePeakIn).toEqual(expect.any(Number));
      expect(failed.analysis).toMatchObject({
        integratedLufs: failed.loudnessIn,
        channels: [expect.any(Object)],
      });
      expect(failed.urls.waveform).toBe(`/api/audio-assets/${accepted.body.id}/waveform`);
      const waveform = await t.http.get(failed.urls.waveform).expect(200);
      expect(waveform.body.peaks.length).toBeGreaterThanOrEqual(29);
      expect(filesUnder(join(t.config.mediaDir, 'tmp'))).toEqual([]);

      unlinkSync(marker);
      await t.http.post(`/api/audio-assets/${accepted.body.id}/retry`).expect(200);
      const ready = await waitForAsset(t.http, accepted.body.id, ['ready', 'failed']);
      expect(ready).toMatchObject({ status: 'ready', error: null });
    } finally {
      await t.close();
    }
  });
});
