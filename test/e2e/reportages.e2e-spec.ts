import { createTestApp, expectErrorShape, type TestApp } from '../helpers/test-app.js';

describe('reportages: records, workflow, search, import', () => {
  let t: TestApp;
  const ids: Record<string, number> = {};

  const create = async (body: Record<string, unknown>) =>
    (
      await t.http
        .post('/api/reportages')
        .send({ segmentId: 1, ...body })
        .expect(201)
    ).body;
  const titles = (res: { body: { items: { title: string }[] } }) => res.body.items.map((r) => r.title);

  beforeAll(async () => {
    t = await createTestApp();
    const post = async (url: string, body: object) =>
      (await t.http.post(url).send(body).expect(201)).body.id as number;
    ids.province = await post('/api/places', { name: 'Bà Rịa – Vũng Tàu', level: 'province' });
    ids.commune = await post('/api/places', { name: 'Phước Hải', level: 'commune', parentId: ids.province });
    ids.village = await post('/api/places', {
      name: 'Ấp Phước Thạnh',
      level: 'village',
      parentId: ids.commune,
    });
    ids.other = await post('/api/places', { name: 'Lộc An', level: 'commune', parentId: ids.province });
    ids.women = await post('/api/exemplars', {
      name: 'Chi hội Phụ nữ ấp Phước Thạnh',
      kind: 'collective',
      level: 'grassroots',
      modelName: 'Trồng hoa làm đẹp các tuyến đường',
    });
    ids.man = await post('/api/exemplars', { name: 'Đặng Văn Đông', kind: 'individual', level: 'commune' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates a draft with its links and reads it back; lists leave the script out', async () => {
    const r = await create({
      title: 'Hoa giữa đời thường – những con đường hoa ở Phước Thạnh',
      summary: 'Chị em phụ nữ trồng hoa dọc đường quê.',
      script: 'Lời dẫn: …',
      exemplarIds: [ids.women],
      placeIds: [ids.village],
      fieldId: 5,
      reporter: 'Nguyễn Thị Lan',
      recordedOn: '2021-03-15',
      tags: ['05', 'môi trường'],
      validFrom: '2021-04-01',
      validUntil: '2021-12-31',
    });
    ids.flowers = r.id;
    expect(r).toMatchObject({
      status: 'draft',
      segment: { id: 1, name: 'Hoa giữa đời thường' },
      field: { id: 5 },
      exemplars: [{ id: ids.women, name: 'Chi hội Phụ nữ ấp Phước Thạnh' }],
      places: [{ id: ids.village, name: 'Ấp Phước Thạnh' }],
      script: 'Lời dẫn: …',
      tags: ['05', 'môi trường'],
      version: 1,
    });
    const list = await t.http.get('/api/reportages').expect(200);
    expect(list.body.items[0]).not.toHaveProperty('script');
  });

  it('updates links only when sent and bumps the version even for links alone', async () => {
    const r = await create({
      title: 'Anh Đông hiến đất',
      summary: 'Hiến đất mở đường.',
      exemplarIds: [ids.man],
      placeIds: [ids.other],
      reporter: 'Phạm Thu Hà',
      recordedOn: '2022-06-01',
    });
    ids.road = r.id;
    const renamed = await t.http
      .patch(`/api/reportages/${r.id}`)
      .send({ version: 1, title: 'Anh Đông hiến đất mở đường' })
      .expect(200);
    expect(renamed.body.exemplars).toHaveLength(1);
    const relinked = await t.http
      .patch(`/api/reportages/${r.id}`)
      .send({ version: 2, exemplarIds: [ids.man, ids.women] })
      .expect(200);
    expect(relinked.body.version).toBe(3);
    expect(relinked.body.exemplars).toHaveLength(2);
    expectErrorShape(
      (await t.http.patch(`/api/reportages/${r.id}`).send({ version: 2, title: 'x' }).expect(409)).body,
      409,
      'STALE_VERSION',
    );
  });

  it.each([
    [
      'a validity window that ends before it starts',
      { validFrom: '2022-05-01', validUntil: '2022-04-01' },
      422,
      'VALIDITY_WINDOW',
    ],
    ['an unknown exemplar', { exemplarIds: [999] }, 422, 'REFERENCE_NOT_FOUND'],
    ['an impossible date', { recordedOn: '2025-02-30' }, 400, 'VALIDATION_FAILED'],
    ['an unknown segment', { segmentId: 999 }, 422, 'REFERENCE_NOT_FOUND'],
  ])('refuses %s', async (_name, body, status, code) => {
    const res = await t.http
      .post('/api/reportages')
      .send({ segmentId: 1, title: 'Sai', ...body })
      .expect(status);
    expectErrorShape(res.body, status, code);
  });

  it('walks the workflow and keeps every transition in the history', async () => {
    const id = ids.flowers;
    let v = (await t.http.get(`/api/reportages/${id}`)).body.version;
    const act = async (action: string, body: object = {}, status = 200) => {
      const res = await t.http
        .post(`/api/reportages/${id}/${action}`)
        .send({ version: v, ...body })
        .expect(status);
      if (status === 200) v = res.body.version;
      return res.body;
    };
    expect((await act('submit')).status).toBe('submitted');
    expect((await act('withdraw')).status).toBe('draft');
    await act('submit');
    expectErrorShape(await act('reject', {}, 422), 422, 'REASON_REQUIRED');
    expect((await act('reject', { reason: 'Thiếu tên người được phỏng vấn' })).status).toBe('rejected');
    await act('submit');
    expect((await act('approve')).status).toBe('approved');
    expectErrorShape(await act('approve', {}, 409), 409, 'INVALID_TRANSITION');
    expectErrorShape((await t.http.delete(`/api/reportages/${id}`).expect(409)).body, 409, 'IN_USE');
    expect((await act('archive')).status).toBe('archived');
    expectErrorShape(
      (await t.http.patch(`/api/reportages/${id}`).send({ version: v, title: 'x' }).expect(409)).body,
      409,
      'ARCHIVED',
    );
    expect((await act('restore')).status).toBe('draft');

    const history = (await t.http.get(`/api/reportages/${id}/history`).expect(200)).body;
    expect(
      history.map((h: { action: string; fromStatus: string | null; toStatus: string }) => [
        h.action,
        h.fromStatus,
        h.toStatus,
      ]),
    ).toEqual([
      ['create', null, 'draft'],
      ['submit', 'draft', 'submitted'],
      ['withdraw', 'submitted', 'draft'],
      ['submit', 'draft', 'submitted'],
      ['reject', 'submitted', 'rejected'],
      ['submit', 'rejected', 'submitted'],
      ['approve', 'submitted', 'approved'],
      ['archive', 'approved', 'archived'],
      ['restore', 'archived', 'draft'],
    ]);
    expect(history[4].reason).toBe('Thiếu tên người được phỏng vấn');
  });

  it('deletes a draft', async () => {
    const r = await create({ title: 'Bản nháp bỏ đi' });
    await t.http.delete(`/api/reportages/${r.id}`).expect(204);
    await t.http.get(`/api/reportages/${r.id}`).expect(404);
  });

  it.each([
    ['exemplar', () => `exemplarId=${ids.man}`, ['Anh Đông hiến đất mở đường']],
    [
      'place, including the villages under it',
      () => `placeId=${ids.commune}`,
      ['Hoa giữa đời thường – những con đường hoa ở Phước Thạnh'],
    ],
    ['field', () => 'fieldId=5', ['Hoa giữa đời thường – những con đường hoa ở Phước Thạnh']],
    ['reporter', () => `reporter=${encodeURIComponent('Phạm Thu Hà')}`, ['Anh Đông hiến đất mở đường']],
    [
      'recording dates',
      () => 'recordedFrom=2022-01-01&recordedTo=2022-12-31',
      ['Anh Đông hiến đất mở đường'],
    ],
    [
      'status',
      () => 'status=draft&sort=title',
      ['Anh Đông hiến đất mở đường', 'Hoa giữa đời thường – những con đường hoa ở Phước Thạnh'],
    ],
  ])('filters by %s', async (_name, query, expected) => {
    expect(titles(await t.http.get(`/api/reportages?${query()}`).expect(200))).toEqual(expected);
  });

  it('filters by creation date in local time and sorts by recording date', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    const res = await t.http
      .get(`/api/reportages?createdFrom=${today}&createdTo=${today}&sort=-recordedOn`)
      .expect(200);
    expect(titles(res)).toEqual([
      'Anh Đông hiến đất mở đường',
      'Hoa giữa đời thường – những con đường hoa ở Phước Thạnh',
    ]);
    expect((await t.http.get('/api/reportages?createdTo=2020-01-01').expect(200)).body.total).toBe(0);
  });

  describe('search', () => {
    it.each([
      ['hoa giua doi thuong'],
      ['HOA GIỮA ĐỜI THƯỜNG'],
      ['Hoà giữa đời thường'],
      ['Hoa giữa đời thường'.normalize('NFD')],
      ['hoa giua doi thu'],
    ])('finds "Hoa giữa đời thường" with %j', async (q) => {
      const res = await t.http.get(`/api/reportages?q=${encodeURIComponent(q)}`).expect(200);
      expect(titles(res)).toContain('Hoa giữa đời thường – những con đường hoa ở Phước Thạnh');
    });

    it.each([
      ['the summary', 'trong hoa doc duong'],
      ['an exemplar’s name, đ as d', 'dang van dong'],
      ['an exemplar’s model', 'lam dep cac tuyen duong'],
      ['a place name', 'loc an'],
    ])('matches through %s', async (_name, q) => {
      const res = await t.http.get(`/api/reportages?q=${encodeURIComponent(q)}`).expect(200);
      expect(res.body.total).toBeGreaterThan(0);
    });

    it('ranks a title match above a match elsewhere', async () => {
      await create({ title: 'Chuyện làng', summary: 'Một ngày ở Phước Thạnh với chị em phụ nữ.' });
      const res = await t.http.get('/api/reportages?q=phuoc%20thanh').expect(200);
      expect(titles(res)[0]).toBe('Hoa giữa đời thường – những con đường hoa ở Phước Thạnh');
      expect(titles(res)).toContain('Chuyện làng');
    });

    it('follows an exemplar renamed after the fact', async () => {
      const man = (await t.http.get(`/api/exemplars/${ids.man}`).expect(200)).body;
      await t.http
        .patch(`/api/exemplars/${ids.man}`)
        .send({ version: man.version, name: 'Đặng Văn Tâm' })
        .expect(200);
      // (The reportage's title says "Anh Đông", so the old full name is searched in the exemplar list.)
      expect(titles(await t.http.get('/api/reportages?q=dang%20van%20tam').expect(200))).toEqual([
        'Anh Đông hiến đất mở đường',
      ]);
      expect((await t.http.get('/api/exemplars?q=dang%20van%20dong').expect(200)).body.total).toBe(0);
      expect((await t.http.get('/api/reportages?q=van%20dong%20hien').expect(200)).body.total).toBe(1);
    });

    it('combines q with filters and treats bare punctuation as no search', async () => {
      expect((await t.http.get('/api/reportages?q=phuoc&status=approved').expect(200)).body.total).toBe(0);
      const all = (await t.http.get('/api/reportages').expect(200)).body.total;
      expect((await t.http.get('/api/reportages?q=%E2%80%93%20*').expect(200)).body.total).toBe(all);
    });
  });

  describe('CSV import', () => {
    const header =
      'title,segment,summary,field,exemplars,places,reporter,recordedOn,tags,validFrom,validUntil,status';
    const row = (title: string, extra = '') =>
      `"${title}",hoa giua doi thuong,Tóm tắt,Nhà tình thương,chi hoi phu nu ap phuoc thanh,#${ids?.commune ?? 0},Lê Quốc Bảo,15/03/2019,05;nhà,2019-04-01,31/12/2019,archived${extra}`;
    const upload = (csv: string, dryRun: boolean) =>
      t.http
        .post(`/api/reportages/import?dryRun=${dryRun}`)
        .attach('file', Buffer.from(csv, 'utf8'), 'kho.csv');

    it('checks a file without writing anything on a dry run (with BOM)', async () => {
      const before = (await t.http.get('/api/reportages').expect(200)).body.total;
      const res = await upload(`\uFEFF${header}\n${row('Ngôi nhà tình thương 2019')}\n`, true).expect(200);
      expect(res.body).toEqual({ dryRun: true, rows: 1, created: 0, ids: [] });
      expect((await t.http.get('/api/reportages').expect(200)).body.total).toBe(before);
    });

    it('imports every row of a valid file (without BOM), resolving names and dates', async () => {
      const res = await upload(
        `${header}\n${row('Ngôi nhà tình thương 2019')}\n${row('Học bổng cho em')}\n`,
        false,
      ).expect(200);
      expect(res.body).toMatchObject({ dryRun: false, rows: 2, created: 2 });
      const r = (await t.http.get(`/api/reportages/${res.body.ids[0]}`).expect(200)).body;
      expect(r).toMatchObject({
        status: 'archived',
        field: { name: 'Nhà tình thương' },
        exemplars: [{ id: ids.women }],
        places: [{ id: ids.commune }],
        recordedOn: '2019-03-15',
        validUntil: '2019-12-31',
        tags: ['05', 'nhà'],
      });
      const history = (await t.http.get(`/api/reportages/${r.id}/history`).expect(200)).body;
      expect(history[0]).toMatchObject({ action: 'import', toStatus: 'archived' });
    });

    it('reports errors per row and column and writes nothing, not even the valid rows', async () => {
      const before = (await t.http.get('/api/reportages').expect(200)).body.total;
      const csv = [
        header,
        row('Dòng đúng'),
        `,khong co chuyen muc nay,,,,,,31/02/2020,,,,approved`,
        row('Sai điển hình').replace('chi hoi phu nu ap phuoc thanh', 'Không Có Ai'),
      ].join('\n');
      const res = await upload(csv, false).expect(422);
      expectErrorShape(res.body, 422, 'IMPORT_INVALID');
      const cells = res.body.details.map((d: { row: number; field: string }) => `${d.row}:${d.field}`);
      expect(cells).toEqual(
        expect.arrayContaining(['3:title', '3:segment', '3:recordedOn', '3:status', '4:exemplars']),
      );
      expect(cells.some((c: string) => c.startsWith('2:'))).toBe(false);
      expect((await t.http.get('/api/reportages').expect(200)).body.total).toBe(before);
    });

    it.each([
      ['an unknown column', 'title,segment,colour\nA,hoa-giua-doi-thuong,red\n', 422, 'CSV_COLUMNS'],
      ['a missing required column', 'title,summary\nA,B\n', 422, 'CSV_COLUMNS'],
      ['a file with only a header', `${'title,segment'}\n`, 400, 'CSV_EMPTY'],
    ])('refuses %s', async (_name, csv, status, code) => {
      expectErrorShape((await upload(csv, true).expect(status)).body, status, code);
    });

    it('refuses a request without the file', async () => {
      expectErrorShape(
        (await t.http.post('/api/reportages/import').field('x', '1').expect(400)).body,
        400,
        'FILE_REQUIRED',
      );
    });

    it('offers a template that Excel opens and that imports cleanly', async () => {
      const res = await t.http.get('/api/reportages/import/template.csv').expect(200);
      expect(res.headers['content-type']).toContain('text/csv');
      expect(res.text.startsWith('\uFEFFtitle,segment,summary,script,field,exemplars,places')).toBe(true);
      await t.http
        .post('/api/exemplars')
        .send({ name: 'Chi hội Phụ nữ ấp Phước Thạnh', kind: 'collective', level: 'commune' })
        .expect(201);
      // The template names an exemplar that now exists twice: the import asks for an #id instead of guessing.
      const ambiguous = await t.http
        .post('/api/reportages/import?dryRun=true')
        .attach('file', Buffer.from(res.text), 't.csv')
        .expect(422);
      expect(ambiguous.body.details[0].message).toMatch(/#\d+/);
    });
  });
});
