import { Database } from '../../src/database/database.service.js';
import { get } from 'node:http';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { RequestMethod } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { ROLE_LABELS, type Role } from '../../src/accounts/roles.js';
import { makeAudio, SPEECH } from '../helpers/audio.js';
import { YEAR } from '../helpers/scheduling.js';
import {
  createTestApp,
  expectErrorShape,
  giveReadyAudio,
  accessToken,
  signIn,
  TEST_ADMIN,
  TEST_PASSWORD,
  type TestApp,
} from '../helpers/test-app.js';

type Body = Record<string, any>;
type Who = 'public' | 'signed-in' | Role[];
interface Call {
  http: TestAgent;
  role: Role;
  /** A second sign-in of the same account (for routes that end a session). */
  again(): Promise<TestAgent>;
  /** Signs the role's agent in anew (a password change ends its other sessions). */
  renew(): Promise<void>;
}

const ROLES: Role[] = ['editor', 'approver', 'scheduler', 'operator', 'admin'];

/**
 * Every route the application registers, read from Nest's own route metadata, so a new route cannot
 * be forgotten: the test fails until it is listed here with who may call it.
 */
function registeredRoutes(t: TestApp): string[] {
  const routes: string[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const controller of module.controllers.values()) {
      const type = controller.metatype as (new () => unknown) | undefined;
      if (!type?.prototype) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, type) ?? '');
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler = type.prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler);
        const method = Reflect.getMetadata(METHOD_METADATA, handler);
        if (path === undefined || method === undefined) continue;
        const full = ['api', base, String(path)].join('/').replace(/\/+/g, '/').replace(/\/$/, '');
        routes.push(`${RequestMethod[method]} /${full}`);
      }
    }
  }
  return routes.sort();
}

