import { DateTime } from 'luxon';
import { createTestApp, expectErrorShape, giveReadyAudio, type TestApp } from '../helpers/test-app.js';

type Body = Record<string, any>;

describe('reportages: records, workflow and history, filters', () => {
  let t: TestApp;
  const ids: Record<string, number> = {};

  const post = async (url: string, body: object) =>
    (await t.http.post(url).send(body).expect(201)).body as Body;
  const create = (body: object) => post('/api/reportages', { segmentId: 1, ...body });
  const get = async (id: number) => (await t.http.get(`/api/reportages/${id}`).expect(200)).body as Body;
  const patch = async (id: number, body: object, status = 200) =>
    (await t.http.patch(`/api/reportages/${id}`).send(body).expect(status)).body as Body;
  /** Runs a workflow action with the version the reportage has now. */
  const act = async (id: number, action: string, body: object = {}, status = 200) => {
    if (action === 'approve' && status === 200) await giveReadyAudio(t.http, id);
    const { version } = await get(id);
    return (
      await t.http
        .post(`/api/reportages/${id}/${action}`)
        .send({ version, ...body })
        .expect(status)
    ).body as Body;
  };
  const history = async (id: number) =>
    (await t.http.get(`/api/reportages/${id}/history`).expect(200)).body as Body[];
  const list = async (query: string) =>
    (await t.http.get(`/api/reportages?${query}`).expect(200)).body as Body;
  const titles = (page: Body): string[] => page.items.map((r: Body) => r.title);
  const localDate = (days = 0) =>
    DateTime.now().setZone('Asia/Ho_Chi_Minh').plus({ days }).toISODate() as string;

  /** A reportage ready for submission, walked to `status`. */
  const reach = async (status: string, title = `Phóng sự ${status}`) => {
    const { id } = await create({ title, summary: 'Tóm tắt', exemplarIds: [ids.women] });
    const paths: Record<string, string[]> = {
      draft: [],
      submitted: ['submit'],
      approved: ['submit', 'approve'],
      rejected: ['submit', 'reject'],
      archived: ['archive'],
    };
    for (const action of paths[status]) await act(id, action, { reason: 'Âm thanh rè' });
    return id as number;
  };

  beforeAll(async () => {
    t = await createTestApp();
    const place = async (name: string, level: string, parentId?: number) =>
      (await post('/api/places', { name, level, parentId })).id as number;
    ids.province = await place('Bà Rịa – Vũng Tàu', 'province');
    ids.phuocHai = await place('Phước Hải', 'commune', ids.province);
    ids.locAn = await place('Lộc An', 'commune', ids.province);
    ids.village = await place('Ấp Phước Thạnh', 'village', ids.phuocHai);
    const exemplar = async (name: string, kind: string) =>
      (await post('/api/exemplars', { name, kind, level: 'commune' })).id as number;
    ids.women = await exemplar('Chi hội Phụ nữ ấp Phước Thạnh', 'collective');
    ids.man = await exemplar('Đặng Văn Đông', 'individual');
    const fields = (await t.http.get('/api/fields?pageSize=100').expect(200)).body.items as Body[];
    const field = (name: string) => fields.find((f) => f.name === name)!.id as number;
    ids.environment = field('Môi trường xanh – sạch – đẹp');
    ids.charity = field('Nhà tình thương');
  });
  afterAll(async () => {
    await t.close();
  });

  describe('records', () => {
    it('creates a draft with all its details and links, and reads the same back with the script', async () => {
      const details = {
        title: 'Những con đường hoa ở Phước Thạnh',
        summary: 'Chị em phụ nữ trồng hoa dọc đường quê.',
        script: 'Lời dẫn: …',
        reporter: 'Nguyễn Thị Lan',
        recordedOn: '2021-03-15',
        tags: ['05', 'môi trường'],
        validFrom: '2021-04-01',
        validUntil: '2021-12-31',
      };
      const links = { fieldId: ids.environment, exemplarIds: [ids.women, ids.man], placeIds: [ids.village] };
      const created = await create({ ...details, ...links });
      expect(created).toMatchObject({
        ...details,
        status: 'draft',
        segment: { id: 1, name: 'Hoa giữa đời thường' },
        field: { id: ids.environment, name: 'Môi trường xanh – sạch – đẹp' },
        exemplars: [
          { id: ids.women, name: 'Chi hội Phụ nữ ấp Phước Thạnh' },
          { id: ids.man, name: 'Đặng Văn Đông' },
        ],
        places: [{ id: ids.village, name: 'Ấp Phước Thạnh' }],
        currentAudio: null,
        version: 1,
      });
      expect(await get(created.id)).toEqual(created);
    });

    it('leaves the script out of list items', async () => {
      const { items } = await list('pageSize=100');
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) expect(item).not.toHaveProperty('script');
    });

    it('fills in a minimal reportage: draft, no links, empty tags', async () => {
      const r = await create({ title: 'Chỉ có tiêu đề' });
      const none = {
        summary: null,
        field: null,
        reporter: null,
        recordedOn: null,
        validFrom: null,
        validUntil: null,
      };
      expect(r).toMatchObject({ ...none, status: 'draft', exemplars: [], places: [], tags: [] });
    });

    it.each([
      ['a status of its own', { status: 'approved' }, 400, 'VALIDATION_FAILED', 'status'],
      [
        'a reversed window',
        { validFrom: '2022-05-01', validUntil: '2022-04-30' },
        422,
        'VALIDITY_WINDOW',
        'validUntil',
      ],
      ['an unknown segment', { segmentId: 999 }, 422, 'REFERENCE_NOT_FOUND', 'segmentId'],
      ['an unknown place', { placeIds: [999] }, 422, 'REFERENCE_NOT_FOUND', 'placeIds'],
      ['an impossible date', { recordedOn: '2025-02-30' }, 400, 'VALIDATION_FAILED', 'recordedOn'],
    ])('refuses to create a reportage with %s', async (_name, body, status, code, field) => {
      const res = await t.http
        .post('/api/reportages')
        .send({ segmentId: 1, title: 'Sai', ...body })
        .expect(status);
      expectErrorShape(res.body, status, code);
      expect(res.body.details.map((d: Body) => d.field)).toContain(field);
    });
  });

  describe('editing', () => {
    let id: number;
    beforeEach(async () => {
      const window = { validFrom: '2022-01-01', validUntil: '2022-12-31', tags: ['nông thôn mới'] };
      id = (
        await create({ title: 'Anh Đông hiến đất', exemplarIds: [ids.man], placeIds: [ids.locAn], ...window })
      ).id;
    });

    it('keeps the links a PATCH does not send', async () => {
      const r = await patch(id, { version: 1, title: 'Anh Đông hiến đất mở đường' });
      expect(r).toMatchObject({ title: 'Anh Đông hiến đất mở đường', version: 2 });
      expect(r.exemplars).toEqual([{ id: ids.man, name: 'Đặng Văn Đông' }]);
      expect(r.places).toEqual([{ id: ids.locAn, name: 'Lộc An' }]);
    });

    it('replaces only the exemplars when only exemplarIds is sent, and still bumps the version', async () => {
      const r = await patch(id, { version: 1, exemplarIds: [ids.women] });
      expect(r.version).toBe(2);
      expect(r.exemplars.map((e: Body) => e.id)).toEqual([ids.women]);
      expect(r.places.map((p: Body) => p.id)).toEqual([ids.locAn]);
      expect((await get(id)).version).toBe(2);
    });

    it('clears the links with empty lists and optional fields with null', async () => {
      const r = await patch(id, { version: 1, exemplarIds: [], placeIds: [], tags: null, validUntil: null });
      expect(r).toMatchObject({ exemplars: [], places: [], tags: [], validUntil: null, version: 2 });
    });

    it('refuses a stale version with 409 STALE_VERSION and keeps the newer edit', async () => {
      await patch(id, { version: 1, title: 'Sửa lần một' });
      expectErrorShape(await patch(id, { version: 1, title: 'Sửa lần hai' }, 409), 409, 'STALE_VERSION');
      expect(await get(id)).toMatchObject({ title: 'Sửa lần một', version: 2 });
    });

    it.each([
      ['a start after the stored end', { validFrom: '2023-01-01' }, 422, 'VALIDITY_WINDOW'],
      ['an end before the stored start', { validUntil: '2021-12-31' }, 422, 'VALIDITY_WINDOW'],
      ['an unknown exemplar', { exemplarIds: [999] }, 422, 'REFERENCE_NOT_FOUND'],
      ['an impossible date', { recordedOn: '2025-02-30' }, 400, 'VALIDATION_FAILED'],
      ['a null title', { title: null }, 400, 'VALIDATION_FAILED'],
      ['a null segment', { segmentId: null }, 400, 'VALIDATION_FAILED'],
      ['no version', { version: undefined, title: 'x' }, 400, 'VALIDATION_FAILED'],
    ])('refuses an edit with %s and changes nothing', async (_name, body, status, code) => {
      const before = await get(id);
      expectErrorShape(await patch(id, { version: 1, ...body }, status), status, code);
      expect(await get(id)).toEqual(before);
    });
  });

  describe('workflow', () => {
    it('walks every transition endpoint and lists each change in order in the history', async () => {
      const id = await reach('draft');
      const steps: [string, string, string?][] = [
        ['submit', 'submitted'],
        ['withdraw', 'draft'],
        ['submit', 'submitted'],
        ['reject', 'rejected', 'Thiếu tên người được phỏng vấn'],
        ['submit', 'submitted'],
        ['approve', 'approved', 'Đạt yêu cầu'],
        ['archive', 'archived'],
        ['restore', 'draft'],
      ];
      // Each entry goes from the status the previous one reached, starting with the creation.
      const expected: unknown[][] = [['create', null, 'draft', null]];
      for (const [i, [action, status, reason]] of steps.entries()) {
        expect(await act(id, action, reason ? { reason } : {})).toMatchObject({ status, version: i + 2 });
        expected.push([action, expected[i][2], status, reason ?? null]);
      }
      const changes = await history(id);
      expect(changes.map((h) => [h.action, h.fromStatus, h.toStatus, h.reason])).toEqual(expected);
      const times = changes.map((h) => Date.parse(h.createdAt));
      expect([...times].sort((a, b) => a - b)).toEqual(times);
    });

    it.each([
      ['approve', 'draft'],
      ['withdraw', 'draft'],
      ['restore', 'draft'],
      ['archive', 'submitted'],
      ['submit', 'approved'],
      ['reject', 'approved'],
      ['approve', 'rejected'],
      ['submit', 'archived'],
    ])(
      'refuses to %s a reportage in status %s: 409 INVALID_TRANSITION, nothing recorded',
      async (action, status) => {
        const id = await reach(status);
        const before = await history(id);
        expectErrorShape(await act(id, action, { reason: 'x' }, 409), 409, 'INVALID_TRANSITION');
        expect((await get(id)).status).toBe(status);
        expect(await history(id)).toEqual(before);
      },
    );

    it.each([
      ['no reason', {}],
      ['a blank reason', { reason: '   ' }],
    ])('refuses a rejection with %s: 422 REASON_REQUIRED', async (_name, body) => {
      const id = await reach('submitted');
      expectErrorShape(await act(id, 'reject', body, 422), 422, 'REASON_REQUIRED');
      expect((await get(id)).status).toBe('submitted');
    });

    it.each([
      ['no summary', () => ({ exemplarIds: [ids.man] }), ['summary']],
      ['no exemplar', () => ({ summary: 'Tóm tắt' }), ['exemplarIds']],
      ['neither', () => ({}), ['summary', 'exemplarIds']],
    ])('refuses to submit a reportage with %s: 422 NOT_READY_FOR_SUBMISSION', async (_name, body, fields) => {
      const { id } = await create({ title: 'Chưa đủ', ...body() });
      const res = await act(id, 'submit', {}, 422);
      expectErrorShape(res, 422, 'NOT_READY_FOR_SUBMISSION');
      expect(res.details.map((d: Body) => d.field)).toEqual(fields);
    });

    it('refuses a transition with a stale version', async () => {
      const id = await reach('draft');
      await patch(id, { version: 1, summary: 'Tóm tắt mới' });
      const res = await t.http.post(`/api/reportages/${id}/submit`).send({ version: 1 }).expect(409);
      expectErrorShape(res.body, 409, 'STALE_VERSION');
    });

    it('refuses to edit an archived reportage with 409 ARCHIVED until it is restored', async () => {
      const id = await reach('archived');
      const { version } = await get(id);
      expectErrorShape(await patch(id, { version, title: 'Sửa' }, 409), 409, 'ARCHIVED');
      await act(id, 'restore');
      expect((await patch(id, { version: version + 1, title: 'Sửa' })).title).toBe('Sửa');
    });

    it('answers 404 for a transition or history of a reportage that does not exist', async () => {
      const transition = await t.http.post('/api/reportages/9999/submit').send({ version: 1 }).expect(404);
      expectErrorShape(transition.body, 404, 'NOT_FOUND');
      expectErrorShape((await t.http.get('/api/reportages/9999/history').expect(404)).body, 404, 'NOT_FOUND');
    });

    it.each(['draft', 'rejected'])(
      'deletes a reportage in status %s: 204, then gone with its history',
      async (status) => {
        const id = await reach(status, `Xoá ${status}`);
        await t.http.delete(`/api/reportages/${id}`).expect(204);
        await t.http.get(`/api/reportages/${id}`).expect(404);
        await t.http.get(`/api/reportages/${id}/history`).expect(404);
        expect(titles(await list('pageSize=100'))).not.toContain(`Xoá ${status}`);
      },
    );

    it.each(['submitted', 'approved', 'archived'])(
      'refuses to delete a reportage in status %s: 409 IN_USE',
      async (status) => {
        const id = await reach(status);
        expectErrorShape((await t.http.delete(`/api/reportages/${id}`).expect(409)).body, 409, 'IN_USE');
        expect((await get(id)).status).toBe(status);
      },
    );
  });

  describe('filters, sorting and pages', () => {
    let s: number;
    const inSegment = async (query = '') => titles(await list(`segmentId=${s}&sort=title&${query}`));
    const F = {
      flowers: 'Những luống hoa ven đường',
      road: 'Anh Tư hiến đất làm đường',
      meal: 'Bếp ăn yêu thương',
      winter: 'Ấm áp mùa đông',
    };
    const lan = 'Nguyễn Thị Lan';

    beforeAll(async () => {
      s = (await post('/api/segments', { name: 'Gương sáng quê hương' })).id;
      const { women, man, village, locAn, phuocHai, environment, charity } = ids;
      // title, exemplars, places, field, reporter, recordedOn, actions
      const rows: [string, number[], number[], number?, string?, string?, string[]?][] = [
        [F.flowers, [women], [village], environment, lan, '2021-03-15', ['submit', 'approve']],
        [F.road, [man], [locAn], charity, 'Phạm Thu Hà', '2022-06-01'],
        [F.meal, [women, man], [phuocHai], undefined, lan, '2023-01-10', ['submit']],
        [F.winter, [], []],
      ];
      for (const [title, exemplarIds, placeIds, fieldId, reporter, recordedOn, actions = []] of rows) {
        const links = { exemplarIds, placeIds, fieldId };
        const { id } = await create({ segmentId: s, title, summary: title, reporter, recordedOn, ...links });
        for (const action of actions) await act(id, action);
      }
    });

    it('keeps to one segment with segmentId', async () => {
      expect(await inSegment()).toEqual([F.winter, F.road, F.meal, F.flowers]);
      const other = titles(await list('segmentId=1&pageSize=100'));
      expect(other.filter((title) => Object.values(F).includes(title))).toEqual([]);
    });

    it.each([
      ['an exemplar', () => `exemplarId=${ids.women}`, [F.meal, F.flowers]],
      ['an exemplar and a status', () => `exemplarId=${ids.man}&status=draft`, [F.road]],
      ['a field', () => `fieldId=${ids.environment}`, [F.flowers]],
      ['a commune, including its villages', () => `placeId=${ids.phuocHai}`, [F.meal, F.flowers]],
      ['a village', () => `placeId=${ids.village}`, [F.flowers]],
      [
        'a province, including everything below it',
        () => `placeId=${ids.province}`,
        [F.road, F.meal, F.flowers],
      ],
      ['a status', () => 'status=draft', [F.winter, F.road]],
      ['a reporter', () => `reporter=${encodeURIComponent(lan)}`, [F.meal, F.flowers]],
      [
        'a reporter typed in NFD',
        () => `reporter=${encodeURIComponent(lan.normalize('NFD'))}`,
        [F.meal, F.flowers],
      ],
      ['a recording start date', () => 'recordedFrom=2022-06-01', [F.road, F.meal]],
      ['a recording end date, inclusive', () => 'recordedTo=2022-06-01', [F.road, F.flowers]],
      ['a recording period of one day', () => 'recordedFrom=2022-06-01&recordedTo=2022-06-01', [F.road]],
      [
        'the local creation day',
        () => `createdFrom=${localDate()}&createdTo=${localDate()}`,
        [F.winter, F.road, F.meal, F.flowers],
      ],
      ['a creation start tomorrow', () => `createdFrom=${localDate(1)}`, []],
      ['a creation end yesterday', () => `createdTo=${localDate(-1)}`, []],
    ])('filters by %s', async (_name, query, expected) => {
      expect(await inSegment(query())).toEqual(expected);
    });

    it.each([
      ['title, ignoring diacritics', 'title', [F.winter, F.road, F.meal, F.flowers]],
      ['title, descending', '-title', [F.flowers, F.meal, F.road, F.winter]],
      ['recording date', 'recordedOn&recordedFrom=2000-01-01', [F.flowers, F.road, F.meal]],
      ['recording date, newest first, undated last', '-recordedOn', [F.meal, F.road, F.flowers, F.winter]],
      ['creation, oldest first', 'createdAt', [F.flowers, F.road, F.meal, F.winter]],
      ['creation, newest first (the default)', '-createdAt', [F.winter, F.meal, F.road, F.flowers]],
    ])('sorts by %s', async (_name, sort, expected) => {
      expect(titles(await list(`segmentId=${s}&sort=${sort}`))).toEqual(expected);
    });

    it('lists newest first without a sort', async () => {
      expect(titles(await list(`segmentId=${s}`))).toEqual([F.winter, F.meal, F.road, F.flowers]);
    });

    it('pages with items, total, page and pageSize', async () => {
      const second = await list(`segmentId=${s}&sort=title&pageSize=3&page=2`);
      expect(second).toMatchObject({ total: 4, page: 2, pageSize: 3 });
      expect(titles(second)).toEqual([F.flowers]);
      const empty = await list(`segmentId=${s}&page=3&pageSize=3`);
      expect(empty).toEqual({ items: [], total: 4, page: 3, pageSize: 3 });
      expect(await list(`segmentId=${s}`)).toMatchObject({ page: 1, pageSize: 20 });
      expect((await list('pageSize=100')).pageSize).toBe(100);
    });

    it.each([
      ['a page size over 100', 'pageSize=101', 'pageSize'],
      ['page 0', 'page=0', 'page'],
      ['an unknown sort', 'sort=colour', 'sort'],
      ['an unknown status', 'status=aired', 'status'],
      ['an impossible date', 'createdFrom=2025-02-30', 'createdFrom'],
      ['a non-numeric place', 'placeId=abc', 'placeId'],
    ])('refuses %s with 400', async (_name, query, field) => {
      const res = await t.http.get(`/api/reportages?${query}`).expect(400);
      expectErrorShape(res.body, 400, 'VALIDATION_FAILED');
      expect(res.body.details.map((d: Body) => d.field)).toContain(field);
    });
  });
});
