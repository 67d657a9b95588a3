import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { insertRow } from '../../src/database/sql.js';
import { foldVietnamese } from '../../src/common/text.js';
import { Database } from '../../src/database/database.service.js';
import { runCli } from '../helpers/processes.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { createTestApp, expectErrorShape, type TestApp } from '../helpers/test-app.js';

type Body = Record<string, any>;
const ZONE = 'Asia/Ho_Chi_Minh';
/** A local wall-clock time in Vietnam → the UTC text TypeORM's sqlite driver stores. */
const utc = (local: string) =>
  DateTime.fromISO(local, { zone: ZONE }).toUTC().toFormat('yyyy-MM-dd HH:mm:ss.SSS');

const PERIOD = 'from=2024-03-01&to=2024-04-30';
/** Columns: reportages aired, airings, first airings, re-airs, partial airings, minutes. */
const figures = (row: Body) => [
  row.reportages,
  row.airings,
  row.firstAirings,
  row.reAirs,
  row.partial,
  row.minutes,
];
const table = (body: Body) => body.rows.map((row: Body) => [row.label, ...figures(row)]);

/**
 * A hand-counted data set, written with SQL (the scheduling and playout APIs are other issues'):
 *
 * places: Long Tân (commune) ⊃ Ấp Tân Hòa (village); Lộc An and Phước Hải (communes); the province.
 * R1 (Hoa giữa đời thường, Môi trường, Nguyễn Thị Lan, Ấp Tân Hòa, about E1 and E6)
 * R2 (Hoa giữa đời thường, Nhà tình thương, Trần Minh Tuấn, Long Tân and Lộc An, about E2)
 * R3 (Bản tin nông thôn, Học bổng, no reporter, the province only, about E3)
 * R4 (Hoa giữa đời thường, no field, Nguyễn Thị Lan, Ấp Tân Hòa and Long Tân, about E4): only a partial
 *    airing in the period, a full one just after it.
 *
 * as-run entries, local time (period 01/03/2024 – 30/04/2024):
 *  P1  R1 first  01/03 00:01 aired 300 s      P8  R4 first  21/03 17:00 partial 60 s
 *  P2  R1 re-air 15/03 17:00 aired 300 s      P9  R1 re-air 29/02 23:59 aired (before the period)
 *  P3  R2 first  30/04 23:59 aired 240 s      P10 R4 first  01/05 00:01 aired (after the period)
 *  P4  R2 re-air 10/04 05:30 partial 120 s    P11 R1 re-air 20/04 17:00 awaiting confirmation
 *  P5  R2 re-air 11/04 05:30 missed           P12 R1 re-air 02/04 17:00 aired 300 s
 *  P6  R3 first  20/03 17:00 aired 180 s
 *  P7  R3 re-air 05/04 17:00 failed
 *
 * So in the period: 3 reportages aired (R1 R2 R3), 5 airings (P1 P2 P3 P6 P12), 3 first (P1 P3 P6),
 * 2 re-airs (P2 P12), 2 partial (P4 P8), 300+300+240+180+300+120+60 = 1500 s = 25 minutes.
 */
