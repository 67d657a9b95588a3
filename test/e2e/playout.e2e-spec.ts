import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type TestAgent from 'supertest/lib/agent.js';
import { DataSource } from 'typeorm';
import { DateTime } from 'luxon';
import { PlayoutDispatcher } from '../../src/playout/dispatcher.service.js';
import { PLAYOUT_QUEUE } from '../../src/playout/playout-queue.js';
import { makeAudio } from '../helpers/audio.js';
import { dominantFrequency, listen, startIcecast, type Icecast } from '../helpers/icecast.js';
import { freePort, startRedis, stop, until } from '../helpers/processes.js';
import { createTestApp, waitForAsset, type SignedInAgent, type TestApp } from '../helpers/test-app.js';
import { TestClock } from '../helpers/test-clock.js';
import { databaseEnv } from '../helpers/test-database.js';

type Body = Record<string, any>;
const sqlTime = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');

/** An approved reportage whose broadcast rendition is a pure tone of `hz`, `seconds` long. */
async function approvedTone(
  t: TestApp,
  work: string,
  hz: number,
  seconds: number,
): Promise<{ id: number; duration: number }> {
  const { id } = (
    await t.http
      .post('/api/reportages')
      .send({ segmentId: 1, title: `Âm ${hz} Hz`, summary: 'Thử phát' })
      .expect(201)
  ).body;
  const exemplar = (
    await t.http
      .post('/api/exemplars')
      .send({ name: `Điển hình ${hz}`, kind: 'individual', level: 'commune' })
      .expect(201)
  ).body.id;
  let { version } = (await t.http.get(`/api/reportages/${id}`).expect(200)).body;
  version = (
    await t.http
      .patch(`/api/reportages/${id}`)
      .send({ version, exemplarIds: [exemplar] })
      .expect(200)
  ).body.version;
  const file = await makeAudio(
    work,
    `tone-${hz}-${seconds}.wav`,
    `sine=frequency=${hz}:duration=${seconds}:sample_rate=44100`,
    [],
  );
  const accepted = await t.http.post(`/api/reportages/${id}/audio`).attach('file', file).expect(202);
  const asset = await waitForAsset(t.http, accepted.body.id, ['ready']);
  version = (await t.http.post(`/api/reportages/${id}/submit`).send({ version }).expect(200)).body.version;
  await t.http.post(`/api/reportages/${id}/approve`).send({ version }).expect(200);
  return { id, duration: asset.broadcastDurationSeconds ?? asset.durationSeconds };
}

/** A zone and its playout settings (zones are created in SQL until the scheduling API is merged). */
async function zone(
  t: TestApp,
  name: string,
  playout: Record<string, unknown>,
  parentId: number | null = null,
): Promise<number> {
  const db = t.app.get(DataSource);
  await db.query(
    "INSERT INTO zones (name, kind, parent_id, time_zone, playout) VALUES (?, ?, ?, 'Asia/Ho_Chi_Minh', '{}')",
    [name, parentId ? 'cluster' : 'station', parentId],
  );
  const [{ id }] = await db.query('SELECT MAX(id) AS id FROM zones');
  await t.http.put(`/api/zones/${id}/playout`).send(playout).expect(200);
  return id as number;
}

async function place(
  t: TestApp,
  zoneId: number,
  reportage: { id: number; duration: number },
  startsAt: number,
): Promise<number> {
  const db = t.app.get(DataSource);
  await db.query(
    "INSERT INTO placements (zone_id, reportage_id, starts_at, ends_at, duration_seconds, status) VALUES (?, ?, ?, ?, ?, 'planned')",
    [
      zoneId,
      reportage.id,
      sqlTime(startsAt),
      sqlTime(startsAt + reportage.duration * 1000),
      reportage.duration,
    ],
  );
  const [{ id }] = await db.query('SELECT MAX(id) AS id FROM placements');
  return id as number;
}

/** The app's clock: these tests move it to an airtime instead of waiting for it. */
const clockOf = (t: TestApp) => t.clock!;

