import { createTestApp, expectErrorShape, type TestApp } from '../helpers/test-app.js';

type Json = Record<string, any>;

/** Seeded fields (lĩnh vực) used below. */
const FIELD = { newRural: 3, scholarships: 6, charityHouses: 8 };

describe('exemplars (điển hình): /api/exemplars', () => {
  let t: TestApp;
  const ids: Record<string, number> = {};

  const post = async (url: string, body: Json): Promise<Json> =>
    (await t.http.post(url).send(body).expect(201)).body;
  const read = async (id: number): Promise<Json> =>
    (await t.http.get(`/api/exemplars/${id}`).expect(200)).body;
  const found = async (query: string): Promise<number[]> =>
    (await t.http.get(`/api/exemplars?${query}`).expect(200)).body.items.map((e: Json) => e.id);
  const search = (q: string) => found(`q=${encodeURIComponent(q)}`);

  beforeAll(async () => {
    t = await createTestApp();
    const place = async (key: string, name: string, level: string, parent?: string) => {
      ids[key] = (await post('/api/places', { name, level, parentId: parent ? ids[parent] : undefined })).id;
    };
    await place('province', 'Bà Rịa – Vũng Tàu', 'province');
    await place('datDo', 'Đất Đỏ', 'district', 'province');
    await place('phuocHai', 'Phước Hải', 'commune', 'datDo');
    await place('haiTrung', 'Ấp Hải Trung', 'village', 'phuocHai');
    await place('longMy', 'Long Mỹ', 'commune', 'datDo');
    ids.board = (
      await post('/api/exemplars', {
        name: 'Ban vận động xây nhà tình thương',
        kind: 'collective',
        modelName: 'Vận động mạnh thường quân xây tặng nhà tình thương',
        fieldId: FIELD.charityHouses,
        placeId: ids.datDo,
        level: 'district',
        yearRegistered: 2018,
        status: 'commended',
      })
    ).id;
  });
  afterAll(async () => {
    await t.close();
  });

  describe('create and read', () => {
    it('creates a collective with its model, field, place, level, year, status and commendations', async () => {
      const women = await post('/api/exemplars', {
        name: 'Chi hội Phụ nữ Tương Thân',
        kind: 'collective',
        modelName: 'Phụ nữ thu gom phế liệu bán tặng học bổng học sinh nghèo',
        modelDescription: 'Mỗi tháng chị em gom ve chai, bán lấy tiền trao học bổng.',
        fieldId: FIELD.scholarships,
        placeId: ids.haiTrung,
        level: 'grassroots',
        yearRegistered: 2019,
        status: 'replicated',
        notes: 'Nhân rộng ra các ấp khác',
        commendations: [
          { year: 2022, level: 'province', issuingBody: 'UBND tỉnh BR-VT', form: 'certificate_of_honour' },
          { year: 2020, level: 'district', issuingBody: 'UBND huyện Đất Đỏ', form: 'certificate_of_merit' },
          { year: 2021, level: 'commune', issuingBody: 'UBND xã Phước Hải', form: 'other', note: 'Thư khen' },
        ],
      });
      ids.women = women.id;
      expect(women).toMatchObject({
        name: 'Chi hội Phụ nữ Tương Thân',
        kind: 'collective',
        modelName: 'Phụ nữ thu gom phế liệu bán tặng học bổng học sinh nghèo',
        field: { id: FIELD.scholarships, name: 'Học bổng cho học sinh nghèo' },
        place: { id: ids.haiTrung, name: 'Ấp Hải Trung' },
        level: 'grassroots',
        yearRegistered: 2019,
        status: 'replicated',
        version: 1,
      });
      expect(await read(women.id)).toEqual(women);
    });

    it('returns commendations sorted by year, whatever order they were sent in', async () => {
      const { commendations } = await read(ids.women);
      expect(commendations.map((c: Json) => c.year)).toEqual([2020, 2021, 2022]);
      expect(commendations[0]).toEqual({
        id: expect.any(Number),
        year: 2020,
        level: 'district',
        issuingBody: 'UBND huyện Đất Đỏ',
        form: 'certificate_of_merit',
        note: null,
      });
      expect(commendations[1].note).toBe('Thư khen');
    });

    it('creates an individual, registered by default, with no description, notes or commendations', async () => {
      const man = await post('/api/exemplars', {
        name: 'Nguyễn Văn Đức',
        kind: 'individual',
        modelName: 'Hiến đất mở đường',
        fieldId: FIELD.newRural,
        placeId: ids.longMy,
        level: 'commune',
        yearRegistered: 2021,
      });
      ids.man = man.id;
      expect(man).toMatchObject({
        status: 'registered',
        modelDescription: null,
        notes: null,
        commendations: [],
      });
    });

    it('creates an exemplar from nothing but its name, kind and level', async () => {
      const bare = await post('/api/exemplars', {
        name: 'Trần Thị Mai',
        kind: 'individual',
        level: 'national',
      });
      ids.bare = bare.id;
      expect(bare).toMatchObject({ field: null, place: null, modelName: null, yearRegistered: null });
    });

    it('stores names sent in NFD as NFC', async () => {
      const e = await post('/api/exemplars', {
        name: 'Lê Văn Tám'.normalize('NFD'),
        kind: 'individual',
        level: 'grassroots',
        modelName: 'Trồng hoa làm đẹp các tuyến đường'.normalize('NFD'),
      });
      expect(e.name).toBe('Lê Văn Tám'.normalize('NFC'));
      expect(e.modelName).toBe('Trồng hoa làm đẹp các tuyến đường'.normalize('NFC'));
      await t.http.delete(`/api/exemplars/${e.id}`).expect(204);
    });
  });

  describe('list filters', () => {
    it.each([
      ['kind', () => 'kind=individual', ['bare', 'man']],
      ['level', () => 'level=grassroots', ['women']],
      ['fieldId', () => `fieldId=${FIELD.newRural}`, ['man']],
      ['status', () => 'status=commended', ['board']],
      ['year registered', () => 'year=2019', ['women']],
      ['a village', () => `placeId=${ids.haiTrung}`, ['women']],
      ['a commune, including its villages', () => `placeId=${ids.phuocHai}`, ['women']],
      ['a district, including everything below it', () => `placeId=${ids.datDo}`, ['board', 'man', 'women']],
      ['a province, including all below it', () => `placeId=${ids.province}`, ['board', 'man', 'women']],
      ['kind and place together', () => `kind=collective&placeId=${ids.datDo}`, ['board', 'women']],
      ['a filter nothing matches', () => 'year=1999', []],
    ])('filters by %s', async (_case, query, keys) => {
      const res = await t.http.get(`/api/exemplars?${query()}`).expect(200);
      expect(res.body.items.map((e: Json) => e.id).sort()).toEqual(keys.map((k) => ids[k]).sort());
      expect(res.body.total).toBe(keys.length);
    });

    it('pages with items, total, page and pageSize, newest first by default', async () => {
      const res = await t.http.get('/api/exemplars?pageSize=2&page=2').expect(200);
      expect(res.body).toMatchObject({ total: 4, page: 2, pageSize: 2 });
      expect(res.body.items.map((e: Json) => e.id)).toEqual([ids.women, ids.board]);
    });

    it.each([
      ['name', ['board', 'women', 'man', 'bare']],
      ['-yearRegistered', ['man', 'women', 'board', 'bare']],
      ['yearRegistered', ['bare', 'board', 'women', 'man']],
    ])('sorts by %s', async (sort, keys) => {
      expect(await found(`sort=${sort}`)).toEqual(keys.map((k) => ids[k]));
    });

    it.each([
      ['kind=robot', 'kind'],
      ['level=galaxy', 'level'],
      ['status=famous', 'status'],
      ['fieldId=abc', 'fieldId'],
      ['placeId=0', 'placeId'],
      ['year=nam-ngoai', 'year'],
      ['sort=popularity', 'sort'],
    ])('refuses the query %s with 400 naming the parameter', async (query, field) => {
      const res = await t.http.get(`/api/exemplars?${query}`).expect(400);
      expectErrorShape(res.body, 400, 'VALIDATION_FAILED');
      expect(res.body.details[0].field).toBe(field);
    });
  });

  describe('search', () => {
    it.each([
      ['the model typed without diacritics', 'phu nu thu gom phe lieu', ['women']],
      ['the model in capitals with diacritics', 'PHỤ NỮ THU GOM PHẾ LIỆU', ['women']],
      ['the name without diacritics, đ as d', 'nguyen van duc', ['man']],
      ['the name sent in NFD', 'Nguyễn Văn Đức'.normalize('NFD'), ['man']],
      ['the start of a word being typed', 'tinh thuo', ['board']],
      ['the place name in capitals', 'DAT DO', ['board']],
      ['the village name', 'hai trung', ['women']],
      ['words nothing contains', 'xe dap dien', []],
    ])('finds by %s', async (_case, q, keys) => {
      expect(await search(q)).toEqual(keys.map((k) => ids[k]));
    });

    it('combines a search with filters', async () => {
      expect(await found(`q=hien%20dat&placeId=${ids.longMy}`)).toEqual([ids.man]);
      expect(await found(`q=hien%20dat&placeId=${ids.phuocHai}`)).toEqual([]);
    });

    it('finds an exemplar by its place’s new name after the place is renamed, and no longer by the old one', async () => {
      const village = (await t.http.get(`/api/places/${ids.haiTrung}`).expect(200)).body;
      await t.http
        .patch(`/api/places/${ids.haiTrung}`)
        .send({ version: village.version, name: 'Khu phố Hải Trung' })
        .expect(200);
      expect(await search('khu pho hai trung')).toEqual([ids.women]);
      expect(await search('ap hai trung')).toEqual([]);
      expect((await read(ids.women)).place).toEqual({ id: ids.haiTrung, name: 'Khu phố Hải Trung' });
    });

    it('finds an exemplar by its new model after the model is renamed', async () => {
      const man = await read(ids.man);
      await t.http
        .patch(`/api/exemplars/${ids.man}`)
        .send({ version: man.version, modelName: 'Hiến đất làm đường giao thông nông thôn' })
        .expect(200);
      expect(await search('giao thong nong thon')).toEqual([ids.man]);
      expect(await search('mo duong')).toEqual([]);
    });
  });

  describe('update', () => {
    it('leaves the commendations alone when they are not sent', async () => {
      const before = await read(ids.women);
      const res = await t.http
        .patch(`/api/exemplars/${ids.women}`)
        .send({ version: before.version, status: 'commended', notes: null })
        .expect(200);
      expect(res.body).toMatchObject({ status: 'commended', notes: null, version: before.version + 1 });
      expect(res.body.commendations).toEqual(before.commendations);
    });

    it('replaces the commendations when they are sent', async () => {
      const before = await read(ids.women);
      const res = await t.http
        .patch(`/api/exemplars/${ids.women}`)
        .send({
          version: before.version,
          commendations: [
            { year: 2023, level: 'national', issuingBody: 'TƯ Hội LHPN', form: 'certificate_of_merit' },
            { year: 2020, level: 'district', issuingBody: 'UBND huyện Đất Đỏ', form: 'certificate_of_merit' },
          ],
        })
        .expect(200);
      expect(res.body.version).toBe(before.version + 1);
      expect(res.body.commendations.map((c: Json) => [c.year, c.level])).toEqual([
        [2020, 'district'],
        [2023, 'national'],
      ]);
      expect((await read(ids.women)).commendations).toEqual(res.body.commendations);
    });

    it('bumps the version when only the commendations change, so a stale editor is refused', async () => {
      const before = await read(ids.women);
      const res = await t.http
        .patch(`/api/exemplars/${ids.women}`)
        .send({ version: before.version, commendations: [] })
        .expect(200);
      expect(res.body).toMatchObject({ commendations: [], version: before.version + 1 });
      const stale = await t.http
        .patch(`/api/exemplars/${ids.women}`)
        .send({
          version: before.version,
          commendations: before.commendations.map(({ id: _id, ...c }: Json) => c),
        })
        .expect(409);
      expectErrorShape(stale.body, 409, 'STALE_VERSION');
      expect((await read(ids.women)).commendations).toEqual([]);
    });

    it('clears the field and place when null is sent', async () => {
      const before = await read(ids.board);
      const res = await t.http
        .patch(`/api/exemplars/${ids.board}`)
        .send({ version: before.version, fieldId: null, placeId: null })
        .expect(200);
      expect(res.body).toMatchObject({ field: null, place: null, name: before.name });
      await t.http
        .patch(`/api/exemplars/${ids.board}`)
        .send({ version: res.body.version, fieldId: FIELD.charityHouses, placeId: ids.datDo })
        .expect(200);
    });

    it('refuses a stale version with 409 STALE_VERSION and keeps the stored exemplar', async () => {
      const before = await read(ids.bare);
      await t.http
        .patch(`/api/exemplars/${ids.bare}`)
        .send({ version: before.version, yearRegistered: 2020 })
        .expect(200);
      const res = await t.http
        .patch(`/api/exemplars/${ids.bare}`)
        .send({ version: before.version, yearRegistered: 2024 })
        .expect(409);
      expectErrorShape(res.body, 409, 'STALE_VERSION');
      expect(await read(ids.bare)).toMatchObject({ yearRegistered: 2020, version: before.version + 1 });
    });
  });

  describe('validation', () => {
    it.each([
      ['fieldId', 'POST'],
      ['placeId', 'POST'],
      ['fieldId', 'PATCH'],
      ['placeId', 'PATCH'],
    ])('refuses an unknown %s on %s with 422 REFERENCE_NOT_FOUND naming it', async (field, method) => {
      const before = await read(ids.bare);
      const body = { [field]: 999 };
      const call =
        method === 'POST'
          ? t.http.post('/api/exemplars').send({ name: 'Ma', kind: 'individual', level: 'commune', ...body })
          : t.http.patch(`/api/exemplars/${ids.bare}`).send({ version: before.version, ...body });
      const res = await call.expect(422);
      expectErrorShape(res.body, 422, 'REFERENCE_NOT_FOUND');
      expect(res.body.details).toEqual([expect.objectContaining({ field, code: 'notFound' })]);
      expect(res.body.message).toContain('999');
      expect(await read(ids.bare)).toEqual(before);
    });

    it.each([
      ['an unknown kind', { kind: 'robot' }, [['kind', 'isIn']]],
      ['an unknown level', { level: 'galaxy' }, [['level', 'isIn']]],
      ['an unknown status', { status: 'famous' }, [['status', 'isIn']]],
      ['a year before 1945', { yearRegistered: 1900 }, [['yearRegistered', 'min']]],
      ['an empty name', { name: ' ' }, [['name', 'isNotEmpty']]],
      ['commendations that are not a list', { commendations: 'nhiều' }, [['commendations', 'isArray']]],
      [
        'a commendation with an unknown level and form',
        { commendations: [{ year: 2020, level: 'planet', issuingBody: 'UBND xã', form: 'trophy' }] },
        [
          ['commendations.0.level', 'isIn'],
          ['commendations.0.form', 'isIn'],
        ],
      ],
      [
        'a commendation without an issuing body',
        { commendations: [{ year: 2020, level: 'commune', form: 'other' }] },
        [['commendations.0.issuingBody', 'isString']],
      ],
    ])('refuses %s with 400 and details per field', async (_case, change: Json, expected) => {
      const body = { name: 'Điển hình thử', kind: 'individual', level: 'commune', ...change };
      const res = await t.http.post('/api/exemplars').send(body).expect(400);
      expectErrorShape(res.body, 400, 'VALIDATION_FAILED');
      const details: Json[] = res.body.details;
      expect([...new Set(details.map((d) => d.field))].sort()).toEqual(expected.map(([f]) => f).sort());
      for (const [field, code] of expected)
        expect(details).toContainEqual(expect.objectContaining({ field, code }));
    });

    it('requires the version on update', async () => {
      const res = await t.http.patch(`/api/exemplars/${ids.bare}`).send({ notes: 'x' }).expect(400);
      expect(res.body.details).toContainEqual(expect.objectContaining({ field: 'version' }));
    });
  });

  describe('delete', () => {
    it.each([
      [
        'the reportage drops it',
        (r: Json) => t.http.patch(`/api/reportages/${r.id}`).send({ version: r.version, exemplarIds: [] }),
      ],
      ['the reportage is deleted', (r: Json) => t.http.delete(`/api/reportages/${r.id}`)],
    ])('refuses with 409 IN_USE while a reportage is about it; deletes it once %s', async (_case, letGo) => {
      const e = await post('/api/exemplars', {
        name: 'Võ Thị Sáu Em',
        kind: 'individual',
        level: 'grassroots',
        modelName: 'Bếp ăn từ thiện',
        placeId: ids.longMy,
      });
      const reportage = await post('/api/reportages', {
        segmentId: 1,
        title: 'Bếp ăn nghĩa tình',
        exemplarIds: [e.id],
      });
      const refused = await t.http.delete(`/api/exemplars/${e.id}`).expect(409);
      expectErrorShape(refused.body, 409, 'IN_USE');
      expect(refused.body.message).toContain('1 phóng sự');
      expect(refused.body.message).toContain('Võ Thị Sáu Em');
      expect(await search('bep an tu thien')).toEqual([e.id]);
      expect((await letGo(reportage)).status).toBeLessThan(300);
      await t.http.delete(`/api/exemplars/${e.id}`).expect(204);
      await t.http.get(`/api/exemplars/${e.id}`).expect(404);
      expect(await search('bep an tu thien')).toEqual([]);
    });

    it.each([
      ['GET', () => t.http.get('/api/exemplars/99999')],
      ['PATCH', () => t.http.patch('/api/exemplars/99999').send({ version: 1, notes: 'x' })],
      ['DELETE', () => t.http.delete('/api/exemplars/99999')],
    ])('answers %s of an unknown exemplar with 404 NOT_FOUND', async (_method, call) => {
      const res = await call().expect(404);
      expectErrorShape(res.body, 404, 'NOT_FOUND');
      expect(res.body.message).toContain('99999');
    });
  });
});
