import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { AUDIO_QUEUE, audioJobId } from '../../src/media/audio-queue.js';
import { ffmpegFailingWhile, makeAudio, makeVideo, measure, probe, SPEECH } from '../helpers/audio.js';
import { filesUnder } from '../helpers/files.js';
import { until } from '../helpers/processes.js';
import { createReportage, createTestApp, waitForAsset, type TestApp } from '../helpers/test-app.js';

describe('audio ingest', () => {
  let t: TestApp;
  let work: string;

  beforeAll(async () => {
    t = await createTestApp({ WORKER_CONCURRENCY: '2' });
    work = mkdtempSync(join(tmpdir(), 'truyenthanh-audio-'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(work, { recursive: true, force: true });
  });

  const formats: [string, () => Promise<string>][] = [
    ['a stereo WAV', () => makeAudio(work, 'studio.wav', SPEECH(6), ['-ac', '2'])],
    ['an MP3', () => makeAudio(work, 'field.mp3', SPEECH(6), ['-c:a', 'libmp3lame', '-b:a', '96k'])],
    ['an M4A (AAC)', () => makeAudio(work, 'phone.m4a', SPEECH(6), ['-c:a', 'aac', '-b:a', '64k'])],
    ['an OGG/Opus', () => makeAudio(work, 'voice.ogg', SPEECH(6, 48000), ['-c:a', 'libopus', '-b:a', '32k'])],
    ['a video with an audio track', () => makeVideo(work, 'clip.mp4', 6, true)],
  ];

  it.each(formats)('turns %s into a broadcast MP3 at the house loudness', async (_name, make) => {
    const source = await make();
    const id = await createReportage(t.http);
    const accepted = await t.http.post(`/api/reportages/${id}/audio`).attach('file', source).expect(202);
    expect(accepted.body).toMatchObject({
      status: 'queued',
      statusUrl: `/api/audio-assets/${accepted.body.id}`,
      duplicate: false,
    });
    expect(accepted.headers.location).toBe(accepted.body.statusUrl);

    const asset = await waitForAsset(t.http, accepted.body.id, ['ready', 'failed']);
    expect(asset.status).toBe('ready');
    expect(asset.progress).toBe(100);
    expect(asset.loudnessIn).toBeLessThan(-20);
    expect(Math.abs(asset.loudnessOut - -16)).toBeLessThanOrEqual(1);

    const mp3 = join(work, `out-${accepted.body.id}.mp3`);
    const res = await t.http
      .get(asset.urls.broadcast)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('audio/mpeg');
    writeFileSync(mp3, res.body as Buffer);
    const info = await probe(mp3);
    expect(info).toMatchObject({ codec: 'mp3', channels: 1, sampleRate: 44100 });
    expect(Math.round(info.bitRate / 1000)).toBeGreaterThanOrEqual(126);
    expect(Math.round(info.bitRate / 1000)).toBeLessThanOrEqual(130);
    expect(Math.abs(info.duration - 6)).toBeLessThan(0.2);
    const measured = await measure(mp3);
    expect(Math.abs(measured.lufs - -16)).toBeLessThanOrEqual(1);
    expect(measured.truePeak).toBeLessThanOrEqual(-1.5 + 0.5);

    const reportage = await t.http.get(`/api/reportages/${id}`).expect(200);
    expect(Math.abs(reportage.body.durationSeconds - 6)).toBeLessThan(0.2);
    expect(reportage.body.currentAudio).toEqual({ id: accepted.body.id, status: 'ready' });
  });

  it('draws a waveform of ten peaks a second between 0 and 1', async () => {
    const source = await makeAudio(work, 'wave.wav', SPEECH(4), []);
    const id = await createReportage(t.http);
    const accepted = await t.http.post(`/api/reportages/${id}/audio`).attach('file', source).expect(202);
    const asset = await waitForAsset(t.http, accepted.body.id, ['ready']);
    const wave = (await t.http.get(asset.urls.waveform).expect(200)).body;
    expect(wave.peaksPerSecond).toBe(10);
    expect(wave.peaks.length).toBeGreaterThanOrEqual(39);
    expect(wave.peaks.length).toBeLessThanOrEqual(41);
    expect(Math.max(...wave.peaks)).toBeGreaterThan(0.05);
    expect(wave.peaks.every((p: number) => p >= 0 && p <= 1)).toBe(true);
  });

  it('warns about leading, trailing and long inner silence without cutting it', async () => {
    // 3 s silence, 4 s speech, 3 s silence, 4 s speech, 3 s silence.
    const source = await makeAudio(
      work,
      'pauses.wav',
      `${SPEECH(17)},volume='if(lt(t,3)+between(t,7,10)+gt(t,14),0,1)':eval=frame`,
      [],
    );
    const id = await createReportage(t.http);
    const accepted = await t.http.post(`/api/reportages/${id}/audio`).attach('file', source).expect(202);
    const asset = await waitForAsset(t.http, accepted.body.id, ['ready']);
    expect(asset.analysis.leadingSilenceSeconds).toBeGreaterThan(2.5);
    expect(asset.analysis.trailingSilenceSeconds).toBeGreaterThan(2.5);
    expect(asset.warnings.join(' ')).toMatch(/đầu bài/);
    expect(asset.warnings.join(' ')).toMatch(/cuối bài/);
    expect(asset.warnings.join(' ')).toMatch(/Đoạn lặng dài .* tại phút 0:0[67]/);
    expect(Math.abs(asset.broadcastDurationSeconds - 17)).toBeLessThan(0.3); // nothing trimmed
  });

  it('serves byte ranges, ETags and the original untouched', async () => {
    const source = await makeAudio(work, 'range.wav', SPEECH(3), []);
    const id = await createReportage(t.http);
    const accepted = await t.http.post(`/api/reportages/${id}/audio`).attach('file', source).expect(202);
    const asset = await waitForAsset(t.http, accepted.body.id, ['ready']);

    const whole = await t.http.get(asset.urls.broadcast).expect(200);
    const etag = whole.headers.etag;
    expect(etag).toBeTruthy();
    expect(whole.headers['accept-ranges']).toBe('bytes');
    const part = await t.http.get(asset.urls.broadcast).set('Range', 'bytes=100-199').expect(206);
    expect(part.headers['content-range']).toBe(`bytes 100-199/${asset.broadcastSizeBytes}`);
    expect(Number(part.headers['content-length'])).toBe(100);
    await t.http.get(asset.urls.broadcast).set('If-None-Match', etag).expect(304);
    await t.http
      .get(asset.urls.broadcast)
      .set('Range', `bytes=${asset.broadcastSizeBytes + 10}-`)
      .expect(416);

    const original = await t.http.get(asset.urls.original).expect(200);
    expect(original.headers['content-type']).toBe('audio/wav');
    expect(Number(original.headers['content-length'])).toBe(asset.sizeBytes);
  });

  it('keeps a Vietnamese file name as given and stores the file under its hash', async () => {
    const source = await makeAudio(work, 'name.wav', SPEECH(2), []);
    const id = await createReportage(t.http);
    const res = await t.http
      .post(`/api/reportages/${id}/audio`)
      .attach('file', source, { filename: 'Phóng sự Phước Hải – bản 2.wav' })
      .expect(202);
    expect(res.body.originalName).toBe('Phóng sự Phước Hải – bản 2.wav');
    expect(
      filesUnder(join(t.dir, 'media', 'originals')).map((f) =>
        relative(join(t.dir, 'media', 'originals'), f),
      ),
    ).toContain(`${res.body.sha256.slice(0, 2)}/${res.body.sha256}`);
    const original = await t.http.get(res.body.urls.original).expect(200);
    expect(original.headers['content-disposition']).toContain(
      encodeURIComponent('Phóng sự Phước Hải – bản 2.wav'),
    );
  });

  it('answers the same bytes uploaded again with the asset it already has', async () => {
    const source = await makeAudio(work, 'twice.wav', SPEECH(2), []);
    const id = await createReportage(t.http);
    const first = await t.http.post(`/api/reportages/${id}/audio`).attach('file', source).expect(202);
    const second = await t.http.post(`/api/reportages/${id}/audio`).attach('file', source).expect(200);
    expect(second.body).toMatchObject({ id: first.body.id, duplicate: true });
    const versions = await t.http.get(`/api/reportages/${id}/audio`).expect(200);
    expect(versions.body).toHaveLength(1);
  });

  it('runs a failed upload again when the same bytes are uploaded again', async () => {
    const marker = join(work, 'fail-encoding');
    writeFileSync(marker, '');
    const failing = await createTestApp({
      FFMPEG_PATH: await ffmpegFailingWhile(work, marker),
      AUDIO_JOB_ATTEMPTS: '1',
    });
    try {
      const id = await createReportage(failing.http);
      const source = await makeAudio(work, 'fails-then-works.wav', SPEECH(3), []);
      const first = await failing.http.post(`/api/reportages/${id}/audio`).attach('file', source).expect(202);
      expect((await waitForAsset(failing.http, first.body.id, ['failed', 'ready'])).status).toBe('failed');

      unlinkSync(marker); // ffmpeg works again
      const again = await failing.http.post(`/api/reportages/${id}/audio`).attach('file', source).expect(200);
      expect(again.body).toMatchObject({
        id: first.body.id,
        duplicate: true,
        status: 'queued',
        progress: 0,
        error: null,
        current: true,
      });
      const ready = await waitForAsset(failing.http, first.body.id, ['ready', 'failed']);
      expect(ready).toMatchObject({ status: 'ready', error: null });
      expect((await failing.http.get(`/api/reportages/${id}/audio`).expect(200)).body).toHaveLength(1);
      const audit = await failing.http
        .get(`/api/audit?entity=audio_asset&entityId=${first.body.id}&action=retry`)
        .expect(200);
      expect(audit.body.items).toEqual([
        expect.objectContaining({ changes: { status: { from: 'failed', to: 'queued' } } }),
      ]);
    } finally {
      await failing.close();
    }
  });

  it('runs a cancelled upload again when the same bytes are uploaded again', async () => {
    const source = await makeAudio(work, 'cancelled-then-again.wav', SPEECH(20), []);
    const id = await createReportage(t.http);
    const first = await t.http.post(`/api/reportages/${id}/audio`).attach('file', source).expect(202);
    await t.http.post(`/api/audio-assets/${first.body.id}/cancel`).expect(200);
    const again = await t.http.post(`/api/reportages/${id}/audio`).attach('file', source).expect(200);
    expect(again.body).toMatchObject({ id: first.body.id, duplicate: true, status: 'queued', error: null });
    const asset = await waitForAsset(t.http, first.body.id, ['ready', 'failed', 'cancelled']);
    expect(asset.status).toBe('ready');
  });

  it('answers two simultaneous uploads of the same file like two in a row: one asset, one duplicate', async () => {
    const source = await makeAudio(work, 'race.wav', SPEECH(2), []);
    const ids: number[] = [];
    // Several rounds, each on a new reportage, so the two requests overlap at least once; the same
    // bytes every round also file the same content-addressed original again over the earlier one.
    for (let round = 0; round < 5; round++) {
      const id = await createReportage(t.http, `Tải lên cùng lúc ${round + 1}`);
      const answers = await Promise.all(
        [1, 2].map(() => t.http.post(`/api/reportages/${id}/audio`).attach('file', source)),
      );
      // As one after the other: 202 for the upload that created the asset, 200 for the duplicate.
      expect(answers.map((a) => [a.status, a.body.duplicate]).sort()).toEqual([
        [200, true],
        [202, false],
      ]);
      expect(answers[0].body.id).toBe(answers[1].body.id);
      const versions = await t.http.get(`/api/reportages/${id}/audio`).expect(200);
      expect(versions.body.map((v: { id: number }) => v.id)).toEqual([answers[0].body.id]);
      ids.push(answers[0].body.id);
    }
    for (const id of ids) expect((await waitForAsset(t.http, id, ['ready', 'failed'])).status).toBe('ready');
    expect(filesUnder(join(t.dir, 'media', 'tmp'))).toEqual([]);
  });

  it('lists every version, newest first, and makes the newest current', async () => {
    const id = await createReportage(t.http);
    const v1 = await t.http
      .post(`/api/reportages/${id}/audio`)
      .attach('file', await makeAudio(work, 'v1.wav', SPEECH(2), []))
      .expect(202);
    const v2 = await t.http
      .post(`/api/reportages/${id}/audio`)
      .attach('file', await makeAudio(work, 'v2.wav', SPEECH(3), []))
      .expect(202);
    const versions = (await t.http.get(`/api/reportages/${id}/audio`).expect(200)).body;
    expect(versions.map((v: { id: number; current: boolean }) => [v.id, v.current])).toEqual([
      [v2.body.id, true],
      [v1.body.id, false],
    ]);
  });

  it('cancels a queued or running job and runs it again on retry', async () => {
    const source = await makeAudio(work, 'long.wav', SPEECH(120), []);
    const id = await createReportage(t.http);
    const accepted = await t.http.post(`/api/reportages/${id}/audio`).attach('file', source).expect(202);
    const cancelled = await t.http.post(`/api/audio-assets/${accepted.body.id}/cancel`).expect(200);
    expect(cancelled.body.status).toBe('cancelled');
    // Removed from the queue, or its worker has seen the status, stopped ffmpeg and finished the job.
    const queue = t.app.get<Queue>(getQueueToken(AUDIO_QUEUE));
    await until(
      async () => {
        const state = await (await queue.getJob(audioJobId(accepted.body.id)))?.getState();
        return state === undefined || state === 'unknown' || state === 'completed' || state === 'failed';
      },
      30_000,
      'the cancelled job to stop',
    );
    expect((await t.http.get(`/api/audio-assets/${accepted.body.id}`).expect(200)).body.status).toBe(
      'cancelled',
    );
    const again = await t.http.post(`/api/audio-assets/${accepted.body.id}/cancel`).expect(409);
    expect(again.body.message).toContain('đang ở trạng thái "đã huỷ"'); // the status in words, not `cancelled`

    const retried = await t.http.post(`/api/audio-assets/${accepted.body.id}/retry`).expect(200);
    expect(retried.body.status).toBe('queued');
    const asset = await waitForAsset(t.http, accepted.body.id, ['ready', 'failed'], 120_000);
    expect(asset.status).toBe('ready');
    const done = await t.http.post(`/api/audio-assets/${accepted.body.id}/retry`).expect(409);
    expect(done.body.message).toContain('đang ở trạng thái "sẵn sàng"');
    expect(filesUnder(join(t.dir, 'media', 'tmp'))).toEqual([]);
  });

  it('joins the segment’s intro and outro jingles onto the rendition', async () => {
    const segment = await t.http.post('/api/segments').send({ name: 'Chuyên mục có nhạc hiệu' }).expect(201);
    const intro = await t.http
      .post(`/api/segments/${segment.body.id}/jingles/intro`)
      .attach('file', await makeAudio(work, 'intro.wav', SPEECH(2), []))
      .expect(202);
    const outro = await t.http
      .post(`/api/segments/${segment.body.id}/jingles/outro`)
      .attach('file', await makeAudio(work, 'outro.wav', SPEECH(1.5), []))
      .expect(202);
    await waitForAsset(t.http, intro.body.id, ['ready']);
    await waitForAsset(t.http, outro.body.id, ['ready']);
    const seg = await t.http.get(`/api/segments/${segment.body.id}`).expect(200);
    expect(seg.body).toMatchObject({ introAudioId: intro.body.id, outroAudioId: outro.body.id });

    const reportage = await t.http
      .post('/api/reportages')
      .send({ segmentId: segment.body.id, title: 'Có nhạc hiệu' })
      .expect(201);
    const accepted = await t.http
      .post(`/api/reportages/${reportage.body.id}/audio`)
      .attach('file', await makeAudio(work, 'body.wav', SPEECH(4), []))
      .expect(202);
    const asset = await waitForAsset(t.http, accepted.body.id, ['ready']);
    expect(Math.abs(asset.broadcastDurationSeconds - 7.5)).toBeLessThan(0.3);
    expect(Math.abs(asset.loudnessOut - -16)).toBeLessThanOrEqual(1);

    await t.http.delete(`/api/segments/${segment.body.id}/jingles/intro`).expect(204);
    await t.http
      .post(`/api/segments/${segment.body.id}/jingles/middle`)
      .attach('file', await makeAudio(work, 'x.wav', SPEECH(2), []))
      .expect(400);
    expect((await t.http.get(`/api/segments/${segment.body.id}`).expect(200)).body.introAudioId).toBeNull();
  });

  it('shows the queue on the dashboard', async () => {
    const res = await t.http.get('/admin/queues').expect(200);
    expect(res.text).toContain('<html');
    const queues = await t.http.get('/admin/queues/api/queues').expect(200);
    expect(JSON.stringify(queues.body)).toContain('"audio"');
  });

  it('reports state changes and progress on the events stream', async () => {
    const server = t.app.getHttpServer();
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const controller = new AbortController();
    const events: { status: string; progress: number; assetId: number }[] = [];
    const response = await fetch(`http://127.0.0.1:${port}/api/events`, {
      signal: controller.signal,
      headers: { authorization: `Bearer ${t.token}` },
    });
    const reading = (async () => {
      const decoder = new TextDecoder();
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          for (const line of decoder.decode(chunk).split('\n'))
            if (line.startsWith('data: ')) events.push(JSON.parse(line.slice(6)));
        }
      } catch {
        // aborted
      }
    })();
    const id = await createReportage(t.http);
    const accepted = await t.http
      .post(`/api/reportages/${id}/audio`)
      .attach('file', await makeAudio(work, 'events.wav', SPEECH(20), []))
      .expect(202);
    await waitForAsset(t.http, accepted.body.id, ['ready']);
    await until(
      async () => events.some((e) => e.assetId === accepted.body.id && e.status === 'ready'),
      10_000,
      'the ready event',
    );
    controller.abort();
    await reading;
    const mine = events.filter((e) => e.assetId === accepted.body.id);
    expect(mine.map((e) => e.status)).toEqual(expect.arrayContaining(['queued', 'processing', 'ready']));
    expect(mine.at(-1)).toMatchObject({ status: 'ready', progress: 100 });
  });
});