/** Two dispatcher passes: the second began after every placement written so far, so their jobs exist. */
async function queued(t: TestApp): Promise<void> {
  const dispatcher = t.app.get(PlayoutDispatcher);
  await dispatcher.reconcile();
  await dispatcher.reconcile();
}

/** Until no playout job waits, runs or is due (the worker has done all it was given). */
const drained = (t: TestApp) =>
  until(
    async () => {
      const counts = await t.app
        .get<Queue>(getQueueToken(PLAYOUT_QUEUE))
        .getJobCounts('waiting', 'active', 'prioritized');
      return Object.values(counts).every((n) => n === 0);
    },
    30_000,
    'the playout queue to drain',
  );

const asRun = async (http: TestAgent, query = '') =>
  (await http.get(`/api/as-run?pageSize=100${query}`).expect(200)).body.items as Body[];
const entryOf = async (http: TestAgent, placementId: number) =>
  (await asRun(http)).find((e) => e.placementId === placementId);
const settled = async (http: TestAgent, placementIds: number[], timeoutMs = 60_000) =>
  until(
    async () => {
      const entries = await asRun(http);
      return placementIds.every((id) => entries.some((e) => e.placementId === id && e.result !== 'on_air'));
    },
    timeoutMs,
    `placements ${placementIds.join(', ')} to finish airing`,
  );

/** Collects what `GET /api/events` pushes, as a browser would, until stopped. */
async function collectEvents(t: TestApp): Promise<{ events: Body[]; stop(): void }> {
  const server = t.app.getHttpServer();
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const controller = new AbortController();
  const events: Body[] = [];
  const response = await fetch(`http://127.0.0.1:${port}/api/events`, {
    signal: controller.signal,
    headers: { authorization: `Bearer ${t.token}` },
  });
  void (async () => {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>)
        for (const line of decoder.decode(chunk).split('\n'))
          if (line.startsWith('data: ')) events.push(JSON.parse(line.slice(6)));
    } catch {
      // stopped
    }
  })();
  return { events, stop: () => controller.abort() };
}

