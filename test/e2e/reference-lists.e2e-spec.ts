import { createTestApp, expectErrorShape, type TestApp } from '../helpers/test-app.js';

type Json = Record<string, any>;

/**
 * Fields (lĩnh vực) and segments (chuyên mục) share one behaviour: a short named list with a unique
 * name and slug, an active flag, optimistic versions and deletes refused while something uses a record.
 */
describe('reference lists: /api/fields and /api/segments', () => {
  let t: TestApp;

  const post = async (url: string, body: Json): Promise<Json> =>
    (await t.http.post(url).send(body).expect(201)).body;
  const names = (res: { body: { items: { name: string }[] } }) => res.body.items.map((r) => r.name);

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('seeded content', () => {
    it('starts with the nine fields of DOMAIN.md, in their order, active', async () => {
      const res = await t.http.get('/api/fields?pageSize=100').expect(200);
      expect(res.body).toMatchObject({ total: 9, page: 1, pageSize: 100 });
      expect(res.body.items.map((f: Json) => [f.sortOrder, f.name, f.slug, f.active])).toEqual([
        [1, 'Phát triển kinh tế – xã hội', 'phat-trien-kinh-te-xa-hoi', true],
        [2, 'Thi đua lao động sản xuất', 'thi-dua-lao-dong-san-xuat', true],
        [3, 'Xây dựng nông thôn mới', 'xay-dung-nong-thon-moi', true],
        [4, 'Chăm lo người nghèo', 'cham-lo-nguoi-ngheo', true],
        [5, 'Môi trường xanh – sạch – đẹp', 'moi-truong-xanh-sach-dep', true],
        [6, 'Học bổng cho học sinh nghèo', 'hoc-bong-cho-hoc-sinh-ngheo', true],
        [7, 'Bảo hiểm y tế cho hộ khó khăn', 'bao-hiem-y-te-cho-ho-kho-khan', true],
        [8, 'Nhà tình thương', 'nha-tinh-thuong', true],
        [9, 'Chăm lo gia đình chính sách', 'cham-lo-gia-dinh-chinh-sach', true],
      ]);
    });

    it('starts with the column "Hoa giữa đời thường" of 3–7 minute reportages', async () => {
      const list = await t.http.get('/api/segments').expect(200);
      expect(list.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
      expect(list.body.items[0]).toMatchObject({
        id: 1,
        name: 'Hoa giữa đời thường',
        slug: 'hoa-giua-doi-thuong',
        minDurationSeconds: 180,
        maxDurationSeconds: 420,
        active: true,
        version: 1,
      });
      expect(list.body.items[0].description).toContain('Hồ Chí Minh');
      expect((await t.http.get('/api/segments/1').expect(200)).body).toEqual(list.body.items[0]);
    });
  });

  describe.each([
    {
      url: '/api/fields',
      name: 'An ninh trật tự',
      slug: 'an-ninh-trat-tu',
      sameSlug: 'An ninh – Trật tự',
      other: 'Phòng chống thiên tai',
      extra: { sortOrder: 10 },
    },
    {
      url: '/api/segments',
      name: 'Gương sáng quanh ta',
      slug: 'guong-sang-quanh-ta',
      sameSlug: 'Gương sáng – quanh ta',
      other: 'Nông thôn mới hôm nay',
      extra: { minDurationSeconds: 120, maxDurationSeconds: 600 },
    },
  ])('$url', ({ url, name, slug, sameSlug, other, extra }) => {
    let created: Json;

    it('creates a record with a slug made from its Vietnamese name and answers what a GET returns', async () => {
      created = await post(url, { name, description: 'Mô tả ngắn', ...extra });
      expect(created).toMatchObject({
        name,
        slug,
        description: 'Mô tả ngắn',
        active: true,
        version: 1,
        ...extra,
      });
      expect((await t.http.get(`${url}/${created.id}`).expect(200)).body).toEqual(created);
    });

    it('answers a create without optional values with every member of the record, null where unset', async () => {
      const bare = await post(url, { name: other });
      const read = (await t.http.get(`${url}/${bare.id}`).expect(200)).body;
      expect(read.description).toBeNull();
      expect(bare).toEqual(read);
    });

    it('keeps a slug that is sent', async () => {
      const res = await post(url, { name: `${name} (cũ)`, slug: `${slug}-cu`, active: false });
      expect(res).toMatchObject({ slug: `${slug}-cu`, active: false });
    });

    it.each([
      ['the same name', () => ({ name })],
      ['the same name sent in NFD', () => ({ name: name.normalize('NFD') })],
      ['a taken slug sent explicitly', () => ({ name: 'Tên khác hẳn', slug })],
      ['a different name whose generated slug is taken', () => ({ name: sameSlug })],
    ])('refuses %s with 409 DUPLICATE', async (_case, body) => {
      const res = await t.http.post(url).send(body()).expect(409);
      expectErrorShape(res.body, 409, 'DUPLICATE');
    });

    it.each(['Có-Dấu', 'an_ninh', '-an-ninh', 'an--ninh', 'AN-NINH', 'an ninh', 'a'.repeat(121)])(
      'refuses the slug "%s" with 400',
      async (bad) => {
        const res = await t.http.post(url).send({ name: 'Tên mới', slug: bad }).expect(400);
        expectErrorShape(res.body, 400, 'VALIDATION_FAILED');
        expect(res.body.details.map((d: Json) => d.field)).toEqual(expect.arrayContaining(['slug']));
      },
    );

    it('updates with the version read, bumps it, and keeps the slug', async () => {
      const res = await t.http
        .patch(`${url}/${created.id}`)
        .send({ version: created.version, name: `${name} mới`, description: null })
        .expect(200);
      expect(res.body).toMatchObject({ name: `${name} mới`, slug, description: null, version: 2 });
      created = res.body;
    });

    it('lets a record keep its own name and slug on update', async () => {
      const res = await t.http
        .patch(`${url}/${created.id}`)
        .send({ version: created.version, name: created.name, slug: created.slug, active: true })
        .expect(200);
      created = res.body;
    });

    it('refuses a stale version with 409 STALE_VERSION and keeps the stored record', async () => {
      const res = await t.http.patch(`${url}/${created.id}`).send({ version: 1, name: 'Ghi đè' }).expect(409);
      expectErrorShape(res.body, 409, 'STALE_VERSION');
      expect((await t.http.get(`${url}/${created.id}`).expect(200)).body.name).toBe(`${name} mới`);
    });

    it.each([
      ['the name of another record', () => ({ name: other })],
      ['the slug of another record', () => ({ slug: `${slug}-cu` })],
    ])('refuses renaming onto %s with 409 DUPLICATE', async (_case, change) => {
      const res = await t.http
        .patch(`${url}/${created.id}`)
        .send({ version: created.version, ...change() })
        .expect(409);
      expectErrorShape(res.body, 409, 'DUPLICATE');
    });

    it('requires the version on update', async () => {
      const res = await t.http.patch(`${url}/${created.id}`).send({ name: 'Không phiên bản' }).expect(400);
      expect(res.body.details).toContainEqual(expect.objectContaining({ field: 'version' }));
    });

    it('filters by active (?active=false and ?active=true)', async () => {
      const inactive = await t.http.get(`${url}?active=false`).expect(200);
      expect(names(inactive)).toEqual([`${name} (cũ)`]);
      const active = await t.http.get(`${url}?active=true&pageSize=100`).expect(200);
      expect(names(active)).not.toContain(`${name} (cũ)`);
      expect(active.body.total + inactive.body.total).toBe(
        (await t.http.get(url).expect(200)).body.total as number,
      );
      await t.http.get(`${url}?active=maybe`).expect(400);
    });

    it('deletes an unused record with 204, after which it is gone', async () => {
      const unused = await post(url, { name: 'Tạm thời' });
      await t.http.delete(`${url}/${unused.id}`).expect(204);
      expectErrorShape((await t.http.get(`${url}/${unused.id}`).expect(404)).body, 404, 'NOT_FOUND');
    });

    it.each([
      ['GET', () => t.http.get(`${url}/99999`)],
      ['PATCH', () => t.http.patch(`${url}/99999`).send({ version: 1, name: 'X' })],
      ['DELETE', () => t.http.delete(`${url}/99999`)],
    ])('answers %s of an unknown record with 404 NOT_FOUND', async (_method, call) => {
      expectErrorShape((await call().expect(404)).body, 404, 'NOT_FOUND');
    });
  });

  describe('sorting', () => {
    it.each([
      ['/api/fields', '', (f: Json[]) => f.map((x) => x.sortOrder), 'ascending'],
      ['/api/fields', 'sort=-sortOrder', (f: Json[]) => f.map((x) => x.sortOrder), 'descending'],
      ['/api/fields', 'sort=name', (f: Json[]) => f.map((x) => x.name), 'ascending'],
      ['/api/fields', 'sort=-name', (f: Json[]) => f.map((x) => x.name), 'descending'],
      ['/api/fields', 'sort=-createdAt', (f: Json[]) => f.map((x) => x.id), 'descending'],
      ['/api/segments', '', (s: Json[]) => s.map((x) => x.name), 'ascending'],
      ['/api/segments', 'sort=-name', (s: Json[]) => s.map((x) => x.name), 'descending'],
      ['/api/segments', 'sort=createdAt', (s: Json[]) => s.map((x) => x.id), 'ascending'],
    ])('sorts %s by "%s"', async (url, query, key, direction) => {
      const items: Json[] = (await t.http.get(`${url}?pageSize=100&${query}`).expect(200)).body.items;
      expect(items.length).toBeGreaterThan(2);
      const values = key(items) as (string | number)[];
      const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      expect(values).toEqual(direction === 'ascending' ? sorted : sorted.reverse());
    });

    it.each(['/api/fields?sort=colour', '/api/segments?sort=sortOrder', '/api/fields?active=yes'])(
      'refuses %s with 400',
      async (url) => {
        expectErrorShape((await t.http.get(url).expect(400)).body, 400, 'VALIDATION_FAILED');
      },
    );
  });

  describe('validation details', () => {
    it.each([
      [
        '/api/fields',
        { name: '', slug: 'Có Dấu', sortOrder: -1, active: 'yes', description: 5, colour: 'red' },
        [
          ['active', 'isBoolean'],
          ['colour', 'whitelistValidation'],
          ['description', 'isString'],
          ['name', 'isNotEmpty'],
          ['slug', 'matches'],
          ['sortOrder', 'min'],
        ],
      ],
      [
        '/api/segments',
        { name: 'x'.repeat(201), minDurationSeconds: 0, maxDurationSeconds: 86401, active: 1 },
        [
          ['active', 'isBoolean'],
          ['maxDurationSeconds', 'max'],
          ['minDurationSeconds', 'min'],
          ['name', 'maxLength'],
        ],
      ],
    ])('reports each problem of a bad create on %s per field', async (url, body, expected) => {
      const res = await t.http.post(url).send(body).expect(400);
      expectErrorShape(res.body, 400, 'VALIDATION_FAILED');
      const details: Json[] = res.body.details;
      expect([...new Set(details.map((d) => d.field))].sort()).toEqual(expected.map(([f]) => f));
      for (const [field, code] of expected)
        expect(details).toContainEqual(expect.objectContaining({ field, code }));
      for (const d of details) expect(d.message).toContain(`"${d.field}"`);
    });
  });

  describe('segment durations', () => {
    it('refuses a segment whose shortest typical length exceeds its longest with 422 DURATION_RANGE', async () => {
      const res = await t.http
        .post('/api/segments')
        .send({ name: 'Gương người tốt', minDurationSeconds: 600, maxDurationSeconds: 300 })
        .expect(422);
      expectErrorShape(res.body, 422, 'DURATION_RANGE');
      expect(res.body.details).toEqual([
        expect.objectContaining({ field: 'minDurationSeconds', code: 'range' }),
      ]);
      const list = await t.http.get('/api/segments?pageSize=100').expect(200);
      expect(names(list)).not.toContain('Gương người tốt');
    });

    it('accepts equal shortest and longest lengths', async () => {
      const res = await post('/api/segments', {
        name: 'Bản tin năm phút',
        minDurationSeconds: 300,
        maxDurationSeconds: 300,
      });
      expect(res).toMatchObject({ minDurationSeconds: 300, maxDurationSeconds: 300 });
    });

    it('checks the range against the stored longest length when only the shortest is updated', async () => {
      const segment = await post('/api/segments', {
        name: 'Chuyện làng quê',
        minDurationSeconds: 180,
        maxDurationSeconds: 420,
      });
      const refused = await t.http
        .patch(`/api/segments/${segment.id}`)
        .send({ version: segment.version, minDurationSeconds: 500 })
        .expect(422);
      expectErrorShape(refused.body, 422, 'DURATION_RANGE');
      const cleared = await t.http
        .patch(`/api/segments/${segment.id}`)
        .send({ version: segment.version, minDurationSeconds: 500, maxDurationSeconds: null })
        .expect(200);
      expect(cleared.body).toMatchObject({ minDurationSeconds: 500, maxDurationSeconds: null, version: 2 });
    });
  });

  describe('deleting a record in use', () => {
    it('refuses to delete a field while an exemplar or a reportage uses it, and deletes it afterwards', async () => {
      const field = await post('/api/fields', { name: 'Khuyến học khuyến tài' });
      const exemplar = await post('/api/exemplars', {
        name: 'Hội Khuyến học xã Phước Hải',
        kind: 'collective',
        level: 'commune',
        fieldId: field.id,
      });
      const refusedFor = async (...uses: string[]) => {
        const res = await t.http.delete(`/api/fields/${field.id}`).expect(409);
        expectErrorShape(res.body, 409, 'IN_USE');
        for (const use of uses) expect(res.body.message).toContain(use);
      };
      await refusedFor('1 điển hình');
      const reportage = await post('/api/reportages', {
        segmentId: 1,
        title: 'Tiếp sức đến trường',
        fieldId: field.id,
      });
      await refusedFor('1 điển hình', '1 phóng sự');
      await t.http.delete(`/api/exemplars/${exemplar.id}`).expect(204);
      await refusedFor('1 phóng sự');
      await t.http.delete(`/api/reportages/${reportage.id}`).expect(204);
      await t.http.delete(`/api/fields/${field.id}`).expect(204);
    });

    it('refuses to delete a segment while a reportage belongs to it, and deletes it afterwards', async () => {
      const segment = await post('/api/segments', { name: 'Dân vận khéo' });
      const reportage = await post('/api/reportages', {
        segmentId: segment.id,
        title: 'Dân vận khéo ở Long Mỹ',
      });
      const res = await t.http.delete(`/api/segments/${segment.id}`).expect(409);
      expectErrorShape(res.body, 409, 'IN_USE');
      expect(res.body.message).toContain('1 phóng sự');
      expect(res.body.message).toContain('Dân vận khéo');
      await t.http.delete(`/api/reportages/${reportage.id}`).expect(204);
      await t.http.delete(`/api/segments/${segment.id}`).expect(204);
    });

    it('refuses to delete the seeded column while reportages use it', async () => {
      await post('/api/reportages', { segmentId: 1, title: 'Những bông hoa trên đường quê Phước Hải' });
      expectErrorShape((await t.http.delete('/api/segments/1').expect(409)).body, 409, 'IN_USE');
      await t.http.get('/api/segments/1').expect(200);
    });
  });
});
