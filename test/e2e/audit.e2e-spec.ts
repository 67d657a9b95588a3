import { DataSource } from 'typeorm';
import { DateTime } from 'luxon';
import { makeAudio, SPEECH } from '../helpers/audio.js';
import {
  createTestApp,
  expectErrorShape,
  waitForAsset,
  TEST_ADMIN,
  type SignedInAgent,
  type TestApp,
} from '../helpers/test-app.js';

type Body = Record<string, any>;

describe('audit trail', () => {
  let t: TestApp;
  let editor: SignedInAgent;
  let approver: SignedInAgent;
  let adminId: number;

  beforeAll(async () => {
    t = await createTestApp({ APPROVAL_FOUR_EYES: 'true' });
    editor = await t.as(['editor'], 'bientap');
    approver = await t.as(['approver'], 'lanhdao');
    adminId = (await t.http.get('/api/auth/me').expect(200)).body.id;
  });
  afterAll(() => t.close());

  /** The newest entry about one record. */
  const latest = async (entity: string, id: number | string) => {
    const page = (await t.http.get(`/api/audit?entity=${entity}&entityId=${id}`).expect(200)).body;
    return page.items[0] as Body;
  };

  it('records every kind of change with its actor, the fields changed and the request id', async () => {
    const steps: [string, () => Promise<[string, number, string, string, Record<string, unknown>]>][] = [
      [
        'admin adds a field',
        async () => {
          const res = await t.http.post('/api/fields').send({ name: 'Khuyến học' }).expect(201);
          return ['field', res.body.id, 'create', TEST_ADMIN.username, { name: { to: 'Khuyến học' } }];
        },
      ],
      [
        'admin renames a segment',
        async () => {
          const seg = (await t.http.get('/api/segments/1').expect(200)).body;
          await t.http
            .patch('/api/segments/1')
            .send({ name: 'Hoa giữa đời thường (mới)', version: seg.version })
            .expect(200);
          return [
            'segment',
            1,
            'update',
            TEST_ADMIN.username,
            { name: { from: seg.name, to: 'Hoa giữa đời thường (mới)' } },
          ];
        },
      ],
      [
        'admin adds a place',
        async () => {
          const res = await t.http
            .post('/api/places')
            .send({ name: 'Bà Rịa – Vũng Tàu', level: 'province' })
            .expect(201);
          return ['place', res.body.id, 'create', TEST_ADMIN.username, { name: { to: 'Bà Rịa – Vũng Tàu' } }];
        },
      ],
      [
        'editor registers an exemplar',
        async () => {
          const res = await editor.http
            .post('/api/exemplars')
            .send({ name: 'Đặng Văn Đông', kind: 'individual', level: 'commune' })
            .expect(201);
          return ['exemplar', res.body.id, 'create', editor.user.username, { name: { to: 'Đặng Văn Đông' } }];
        },
      ],
      [
        'editor renames the exemplar',
        async () => {
          const [ex] = (await t.http.get('/api/exemplars?q=dang van dong').expect(200)).body.items;
          await editor.http
            .patch(`/api/exemplars/${ex.id}`)
            .send({ name: 'Ông Đặng Văn Đông', version: ex.version })
            .expect(200);
          return [
            'exemplar',
            ex.id,
            'update',
            editor.user.username,
            { name: { from: 'Đặng Văn Đông', to: 'Ông Đặng Văn Đông' } },
          ];
        },
      ],
      [
        'editor edits a reportage',
        async () => {
          const created = (
            await editor.http.post('/api/reportages').send({ segmentId: 1, title: 'Bản đầu' }).expect(201)
          ).body;
          await editor.http
            .patch(`/api/reportages/${created.id}`)
            .send({ title: 'Bản sau', version: created.version })
            .expect(200);
          return [
            'reportage',
            created.id,
            'update',
            editor.user.username,
            { title: { from: 'Bản đầu', to: 'Bản sau' } },
          ];
        },
      ],
      [
        'editor uploads audio',
        async () => {
          const { id } = (
            await editor.http.post('/api/reportages').send({ segmentId: 1, title: 'Có tiếng' }).expect(201)
          ).body;
          const file = await makeAudio(t.dir, 'audit.wav', SPEECH(2), []);
          const res = await editor.http.post(`/api/reportages/${id}/audio`).attach('file', file).expect(202);
          await waitForAsset(t.http, res.body.id, ['ready']);
          return [
            'audio_asset',
            res.body.id,
            'upload',
            editor.user.username,
            { originalName: { to: 'audit.wav' }, reportageId: { to: id } },
          ];
        },
      ],
      [
        'admin creates an account',
        async () => {
          const res = await t.http
            .post('/api/users')
            .send({
              username: 'vanhanh',
              displayName: 'Vận hành',
              roles: ['operator'],
              password: 'mat-khau-van-hanh',
            })
            .expect(201);
          return [
            'user',
            res.body.id,
            'create',
            TEST_ADMIN.username,
            { username: { to: 'vanhanh' }, roles: { to: ['operator'] } },
          ];
        },
      ],
      [
        'admin deletes the field',
        async () => {
          const [field] = (await t.http.get('/api/fields?pageSize=100').expect(200)).body.items.filter(
            (f: Body) => f.name === 'Khuyến học',
          );
          await t.http.delete(`/api/fields/${field.id}`).expect(204);
          return ['field', field.id, 'delete', TEST_ADMIN.username, { name: { from: 'Khuyến học' } }];
        },
      ],
    ];
    for (const [what, step] of steps) {
      const [entity, id, action, username, changes] = await step();
      const entry = await latest(entity, id);
      expect({ what, ...entry }).toMatchObject({
        what,
        entity,
        entityId: String(id),
        action,
        username,
        changes,
        requestId: expect.any(String),
      });
      expect(entry.changes).not.toHaveProperty('passwordHash');
      expect(JSON.stringify(entry.changes)).not.toMatch(/argon2/);
    }
  });

  it('carries the request id the response carried', async () => {
    const res = await editor.http
      .post('/api/reportages')
      .set('X-Request-Id', 'kiem-tra-nhat-ky-1')
      .send({ segmentId: 1, title: 'Theo dõi yêu cầu' })
      .expect(201);
    expect(await latest('reportage', res.body.id)).toMatchObject({
      action: 'create',
      requestId: 'kiem-tra-nhat-ky-1',
    });
  });

  it('does not record a failed change', async () => {
    const before = (await t.http.get('/api/audit').expect(200)).body.total;
    await editor.http.post('/api/reportages').send({ segmentId: 999, title: 'Sai chuyên mục' }).expect(422);
    expect((await t.http.get('/api/audit').expect(200)).body.total).toBe(before);
  });

  it('filters by record, person, action and period (local dates)', async () => {
    const today = DateTime.now().setZone('Asia/Ho_Chi_Minh').toISODate();
    const mine = (await t.http.get(`/api/audit?userId=${editor.user.id}&pageSize=100`).expect(200)).body;
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((e: Body) => e.username === editor.user.username)).toBe(true);
    const creates = (await t.http.get('/api/audit?action=create&entity=reportage&pageSize=100').expect(200))
      .body;
    expect(creates.items.every((e: Body) => e.action === 'create' && e.entity === 'reportage')).toBe(true);
    expect((await t.http.get(`/api/audit?from=${today}&to=${today}`).expect(200)).body.total).toBeGreaterThan(
      0,
    );
    expect((await t.http.get('/api/audit?from=2020-01-01&to=2020-12-31').expect(200)).body.total).toBe(0);
    const admins = (await t.http.get(`/api/audit?userId=${adminId}&pageSize=100`).expect(200)).body;
    expect(admins.items.map((e: Body) => e.action)).toEqual(
      expect.arrayContaining(['create', 'update', 'delete']),
    );
  });

  it("names people by their current display name, in the trail and in a reportage's status history", async () => {
    const account = (await t.http.get(`/api/users/${editor.user.id}`).expect(200)).body;
    await t.http
      .patch(`/api/users/${editor.user.id}`)
      .send({ displayName: 'Nguyễn Thị Lan', version: account.version })
      .expect(200);
    const created = (
      await editor.http
        .post('/api/reportages')
        .send({ segmentId: 1, title: 'Người thật, tên thật' })
        .expect(201)
    ).body;
    expect(await latest('reportage', created.id)).toMatchObject({
      username: editor.user.username,
      displayName: 'Nguyễn Thị Lan',
    });
    const history = (await t.http.get(`/api/reportages/${created.id}/history`).expect(200)).body;
    expect(history[0]).toMatchObject({ actor: editor.user.username, actorName: 'Nguyễn Thị Lan' });
    // Entries without a signed-in account (none here) carry no name; every entry has the field.
    const page = (await t.http.get('/api/audit?pageSize=100').expect(200)).body;
    expect(page.items.every((e: Body) => 'displayName' in e)).toBe(true);
  });

  it('is read by admins and approvers only', async () => {
    await approver.http.get('/api/audit').expect(200);
    expectErrorShape((await editor.http.get('/api/audit').expect(403)).body, 403, 'MISSING_ROLE');
  });

  it('cannot be edited or deleted: no route does it, and the table itself refuses', async () => {
    const [entry] = (await t.http.get('/api/audit').expect(200)).body.items;
    for (const method of ['put', 'patch', 'delete'] as const)
      await t.http[method](`/api/audit/${entry.id}`).expect(404);
    const db = new DataSource(
      t.config.databaseUrl
        ? { type: 'postgres', url: t.config.databaseUrl }
        : { type: 'sqlite', database: t.config.databasePath },
    );
    await db.initialize();
    const mark = t.config.databaseUrl ? '$1' : '?';
    try {
      await expect(
        db.query(`UPDATE audit_log SET username = 'ai-do' WHERE id = ${mark}`, [entry.id]),
      ).rejects.toThrow(/append-only/);
      await expect(db.query(`DELETE FROM audit_log WHERE id = ${mark}`, [entry.id])).rejects.toThrow(
        /append-only/,
      );
    } finally {
      await db.destroy();
    }
  });

  it('records sign-ins and sign-outs', async () => {
    const page = (await t.http.get(`/api/audit?entity=session&userId=${editor.user.id}`).expect(200)).body;
    expect(page.items.map((e: Body) => e.action)).toContain('login');
  });
});