async function seed(t: TestApp): Promise<void> {
  const fields = Object.fromEntries(
    (await t.http.get('/api/fields?pageSize=100').expect(200)).body.items.map((f: Body) => [f.slug, f.id]),
  );
  const env = fields['moi-truong-xanh-sach-dep'];
  const house = fields['nha-tinh-thuong'];
  const school = fields['hoc-bong-cho-hoc-sinh-ngheo'];
  await t.app.get(Database).transaction(async (m) => {
    const insert = (table: string, row: Record<string, unknown>) => insertRow(m, table, row);
    const place = (name: string, level: string, parentId: number | null) =>
      insert('places', { name, name_folded: foldVietnamese(name), level, parent_id: parentId });
    const province = await place('Bà Rịa – Vũng Tàu', 'province', null);
    const longTan = await place('Long Tân', 'commune', province);
    const tanHoa = await place('Ấp Tân Hòa', 'village', longTan);
    const locAn = await place('Lộc An', 'commune', province);
    await place('Phước Hải', 'commune', province);

    const segment = (name: string, active: boolean) =>
      insert('segments', { name, slug: foldVietnamese(name).replace(/\W+/g, '-'), active: active ? 1 : 0 });
    const bulletinSegment = await segment('Bản tin nông thôn', true);
    await segment('Chuyên mục <mới>, "khác" & lạ', true);
    await segment('Chuyên mục đã ngừng', false);

    const exemplar = (name: string, kind: string, level: string, fieldId: number, status: string) =>
      insert('exemplars', {
        name,
        name_folded: foldVietnamese(name),
        kind,
        level,
        field_id: fieldId,
        place_id: tanHoa,
        status,
      });
    const e1 = await exemplar(
      'Chi hội Phụ nữ ấp Tân Hòa, Long Tân',
      'collective',
      'grassroots',
      env,
      'commended',
    );
    const e2 = await exemplar('Nguyễn Văn Phúc', 'individual', 'district', house, 'registered');
    const e3 = await exemplar('Hội Nông dân "Tiếp sức"', 'collective', 'grassroots', school, 'registered');
    const e4 = await exemplar('Trần Văn Hùng', 'individual', 'commune', env, 'registered');
    await exemplar('Tổ tự quản ấp Tân Hòa', 'collective', 'grassroots', env, 'recognised');
    const e6 = await exemplar('Chi đoàn Thanh niên ấp Tân Hòa', 'collective', 'grassroots', env, 'commended');

    const reportage = async (
      title: string,
      segmentId: number,
      fieldId: number | null,
      reporter: string | null,
      places: number[],
      exemplars: number[],
    ) => {
      const id = await insert('reportages', {
        segment_id: segmentId,
        title,
        title_folded: foldVietnamese(title),
        field_id: fieldId,
        reporter,
        status: 'approved',
        duration_seconds: 300,
      });
      for (const placeId of places) await insert('reportage_places', { reportage_id: id, place_id: placeId });
      for (const exemplarId of exemplars)
        await insert('reportage_exemplars', { reportage_id: id, exemplar_id: exemplarId });
      return id;
    };
    const r1 = await reportage('Người giữ lửa trồng hoa', 1, env, 'Nguyễn Thị Lan', [tanHoa], [e1, e6]);
    const r2 = await reportage(
      'Nhà tình thương ở Lộc An',
      1,
      house,
      'Trần Minh Tuấn',
      [longTan, locAn],
      [e2],
    );
    const r3 = await reportage('Tiếp sức đến trường', bulletinSegment, school, '  ', [province], [e3]);
    const r4 = await reportage('Con đường hoa', 1, null, 'Nguyễn Thị Lan', [tanHoa, longTan], [e4]);

    const zone = (name: string, placeId: number) =>
      insert('zones', {
        name,
        kind: 'station',
        place_id: placeId,
        time_zone: ZONE,
        playout: '{"driver":"manual"}',
      });
    const z1 = await zone('Đài truyền thanh xã Long Tân', longTan);
    const z2 = await zone('Đài truyền thanh xã Lộc An', locAn);

    const airing = async (
      reportageId: number,
      zoneId: number,
      reair: boolean,
      local: string,
      result: string,
      played: number,
    ) => {
      const at = utc(local);
      const placement = await insert('placements', {
        zone_id: zoneId,
        reportage_id: reportageId,
        starts_at: at,
        ends_at: at,
        duration_seconds: 300,
        status: result === 'aired' ? 'aired' : 'planned',
        is_reair: reair ? 1 : 0,
      });
      await insert('as_run_entries', {
        placement_id: placement,
        zone_id: zoneId,
        scheduled_at: at,
        started_at: at,
        played_seconds: played,
        result,
        driver: 'manual',
      });
    };
    await airing(r1, z1, false, '2024-03-01T00:01', 'aired', 300); // P1
    await airing(r1, z2, true, '2024-03-15T17:00', 'aired', 300); // P2
    await airing(r2, z1, false, '2024-04-30T23:59', 'aired', 240); // P3
    await airing(r2, z2, true, '2024-04-10T05:30', 'partial', 120); // P4
    await airing(r2, z1, true, '2024-04-11T05:30', 'missed', 0); // P5
    await airing(r3, z2, false, '2024-03-20T17:00', 'aired', 180); // P6
    await airing(r3, z1, true, '2024-04-05T17:00', 'failed', 0); // P7
    await airing(r4, z1, false, '2024-03-21T17:00', 'partial', 60); // P8
    await airing(r1, z1, true, '2024-02-29T23:59', 'aired', 300); // P9
    await airing(r4, z2, false, '2024-05-01T00:01', 'aired', 300); // P10
    await airing(r1, z2, true, '2024-04-20T17:00', 'awaiting_confirmation', 300); // P11
    await airing(r1, z1, true, '2024-04-02T17:00', 'aired', 300); // P12
  });
}

