import { createTestApp, expectErrorShape, type TestApp } from '../helpers/test-app.js';

type Body = Record<string, any>;

/** Folded search (tìm không dấu) over reportages and exemplars, through the list endpoints' `q`. */
describe('search: diacritics, case, ranking, renames', () => {
  let t: TestApp;
  const ids: Record<string, number> = {};

  const post = async (url: string, body: object) =>
    (await t.http.post(url).send(body).expect(201)).body as Body;
  const search = async (q: string, more = '') =>
    (await t.http.get(`/api/reportages?q=${encodeURIComponent(q)}${more}`).expect(200)).body as Body;
  const titles = (page: Body): string[] => page.items.map((r: Body) => r.title);
  const found = async (q: string, more = '') => titles(await search(q, more));
  const exemplarNames = async (q: string) =>
    (await t.http.get(`/api/exemplars?q=${encodeURIComponent(q)}`).expect(200)).body.items.map(
      (e: Body) => e.name as string,
    );
  /** PATCHes a record with the version it has now. */
  const rename = async (url: string, body: object) => {
    const { version } = (await t.http.get(url).expect(200)).body;
    return (
      await t.http
        .patch(url)
        .send({ version, ...body })
        .expect(200)
    ).body as Body;
  };

  const COLUMN = 'Hoa giữa đời thường – những con đường hoa';
  const LAND = 'Người giữ đất';
  const VILLAGE = 'Chuyện làng';
  const HARMONY = 'Tổ dân phố Hải Hoà đoàn kết';

  beforeAll(async () => {
    t = await createTestApp();
    const province = (await post('/api/places', { name: 'Bà Rịa – Vũng Tàu', level: 'province' })).id;
    const commune = (await post('/api/places', { name: 'Phước Hải', level: 'commune', parentId: province }))
      .id;
    ids.village = (
      await post('/api/places', { name: 'Ấp Phước Thạnh', level: 'village', parentId: commune })
    ).id;
    ids.locAn = (await post('/api/places', { name: 'Lộc An', level: 'commune', parentId: province })).id;
    ids.women = (
      await post('/api/exemplars', {
        name: 'Chi hội Phụ nữ ấp Phước Thạnh',
        kind: 'collective',
        level: 'grassroots',
        modelName: 'Trồng hoa làm đẹp các tuyến đường',
      })
    ).id;
    ids.man = (
      await post('/api/exemplars', { name: 'Đặng Văn Đông', kind: 'individual', level: 'commune' })
    ).id;
    const reportage = async (title: string, body: object) =>
      (await post('/api/reportages', { segmentId: 1, title, ...body })).id as number;
    // Created in this order on purpose: the summary-only match (VILLAGE) is newer than the title match.
    ids.column = await reportage(COLUMN, {
      summary: 'Chị em phụ nữ trồng hoa dọc đường quê.',
      exemplarIds: [ids.women],
      placeIds: [ids.village],
      tags: ['môi trường'],
    });
    ids.land = await reportage(LAND, {
      summary: 'Hiến đất mở đường liên ấp.',
      exemplarIds: [ids.man],
      placeIds: [ids.locAn],
    });
    ids.villageStory = await reportage(VILLAGE, { summary: 'Một ngày xem hoa giữa đời thường ở quê.' });
    ids.harmony = await reportage(HARMONY, {});
  });
  afterAll(async () => {
    await t.close();
  });

  describe('folding', () => {
    it.each([
      ['without diacritics', 'hoa giua doi thuong'],
      ['in capitals with diacritics', 'HOA GIỮA ĐỜI THƯỜNG'],
      ['with the old tone placement', 'Hoà giữa đời thường'],
      ['encoded in NFD', 'Hoa giữa đời thường'.normalize('NFD')],
      ['with the last word still being typed', 'hoa giua doi thu'],
      ['with extra spaces and punctuation', '  hoa, giữa – đời   thường! '],
    ])('finds the column’s reportage by its title typed %s, title match first', async (_name, q) => {
      const res = await search(q);
      expect(titles(res)[0]).toBe(COLUMN);
      expect(res.total).toBe(2);
    });

    it.each([
      ['new tone placement finds old', 'Hải Hòa'],
      ['old tone placement finds old', 'Hải Hoà'],
      ['no diacritics', 'hai hoa doan ket'],
    ])('matches "Hoà" and "Hòa" alike (%s)', async (_name, q) => {
      expect(await found(q)).toEqual([HARMONY]);
    });

    it.each([
      ['lower case d', 'dang van dong'],
      ['capital Đ', 'ĐẶNG VĂN ĐÔNG'],
      ['small đ', 'đặng văn đông'],
    ])('folds đ/Đ to d: %s', async (_name, q) => {
      expect(await found(q)).toEqual([LAND]);
    });

    it('finds a stored đ in the title by a plain d', async () => {
      expect(await found('nguoi giu dat')).toEqual([LAND]);
    });
  });

  describe('what is searched', () => {
    it.each([
      ['the summary', 'doc duong que', [COLUMN]],
      ['an exemplar’s name', 'chi hoi phu nu', [COLUMN]],
      ['an exemplar’s model name', 'lam dep cac tuyen', [COLUMN]],
      ['a place name', 'loc an', [LAND]],
      ['a village name', 'ap phuoc thanh', [COLUMN]],
      ['a tag', 'moi truong', [COLUMN]],
    ])('matches through %s', async (_name, q, expected) => {
      expect(await found(q)).toEqual(expected);
    });

    it('needs every word: one unknown word finds nothing', async () => {
      expect(await search('hoa giua doi thuong xyzabc')).toMatchObject({ items: [], total: 0 });
    });

    it('ranks a title match above a newer summary-only match, also across pages', async () => {
      expect(await found('hoa giua doi thuong')).toEqual([COLUMN, VILLAGE]);
      const second = await search('hoa giua doi thuong', '&pageSize=1&page=2');
      expect(second).toMatchObject({ total: 2, page: 2, pageSize: 1 });
      expect(titles(second)).toEqual([VILLAGE]);
    });

    it('follows an explicit sort instead of the ranking', async () => {
      expect(await found('hoa giua doi thuong', '&sort=title')).toEqual([VILLAGE, COLUMN]);
    });
  });

  describe('keeping up with changes', () => {
    it('finds reportages by an exemplar’s new name after a rename, and no longer by the old one', async () => {
      const renamed = await rename(`/api/exemplars/${ids.man}`, { name: 'Đặng Văn Tâm' });
      expect(renamed.name).toBe('Đặng Văn Tâm');
      expect(await found('dang van tam')).toEqual([LAND]);
      expect(await found('dang van dong')).toEqual([]);
      expect(await exemplarNames('dang van tam')).toEqual(['Đặng Văn Tâm']);
      expect(await exemplarNames('dang van dong')).toEqual([]);
    });

    it('follows a renamed place', async () => {
      await rename(`/api/places/${ids.locAn}`, { name: 'Lộc An Mới' });
      expect(await found('loc an moi')).toEqual([LAND]);
    });

    it('follows a reportage’s own title and links when edited', async () => {
      const r = await rename(`/api/reportages/${ids.harmony}`, {
        title: 'Khu phố đoàn kết',
        exemplarIds: [ids.women],
      });
      expect(r.title).toBe('Khu phố đoàn kết');
      expect(await found('hai hoa')).toEqual([]);
      expect(await found('khu pho doan ket')).toEqual(['Khu phố đoàn kết']);
      expect(await found('chi hoi phu nu')).toEqual(['Khu phố đoàn kết', COLUMN]);
    });

    it('forgets a deleted reportage', async () => {
      const id = (await post('/api/reportages', { segmentId: 1, title: 'Bản nháp tạm thời' })).id;
      expect(await found('ban nhap tam')).toEqual(['Bản nháp tạm thời']);
      await t.http.delete(`/api/reportages/${id}`).expect(204);
      expect(await found('ban nhap tam')).toEqual([]);
    });
  });

  describe('with filters and odd input', () => {
    it.each([
      ['a place (with the places under it)', () => `&placeId=${ids.village}`, [COLUMN]],
      ['an exemplar', () => `&exemplarId=${ids.women}`, [COLUMN]],
      ['a status nobody has', () => '&status=approved', []],
      ['the segment', () => '&segmentId=1', [COLUMN, VILLAGE]],
    ])('combines q with %s', async (_name, more, expected) => {
      expect(await found('hoa giua doi thuong', more())).toEqual(expected);
    });

    it.each([['–'], ['*'], ['"'], [' - * " ( ) : ^ '], ['...']])(
      'treats q=%j (punctuation only) as no search',
      async (q) => {
        const all = (await t.http.get('/api/reportages').expect(200)).body;
        expect(await search(q)).toEqual(all);
        const exemplars = (await t.http.get('/api/exemplars').expect(200)).body;
        expect((await t.http.get(`/api/exemplars?q=${encodeURIComponent(q)}`).expect(200)).body).toEqual(
          exemplars,
        );
      },
    );

    it.each([['hoa OR dat'], ['NOT hoa'], ['NEAR(hoa giua)'], ['title:hoa'], ['hoa*'], ['"hoa giua']])(
      'reads FTS syntax in q=%j as plain words instead of failing',
      async (q) => {
        await search(q);
      },
    );

    it('searches exemplars by folded name and model name', async () => {
      expect(await exemplarNames('PHUOC THANH')).toEqual(['Chi hội Phụ nữ ấp Phước Thạnh']);
      expect(await exemplarNames('trồng hoa')).toEqual(['Chi hội Phụ nữ ấp Phước Thạnh']);
    });

    it('refuses a q longer than 200 characters', async () => {
      const res = await t.http.get(`/api/reportages?q=${'a'.repeat(201)}`).expect(400);
      expectErrorShape(res.body, 400, 'VALIDATION_FAILED');
    });
  });
});