describe('playout', () => {
  let work: string;
  let icecast: Icecast;
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'truyenthanh-playout-e2e-'));
    icecast = await startIcecast();
  });
  afterAll(async () => {
    await icecast.stop();
    rmSync(work, { recursive: true, force: true });
  });

  describe('on an Icecast zone', () => {
    let t: TestApp;
    let operator: SignedInAgent;
    let tones: { id: number; duration: number }[];
    let station: number;
    beforeAll(async () => {
      t = await createTestApp({ PLAYOUT_RECONCILE_SECONDS: '1' }, { clock: new TestClock() });
      operator = await t.as(['operator']);
      tones = [];
      for (const hz of [440, 660, 880]) tones.push(await approvedTone(t, work, hz, 3));
      station = await zone(t, 'Đài xã Phước Hải', {
        driver: 'icecast',
        url: icecast.url('phuoc-hai.mp3'),
        password: icecast.sourcePassword,
        graceSeconds: 30,
      });
    });
    afterAll(() => t.close());

    it('never shows the source password', async () => {
      const shown = (await t.http.get(`/api/zones/${station}/playout`).expect(200)).body;
      expect(shown).toMatchObject({ driver: 'icecast', passwordSet: true });
      expect(JSON.stringify(shown)).not.toContain(icecast.sourcePassword);
      const audit = (await t.http.get(`/api/audit?entity=zone&entityId=${station}`).expect(200)).body.items;
      expect(JSON.stringify(audit)).not.toContain(icecast.sourcePassword);
    });

    it('airs each placement at its time, in order: a listener on the mount hears the right audio, and the as-run log matches', async () => {
      const stream = await collectEvents(t);
      const listener = listen(icecast.url('phuoc-hai.mp3'), work);
      const base = clockOf(t).nowMs() + 30_000;
      const ids: number[] = [];
      for (const [i, tone] of tones.entries()) ids.push(await place(t, station, tone, base + i * 30_000));
      await queued(t);
      // Each airtime in turn: only the placement whose time it is may start.
      for (const [i, id] of ids.entries()) {
        clockOf(t).set(base + i * 30_000);
        await settled(operator.http, [id]);
      }
      const ours = () => stream.events.filter((e) => e.type === 'playout' && ids.includes(e.placementId));
      await until(
        async () => ours().length === 6 && listener.recorded() === 3,
        10_000,
        'the last end event and the last recording',
      );
      stream.stop();
      // Start and end of each airing went out on the events stream, in order.
      const pushed = ours();
      expect(pushed.map((e) => [e.placementId, e.event, e.result])).toEqual(
        ids.flatMap((id) => [
          [id, 'start', 'on_air'],
          [id, 'end', 'aired'],
        ]),
      );
      const heard = await Promise.all((await listener.stop()).map(dominantFrequency));
      // Zero crossings of a recording that starts and ends mid-frame: within a few percent.
      expect(heard).toHaveLength(3);
      for (const [i, hz] of [440, 660, 880].entries()) expect(Math.abs(heard[i] - hz)).toBeLessThan(30);
      for (const [i, id] of ids.entries()) {
        const entry = (await entryOf(operator.http, id))!;
        expect(entry).toMatchObject({
          result: 'aired',
          driver: 'icecast',
          zoneId: station,
          reportageId: tones[i].id,
        });
        const lateness = Date.parse(entry.startedAt) - Date.parse(entry.scheduledAt);
        expect(lateness).toBeGreaterThanOrEqual(-50);
        expect(lateness).toBeLessThan(2000);
        expect(entry.playedSeconds).toBeGreaterThanOrEqual(tones[i].duration - 1);
      }
    });

    it('an emergency bulletin cuts the placement on air, plays at once, and the cut is logged against it', async () => {
      const long = await approvedTone(t, work, 300, 20);
      const at = clockOf(t).nowMs() + 30_000;
      const id = await place(t, station, long, at);
      await queued(t);
      clockOf(t).set(at);
      await until(
        async () => (await entryOf(operator.http, id))?.result === 'on_air',
        30_000,
        'the placement to be on air',
      );
      const alarm = await makeAudio(
        work,
        'khan-cap.wav',
        'sine=frequency=1000:duration=3:sample_rate=44100',
        [],
      );
      const bulletin = await operator.http
        .post('/api/bulletins')
        .field('title', 'Thông báo khẩn: bão số 5')
        .field('priority', 'emergency')
        .field('zoneIds', String(station))
        .attach('file', alarm)
        .expect(202);
      await settled(operator.http, [id]);
      const cut = (await entryOf(operator.http, id))!;
      expect(cut).toMatchObject({ result: 'partial', interruptedBy: bulletin.body.id });
      expect(cut.playedSeconds).toBeLessThan(15);
      await until(
        async () =>
          (await asRun(operator.http)).some((e) => e.bulletinId === bulletin.body.id && e.result === 'aired'),
        30_000,
        'the bulletin to air',
      );
      const aired = (await asRun(operator.http)).find((e) => e.bulletinId === bulletin.body.id)!;
      expect(Date.parse(aired.startedAt)).toBeGreaterThanOrEqual(Date.parse(cut.endedAt) - 500);
    });
  });

  describe('dispatch follows the database', () => {
    it('moves and cancels before air: the old time never fires, the new one does, a cancelled one never does', async () => {
      const t = await createTestApp({ PLAYOUT_RECONCILE_SECONDS: '1' }, { clock: new TestClock() });
      const clock = clockOf(t);
      try {
        const out = join(work, 'moved');
        const station = await zone(t, 'Đài xã Long Mỹ', {
          driver: 'command',
          command: 'sh',
          args: ['-c', `echo "$0" >> ${out}`, '{title}'],
        });
        const tone = await approvedTone(t, work, 500, 2);
        const old = clock.nowMs() + 30_000;
        const moved = await place(t, station, tone, old);
        // Right after the first (not overlapping it: PostgreSQL's exclusion constraint would refuse).
        const cancelled = await place(t, station, tone, old + 2500);
        await queued(t); // both have their jobs now
        const db = t.app.get(DataSource);
        // Its end moves along (the tone lasts about 2 s): a placement's time stays a valid range.
        await db.query(
          'UPDATE placements SET starts_at = ?, ends_at = ?, version = version + 1 WHERE id = ?',
          [sqlTime(old + 30_000), sqlTime(old + 32_500), moved],
        );
        await db.query("UPDATE placements SET status = 'cancelled', version = version + 1 WHERE id = ?", [
          cancelled,
        ]);
        clock.set(old + 3000); // past the old times
        await queued(t);
        await drained(t);
        expect(await entryOf(t.http, moved)).toBeUndefined();
        clock.set(old + 30_000);
        await settled(t.http, [moved]);
        const entry = (await entryOf(t.http, moved))!;
        expect(entry.result).toBe('aired');
        expect(Math.abs(Date.parse(entry.startedAt) - Date.parse(entry.scheduledAt))).toBeLessThan(2000);
        expect(await entryOf(t.http, cancelled)).toBeUndefined();
      } finally {
        await t.close();
      }
    });

    it('cuts what is on air when the service stops, and logs it partial before the database closes', async () => {
      const t = await createTestApp({ PLAYOUT_RECONCILE_SECONDS: '1' }, { clock: new TestClock() });
      // A station program that would play for half a minute, far past the test.
      const station = await zone(t, 'Đài xã Phước Long Thọ (dừng)', {
        driver: 'command',
        command: 'sleep',
        args: ['30'],
      });
      const tone = await approvedTone(t, work, 550, 2);
      const at = clockOf(t).nowMs() + 30_000;
      const id = await place(t, station, tone, at);
      await queued(t);
      clockOf(t).set(at);
      await until(
        async () => (await entryOf(t.http, id))?.result === 'on_air',
        15_000,
        'the airing to start',
      );
      const stopping = Date.now();
      await t.app.close();
      expect(Date.now() - stopping).toBeLessThan(10_000);
      const again = await createTestApp({
        ...databaseEnv(t.config),
        MEDIA_DIR: t.config.mediaDir,
        REDIS_PREFIX: t.config.redisPrefix,
      });
      try {
        const entry = (await entryOf(again.http, id))!;
        expect(entry.result).toBe('partial');
        expect(entry.playedSeconds).toBeLessThan(10);
      } finally {
        await again.close();
        rmSync(t.dir, { recursive: true, force: true });
      }
    });

    it('marks a placement missed, with the reason, when the service was stopped across its time', async () => {
      const clock = new TestClock();
      const t = await createTestApp({ PLAYOUT_RECONCILE_SECONDS: '1' }, { clock });
      const station = await zone(t, 'Đài xã Láng Dài', { driver: 'manual', graceSeconds: 1 });
      const tone = await approvedTone(t, work, 500, 2);
      const id = await place(t, station, tone, clock.nowMs() + 3000);
      await t.app.close();
      clock.advance(60_000); // the service is down across the airtime and its grace
      const again = await createTestApp(
        {
          PLAYOUT_RECONCILE_SECONDS: '1',
          ...databaseEnv(t.config),
          MEDIA_DIR: t.config.mediaDir,
          REDIS_PREFIX: t.config.redisPrefix,
        },
        { clock },
      );
      try {
        await until(
          async () => (await entryOf(again.http, id))?.result === 'missed',
          15_000,
          'the placement to be marked missed',
        );
        const entry = (await entryOf(again.http, id))!;
        expect(entry.error).toMatch(/xếp lại lịch/);
        expect((await asRun(again.http, '&result=missed')).map((e) => e.placementId)).toContain(id);
      } finally {
        await again.close();
        rmSync(t.dir, { recursive: true, force: true });
      }
    });

    it('airs each placement exactly once when Redis restarts empty with delayed jobs pending', async () => {
      const port = await freePort();
      let redis = await startRedis(port);
      const t = await createTestApp(
        { PLAYOUT_RECONCILE_SECONDS: '1', REDIS_URL: `redis://127.0.0.1:${port}` },
        { clock: new TestClock() },
      );
      const clock = clockOf(t);
      try {
        const station = await zone(t, 'Đài xã Lộc An', { driver: 'manual', graceSeconds: 30 });
        const tone = await approvedTone(t, work, 500, 2);
        const at = [clock.nowMs() + 30_000, clock.nowMs() + 60_000];
        const ids = [await place(t, station, tone, at[0]), await place(t, station, tone, at[1])];
        await queued(t); // the jobs exist
        await stop(redis);
        redis = await startRedis(port); // nothing kept
        // The dispatcher queues them again once Redis answers (a pass that reaches Redis ran).
        await until(async () => (await t.app.get(PlayoutDispatcher).reconcile()).ran, 30_000, 'Redis back');
        await queued(t);
        for (const [i, instant] of at.entries()) {
          clock.set(instant);
          await until(async () => (await asRun(t.http)).length >= i + 1, 30_000, `placement ${i + 1} to air`);
        }
        // Whatever the dispatcher would queue again has had its passes and run.
        await queued(t);
        await drained(t);
        const entries = (await asRun(t.http)).filter((e) => ids.includes(e.placementId));
        expect(entries.map((e) => e.placementId).sort()).toEqual([...ids].sort());
        expect(entries.every((e) => e.result === 'awaiting_confirmation')).toBe(true);
      } finally {
        await t.close();
        await stop(redis);
      }
    });
  });

  describe('command and manual zones, and the operator', () => {
    let t: TestApp;
    let operator: SignedInAgent;
    let tone: { id: number; duration: number };
    beforeAll(async () => {
      t = await createTestApp({ PLAYOUT_RECONCILE_SECONDS: '1' }, { clock: new TestClock() });
      operator = await t.as(['operator']);
      tone = await approvedTone(t, work, 700, 2);
    });
    afterAll(() => t.close());

    it('runs the station program with the broadcast file and records its exit status', async () => {
      const out = join(work, 'da-phat.mp3');
      const ok = await zone(t, 'Đài xã Phước Hội', {
        driver: 'command',
        command: 'cp',
        args: ['{file}', out],
      });
      const broken = await zone(t, 'Đài xã Long Tân', {
        driver: 'command',
        command: 'sh',
        args: ['-c', 'echo "mất kết nối bộ khuếch đại" >&2; exit 2'],
      });
      const at = clockOf(t).nowMs() + 30_000;
      const a = await place(t, ok, tone, at);
      const b = await place(t, broken, tone, at);
      await queued(t);
      clockOf(t).set(at);
      await settled(operator.http, [a, b]);
      expect(await entryOf(operator.http, a)).toMatchObject({ result: 'aired', driver: 'command' });
      expect(existsSync(out)).toBe(true);
      const failed = (await entryOf(operator.http, b))!;
      expect(failed.result).toBe('failed');
      expect(failed.error).toMatch(/mã 2: mất kết nối bộ khuếch đại/);
    });

    it('waits on a manual zone for the operator, who confirms and later corrects it, on the record', async () => {
      const manual = await zone(t, 'Đài xã Phước Long Thọ', { driver: 'manual' });
      const at = clockOf(t).nowMs() + 30_000;
      const id = await place(t, manual, tone, at);
      await queued(t);
      clockOf(t).set(at);
      await until(
        async () => (await entryOf(operator.http, id))?.result === 'awaiting_confirmation',
        20_000,
        'the manual airing',
      );
      const onAir = (await operator.http.get('/api/on-air').expect(200)).body as Body[];
      expect(onAir.find((z) => z.zoneId === manual)!.awaitingConfirmation[0]).toMatchObject({
        placementId: id,
      });
      const entry = (await entryOf(operator.http, id))!;
      const editor = await t.as(['editor']);
      await editor.http
        .patch(`/api/as-run/${entry.id}`)
        .send({ result: 'aired', version: entry.version })
        .expect(403);
      const confirmed = (
        await operator.http
          .patch(`/api/as-run/${entry.id}`)
          .send({ result: 'aired', note: 'Đã phát qua loa', version: entry.version })
          .expect(200)
      ).body;
      expect(confirmed).toMatchObject({
        result: 'aired',
        note: 'Đã phát qua loa',
        confirmedBy: operator.user.id,
      });
      expect(confirmed.playedSeconds).toBeGreaterThan(0);
      const corrected = (
        await operator.http
          .patch(`/api/as-run/${entry.id}`)
          .send({ result: 'missed', note: 'Mất điện', version: confirmed.version })
          .expect(200)
      ).body;
      expect(corrected).toMatchObject({ result: 'missed', playedSeconds: 0 });
      const audit = (await t.http.get(`/api/audit?entity=as_run&entityId=${entry.id}`).expect(200)).body
        .items;
      expect(audit.map((a: Body) => [a.action, a.username, a.changes.result])).toEqual([
        ['confirm', operator.user.username, { from: 'aired', to: 'missed' }],
        ['confirm', operator.user.username, { from: 'awaiting_confirmation', to: 'aired' }],
      ]);
    });

    it('plays a priority bulletin at the start of the next window, and leaves a normal one to a scheduler', async () => {
      const manual = await zone(t, 'Đài xã Phước Hải (ưu tiên)', { driver: 'manual' });
      // A daily window starting at a full minute a minute or two ahead, local time.
      const next = DateTime.fromMillis(clockOf(t).nowMs())
        .setZone('Asia/Ho_Chi_Minh')
        .plus({ minutes: 2 })
        .startOf('minute');
      await t.http
        .post(`/api/zones/${manual}/windows`)
        .send({
          startTime: next.toFormat('HH:mm'),
          endTime: next.plus({ minutes: 30 }).toFormat('HH:mm'),
          startDate: next.toISODate(),
          rrule: 'FREQ=DAILY',
        })
        .expect(201);
      const notice = await makeAudio(
        work,
        'uu-tien.wav',
        'sine=frequency=600:duration=2:sample_rate=44100',
        [],
      );
      const send = (priority: string) =>
        operator.http
          .post('/api/bulletins')
          .field('title', `Thông báo ${priority}`)
          .field('priority', priority)
          .field('zoneIds', String(manual))
          .attach('file', notice)
          .expect(202);
      const priority = (await send('priority')).body;
      const normal = (await send('normal')).body;
      await until(
        async () =>
          (await operator.http.get(`/api/bulletins/${priority.id}`).expect(200)).body.status === 'dispatched',
        30_000,
        'the priority bulletin to be dispatched',
      );
      const dispatched = (await operator.http.get(`/api/bulletins/${priority.id}`).expect(200)).body;
      expect(Date.parse(dispatched.airAt)).toBe(next.toMillis());
      await queued(t);
      // Not before the window: the bulletin waits for it.
      expect((await asRun(operator.http)).some((e) => e.bulletinId === priority.id)).toBe(false);
      clockOf(t).set(next.toMillis());
      await until(
        async () => (await asRun(operator.http)).some((e) => e.bulletinId === priority.id),
        30_000,
        'the priority bulletin to air at the window',
      );
      const entry = (await asRun(operator.http)).find((e) => e.bulletinId === priority.id)!;
      expect(entry).toMatchObject({ zoneId: manual, result: 'awaiting_confirmation' });
      expect(Math.abs(Date.parse(entry.startedAt) - next.toMillis())).toBeLessThan(2000);
      const normalStatus = async () =>
        (await operator.http.get(`/api/bulletins/${normal.id}`).expect(200)).body.status as string;
      await until(async () => (await normalStatus()) !== 'waiting_audio', 30_000, 'the normal one’s audio');
      expect(await normalStatus()).toBe('waiting_scheduler');
      expect((await asRun(operator.http)).some((e) => e.bulletinId === normal.id)).toBe(false);
    });

    it('shows what is next per zone', async () => {
      const manual = await zone(t, 'Đài xã Đất Đỏ', { driver: 'manual' });
      const id = await place(t, manual, tone, clockOf(t).nowMs() + 600_000);
      const onAir = (await operator.http.get('/api/on-air').expect(200)).body as Body[];
      expect(onAir.find((z) => z.zoneId === manual)!.next[0]).toMatchObject({
        placementId: id,
        reportageId: tone.id,
      });
    });
  });
});