describe('review reports (sơ kết, tổng kết)', () => {
  let t: TestApp;
  const TOTAL = [3, 5, 3, 2, 2, 25];

  beforeAll(async () => {
    t = await createTestApp({ CENTRE_NAME: 'Trung tâm VH-TT&TT huyện Đất Đỏ' });
    await seed(t);
  });
  afterAll(() => t.close());

  const airings = async (query: string) =>
    (await t.http.get(`/api/reports/airings?${PERIOD}&${query}`).expect(200)).body as Body;

  it('by segment: every active segment, zeros included; the inactive one without airings left out', async () => {
    const body = await airings('groupBy=segment');
    expect(body).toMatchObject({ groupBy: 'segment', from: '2024-03-01', to: '2024-04-30', timeZone: ZONE });
    expect(table(body)).toEqual([
      ['Bản tin nông thôn', 1, 1, 1, 0, 0, 3],
      ['Chuyên mục <mới>, "khác" & lạ', 0, 0, 0, 0, 0, 0],
      ['Hoa giữa đời thường', 2, 4, 2, 2, 2, 22],
    ]);
    expect(figures(body.total)).toEqual(TOTAL);
  });

  it('by field: the nine fields in their order, then the reportages without a field', async () => {
    const body = await airings('groupBy=field');
    expect(table(body)).toEqual([
      ['Phát triển kinh tế – xã hội', 0, 0, 0, 0, 0, 0],
      ['Thi đua lao động sản xuất', 0, 0, 0, 0, 0, 0],
      ['Xây dựng nông thôn mới', 0, 0, 0, 0, 0, 0],
      ['Chăm lo người nghèo', 0, 0, 0, 0, 0, 0],
      ['Môi trường xanh – sạch – đẹp', 1, 3, 1, 2, 0, 15],
      ['Học bổng cho học sinh nghèo', 1, 1, 1, 0, 0, 3],
      ['Bảo hiểm y tế cho hộ khó khăn', 0, 0, 0, 0, 0, 0],
      ['Nhà tình thương', 1, 1, 1, 0, 1, 6],
      ['Chăm lo gia đình chính sách', 0, 0, 0, 0, 0, 0],
      ['(không có lĩnh vực)', 0, 0, 0, 0, 1, 1],
    ]);
    expect(figures(body.total)).toEqual(TOTAL);
  });

  it('by commune: villages roll up, a reportage in two communes counts in each and once in the total', async () => {
    const body = await airings('groupBy=place');
    expect(table(body)).toEqual([
      ['Long Tân', 2, 4, 2, 2, 2, 22],
      ['Lộc An', 1, 1, 1, 0, 1, 6],
      ['(không gắn xã)', 1, 1, 1, 0, 0, 3],
    ]);
    expect(body.rows[2].key).toBeNull();
    // 2 + 1 + 1 reportages in the rows, 3 in the total: R2 is in Long Tân and in Lộc An.
    expect(figures(body.total)).toEqual(TOTAL);
  });

  it('by local month', async () => {
    const body = await airings('groupBy=month');
    expect(body.rows.map((r: Body) => r.key)).toEqual(['2024-03', '2024-04']);
    expect(table(body)).toEqual([
      ['Tháng 03/2024', 2, 3, 2, 1, 1, 14],
      ['Tháng 04/2024', 2, 2, 1, 1, 1, 11],
    ]);
    expect(figures(body.total)).toEqual(TOTAL);
  });

  it('by reporter, an empty one as "(không rõ)"', async () => {
    const body = await airings('groupBy=reporter');
    expect(table(body)).toEqual([
      ['Nguyễn Thị Lan', 1, 3, 1, 2, 1, 16],
      ['Trần Minh Tuấn', 1, 1, 1, 0, 1, 6],
      ['(không rõ)', 1, 1, 1, 0, 0, 3],
    ]);
    expect(figures(body.total)).toEqual(TOTAL);
  });

  it('one segment only', async () => {
    const body = await airings('groupBy=field&segmentId=1');
    expect(figures(body.total)).toEqual([2, 4, 2, 2, 2, 22]);
    expect(body.segmentId).toBe(1);
  });

  it.each([
    // The day starts at local midnight: 00:01 on the first day is in, 23:59 the day before is out.
    ['2024-03-01', '2024-03-01', [1, 1, 1, 0, 0, 5]],
    ['2024-02-29', '2024-02-29', [1, 1, 0, 1, 0, 5]],
    ['2024-04-30', '2024-04-30', [1, 1, 1, 0, 0, 4]],
    ['2024-05-01', '2024-05-01', [1, 1, 1, 0, 0, 5]],
    ['2024-05-02', '2024-12-31', [0, 0, 0, 0, 0, 0]],
  ])('cuts the period at local midnight: %s – %s', async (from, to, expected) => {
    const res = await t.http.get(`/api/reports/airings?from=${from}&to=${to}&groupBy=month`).expect(200);
    expect(figures(res.body.total)).toEqual(expected);
  });

  it('refuses a period that ends before it starts, and an unknown grouping', async () => {
    const late = await t.http
      .get('/api/reports/airings?from=2024-05-01&to=2024-04-01&groupBy=month')
      .expect(422);
    expectErrorShape(late.body, 422, 'INVALID_PERIOD');
    const bad = await t.http.get(`/api/reports/airings?${PERIOD}&groupBy=zone`).expect(400);
    expectErrorShape(bad.body, 400, 'VALIDATION_FAILED');
    const noDate = await t.http.get('/api/reports/exemplars?from=2024-02-30&to=2024-04-01').expect(400);
    expectErrorShape(noDate.body, 400, 'VALIDATION_FAILED');
  });

  it('as CSV that Excel opens: BOM, Vietnamese headings, quoted cells, CRLF, a total row, an ASCII file name', async () => {
    const res = await t.http
      .get(`/api/reports/airings?${PERIOD}&groupBy=segment&format=csv`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="bao-cao-phat-song-theo-segment-2024-03-01-2024-04-30.csv"',
    );
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(
      [
        'Chuyên mục,Số phóng sự đã phát,Lượt phát,Phát lần đầu,Phát lại,Phát dở,Số phút',
        'Bản tin nông thôn,1,1,1,0,0,3',
        '"Chuyên mục <mới>, ""khác"" & lạ",0,0,0,0,0,0',
        'Hoa giữa đời thường,2,4,2,2,2,22',
        'Tổng cộng,3,5,3,2,2,25',
        '',
      ].join('\r\n'),
    );
  });

  it('as a printable page: the centre, the period in dd/MM/yyyy, Vietnamese headings, escaped text', async () => {
    const res = await t.http.get(`/api/reports/airings?${PERIOD}&groupBy=segment&format=html`).expect(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = res.text;
    expect(html).toContain('TRUNG TÂM VH-TT&amp;TT HUYỆN ĐẤT ĐỎ');
    expect(html).toContain('Kỳ báo cáo: từ ngày 01/03/2024 đến ngày 30/04/2024');
    expect(html).toContain('<th>Số phóng sự đã phát</th>');
    expect(html).toContain('<td>Chuyên mục &lt;mới&gt;, &quot;khác&quot; &amp; lạ</td>');
    expect(html).not.toContain('<mới>');
    expect(html).toContain('<tr class="total"><td>Tổng cộng</td><td class="n">3</td>');
  });

  describe('exemplars', () => {
    it('by level, kind, field and status, with reportages and airings, and the never-featured ones', async () => {
      const body = (await t.http.get(`/api/reports/exemplars?${PERIOD}`).expect(200)).body as Body;
      expect(
        body.groups.map((g: Body) => [
          g.levelLabel,
          g.kindLabel,
          g.field,
          g.statusLabel,
          g.exemplars,
          g.featured,
          g.neverFeatured,
          g.reportages,
          g.airings,
        ]),
      ).toEqual([
        ['Huyện', 'Cá nhân', 'Nhà tình thương', 'Đăng ký', 1, 1, 0, 1, 1],
        ['Xã', 'Cá nhân', 'Môi trường xanh – sạch – đẹp', 'Đăng ký', 1, 0, 1, 1, 0],
        ['Cơ sở', 'Tập thể', 'Môi trường xanh – sạch – đẹp', 'Được công nhận', 1, 0, 1, 0, 0],
        // E1 and E6 share R1: one reportage, its three airings, counted once for the group.
        ['Cơ sở', 'Tập thể', 'Môi trường xanh – sạch – đẹp', 'Được khen thưởng', 2, 2, 0, 1, 3],
        ['Cơ sở', 'Tập thể', 'Học bổng cho học sinh nghèo', 'Đăng ký', 1, 1, 0, 1, 1],
      ]);
      expect(body.total).toEqual({ exemplars: 6, featured: 4, neverFeatured: 2, reportages: 4, airings: 5 });
      expect(
        body.neverFeatured.map((e: Body) => [e.name, e.reportages, e.reportagesAired, e.airings]),
      ).toEqual([
        ['Tổ tự quản ấp Tân Hòa', 0, 0, 0],
        // Its reportage only aired in part within the period, and in full the day after.
        ['Trần Văn Hùng', 1, 0, 0],
      ]);
      const e1 = body.exemplars.find((e: Body) => e.name.startsWith('Chi hội'));
      expect(e1).toMatchObject({ reportages: 1, reportagesAired: 1, airings: 3, place: 'Ấp Tân Hòa' });
    });

    it('a period with no airing leaves every exemplar never featured', async () => {
      const body = (await t.http.get('/api/reports/exemplars?from=2023-01-01&to=2023-12-31').expect(200))
        .body;
      expect(body.total).toEqual({ exemplars: 6, featured: 0, neverFeatured: 6, reportages: 4, airings: 0 });
      expect(body.neverFeatured).toHaveLength(6);
    });

    it('as CSV, one exemplar a row with "Đã giới thiệu"; as a printable page with the never-featured list', async () => {
      const csv = await t.http.get(`/api/reports/exemplars?${PERIOD}&format=csv`).expect(200);
      expect(csv.headers['content-disposition']).toBe(
        'attachment; filename="bao-cao-dien-hinh-2024-03-01-2024-04-30.csv"',
      );
      const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n');
      expect(lines[0]).toBe(
        'Mã,Tên điển hình,Cấp,Loại,Lĩnh vực,Tình trạng,Địa bàn,Năm đăng ký,Đã giới thiệu,Số phóng sự,Phóng sự đã phát,Lượt phát',
      );
      expect(lines).toContain(
        '1,"Chi hội Phụ nữ ấp Tân Hòa, Long Tân",Cơ sở,Tập thể,Môi trường xanh – sạch – đẹp,Được khen thưởng,Ấp Tân Hòa,,Có,1,1,3',
      );
      expect(lines).toContain(
        '3,"Hội Nông dân ""Tiếp sức""",Cơ sở,Tập thể,Học bổng cho học sinh nghèo,Đăng ký,Ấp Tân Hòa,,Có,1,1,1',
      );
      expect(lines).toContain(
        '5,Tổ tự quản ấp Tân Hòa,Cơ sở,Tập thể,Môi trường xanh – sạch – đẹp,Được công nhận,Ấp Tân Hòa,,Chưa,0,0,0',
      );
      expect(lines).toHaveLength(6 + 2);

      const html = (await t.http.get(`/api/reports/exemplars?${PERIOD}&format=html`).expect(200)).text;
      expect(html).toContain('Kỳ báo cáo: từ ngày 01/03/2024 đến ngày 30/04/2024');
      expect(html).toContain('<caption>Điển hình chưa được giới thiệu trong kỳ</caption>');
      expect(html).toContain('<td>Trần Văn Hùng</td>');
      expect(html).not.toContain('Hội Nông dân'); // featured: in the table above, not in the list
    });
  });
});

describe('the demo data: five years of the column', () => {
  let dir: string;
  let database: TestDatabase;
  let t: TestApp;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'truyenthanh-demo-'));
    database = await openTestDatabase(dir, { DATABASE_PATH: join(dir, 'db.sqlite') });
    const env = { ...database.env, MEDIA_DIR: join(dir, 'media') };
    // As a developer's shell may hold them after a first start: the seed must not see them.
    const saved = { ADMIN_USERNAME: process.env.ADMIN_USERNAME, ADMIN_PASSWORD: process.env.ADMIN_PASSWORD };
    Object.assign(process.env, { ADMIN_USERNAME: 'quantri-cua-may', ADMIN_PASSWORD: 'mat-khau-cua-may-nay' });
    try {
      await runCli('seed-demo', [], env);
    } finally {
      for (const [name, value] of Object.entries(saved))
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
    }
    t = await createTestApp(database.env);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await database?.release();
    rmSync(dir, { recursive: true, force: true });
  });

  const FIVE_YEARS = 'from=2017-07-01&to=2022-06-30';

  it('is seeded whatever the calling shell holds: the admin of the test exists, that of the shell does not', async () => {
    await t.anon
      .post('/api/auth/login')
      .send({ username: 'quantri-cua-may', password: 'mat-khau-cua-may-nay' })
      .expect(401);
    const users = (await t.http.get('/api/users?pageSize=100').expect(200)).body.items as Body[];
    expect(users.map((u) => u.username)).not.toContain('quantri-cua-may');
  });

  it('shows 189 reportages aired in the column, each aired first once, in well under a second', async () => {
    const started = performance.now();
    const body = (await t.http.get(`/api/reports/airings?${FIVE_YEARS}&groupBy=segment`).expect(200)).body;
    expect(performance.now() - started).toBeLessThan(1000);
    const column = body.rows.find((r: Body) => r.label === 'Hoa giữa đời thường');
    expect(column).toMatchObject({ reportages: 189, firstAirings: 189 });
    expect(column.reAirs).toBeGreaterThan(0);
    expect(body.total.reportages).toBe(189);
  });

  it('splits the 189 over the nine fields, first airings summing to 189', async () => {
    const body = (
      await t.http.get(`/api/reports/airings?${FIVE_YEARS}&groupBy=field&segmentId=1`).expect(200)
    ).body;
    expect(body.rows).toHaveLength(9);
    expect(body.rows.every((r: Body) => r.reportages > 0)).toBe(true);
    const sum = (key: string) => body.rows.reduce((n: number, r: Body) => n + r[key], 0);
    expect(sum('firstAirings')).toBe(189);
    expect(sum('reportages')).toBe(189);
    expect(sum('reAirs')).toBe(body.total.reAirs);
  });

  it('answers every grouping and the exemplars report over five years in well under a second', async () => {
    for (const groupBy of ['segment', 'field', 'place', 'month', 'reporter']) {
      const started = performance.now();
      const body = (await t.http.get(`/api/reports/airings?${FIVE_YEARS}&groupBy=${groupBy}`).expect(200))
        .body;
      expect({ groupBy, fast: performance.now() - started < 1000 }).toEqual({ groupBy, fast: true });
      expect(body.total.reportages).toBe(189);
    }
    const months = (await t.http.get(`/api/reports/airings?${FIVE_YEARS}&groupBy=month`).expect(200)).body;
    expect(months.rows).toHaveLength(60);
    const started = performance.now();
    const exemplars = (await t.http.get(`/api/reports/exemplars?${FIVE_YEARS}`).expect(200)).body;
    expect(performance.now() - started).toBeLessThan(1000);
    // The demo's last four exemplars are registered but never featured.
    expect(exemplars.total).toMatchObject({ exemplars: 36, featured: 32, neverFeatured: 4 });
    expect(exemplars.neverFeatured).toHaveLength(4);
  });
});