/** Lists and searches count their matches up to 1,000 (issue 15: a million reportages). */
describe('search: totals past 1,000', () => {
  let t: TestApp;
  const get = async (url: string) => (await t.http.get(url).expect(200)).body as Body;
  const titles = (page: Body): string[] => page.items.map((r: Body) => r.title);

  beforeAll(async () => {
    t = await createTestApp();
    // 1,005 reportages with "vườn hoa" in the title, then 5 newer ones with it only in the summary.
    const rows = [
      ...Array.from({ length: 1005 }, (_, i) => `Vườn hoa số ${i + 1},#1,`),
      ...Array.from({ length: 5 }, (_, i) => `Chuyện số ${1006 + i},#1,Thăm vườn hoa của xóm`),
    ];
    await t.http
      .post('/api/reportages/import?dryRun=false')
      .attach('file', Buffer.from(['title,segment,summary', ...rows].join('\n')), 'kho.csv')
      .expect(200);
  });

  afterAll(() => t?.close());

  it('says the total is a lower bound past 1,000, and pages on past it', async () => {
    const list = await get('/api/reportages');
    expect(list).toMatchObject({ total: 1000, totalIsLowerBound: true });
    const last = await get('/api/reportages?page=51');
    expect(titles(last)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1].map((n) => `Vườn hoa số ${n}`));
  });

  it('keeps title matches first across the 1,000th match', async () => {
    const first = await get(`/api/reportages?q=${encodeURIComponent('vườn hoa')}`);
    expect(first).toMatchObject({ total: 1000, totalIsLowerBound: true });
    expect(titles(first)[0]).toBe('Vườn hoa số 1005');
    const deep = await get(`/api/reportages?q=${encodeURIComponent('vườn hoa')}&page=51`);
    expect(titles(deep)).toEqual([
      ...[5, 4, 3, 2, 1].map((n) => `Vườn hoa số ${n}`),
      ...[1010, 1009, 1008, 1007, 1006].map((n) => `Chuyện số ${n}`),
    ]);
  });

  it('gives an exact total, without the flag, up to 1,000', async () => {
    const page = await get(`/api/reportages?q=${encodeURIComponent('chuyện số')}`);
    expect(page.total).toBe(5);
    expect(page).not.toHaveProperty('totalIsLowerBound');
    const filtered = await get(`/api/reportages?q=${encodeURIComponent('vườn hoa số 99')}&pageSize=100`);
    expect(filtered.total).toBe(filtered.items.length);
    expect(filtered).not.toHaveProperty('totalIsLowerBound');
  });
});
