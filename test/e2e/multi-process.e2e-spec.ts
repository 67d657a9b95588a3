import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { filesUnder } from '../helpers/files.js';
import { freePort, startServiceProcess, stop, until } from '../helpers/processes.js';
import { window } from '../helpers/scheduling.js';
import { SPEECH_FILES, writeSpeechFiles } from '../helpers/speech.js';
import { openTestDatabase, TEST_POSTGRES, type TestDatabase } from '../helpers/test-database.js';
import { TEST_ADMIN } from '../helpers/test-app.js';

type Body = Record<string, any>;

/**
 * A province's installation in miniature: two API processes, two audio workers and one playout
 * process, sharing one database, one Redis (under a prefix of the test's own) and one MEDIA_DIR. On
 * PostgreSQL (TEST_DATABASE=postgres) all five start at once, so their migrations race for the lock;
 * on SQLite the first API creates the file before the others open it.
 */
describe('several processes, one installation', () => {
  let dir: string;
  let database: TestDatabase;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'truyenthanh-multi-'));
    database = await openTestDatabase(dir);
  });
  afterAll(async () => {
    await Promise.all(children.map((child) => stop(child)));
    await database.release();
    rmSync(dir, { recursive: true, force: true });
  });

  it('uploads through one API, shows progress on the other, processes each upload once and airs each placement once', async () => {
    const shared = {
      ...database.env,
      MEDIA_DIR: join(dir, 'media'),
      MEDIA_MIN_FREE_MB: '1',
      REDIS_PREFIX: `tt-test-multi-${process.pid}-${Date.now()}`,
      ADMIN_USERNAME: TEST_ADMIN.username,
      ADMIN_PASSWORD: TEST_ADMIN.password,
      APPROVAL_FOUR_EYES: 'false',
      WORKER_CONCURRENCY: '1',
      PLAYOUT_RECONCILE_SECONDS: '2',
    };
    const [portA, portB] = [await freePort(), await freePort()];
    const start = (env: Record<string, string>) => {
      const child = startServiceProcess({ ...shared, ...env });
      children.push(child);
      return child;
    };
    const live = (port: number) => async () =>
      (
        await request(`http://127.0.0.1:${port}`)
          .get('/api/health/live')
          .catch(() => null)
      )?.status === 200;

    start({ PROCESS_ROLE: 'api', PORT: String(portA), HOST: '127.0.0.1' });
    if (!TEST_POSTGRES) await until(live(portA), 60_000, 'the first API process');
    start({ PROCESS_ROLE: 'api', PORT: String(portB), HOST: '127.0.0.1' });
    start({ PROCESS_ROLE: 'audio' });
    start({ PROCESS_ROLE: 'audio' });
    start({ PROCESS_ROLE: 'playout' });
    await until(live(portA), 60_000, 'API process A');
    await until(live(portB), 60_000, 'API process B');

    const login = await request(`http://127.0.0.1:${portA}`)
      .post('/api/auth/login')
      .send(TEST_ADMIN)
      .expect(200);
    const token = login.body.accessToken as string;
    const a = request.agent(`http://127.0.0.1:${portA}`).set('Authorization', `Bearer ${token}`) as TestAgent;
    const b = request.agent(`http://127.0.0.1:${portB}`).set('Authorization', `Bearer ${token}`) as TestAgent;

    // Events as a browser on API B sees them: published by the audio workers, relayed through Redis.
    const events: Body[] = [];
    const stream = new AbortController();
    const response = await fetch(`http://127.0.0.1:${portB}/api/events`, {
      headers: { authorization: `Bearer ${token}` },
      signal: stream.signal,
    });
    void (async () => {
      const decoder = new TextDecoder();
      let text = '';
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          text += decoder.decode(chunk, { stream: true });
          const blocks = text.split('\n\n');
          text = blocks.pop() ?? '';
          for (const block of blocks) {
            const data = block
              .split('\n')
              .filter((line) => line.startsWith('data:'))
              .map((line) => line.slice(5).trim())
              .join('\n');
            if (data) events.push(JSON.parse(data) as Body);
          }
        }
      } catch {
        // aborted at the end of the test
      }
    })();

    try {
      // Four reportages, each with Vietnamese speech (espeak-ng) as people send it: an MP3 with tags,
      // a browser's Opus recording, an M4A, a phone recording; uploaded through API A.
      const deliveries = new Map(await writeSpeechFiles(dir));
      const sources = (['mp3', 'webm', 'm4a', 'phone'] as const).map((key) =>
        deliveries.get(SPEECH_FILES[key])!,
      );
      const reportages: { id: number; title: string; assetId: number }[] = [];
      for (const [index, source] of sources.entries()) {
        const i = index + 1;
        const exemplar = await a
          .post('/api/exemplars')
          .send({ name: `Điển hình nhiều tiến trình ${i}`, kind: 'individual', level: 'commune' })
          .expect(201);
        const title = `Phong su nhieu tien trinh ${i}`;
        const created = await a
          .post('/api/reportages')
          .send({ segmentId: 1, title, summary: 'Tóm tắt', exemplarIds: [exemplar.body.id] })
          .expect(201);
        const accepted = await a
          .post(`/api/reportages/${created.body.id}/audio`)
          .attach('file', source)
          .expect(202);
        reportages.push({ id: created.body.id, title, assetId: accepted.body.id });
      }
      // Processed exactly once each, by the workers; read back through the other API.
      await until(
        async () => {
          const statuses = await Promise.all(
            reportages.map(
              async (r) => (await b.get(`/api/audio-assets/${r.assetId}`).expect(200)).body.status,
            ),
          );
          return statuses.every((s) => s === 'ready' || s === 'failed');
        },
        180_000,
        'the four uploads to be processed',
      );
      for (const r of reportages) {
        const asset = (await b.get(`/api/audio-assets/${r.assetId}`).expect(200)).body;
        expect(asset).toMatchObject({ status: 'ready', attempts: 1 });
      }
      expect(filesUnder(join(dir, 'media', 'renditions'))).toHaveLength(reportages.length);
      for (const r of reportages)
        expect(
          events.some((e) => e.type === 'asset' && e.assetId === r.assetId && e.status === 'ready'),
        ).toBe(true);

      for (const r of reportages) {
        let { version } = (await b.get(`/api/reportages/${r.id}`).expect(200)).body;
        version = (await b.post(`/api/reportages/${r.id}/submit`).send({ version }).expect(200)).body.version;
        await a.post(`/api/reportages/${r.id}/approve`).send({ version }).expect(200);
      }

      // Four stations whose "program" is a command that writes down each title it is given.
      const played = join(dir, 'played.log');
      const province = await a
        .post('/api/places')
        .send({ name: 'Tỉnh nhiều tiến trình', level: 'province' })
        .expect(201);
      const zones: number[] = [];
      for (let i = 1; i <= reportages.length; i++) {
        const place = await a
          .post('/api/places')
          .send({ name: `Xã nhiều tiến trình ${i}`, level: 'commune', parentId: province.body.id })
          .expect(201);
        const zone = (
          await a
            .post('/api/zones')
            .send({ name: `Đài xã nhiều tiến trình ${i}`, kind: 'station', placeId: place.body.id })
            .expect(201)
        ).body;
        await window(a, zone.id, { startTime: '00:00', endTime: '00:00', startDate: '2020-01-01' });
        await b
          .put(`/api/zones/${zone.id}/playout`)
          .send({
            driver: 'command',
            command: 'sh',
            args: ['-c', `printf '%s\\n' "$1" >> '${played}'`, 'sh', '{title}'],
          })
          .expect(200);
        zones.push(zone.id as number);
      }

      // One placement on each station, made through both APIs, due within seconds of each other.
      const first = Date.now() + 12_000;
      const placements: number[] = [];
      for (const [i, r] of reportages.entries()) {
        const http = i % 2 === 0 ? a : b;
        const placed = await http
          .post('/api/placements')
          .send({ reportageId: r.id, zoneId: zones[i], startsAt: new Date(first + i * 2_000).toISOString() })
          .expect(201);
        placements.push(placed.body.id as number);
      }
      const asRun = async () => (await a.get('/api/as-run?pageSize=100').expect(200)).body.items as Body[];
      await until(
        async () => {
          const entries = await asRun();
          return placements.every((id) => entries.some((e) => e.placementId === id && e.result !== 'on_air'));
        },
        120_000,
        'the four placements to air',
      );
      await until(async () => existsSync(played), 10_000, 'the station program to have run');

      const entries = await asRun();
      for (const id of placements) {
        const mine = entries.filter((e) => e.placementId === id);
        expect(mine).toHaveLength(1);
        expect(mine[0].result).toBe('aired');
      }
      const lines = readFileSync(played, 'utf8').trim().split('\n').sort();
      expect(lines).toEqual(reportages.map((r) => r.title).sort());
      for (const id of placements)
        expect((await b.get(`/api/placements/${id}`).expect(200)).body.status).toBe('aired');
    } finally {
      stream.abort();
    }
  }, 420_000);
});
