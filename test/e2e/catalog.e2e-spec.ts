import { createTestApp, expectErrorShape, type TestApp } from '../helpers/test-app.js';

describe('catalog: places, fields, segments, exemplars', () => {
  let t: TestApp;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTestApp();
    const place = async (key: string, body: object) => {
      ids[key] = (await t.http.post('/api/places').send(body).expect(201)).body.id;
    };
    await place('province', { name: 'Bà Rịa – Vũng Tàu', level: 'province', code: '77' });
    await place('district', { name: 'Đất Đỏ', level: 'district', parentId: ids.province });
    await place('phuocHai', { name: 'Phước Hải', level: 'commune', parentId: ids.district });
    await place('longMy', { name: 'Long Mỹ', level: 'commune', parentId: ids.district });
    await place('village', { name: 'Ấp Hải Trung', level: 'village', parentId: ids.phuocHai });
  });
  afterAll(async () => {
    await t.close();
  });

  describe('places', () => {
    it('lists the tree province → legacy district → communes → villages', async () => {
      const tree = (await t.http.get('/api/places/tree').expect(200)).body;
      expect(tree).toHaveLength(1);
      expect(tree[0].name).toBe('Bà Rịa – Vũng Tàu');
      const district = tree[0].children[0];
      expect(district.children.map((c: { name: string }) => c.name)).toEqual(['Long Mỹ', 'Phước Hải']);
      expect(district.children[1].children[0].name).toBe('Ấp Hải Trung');
      const sub = (await t.http.get(`/api/places/tree?rootId=${ids.phuocHai}`).expect(200)).body;
      expect(sub[0].children).toHaveLength(1);
    });

    it('filters by level, parent and a name typed without diacritics, in pages', async () => {
      const communes = await t.http.get('/api/places?level=commune&sort=name').expect(200);
      expect(communes.body).toMatchObject({ total: 2, page: 1, pageSize: 20 });
      const byParent = await t.http.get(`/api/places?parentId=${ids.phuocHai}`).expect(200);
      expect(byParent.body.items.map((p: { id: number }) => p.id)).toEqual([ids.village]);
      const found = await t.http.get('/api/places?q=phuoc%20hai').expect(200);
      expect(found.body.items.map((p: { name: string }) => p.name)).toEqual(['Phước Hải']);
      const paged = await t.http.get('/api/places?pageSize=2&page=2&sort=name').expect(200);
      expect(paged.body.items).toHaveLength(2);
      expect(paged.body.total).toBe(5);
    });

    it('stores names in NFC', async () => {
      const res = await t.http
        .post('/api/places')
        .send({ name: 'Láng Dài'.normalize('NFD'), level: 'commune', parentId: ids.district })
        .expect(201);
      expect(res.body.name).toBe('Láng Dài'.normalize('NFC'));
      await t.http.delete(`/api/places/${res.body.id}`).expect(204);
    });

    it.each([
      [
        'a village directly under a province',
        { name: 'X', level: 'village', parentId: 'province' },
        'PLACE_LEVEL_MISMATCH',
      ],
      [
        'a province with a parent',
        { name: 'X', level: 'province', parentId: 'province' },
        'PLACE_LEVEL_MISMATCH',
      ],
      ['a commune without a parent', { name: 'X', level: 'commune' }, 'PLACE_PARENT_REQUIRED'],
      [
        'a parent that does not exist',
        { name: 'X', level: 'commune', parentId: 9999 },
        'PLACE_PARENT_NOT_FOUND',
      ],
    ])('refuses %s', async (_name, body: Record<string, unknown>, code) => {
      const sent = { ...body, parentId: body.parentId === 'province' ? ids.province : body.parentId };
      const res = await t.http.post('/api/places').send(sent).expect(422);
      expectErrorShape(res.body, 422, code);
      expect(res.body.details[0].field).toBe('parentId');
    });

    it('refuses to move a place under its own descendant', async () => {
      const district = (await t.http.get(`/api/places/${ids.district}`).expect(200)).body;
      const res = await t.http
        .patch(`/api/places/${ids.district}`)
        .send({ version: district.version, parentId: ids.phuocHai, level: 'district' })
        .expect(422);
      expect(res.body.code).toBe('PLACE_LEVEL_MISMATCH');
    });

    it('updates with the version read and refuses a stale one with 409', async () => {
      const before = (await t.http.get(`/api/places/${ids.longMy}`).expect(200)).body;
      const updated = await t.http
        .patch(`/api/places/${ids.longMy}`)
        .send({ version: before.version, code: '26707' })
        .expect(200);
      expect(updated.body).toMatchObject({ code: '26707', version: before.version + 1 });
      const stale = await t.http
        .patch(`/api/places/${ids.longMy}`)
        .send({ version: before.version, code: 'x' })
        .expect(409);
      expectErrorShape(stale.body, 409, 'STALE_VERSION');
      const missingVersion = await t.http.patch(`/api/places/${ids.longMy}`).send({ code: 'x' }).expect(400);
      expect(missingVersion.body.details[0].field).toBe('version');
    });

    it('refuses to delete a place with villages under it, and answers 404 in the error shape', async () => {
      const res = await t.http.delete(`/api/places/${ids.phuocHai}`).expect(409);
      expectErrorShape(res.body, 409, 'IN_USE');
      expect(res.body.message).toContain('1 đơn vị trực thuộc');
      expectErrorShape((await t.http.get('/api/places/9999').expect(404)).body, 404, 'NOT_FOUND');
    });
  });

  describe('fields and segments', () => {
    it('starts with the nine fields of DOMAIN.md and the column', async () => {
      const fields = await t.http.get('/api/fields?pageSize=100').expect(200);
      expect(fields.body.total).toBe(9);
      expect(fields.body.items[0]).toMatchObject({
        name: 'Phát triển kinh tế – xã hội',
        sortOrder: 1,
        active: true,
      });
      const segment = await t.http.get('/api/segments/1').expect(200);
      expect(segment.body).toMatchObject({ name: 'Hoa giữa đời thường', slug: 'hoa-giua-doi-thuong' });
    });

    it('creates with a slug made from the Vietnamese name and refuses a duplicate', async () => {
      const res = await t.http.post('/api/fields').send({ name: 'An ninh trật tự' }).expect(201);
      expect(res.body.slug).toBe('an-ninh-trat-tu');
      ids.field = res.body.id;
      const dup = await t.http.post('/api/fields').send({ name: 'An ninh trật tự' }).expect(409);
      expectErrorShape(dup.body, 409, 'DUPLICATE');
      await t.http.post('/api/fields').send({ name: 'Y', slug: 'Có Dấu' }).expect(400);
      expectErrorShape(
        (await t.http.post('/api/fields').send({ name: '–' }).expect(422)).body,
        422,
        'SLUG_REQUIRED',
      );
    });

    it('filters by active and sorts', async () => {
      const field = (await t.http.get(`/api/fields/${ids.field}`).expect(200)).body;
      await t.http
        .patch(`/api/fields/${ids.field}`)
        .send({ version: field.version, active: false })
        .expect(200);
      const inactive = await t.http.get('/api/fields?active=false').expect(200);
      expect(inactive.body.items.map((f: { id: number }) => f.id)).toEqual([ids.field]);
      const sorted = await t.http.get('/api/fields?sort=-name&pageSize=100').expect(200);
      const names = sorted.body.items.map((f: { name: string }) => f.name);
      expect(names).toEqual([...names].sort().reverse());
      await t.http.get('/api/fields?sort=colour').expect(400);
    });

    it('refuses a segment whose shortest typical length exceeds its longest', async () => {
      const res = await t.http
        .post('/api/segments')
        .send({ name: 'Gương sáng', minDurationSeconds: 600, maxDurationSeconds: 300 })
        .expect(422);
      expectErrorShape(res.body, 422, 'DURATION_RANGE');
    });

    it('refuses to delete a segment or field in use, and deletes one that is not', async () => {
      await t.http
        .post('/api/reportages')
        .send({ segmentId: 1, title: 'Dùng chuyên mục', fieldId: 1 })
        .expect(201);
      expectErrorShape((await t.http.delete('/api/segments/1').expect(409)).body, 409, 'IN_USE');
      expectErrorShape((await t.http.delete('/api/fields/1').expect(409)).body, 409, 'IN_USE');
      await t.http.delete(`/api/fields/${ids.field}`).expect(204);
    });
  });

  describe('exemplars', () => {
    it('creates individuals and collectives with their model, place and commendations', async () => {
      const res = await t.http
        .post('/api/exemplars')
        .send({
          name: 'Chi hội Phụ nữ ấp Hải Trung',
          kind: 'collective',
          modelName: 'Phụ nữ thu gom phế liệu bán tặng học bổng học sinh nghèo',
          fieldId: 6,
          placeId: ids.village,
          level: 'grassroots',
          yearRegistered: 2019,
          status: 'commended',
          commendations: [
            {
              year: 2022,
              level: 'province',
              issuingBody: 'UBND tỉnh Bà Rịa – Vũng Tàu',
              form: 'certificate_of_honour',
            },
            { year: 2020, level: 'district', issuingBody: 'UBND huyện Đất Đỏ', form: 'certificate_of_merit' },
          ],
        })
        .expect(201);
      ids.collective = res.body.id;
      expect(res.body.place).toEqual({ id: ids.village, name: 'Ấp Hải Trung' });
      expect(res.body.commendations.map((c: { year: number }) => c.year)).toEqual([2020, 2022]);
      const person = await t.http
        .post('/api/exemplars')
        .send({
          name: 'Nguyễn Văn Đức',
          kind: 'individual',
          modelName: 'Hiến đất mở đường',
          placeId: ids.longMy,
          level: 'commune',
          yearRegistered: 2021,
        })
        .expect(201);
      ids.person = person.body.id;
      expect(person.body.status).toBe('registered');
    });

    it('replaces commendations only when they are sent', async () => {
      const e = (await t.http.get(`/api/exemplars/${ids.collective}`).expect(200)).body;
      const renamed = await t.http
        .patch(`/api/exemplars/${ids.collective}`)
        .send({ version: e.version, notes: 'Nhân rộng 2023' })
        .expect(200);
      expect(renamed.body.commendations).toHaveLength(2);
      const replaced = await t.http
        .patch(`/api/exemplars/${ids.collective}`)
        .send({ version: renamed.body.version, commendations: [] })
        .expect(200);
      expect(replaced.body.commendations).toEqual([]);
    });

    it.each([
      ['kind', 'kind=individual', 'person'],
      ['level', 'level=grassroots', 'collective'],
      ['field', 'fieldId=6', 'collective'],
      ['status', 'status=registered', 'person'],
      ['year', 'year=2021', 'person'],
      ['a commune, including its villages', 'placeId=PHUOC_HAI', 'collective'],
      ['a name typed without diacritics', 'q=nguyen%20van%20duc', 'person'],
      ['the model', 'q=phu%20nu%20thu%20gom%20phe%20lieu', 'collective'],
      ['the place name', 'q=HAI%20TRUNG', 'collective'],
    ])('filters by %s', async (_name, query, key) => {
      const res = await t.http
        .get(`/api/exemplars?${query.replace('PHUOC_HAI', String(ids.phuocHai))}`)
        .expect(200);
      expect(res.body.items.map((e: { id: number }) => e.id)).toEqual([ids[key]]);
    });

    it('finds exemplars by a place’s new name after it is renamed', async () => {
      const village = (await t.http.get(`/api/places/${ids.village}`).expect(200)).body;
      await t.http
        .patch(`/api/places/${ids.village}`)
        .send({ version: village.version, name: 'Khu phố Hải Trung' })
        .expect(200);
      const res = await t.http.get('/api/exemplars?q=khu%20pho').expect(200);
      expect(res.body.items.map((e: { id: number }) => e.id)).toEqual([ids.collective]);
    });

    it('refuses an unknown field with 422 naming the field, and bad values per field', async () => {
      const res = await t.http
        .post('/api/exemplars')
        .send({ name: 'X', kind: 'individual', level: 'commune', fieldId: 999 })
        .expect(422);
      expectErrorShape(res.body, 422, 'REFERENCE_NOT_FOUND');
      expect(res.body.details[0].field).toBe('fieldId');
      const bad = await t.http
        .post('/api/exemplars')
        .send({ name: 'X', kind: 'robot', level: 'galaxy' })
        .expect(400);
      expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['kind', 'level']);
    });

    it('refuses to delete an exemplar a reportage is about, then deletes it once unlinked', async () => {
      const r = await t.http
        .post('/api/reportages')
        .send({ segmentId: 1, title: 'Về anh Đức', exemplarIds: [ids.person] })
        .expect(201);
      expectErrorShape((await t.http.delete(`/api/exemplars/${ids.person}`).expect(409)).body, 409, 'IN_USE');
      await t.http
        .patch(`/api/reportages/${r.body.id}`)
        .send({ version: r.body.version, exemplarIds: [] })
        .expect(200);
      await t.http.delete(`/api/exemplars/${ids.person}`).expect(204);
      await t.http.get(`/api/exemplars/${ids.person}`).expect(404);
    });
  });
  it.each([
    ['a place', () => `/api/places/${ids.longMy}`],
    ['an exemplar', () => `/api/exemplars/${ids.collective}`],
    ['a segment', () => '/api/segments/1'],
  ])('refuses to clear the name of %s with null, but clears an optional field', async (_what, url) => {
    const before = (await t.http.get(url()).expect(200)).body;
    const res = await t.http.patch(url()).send({ version: before.version, name: null }).expect(400);
    expect(res.body.details[0].field).toBe('name');
    const optional = url().startsWith('/api/places')
      ? 'code'
      : url().startsWith('/api/exemplars')
        ? 'notes'
        : 'description';
    const cleared = await t.http
      .patch(url())
      .send({ version: before.version, [optional]: null })
      .expect(200);
    expect(cleared.body[optional]).toBeNull();
  });
});
