import { createTestApp, expectErrorShape, type TestApp } from '../helpers/test-app.js';

type Json = Record<string, any>;

describe('places (đơn vị hành chính): /api/places', () => {
  let t: TestApp;
  const ids: Record<string, number> = {};

  const post = async (body: Json): Promise<Json> =>
    (await t.http.post('/api/places').send(body).expect(201)).body;
  const read = async (id: number): Promise<Json> => (await t.http.get(`/api/places/${id}`).expect(200)).body;
  const names = (res: { body: { items: { name: string }[] } }) => res.body.items.map((p) => p.name);
  /** Resolves symbolic parents ('@province') in a table row to the ids created in beforeAll. */
  const resolve = (body: Json): Json =>
    typeof body.parentId === 'string' ? { ...body, parentId: ids[body.parentId.slice(1)] } : body;

  beforeAll(async () => {
    t = await createTestApp();
    const add = async (key: string, name: string, level: string, parent?: string, code?: string) => {
      ids[key] = (await post({ name, level, parentId: parent ? ids[parent] : undefined, code })).id;
    };
    await add('province', 'Bà Rịa – Vũng Tàu', 'province', undefined, '77');
    await add('district', 'Đất Đỏ', 'district', 'province');
    await add('phuocHai', 'Phước Hải', 'commune', 'district');
    await add('phuocHoi', 'Phước Hội', 'commune', 'district');
    await add('longMy', 'Long Mỹ', 'commune', 'district');
    await add('haiTrung', 'Ấp Hải Trung', 'village', 'phuocHai');
    await add('haiHoa', 'Ấp Hải Hòa', 'village', 'phuocHai');
    await add('phuocThanh', 'Ấp Phước Thạnh', 'village', 'phuocHoi');
  });
  afterAll(async () => {
    await t.close();
  });

  describe('create and read', () => {
    it('answers a create with the stored place, version 1, and reads the same back', async () => {
      const created = await post({ name: 'Lộc An', level: 'commune', parentId: ids.district, code: '26710' });
      ids.locAn = created.id;
      expect(created).toEqual({
        id: expect.any(Number),
        name: 'Lộc An',
        level: 'commune',
        code: '26710',
        parentId: ids.district,
        version: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(await read(created.id)).toEqual(created);
    });

    it('stores a name sent in NFD as NFC, on create and on rename', async () => {
      const nfd = 'Láng Dài'.normalize('NFD');
      expect(nfd).not.toBe('Láng Dài'.normalize('NFC'));
      const created = await post({ name: `  ${nfd} `, level: 'commune', parentId: ids.district });
      expect(created.name).toBe('Láng Dài'.normalize('NFC'));
      const renamed = await t.http
        .patch(`/api/places/${created.id}`)
        .send({ version: created.version, name: 'Phước Long Thọ'.normalize('NFD') })
        .expect(200);
      expect(renamed.body.name).toBe('Phước Long Thọ'.normalize('NFC'));
      expect((await read(created.id)).name).toBe('Phước Long Thọ'.normalize('NFC'));
      await t.http.delete(`/api/places/${created.id}`).expect(204);
    });

    it.each([
      ['an empty name', { name: '   ', level: 'commune' }, 'name', 'isNotEmpty'],
      ['a name over 200 characters', { name: 'x'.repeat(201), level: 'commune' }, 'name', 'maxLength'],
      ['an unknown level', { name: 'Long Tân', level: 'hamlet' }, 'level', 'isIn'],
      ['a parent id of zero', { name: 'Long Tân', level: 'commune', parentId: 0 }, 'parentId', 'min'],
      [
        'a parent id that is text',
        { name: 'Long Tân', level: 'commune', parentId: 'x' },
        'parentId',
        'isInt',
      ],
      [
        'a code over 32 characters',
        { name: 'Long Tân', level: 'province', code: '9'.repeat(33) },
        'code',
        'maxLength',
      ],
    ])('refuses %s with 400 and a detail for that field', async (_case, body, field, code) => {
      const res = await t.http.post('/api/places').send(body).expect(400);
      expectErrorShape(res.body, 400, 'VALIDATION_FAILED');
      expect(res.body.details).toContainEqual(expect.objectContaining({ field, code }));
    });
  });

  describe('level rules (422)', () => {
    it.each([
      [
        'a village directly under a province',
        { level: 'village', parentId: '@province' },
        'PLACE_LEVEL_MISMATCH',
      ],
      [
        'a village directly under a legacy district',
        { level: 'village', parentId: '@district' },
        'PLACE_LEVEL_MISMATCH',
      ],
      [
        'a village under another village',
        { level: 'village', parentId: '@haiTrung' },
        'PLACE_LEVEL_MISMATCH',
      ],
      ['a district under a commune', { level: 'district', parentId: '@phuocHai' }, 'PLACE_LEVEL_MISMATCH'],
      ['a province with a parent', { level: 'province', parentId: '@province' }, 'PLACE_LEVEL_MISMATCH'],
      ['a commune with no parent', { level: 'commune' }, 'PLACE_PARENT_REQUIRED'],
      ['a village with no parent', { level: 'village' }, 'PLACE_PARENT_REQUIRED'],
      ['a district with no parent', { level: 'district', parentId: null }, 'PLACE_PARENT_REQUIRED'],
      ['a parent that does not exist', { level: 'commune', parentId: 99999 }, 'PLACE_PARENT_NOT_FOUND'],
    ])('refuses %s', async (_case, body: Json, code) => {
      const res = await t.http
        .post('/api/places')
        .send(resolve({ name: 'Long Tân', ...body }))
        .expect(422);
      expectErrorShape(res.body, 422, code);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'parentId' })]);
    });

    it('accepts a commune directly under a province, as after the 2025 reform', async () => {
      const created = await post({ name: 'Long Điền', level: 'commune', parentId: ids.province });
      expect(created.parentId).toBe(ids.province);
      await t.http.delete(`/api/places/${created.id}`).expect(204);
    });

    it('refuses to move a place under its own descendant', async () => {
      const province = await post({ name: 'Tỉnh thử', level: 'province' });
      const district = await post({ name: 'Huyện thử', level: 'district', parentId: province.id });
      const res = await t.http
        .patch(`/api/places/${province.id}`)
        .send({ version: province.version, level: 'commune', parentId: district.id })
        .expect(422);
      expectErrorShape(res.body, 422, 'PLACE_CYCLE');
      expect(res.body.details[0]).toMatchObject({ field: 'parentId', code: 'cycle' });
      expect(await read(province.id)).toMatchObject({ level: 'province', parentId: null, version: 1 });
      ids.testProvince = province.id;
      ids.testDistrict = district.id;
    });

    it('refuses to make a place its own parent', async () => {
      const res = await t.http
        .patch(`/api/places/${ids.testDistrict}`)
        .send({ version: 1, level: 'commune', parentId: ids.testDistrict })
        .expect(422);
      expectErrorShape(res.body, 422, 'PLACE_CYCLE');
    });

    it.each([
      ['a province, leaving its villages directly under a province', { level: 'province', parentId: null }],
      ['a district, leaving its villages under a district', { level: 'district', parentId: '@province' }],
    ])('refuses to turn a commune with villages into %s', async (_case, change: Json) => {
      const commune = await read(ids.phuocHai);
      const res = await t.http
        .patch(`/api/places/${ids.phuocHai}`)
        .send(resolve({ version: commune.version, ...change }))
        .expect(422);
      expectErrorShape(res.body, 422, 'PLACE_LEVEL_MISMATCH');
      expect(res.body.details[0]).toMatchObject({ field: 'level', code: 'levelMismatch' });
      expect(res.body.message).toContain('Ấp Hải Hòa');
      expect(await read(ids.phuocHai)).toMatchObject({ level: 'commune', parentId: ids.district });
    });

    it('refuses to move a commune under a village when updating', async () => {
      const commune = await read(ids.longMy);
      const res = await t.http
        .patch(`/api/places/${ids.longMy}`)
        .send({ version: commune.version, parentId: ids.haiTrung })
        .expect(422);
      expectErrorShape(res.body, 422, 'PLACE_LEVEL_MISMATCH');
    });

    it('refuses to clear the parent of a commune', async () => {
      const commune = await read(ids.longMy);
      const res = await t.http
        .patch(`/api/places/${ids.longMy}`)
        .send({ version: commune.version, parentId: null })
        .expect(422);
      expectErrorShape(res.body, 422, 'PLACE_PARENT_REQUIRED');
    });
  });

  describe('tree', () => {
    it('nests province → legacy district → communes → villages, children sorted by name', async () => {
      const tree: Json[] = (await t.http.get('/api/places/tree').expect(200)).body;
      expect(tree.map((p) => p.name)).toEqual(['Bà Rịa – Vũng Tàu', 'Tỉnh thử']);
      const [province] = tree;
      expect(province).toMatchObject({ id: ids.province, level: 'province', parentId: null, code: '77' });
      expect(province.children.map((p: Json) => p.name)).toEqual(['Đất Đỏ']);
      const district = province.children[0];
      expect(district.children.map((p: Json) => p.name)).toEqual([
        'Lộc An',
        'Long Mỹ',
        'Phước Hải',
        'Phước Hội',
      ]);
      const phuocHai = district.children.find((p: Json) => p.id === ids.phuocHai);
      expect(phuocHai.children.map((p: Json) => p.name)).toEqual(['Ấp Hải Hòa', 'Ấp Hải Trung']);
      expect(phuocHai.children[0].children).toEqual([]);
    });

    it('returns only the subtree under rootId', async () => {
      const res = await t.http.get(`/api/places/tree?rootId=${ids.phuocHoi}`).expect(200);
      expect(res.body).toEqual([
        expect.objectContaining({
          id: ids.phuocHoi,
          children: [expect.objectContaining({ id: ids.phuocThanh, children: [] })],
        }),
      ]);
    });

    it('answers an unknown rootId with 404 in the error shape', async () => {
      expectErrorShape(
        (await t.http.get('/api/places/tree?rootId=99999').expect(404)).body,
        404,
        'NOT_FOUND',
      );
    });
  });

  describe('list: filters, pages, sort', () => {
    it.each([
      ['level', () => 'level=village', ['Ấp Hải Hòa', 'Ấp Hải Trung', 'Ấp Phước Thạnh']],
      ['parentId', () => `parentId=${ids.phuocHai}`, ['Ấp Hải Hòa', 'Ấp Hải Trung']],
      ['level and parentId', () => `level=commune&parentId=${ids.district}&q=long`, ['Long Mỹ']],
      ['a name typed without diacritics', () => 'q=phuoc%20hai', ['Phước Hải']],
      ['a name in capitals', () => `q=${encodeURIComponent('PHƯỚC HỘI')}`, ['Phước Hội']],
      ['a name sent in NFD', () => `q=${encodeURIComponent('Phước Hải'.normalize('NFD'))}`, ['Phước Hải']],
      ['đ typed as d', () => 'q=dat%20do', ['Đất Đỏ']],
      ['part of a name', () => 'q=phuoc', ['Ấp Phước Thạnh', 'Phước Hải', 'Phước Hội']],
      ['old tone placement (hoà finds Hòa)', () => `q=${encodeURIComponent('hải hoà')}`, ['Ấp Hải Hòa']],
    ])('filters by %s', async (_case, query, expected) => {
      const res = await t.http.get(`/api/places?${query()}`).expect(200);
      expect(names(res)).toEqual(expected);
      expect(res.body.total).toBe(expected.length);
    });

    it.each(['%', '_'])('treats "%s" in the search as a plain character', async (q) => {
      const res = await t.http.get(`/api/places?q=${encodeURIComponent(q)}`).expect(200);
      expect(res.body).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
    });

    it('pages with items, total, page and pageSize', async () => {
      const all = await t.http.get('/api/places?level=commune&sort=name').expect(200);
      expect(all.body).toMatchObject({ total: 4, page: 1, pageSize: 20 });
      const second = await t.http.get('/api/places?level=commune&sort=name&page=2&pageSize=3').expect(200);
      expect(second.body).toEqual({
        items: [expect.objectContaining({ name: 'Phước Hội' })],
        total: 4,
        page: 2,
        pageSize: 3,
      });
      const beyond = await t.http.get('/api/places?level=commune&page=9&pageSize=3').expect(200);
      expect(beyond.body).toMatchObject({ items: [], total: 4, page: 9 });
    });

    it.each([
      ['name', ['Lộc An', 'Long Mỹ', 'Phước Hải', 'Phước Hội']],
      ['-name', ['Phước Hội', 'Phước Hải', 'Long Mỹ', 'Lộc An']],
      ['createdAt', ['Phước Hải', 'Phước Hội', 'Long Mỹ', 'Lộc An']],
      ['-createdAt', ['Lộc An', 'Long Mỹ', 'Phước Hội', 'Phước Hải']],
    ])('sorts communes by %s', async (sort, expected) => {
      expect(names(await t.http.get(`/api/places?level=commune&sort=${sort}`).expect(200))).toEqual(expected);
    });

    it.each(['sort=population', 'level=hamlet', 'parentId=0', 'page=0'])(
      'refuses the query %s with 400',
      async (query) => {
        expectErrorShape(
          (await t.http.get(`/api/places?${query}`).expect(400)).body,
          400,
          'VALIDATION_FAILED',
        );
      },
    );
  });

  describe('update', () => {
    it('increments the version on every update and keeps what was not sent', async () => {
      const before = await read(ids.locAn);
      const first = await t.http
        .patch(`/api/places/${ids.locAn}`)
        .send({ version: before.version, code: '26711' })
        .expect(200);
      expect(first.body).toMatchObject({ name: 'Lộc An', code: '26711', version: before.version + 1 });
      const second = await t.http
        .patch(`/api/places/${ids.locAn}`)
        .send({ version: first.body.version, code: null })
        .expect(200);
      expect(second.body).toMatchObject({ code: null, version: before.version + 2 });
    });

    it('moves a commune from the legacy district straight under the province', async () => {
      const commune = await read(ids.locAn);
      const res = await t.http
        .patch(`/api/places/${ids.locAn}`)
        .send({ version: commune.version, parentId: ids.province })
        .expect(200);
      expect(res.body).toMatchObject({ parentId: ids.province, version: commune.version + 1 });
      const tree: Json[] = (await t.http.get(`/api/places/tree?rootId=${ids.province}`).expect(200)).body;
      expect(tree[0].children.map((p: Json) => p.name)).toEqual(['Đất Đỏ', 'Lộc An']);
    });

    it('refuses a stale version with 409 STALE_VERSION and keeps the stored place', async () => {
      const current = await read(ids.longMy);
      await t.http
        .patch(`/api/places/${ids.longMy}`)
        .send({ version: current.version, code: '26707' })
        .expect(200);
      const stale = await t.http
        .patch(`/api/places/${ids.longMy}`)
        .send({ version: current.version, name: 'Long Mỹ cũ' })
        .expect(409);
      expectErrorShape(stale.body, 409, 'STALE_VERSION');
      expect(stale.body.message).toContain(`phiên bản hiện tại ${current.version + 1}`);
      expect(await read(ids.longMy)).toMatchObject({
        name: 'Long Mỹ',
        code: '26707',
        version: current.version + 1,
      });
    });

    it('requires the version read', async () => {
      const res = await t.http.patch(`/api/places/${ids.longMy}`).send({ code: 'x' }).expect(400);
      expect(res.body.details).toContainEqual(expect.objectContaining({ field: 'version' }));
    });
  });

  describe('delete and 404', () => {
    it('refuses with 409 IN_USE while villages, exemplars or reportages use a place, then deletes it', async () => {
      const longTan = await post({ name: 'Long Tân', level: 'commune', parentId: ids.district });
      const village = await post({ name: 'Ấp Tân Hòa', level: 'village', parentId: longTan.id });
      const exemplar = (
        await t.http
          .post('/api/exemplars')
          .send({ name: 'Hộ ông Lê Văn Tám', kind: 'individual', level: 'commune', placeId: longTan.id })
          .expect(201)
      ).body;
      const reportage = (
        await t.http
          .post('/api/reportages')
          .send({ segmentId: 1, title: 'Đường hoa Long Tân', placeIds: [longTan.id] })
          .expect(201)
      ).body;
      const refused = async (...uses: string[]) => {
        const res = await t.http.delete(`/api/places/${longTan.id}`).expect(409);
        expectErrorShape(res.body, 409, 'IN_USE');
        for (const use of uses) expect(res.body.message).toContain(use);
        return res.body.message as string;
      };

      await refused('1 đơn vị trực thuộc', '1 điển hình', '1 phóng sự');
      await t.http.delete(`/api/places/${village.id}`).expect(204);
      expect(await refused('1 điển hình', '1 phóng sự')).not.toContain('trực thuộc');
      await t.http
        .patch(`/api/exemplars/${exemplar.id}`)
        .send({ version: exemplar.version, placeId: ids.longMy })
        .expect(200);
      expect(await refused('1 phóng sự')).not.toContain('điển hình');
      await t.http
        .patch(`/api/reportages/${reportage.id}`)
        .send({ version: reportage.version, placeIds: [] })
        .expect(200);
      await t.http.delete(`/api/places/${longTan.id}`).expect(204);
      await t.http.get(`/api/places/${longTan.id}`).expect(404);
    });

    it('deletes a leaf village with 204 and an empty body', async () => {
      const res = await t.http.delete(`/api/places/${ids.phuocThanh}`).expect(204);
      expect(res.text).toBe('');
      const tree = (await t.http.get(`/api/places/tree?rootId=${ids.phuocHoi}`).expect(200)).body;
      expect(tree[0].children).toEqual([]);
    });

    it.each([
      ['GET', () => t.http.get('/api/places/99999')],
      ['PATCH', () => t.http.patch('/api/places/99999').send({ version: 1, name: 'X' })],
      ['DELETE', () => t.http.delete('/api/places/99999')],
    ])('answers %s of an unknown place with 404 NOT_FOUND', async (_method, call) => {
      const res = await call().expect(404);
      expectErrorShape(res.body, 404, 'NOT_FOUND');
      expect(res.body.message).toContain('99999');
    });
  });
});