describe('who may call what: every route × every role', () => {
  let t: TestApp;
  const agents = {} as Record<Role, { http: TestAgent; username: string; token: string; password: string }>;
  let long: string;
  let readyAsset: number;
  let wav: string;
  let csv: string;
  /** Assets waiting behind a long job (one worker), so cancelling them is certain to find them queued. */
  const queued: number[] = [];
  const cancelled: number[] = [];

  const admin = () => t.http;
  const reportage = async (extra: object = {}) =>
    (
      await admin()
        .post('/api/reportages')
        .send({ segmentId: 1, title: 'Phóng sự kiểm tra quyền', summary: 'Tóm tắt', ...extra })
        .expect(201)
    ).body as Body;
  const exemplar = async () =>
    (
      await admin()
        .post('/api/exemplars')
        .send({ name: `Điển hình ${Math.random()}`, kind: 'individual', level: 'commune' })
        .expect(201)
    ).body as Body;
  /** A reportage in `status`, ready to be acted on. */
  const inStatus = async (status: 'draft' | 'submitted' | 'approved' | 'archived') => {
    const ex = await exemplar();
    const r = await reportage({ exemplarIds: [ex.id] });
    let version = r.version as number;
    const step = async (action: string, body: object = {}) =>
      (version = (
        await admin()
          .post(`/api/reportages/${r.id}/${action}`)
          .send({ version, ...body })
          .expect(200)
      ).body.version);
    if (status === 'archived') await step('archive');
    if (status === 'submitted' || status === 'approved') {
      await giveReadyAudio(admin(), r.id);
      await step('submit');
    }
    if (status === 'approved') await step('approve');
    return { id: r.id as number, version };
  };
  const field = async () =>
    (
      await admin()
        .post('/api/fields')
        .send({ name: `Lĩnh vực ${Math.random()}` })
        .expect(201)
    ).body as Body;
  const segment = async () =>
    (
      await admin()
        .post('/api/segments')
        .send({ name: `Chuyên mục ${Math.random()}` })
        .expect(201)
    ).body as Body;
  const place = async () =>
    (
      await admin()
        .post('/api/places')
        .send({ name: `Tỉnh ${Math.random()}`, level: 'province' })
        .expect(201)
    ).body as Body;
  const user = async () =>
    (
      await admin()
        .post('/api/users')
        .send({
          username: `tk${Math.random().toString(36).slice(2, 10)}`,
          displayName: 'Tài khoản',
          roles: ['operator'],
          password: TEST_PASSWORD,
        })
        .expect(201)
    ).body as Body;

  // Scheduling: a station on the air all day, an approved reportage, fresh air times for every call.
  let onAir: Body;
  let quiet: Body;
  let approvedId: number;
  let minutes = 0;
  const nextStart = () => new Date(Date.UTC(YEAR, 6, 1, 0, ++minutes * 2)).toISOString();
  const zone = async (extra: object = {}) => {
    const province = await place();
    const commune = (
      await admin()
        .post('/api/places')
        .send({ name: `Xã ${Math.random()}`, level: 'commune', parentId: province.id })
        .expect(201)
    ).body as Body;
    return (
      await admin()
        .post('/api/zones')
        .send({ name: `Đài ${Math.random()}`, kind: 'station', placeId: commune.id, ...extra })
        .expect(201)
    ).body as Body;
  };
  const broadcastWindow = async (zoneId = onAir.id) =>
    (
      await admin()
        .post(`/api/zones/${zoneId}/windows`)
        .send({ startTime: '00:00', endTime: '00:00', startDate: '2020-01-01' })
        .expect(201)
    ).body as Body;
  const slot = async () =>
    (
      await admin()
        .post(`/api/windows/${(await broadcastWindow()).id}/allocations`)
        .send({ segmentId: 1, time: '12:00', maxSeconds: 60 })
        .expect(201)
    ).body as Body;
  const placement = async () =>
    (
      await admin()
        .post('/api/placements')
        .send({ reportageId: approvedId, zoneId: onAir.id, startsAt: nextStart() })
        .expect(201)
    ).body as Body;
  const plan = async () =>
    (
      await admin()
        .post('/api/plans')
        .send({ from: `${YEAR}-08-01`, to: `${YEAR}-08-01`, zoneIds: [quiet.id] })
        .expect(201)
    ).body as Body;
  // Through the service's write queue: the one SQLite connection may be inside a transaction of the
  // service's own (the playout reconciler's), which a bare query would join and could lose.
  const sql = (text: string, params: unknown[] = []) =>
    t.app.get(Database).transaction((m) => m.query(text, params));
  /** A zone, written directly (its own routes are tested with scheduling). */
  const sqlZone = async () => {
    await sql(
      "INSERT INTO zones (name, kind, time_zone, playout) VALUES (?, 'station', 'Asia/Ho_Chi_Minh', '{}')",
      [`Đài ${Math.random()}`],
    );
    return (await sql('SELECT MAX(id) AS id FROM zones'))[0].id as number;
  };
  /** An as-run entry of a manual zone waiting for the operator. */
  const asRunEntry = async () => {
    const zoneId = await sqlZone();
    const r = await reportage();
    const at = new Date().toISOString().replace('T', ' ').replace('Z', '');
    await sql(
      "INSERT INTO placements (zone_id, reportage_id, starts_at, ends_at, duration_seconds, status) VALUES (?, ?, ?, ?, 2, 'unconfirmed')",
      [zoneId, r.id, at, at],
    );
    const [{ id }] = await sql('SELECT MAX(id) AS id FROM placements');
    await sql(
      "INSERT INTO as_run_entries (placement_id, zone_id, scheduled_at, result, driver) VALUES (?, ?, ?, 'awaiting_confirmation', 'manual')",
      [id, zoneId, at],
    );
    return (await sql('SELECT MAX(id) AS id FROM as_run_entries'))[0].id as number;
  };
  /** A placement of the approved reportage that was missed an hour ago, with a free slot ahead. */
  const missedPlacement = async () => {
    await slot();
    const at = new Date(Date.now() - 3_600_000).toISOString().replace('T', ' ').replace('Z', '');
    await sql(
      "INSERT INTO placements (zone_id, reportage_id, starts_at, ends_at, duration_seconds, status) VALUES (?, ?, ?, ?, 2, 'missed')",
      [onAir.id, approvedId, at, at],
    );
    return (await sql('SELECT MAX(id) AS id FROM placements'))[0].id as number;
  };
  const bulletin = async () =>
    (
      await admin()
        .post('/api/bulletins')
        .field('title', 'Bản tin')
        .field('priority', 'normal')
        .field('zoneIds', String(await sqlZone()))
        .attach('file', wav)
        .expect(202)
    ).body.id as number;

  /** Who may call each route, and a call that succeeds (2xx) when they may. */
  const ROUTES: Record<string, [Who, (c: Call) => Promise<{ status: number; body: Body }>]> = {
    // First, while a long job holds the only worker and the asset is certain to be still queued.
    'POST /api/audio-assets/:id/cancel': [
      ['editor'],
      async (c) => {
        const id = queued.shift()!;
        cancelled.push(id);
        return c.http.post(`/api/audio-assets/${id}/cancel`);
      },
    ],
    'POST /api/audio-assets/:id/retry': [
      ['editor'],
      async (c) => c.http.post(`/api/audio-assets/${cancelled.shift()!}/retry`),
    ],
    'GET /api/health': ['public', (c) => c.http.get('/api/health')],
    'GET /api/health/live': ['public', (c) => c.http.get('/api/health/live')],
    'POST /api/auth/login': [
      'public',
      (c) =>
        c.http
          .post('/api/auth/login')
          .send({ username: agents[c.role].username, password: agents[c.role].password }),
    ],
    'POST /api/auth/refresh': [
      'public',
      async (c) => {
        const login = await c.http
          .post('/api/auth/login')
          .send({ username: agents[c.role].username, password: agents[c.role].password });
        const cookie = (login.headers['set-cookie'] as unknown as string[]).find((x) =>
          x.startsWith('tt_session'),
        );
        return c.http.post('/api/auth/refresh').set('Cookie', cookie!.split(';')[0]);
      },
    ],
    'POST /api/auth/logout': ['signed-in', async (c) => (await c.again()).post('/api/auth/logout')],
    'GET /api/auth/me': ['signed-in', (c) => c.http.get('/api/auth/me')],
    'POST /api/auth/password': [
      'signed-in',
      async (c) => {
        // Changes and changes back, so the account keeps its test password.
        const http = await c.again();
        await http
          .post('/api/auth/password')
          .send({ currentPassword: agents[c.role].password, newPassword: 'tam-thoi-doi-lai' });
        const res = await http
          .post('/api/auth/password')
          .send({ currentPassword: 'tam-thoi-doi-lai', newPassword: agents[c.role].password });
        await c.renew();
        return res;
      },
    ],
    'GET /api/users': [['admin'], (c) => c.http.get('/api/users')],
    'GET /api/users/:id': [['admin'], async (c) => c.http.get(`/api/users/${(await user()).id}`)],
    'POST /api/users': [
      ['admin'],
      (c) =>
        c.http.post('/api/users').send({
          username: `moi${Math.random().toString(36).slice(2, 8)}`,
          displayName: 'Mới',
          roles: ['editor'],
          password: TEST_PASSWORD,
        }),
    ],
    'PATCH /api/users/:id': [
      ['admin'],
      async (c) => {
        const u = await user();
        return c.http.patch(`/api/users/${u.id}`).send({ displayName: 'Đổi tên', version: u.version });
      },
    ],
    'POST /api/users/:id/password': [
      ['admin'],
      async (c) =>
        c.http.post(`/api/users/${(await user()).id}/password`).send({ password: 'mat-khau-dat-lai' }),
    ],
    'GET /api/audit': [['approver'], (c) => c.http.get('/api/audit')],
    'GET /api/events': ['signed-in', (c) => c.http.get('/api/events?probe=1')],
    // Playout: everyone reads what aired; operators confirm it and send bulletins; admins set drivers.
    'GET /api/as-run': ['signed-in', (c) => c.http.get('/api/as-run')],
    'GET /api/as-run/:id': ['signed-in', async (c) => c.http.get(`/api/as-run/${await asRunEntry()}`)],
    'PATCH /api/as-run/:id': [
      ['operator'],
      async (c) => c.http.patch(`/api/as-run/${await asRunEntry()}`).send({ result: 'aired', version: 1 }),
    ],
    'GET /api/on-air': ['signed-in', (c) => c.http.get('/api/on-air')],
    'POST /api/bulletins': [
      ['operator', 'scheduler'],
      async (c) =>
        c.http
          .post('/api/bulletins')
          .field('title', 'Bản tin thử')
          .field('priority', 'normal')
          .field('zoneIds', String(await sqlZone()))
          .attach('file', wav),
    ],
    'GET /api/bulletins': ['signed-in', (c) => c.http.get('/api/bulletins')],
    'GET /api/bulletins/:id': ['signed-in', async (c) => c.http.get(`/api/bulletins/${await bulletin()}`)],
    'GET /api/zones/:id/playout': [
      'signed-in',
      async (c) => c.http.get(`/api/zones/${await sqlZone()}/playout`),
    ],
    'PUT /api/zones/:id/playout': [
      ['admin'],
      async (c) =>
        c.http.put(`/api/zones/${await sqlZone()}/playout`).send({ driver: 'manual', graceSeconds: 30 }),
    ],
    // Review reports are counts: every signed-in account may read them.
    'GET /api/reports/airings': [
      'signed-in',
      (c) => c.http.get('/api/reports/airings?from=2024-01-01&to=2024-06-30&groupBy=field'),
    ],
    'GET /api/reports/exemplars': [
      'signed-in',
      (c) => c.http.get('/api/reports/exemplars?from=2024-01-01&to=2024-06-30&format=csv'),
    ],

    'GET /api/fields': ['signed-in', (c) => c.http.get('/api/fields')],
    'GET /api/fields/:id': ['signed-in', async (c) => c.http.get(`/api/fields/${(await field()).id}`)],
    'POST /api/fields': [['admin'], (c) => c.http.post('/api/fields').send({ name: `Mới ${Math.random()}` })],
    'PATCH /api/fields/:id': [
      ['admin'],
      async (c) => {
        const f = await field();
        return c.http.patch(`/api/fields/${f.id}`).send({ description: 'Mô tả', version: f.version });
      },
    ],
    'DELETE /api/fields/:id': [['admin'], async (c) => c.http.delete(`/api/fields/${(await field()).id}`)],
    'GET /api/segments': ['signed-in', (c) => c.http.get('/api/segments')],
    'GET /api/segments/:id': ['signed-in', (c) => c.http.get('/api/segments/1')],
    'POST /api/segments': [
      ['admin'],
      (c) => c.http.post('/api/segments').send({ name: `Mới ${Math.random()}` }),
    ],
    'PATCH /api/segments/:id': [
      ['admin'],
      async (c) => {
        const s = await segment();
        return c.http.patch(`/api/segments/${s.id}`).send({ description: 'Mô tả', version: s.version });
      },
    ],
    'DELETE /api/segments/:id': [
      ['admin'],
      async (c) => c.http.delete(`/api/segments/${(await segment()).id}`),
    ],
    'POST /api/segments/:id/jingles/:which': [
      ['admin'],
      async (c) => c.http.post(`/api/segments/${(await segment()).id}/jingles/intro`).attach('file', wav),
    ],
    'DELETE /api/segments/:id/jingles/:which': [
      ['admin'],
      async (c) => c.http.delete(`/api/segments/${(await segment()).id}/jingles/intro`),
    ],
    'GET /api/places': ['signed-in', (c) => c.http.get('/api/places')],
    'GET /api/places/tree': ['signed-in', (c) => c.http.get('/api/places/tree')],
    'GET /api/places/:id': ['signed-in', async (c) => c.http.get(`/api/places/${(await place()).id}`)],
    'POST /api/places': [
      ['admin'],
      (c) => c.http.post('/api/places').send({ name: `Tỉnh ${Math.random()}`, level: 'province' }),
    ],
    'PATCH /api/places/:id': [
      ['admin'],
      async (c) => {
        const p = await place();
        return c.http.patch(`/api/places/${p.id}`).send({ code: '26560', version: p.version });
      },
    ],
    'DELETE /api/places/:id': [['admin'], async (c) => c.http.delete(`/api/places/${(await place()).id}`)],
    'GET /api/exemplars': ['signed-in', (c) => c.http.get('/api/exemplars')],
    'GET /api/exemplars/:id': [
      'signed-in',
      async (c) => c.http.get(`/api/exemplars/${(await exemplar()).id}`),
    ],
    'POST /api/exemplars': [
      ['editor'],
      (c) => c.http.post('/api/exemplars').send({ name: 'Tổ phụ nữ', kind: 'collective', level: 'commune' }),
    ],
    'PATCH /api/exemplars/:id': [
      ['editor'],
      async (c) => {
        const e = await exemplar();
        return c.http.patch(`/api/exemplars/${e.id}`).send({ notes: 'Ghi chú', version: e.version });
      },
    ],
    'DELETE /api/exemplars/:id': [
      ['editor'],
      async (c) => c.http.delete(`/api/exemplars/${(await exemplar()).id}`),
    ],
    'GET /api/reportages': ['signed-in', (c) => c.http.get('/api/reportages')],
    'GET /api/reportages/import/template.csv': [
      'signed-in',
      (c) => c.http.get('/api/reportages/import/template.csv'),
    ],
    'POST /api/reportages/import': [
      ['editor'],
      (c) =>
        c.http
          .post('/api/reportages/import?dryRun=true')
          .attach('file', Buffer.from(csv), { filename: 'nhap.csv', contentType: 'text/csv' }),
    ],
    'GET /api/reportages/:id': [
      'signed-in',
      async (c) => c.http.get(`/api/reportages/${(await reportage()).id}`),
    ],
    'GET /api/reportages/:id/history': [
      'signed-in',
      async (c) => c.http.get(`/api/reportages/${(await reportage()).id}/history`),
    ],
    'POST /api/reportages': [
      ['editor'],
      (c) => c.http.post('/api/reportages').send({ segmentId: 1, title: 'Mới' }),
    ],
    'PATCH /api/reportages/:id': [
      ['editor'],
      async (c) => {
        const r = await reportage();
        return c.http.patch(`/api/reportages/${r.id}`).send({ tags: ['thử'], version: r.version });
      },
    ],
    'DELETE /api/reportages/:id': [
      ['editor'],
      async (c) => c.http.delete(`/api/reportages/${(await reportage()).id}`),
    ],
    'POST /api/reportages/:id/submit': [
      ['editor'],
      async (c) => {
        const r = await inStatus('draft');
        return c.http.post(`/api/reportages/${r.id}/submit`).send({ version: r.version });
      },
    ],
    'POST /api/reportages/:id/withdraw': [
      ['editor'],
      async (c) => {
        const r = await inStatus('submitted');
        return c.http.post(`/api/reportages/${r.id}/withdraw`).send({ version: r.version });
      },
    ],
    'POST /api/reportages/:id/approve': [
      ['approver'],
      async (c) => {
        const r = await inStatus('submitted');
        return c.http.post(`/api/reportages/${r.id}/approve`).send({ version: r.version });
      },
    ],
    'POST /api/reportages/:id/reject': [
      ['approver'],
      async (c) => {
        const r = await inStatus('submitted');
        return c.http.post(`/api/reportages/${r.id}/reject`).send({ version: r.version, reason: 'Chưa đạt' });
      },
    ],
    'POST /api/reportages/:id/archive': [
      ['editor', 'approver'],
      async (c) => {
        const r = await inStatus('approved');
        return c.http.post(`/api/reportages/${r.id}/archive`).send({ version: r.version });
      },
    ],
    'POST /api/reportages/:id/restore': [
      ['editor', 'approver'],
      async (c) => {
        const r = await inStatus('archived');
        return c.http.post(`/api/reportages/${r.id}/restore`).send({ version: r.version });
      },
    ],
    'POST /api/reportages/:id/audio': [
      ['editor'],
      async (c) => c.http.post(`/api/reportages/${(await reportage()).id}/audio`).attach('file', wav),
    ],
    'GET /api/reportages/:id/audio': ['signed-in', (c) => c.http.get(`/api/reportages/1/audio`)],
    'GET /api/audio-assets/:id': ['signed-in', (c) => c.http.get(`/api/audio-assets/${readyAsset}`)],
    'GET /api/audio-assets/:id/original': [
      'signed-in',
      (c) => c.http.get(`/api/audio-assets/${readyAsset}/original`),
    ],
    'GET /api/audio-assets/:id/broadcast.mp3': [
      'signed-in',
      (c) => c.http.get(`/api/audio-assets/${readyAsset}/broadcast.mp3`),
    ],
    'GET /api/audio-assets/:id/waveform': [
      'signed-in',
      (c) => c.http.get(`/api/audio-assets/${readyAsset}/waveform`),
    ],
    'GET /api/me/calendar-token': ['signed-in', (c) => c.http.get('/api/me/calendar-token')],
    'POST /api/me/calendar-token': ['signed-in', (c) => c.http.post('/api/me/calendar-token')],
    'GET /api/zones': ['signed-in', (c) => c.http.get('/api/zones')],
    'GET /api/zones/:id': ['signed-in', (c) => c.http.get(`/api/zones/${onAir.id}`)],
    'POST /api/zones': [
      ['admin'],
      async (c) => {
        const province = await place();
        return c.http.post('/api/zones').send({ name: 'Đài mới', kind: 'station', placeId: province.id });
      },
    ],
    'PATCH /api/zones/:id': [
      ['admin'],
      async (c) => {
        const z = await zone();
        return c.http.patch(`/api/zones/${z.id}`).send({ active: false, version: z.version });
      },
    ],
    'DELETE /api/zones/:id': [['admin'], async (c) => c.http.delete(`/api/zones/${(await zone()).id}`)],
    'GET /api/zones/:id/schedule.ics': [
      'public',
      async (c) => {
        const { token } = (await agents[c.role].http.post('/api/me/calendar-token').expect(201)).body;
        return request(t.app.getHttpServer()).get(`/api/zones/${onAir.id}/schedule.ics?token=${token}`);
      },
    ],
    'GET /api/zones/:id/rundown': [
      'signed-in',
      (c) => c.http.get(`/api/zones/${onAir.id}/rundown?date=${YEAR}-07-01`),
    ],
    'GET /api/zones/:id/rundown.html': [
      'signed-in',
      (c) => c.http.get(`/api/zones/${onAir.id}/rundown.html?date=${YEAR}-07-01`),
    ],
    'GET /api/zones/:id/rundown.m3u': [
      'signed-in',
      (c) => c.http.get(`/api/zones/${onAir.id}/rundown.m3u?date=${YEAR}-07-01`),
    ],
    'GET /api/zones/:id/windows': ['signed-in', (c) => c.http.get(`/api/zones/${onAir.id}/windows`)],
    'POST /api/zones/:id/windows': [
      ['scheduler'],
      (c) =>
        c.http
          .post(`/api/zones/${quiet.id}/windows`)
          .send({ startTime: '17:00', endTime: '17:30', startDate: `${YEAR}-01-01` }),
    ],
    'GET /api/windows/:id': [
      'signed-in',
      async (c) => c.http.get(`/api/windows/${(await broadcastWindow()).id}`),
    ],
    'PATCH /api/windows/:id': [
      ['scheduler'],
      async (c) => {
        const w = await broadcastWindow();
        return c.http
          .patch(`/api/windows/${w.id}`)
          .send({ exceptDates: [`${YEAR}-09-02`], version: w.version });
      },
    ],
    'DELETE /api/windows/:id': [
      ['scheduler'],
      async (c) => c.http.delete(`/api/windows/${(await broadcastWindow()).id}`),
    ],
    'GET /api/windows/:id/allocations': [
      'signed-in',
      async (c) => c.http.get(`/api/windows/${(await broadcastWindow()).id}/allocations`),
    ],
    'POST /api/windows/:id/allocations': [
      ['scheduler'],
      async (c) =>
        c.http
          .post(`/api/windows/${(await broadcastWindow()).id}/allocations`)
          .send({ segmentId: 1, time: '17:10', maxSeconds: 600 }),
    ],
    'GET /api/allocations/:id': [
      'signed-in',
      async (c) => c.http.get(`/api/allocations/${(await slot()).id}`),
    ],
    'PATCH /api/allocations/:id': [
      ['scheduler'],
      async (c) => {
        const a = await slot();
        return c.http.patch(`/api/allocations/${a.id}`).send({ maxSeconds: 120, version: a.version });
      },
    ],
    'DELETE /api/allocations/:id': [
      ['scheduler'],
      async (c) => c.http.delete(`/api/allocations/${(await slot()).id}`),
    ],
    'POST /api/placements': [
      ['scheduler'],
      (c) =>
        c.http
          .post('/api/placements')
          .send({ reportageId: approvedId, zoneId: onAir.id, startsAt: nextStart() }),
    ],
    'GET /api/placements': ['signed-in', (c) => c.http.get('/api/placements')],
    'GET /api/placements/:id': [
      'signed-in',
      async (c) => c.http.get(`/api/placements/${(await placement()).id}`),
    ],
    'PATCH /api/placements/:id': [
      ['scheduler'],
      async (c) => {
        const p = await placement();
        return c.http.patch(`/api/placements/${p.id}`).send({ startsAt: nextStart(), version: p.version });
      },
    ],
    'POST /api/placements/:id/cancel': [
      ['scheduler'],
      async (c) =>
        c.http.post(`/api/placements/${(await placement()).id}/cancel`).send({ reason: 'Thử quyền' }),
    ],
    'POST /api/placements/:id/reschedule': [
      ['operator', 'scheduler'],
      async (c) => c.http.post(`/api/placements/${await missedPlacement()}/reschedule`),
    ],
    'POST /api/plans': [
      ['scheduler'],
      (c) =>
        c.http.post('/api/plans').send({ from: `${YEAR}-08-01`, to: `${YEAR}-08-07`, zoneIds: [quiet.id] }),
    ],
    'GET /api/plans/:id': ['signed-in', async (c) => c.http.get(`/api/plans/${(await plan()).id}`)],
    'POST /api/plans/:id/apply': [
      ['scheduler'],
      async (c) => c.http.post(`/api/plans/${(await plan()).id}/apply`),
    ],
    'GET /api/schedule': [
      'signed-in',
      (c) => c.http.get(`/api/schedule?from=${YEAR}-07-01&to=${YEAR}-07-02&zoneId=${onAir.id}`),
    ],
    'GET /api/schedule/warnings': ['signed-in', (c) => c.http.get('/api/schedule/warnings?hours=24')],
  };

  beforeAll(async () => {
    // One worker at a time, so a long job keeps later uploads queued while cancel is tried.
    t = await createTestApp({ WORKER_CONCURRENCY: '1', APPROVAL_FOUR_EYES: 'false' });
    wav = await makeAudio(t.dir, 'quyen.wav', SPEECH(2), []);
    long = await makeAudio(t.dir, 'dai.wav', SPEECH(600, 22050), []);
    for (const role of ROLES) {
      if (role === 'admin') {
        agents.admin = {
          http: t.http,
          username: TEST_ADMIN.username,
          token: t.token,
          password: TEST_ADMIN.password,
        };
        continue;
      }
      const signedIn = await t.as([role], `vaitro-${role}`);
      agents[role] = {
        http: signedIn.http,
        username: signedIn.user.username,
        token: signedIn.token,
        password: TEST_PASSWORD,
      };
    }
    const ex = await exemplar();
    const template = (await t.http.get('/api/reportages/import/template.csv').expect(200)).text;
    csv = `${template.split('\n')[0]}\nPhóng sự nhập,Hoa giữa đời thường,,,,${ex.name},,,,,,,draft\n`;
    const r = await reportage();
    readyAsset = await giveReadyAudio(t.http, r.id);
    onAir = await zone();
    await broadcastWindow(onAir.id);
    quiet = await zone();
    approvedId = (await inStatus('approved')).id;
  });
  afterAll(() => t.close());

  it('lists every registered route in the permission table, and nothing that is not registered', () => {
    expect(registeredRoutes(t)).toEqual(Object.keys(ROUTES).sort());
  });

  it('answers 401 in the error shape without a sign-in, except on health and sign-in', async () => {
    for (const [route, [who]] of Object.entries(ROUTES)) {
      if (who === 'public') continue;
      const [method, path] = route.split(' ');
      const url = path.replace(/:id/g, '1').replace(':which', 'intro');
      const res = await (t.anon as any)[method.toLowerCase()](url);
      expect({ route, status: res.status }).toEqual({ route, status: 401 });
      expectErrorShape(res.body, 401, 'UNAUTHORIZED');
    }
  });

  it.each(ROLES)(
    'gives %s a 2xx where the table allows and a 403 naming the role where it does not',
    async (role) => {
      // A long job holds the only worker, so the short upload behind it is still queued for cancel.
      const blocker = (
        await t.http
          .post(`/api/reportages/${(await reportage()).id}/audio`)
          .attach('file', long)
          .expect(202)
      ).body.id as number;
      const r = await reportage();
      queued.length = 0; // earlier roles' leftovers were processed meanwhile
      queued.push(
        (await t.http.post(`/api/reportages/${r.id}/audio`).attach('file', wav).expect(202)).body.id,
      );
      const self = agents[role];
      const call: Call = {
        http: self.http,
        role,
        again: () => signIn(t.app.getHttpServer(), self.username, self.password),
        async renew() {
          self.token = await accessToken(t.app.getHttpServer(), self.username, self.password);
          self.http = request.agent(t.app.getHttpServer()).set('Authorization', `Bearer ${self.token}`);
          call.http = self.http;
          if (role === 'admin') t.http = self.http;
        },
      };
      const outcomes: string[] = [];
      for (const [route, [who, request]] of Object.entries(ROUTES)) {
        const allowed = who === 'public' || who === 'signed-in' || role === 'admin' || who.includes(role);
        if (route === 'GET /api/events') {
          outcomes.push(`${route} ${await sseStatus(t, self.token, allowed)}`);
          continue;
        }
        if (allowed) {
          const res = await request(call);
          outcomes.push(
            `${route} ${res.status >= 200 && res.status < 300 ? '2xx' : `${res.status} ${JSON.stringify(res.body)}`}`,
          );
        } else {
          const [method, path] = route.split(' ');
          const url = path.replace(/:id/g, '1').replace(':which', 'intro');
          const res = await (self.http as any)[method.toLowerCase()](url);
          const named =
            res.status === 403 &&
            res.body.code === 'MISSING_ROLE' &&
            // The role in the user's words in the message, its code for programs beside it.
            (who as Role[]).every(
              (w) => res.body.message.includes(ROLE_LABELS[w]) && res.body.requiredRoles?.includes(w),
            );
          outcomes.push(`${route} ${named ? '403' : `${res.status} ${JSON.stringify(res.body)}`}`);
        }
        // Cancel and retry are done: free the worker for the uploads and approvals that follow.
        if (route.endsWith('/retry')) await t.http.post(`/api/audio-assets/${blocker}/cancel`).expect(200);
      }
      const expected = Object.entries(ROUTES).map(([route, [who]]) => {
        const allowed = who === 'public' || who === 'signed-in' || role === 'admin' || who.includes(role);
        return `${route} ${allowed ? '2xx' : '403'}`;
      });
      expect(outcomes).toEqual(expected);
    },
  );
});

/** The events stream never ends: read the status line and hang up. */
async function sseStatus(t: TestApp, token: string, allowed: boolean): Promise<string> {
  const server = t.app.getHttpServer();
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const status = await new Promise<number>((resolve, reject) => {
    const req = get(
      `http://127.0.0.1:${port}/api/events`,
      { headers: { authorization: `Bearer ${token}` } },
      (res) => {
        resolve(res.statusCode ?? 0);
        req.destroy();
      },
    );
    req.on('error', reject);
  });
  return allowed
    ? status >= 200 && status < 300
      ? '2xx'
      : String(status)
    : status === 403
      ? '403'
      : String(status);
}
