import { IMPORT_COLUMNS } from '../../src/catalog/reportages/reportage-import.service.js';
import { createApp } from '../../src/bootstrap.js';
import { Database } from '../../src/database/database.service.js';
import { createTestApp, expectErrorShape, type TestApp } from '../helpers/test-app.js';

type Body = Record<string, any>;
type Row = Partial<Record<(typeof IMPORT_COLUMNS)[number], string>>;

const HEADER = IMPORT_COLUMNS.join(',');
const cell = (value = '') => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
/** A CSV file in the template's column order; `bom` and CRLF line ends as Excel writes them. */
const csv = (rows: Row[], { bom = false, eol = '\n' } = {}) =>
  `${bom ? '\uFEFF' : ''}${[HEADER, ...rows.map((r) => IMPORT_COLUMNS.map((c) => cell(r[c])).join(','))].join(eol)}${eol}`;

/** Importing the archive of old reportages (kho phóng sự cũ) from CSV. */
describe('reportage import from CSV', () => {
  let t: TestApp;
  const ids: Record<string, number> = {};

  const post = async (url: string, body: object) =>
    (await t.http.post(url).send(body).expect(201)).body as Body;
  const upload = (content: string | Buffer, dryRun: boolean) =>
    t.http.post(`/api/reportages/import?dryRun=${dryRun}`).attach('file', Buffer.from(content), 'kho.csv');
  const total = async () => (await t.http.get('/api/reportages').expect(200)).body.total as number;

  /** Four valid rows exercising every way of writing a value. */
  const validRows = (): Row[] => [
    {
      title: 'Ngôi nhà tình thương cho má Sáu',
      segment: 'hoa giua doi thuong',
      summary: 'Cựu chiến binh góp công, góp sức xây nhà.',
      script: 'Lời dẫn: …\nPhỏng vấn: "má Sáu"',
      field: 'NHÀ TÌNH THƯƠNG',
      exemplars: 'hoi cuu chien binh xa loc an; Doan Thanh nien Long My',
      places: `loc an;#${ids.village}`,
      reporter: 'Lê Quốc Bảo',
      recordedOn: '15/03/2019',
      tags: '05; nhà tình thương',
      validFrom: '2019-04-01',
      validUntil: '31/12/2019',
      status: 'archived',
    },
    {
      title: 'Tuyến đường hoa, Long Mỹ',
      segment: '#1',
      field: `#${ids.environment}`,
      exemplars: `#${ids.youth}`,
      places: 'Long Mỹ',
      recordedOn: '5/3/2020',
      status: 'draft',
    },
    { title: 'Phóng sự chỉ có tiêu đề', segment: 'hoa-giua-doi-thuong' },
    { title: 'Mùa xuân trên quê hương'.normalize('NFD'), segment: '#1', status: 'Lưu trữ' },
  ];

  beforeAll(async () => {
    t = await createTestApp();
    ids.province = (await post('/api/places', { name: 'Bà Rịa – Vũng Tàu', level: 'province' })).id;
    const commune = async (name: string) =>
      (await post('/api/places', { name, level: 'commune', parentId: ids.province })).id as number;
    ids.locAn = await commune('Lộc An');
    ids.longMy = await commune('Long Mỹ');
    ids.village = (
      await post('/api/places', { name: 'Ấp An Hải', level: 'village', parentId: ids.locAn })
    ).id;
    const exemplar = async (name: string, kind = 'collective') =>
      (await post('/api/exemplars', { name, kind, level: 'commune' })).id as number;
    ids.veterans = await exemplar('Hội Cựu chiến binh xã Lộc An');
    ids.youth = await exemplar('Đoàn Thanh niên Long Mỹ');
    ids.hung1 = await exemplar('Nguyễn Văn Hùng', 'individual');
    ids.hung2 = await exemplar('Nguyễn Văn Hùng', 'individual');
    const fields = (await t.http.get('/api/fields?pageSize=100').expect(200)).body.items as Body[];
    ids.environment = fields.find((f) => f.name === 'Môi trường xanh – sạch – đẹp')!.id;
    ids.charity = fields.find((f) => f.name === 'Nhà tình thương')!.id;
  });
  afterAll(async () => {
    await t.close();
  });

  describe('valid files', () => {
    it.each([
      ['with a BOM and CRLF line ends (Excel)', { bom: true, eol: '\r\n' }],
      ['without a BOM', {}],
    ])('checks a valid UTF-8 file %s on a dry run and writes nothing', async (_name, options) => {
      const before = await total();
      const res = await upload(csv(validRows(), options), true).expect(200);
      expect(res.body).toEqual({ dryRun: true, rows: 4, created: 0, ids: [] });
      expect(await total()).toBe(before);
    });

    it('imports every row, resolving names without diacritics, #ids, slugs, both date forms and lists', async () => {
      const before = await total();
      const res = await upload(csv(validRows()), false).expect(200);
      expect(res.body).toEqual({ dryRun: false, rows: 4, created: 4, ids: expect.any(Array) });
      expect(await total()).toBe(before + 4);
      const [cvb, road, bare, spring] = await Promise.all(
        res.body.ids.map(async (id: number) => (await t.http.get(`/api/reportages/${id}`).expect(200)).body),
      );
      expect(cvb).toMatchObject({
        title: 'Ngôi nhà tình thương cho má Sáu',
        segment: { id: 1 },
        summary: 'Cựu chiến binh góp công, góp sức xây nhà.',
        script: 'Lời dẫn: …\nPhỏng vấn: "má Sáu"',
        field: { id: ids.charity },
        exemplars: [{ id: ids.veterans }, { id: ids.youth }],
        places: [{ id: ids.locAn }, { id: ids.village }],
        reporter: 'Lê Quốc Bảo',
        recordedOn: '2019-03-15',
        tags: ['05', 'nhà tình thương'],
        validFrom: '2019-04-01',
        validUntil: '2019-12-31',
        status: 'archived',
      });
      expect(road).toMatchObject({
        title: 'Tuyến đường hoa, Long Mỹ',
        field: { id: ids.environment },
        exemplars: [{ id: ids.youth }],
        places: [{ id: ids.longMy }],
        recordedOn: '2020-03-05',
        status: 'draft',
      });
      expect(bare).toMatchObject({
        segment: { id: 1 },
        status: 'draft',
        exemplars: [],
        tags: [],
        summary: null,
      });
      expect(spring).toMatchObject({ title: 'Mùa xuân trên quê hương'.normalize('NFC'), status: 'archived' });
    });

    it('records the import as the first and only history entry and makes the rows searchable', async () => {
      const { ids: created } = (await upload(csv(validRows()), false).expect(200)).body;
      const statuses = ['archived', 'draft', 'draft', 'archived'];
      for (const [i, id] of (created as number[]).entries()) {
        const history = (await t.http.get(`/api/reportages/${id}/history`).expect(200)).body;
        expect(history).toEqual([
          expect.objectContaining({
            action: 'import',
            fromStatus: null,
            toStatus: statuses[i],
            reason: null,
          }),
        ]);
      }
      const found = (await t.http.get('/api/reportages?q=ma%20sau&pageSize=100').expect(200)).body;
      expect(found.items.map((r: Body) => r.id)).toContain(created[0]);
    });
  });

  describe('rows with errors', () => {
    const faulty = (): Row[] => [
      { title: 'Dòng đúng', segment: '#1' },
      { title: '', segment: 'Chuyên mục không có', recordedOn: '31/02/2020', status: 'approved' },
      { title: 'Sai điển hình', segment: '#1', exemplars: 'Không Có Ai', places: '#9999' },
      { title: 'Sai khoảng phát', segment: '#1', validFrom: '01/05/2020', validUntil: '2020-04-01' },
      { title: 'Trùng tên', segment: '#1', exemplars: 'nguyen van hung' },
      { title: 'Cũng đúng', segment: '#1' },
    ];

    it.each([[false], [true]])(
      'reports every error by row (header = 1) and CSV column, and writes no row at all (dryRun=%s)',
      async (dryRun) => {
        const before = await total();
        const res = await upload(csv(faulty()), dryRun).expect(422);
        expectErrorShape(res.body, 422, 'IMPORT_INVALID');
        const cells = res.body.details.map((d: Body) => `${d.row}:${d.field}`).sort();
        expect(cells).toEqual([
          '3:recordedOn',
          '3:segment',
          '3:status',
          '3:title',
          '4:exemplars',
          '4:places',
          '5:validUntil',
          '6:exemplars',
        ]);
        for (const detail of res.body.details) expect(detail.message).toEqual(expect.any(String));
        const ambiguous = res.body.details.find((d: Body) => d.row === 6);
        expect(ambiguous.message).toContain(`#${ids.hung1}`);
        expect(await total()).toBe(before);
      },
    );

    it.each(['approved', 'submitted', 'rejected', 'đã duyệt'])(
      'refuses to import a row with status %j: only draft or archived',
      async (status) => {
        const res = await upload(csv([{ title: 'Đã duyệt rồi', segment: '#1', status }]), true).expect(422);
        expectErrorShape(res.body, 422, 'IMPORT_INVALID');
        expect(res.body.details).toEqual([
          expect.objectContaining({ row: 2, field: 'status', code: 'isIn' }),
        ]);
      },
    );
  });

  describe('files that cannot be read', () => {
    it.each([
      ['an unknown column', `${HEADER},colour\nA,#1,,,,,,,,,,,,red\n`, [['colour', 'unknownColumn']]],
      ['a missing required column', 'title,summary\nA,B\n', [['segment', 'missingColumn']]],
      ['a repeated column', 'title,segment,title\nA,#1,B\n', [['title', 'duplicateColumn']]],
    ])('refuses a header with %s: 422 CSV_COLUMNS on row 1', async (_name, content, expected) => {
      const res = await upload(content, true).expect(422);
      expectErrorShape(res.body, 422, 'CSV_COLUMNS');
      expect(res.body.details.map((d: Body) => [d.field, d.code])).toEqual(expected);
      expect(res.body.details.every((d: Body) => d.row === 1)).toBe(true);
    });

    it.each([
      ['an empty file', '', 'CSV_EMPTY'],
      ['a header without rows', `\uFEFF${HEADER}\r\n`, 'CSV_EMPTY'],
      ['a row with more cells than the header', 'title,segment\nA,#1,extra\n', 'CSV_UNREADABLE'],
      [
        'a file not in UTF-8 (Windows-1258)',
        Buffer.from('title,segment\nPh\xe1t thanh,#1\n', 'latin1'),
        'CSV_ENCODING',
      ],
    ])('refuses %s with 400 and writes nothing', async (_name, content, code) => {
      const before = await total();
      expectErrorShape((await upload(content, false).expect(400)).body, 400, code);
      expect(await total()).toBe(before);
    });

    it.each([
      ['no body at all', () => t.http.post('/api/reportages/import')],
      ['a form without the file', () => t.http.post('/api/reportages/import').field('dryRun', 'true')],
    ])('refuses a request with %s: 400 FILE_REQUIRED', async (_name, request) => {
      expectErrorShape((await request().expect(400)).body, 400, 'FILE_REQUIRED');
    });

    it('refuses a file sent under another field name with 400', async () => {
      const res = await t.http
        .post('/api/reportages/import')
        .attach('upload', Buffer.from(csv(validRows())), 'kho.csv')
        .expect(400);
      expectErrorShape(res.body, 400);
    });

    it('refuses a dryRun that is neither true nor false', async () => {
      const res = await t.http
        .post('/api/reportages/import?dryRun=maybe')
        .attach('file', Buffer.from(csv(validRows())), 'kho.csv')
        .expect(400);
      expectErrorShape(res.body, 400, 'VALIDATION_FAILED');
    });
  });

  describe('large imports, written in chunks: all or nothing', () => {
    /** SQL on the service's own database, through its write queue. */
    const sql = (text: string, params: unknown[] = []) =>
      t.app.get(Database).transaction((m) => m.query(text, params)) as Promise<Body[]>;
    const postgres = () => t.app.get(Database).postgres;
    /** More rows than one write chunk holds; row `k` (from 1) says its number in words search can find. */
    const many = (n: number, last: Row = {}, code = 'kx'): Row[] =>
      Array.from({ length: n }, (_, i) => ({
        title: `Phóng sự lưu trữ thứ ${i + 1} về Đồng Khởi`,
        segment: '#1',
        summary: `Kho cũ số hiệu ${code}${i + 1}, hợp tác xã nuôi ong`,
        status: 'archived',
        ...(i === n - 1 ? last : {}),
      }));
    const searchIds = async (q: string) =>
      (
        (await t.http.get(`/api/reportages?q=${encodeURIComponent(q)}&pageSize=100`).expect(200)).body
          .items as Body[]
      ).map((r) => r.id as number);
    const count = async (where: string, params: unknown[] = []) =>
      Number((await sql(`SELECT COUNT(*) AS n FROM ${where}`, params))[0].n);
    /** Every reportage stored (the list's total stops counting at 1,000). */
    const stored = () => count('reportages');

    it('writes more rows than one chunk and search finds them by folded words, the exemplars and places included', async () => {
      const before = await stored();
      const rows = many(1234, { exemplars: 'Hội Cựu chiến binh xã Lộc An', places: 'Long Mỹ' });
      const res = await upload(csv(rows), false).expect(200);
      expect(res.body).toMatchObject({ dryRun: false, rows: 1234, created: 1234 });
      const created = res.body.ids as number[];
      expect(new Set(created).size).toBe(1234);
      expect(await stored()).toBe(before + 1234);
      const first = (await t.http.get(`/api/reportages/${created[0]}`).expect(200)).body;
      expect(first).toMatchObject({ title: rows[0].title, status: 'archived', summary: rows[0].summary });
      const last = (await t.http.get(`/api/reportages/${created[1233]}`).expect(200)).body;
      expect(last).toMatchObject({
        title: rows[1233].title,
        exemplars: [{ id: ids.veterans }],
        places: [{ id: ids.longMy }],
      });
      expect(await searchIds('kx777')).toEqual([created[776]]);
      expect(await searchIds('KX1234 cuu chien binh loc an long my')).toEqual([created[1233]]);
      expect(await searchIds('dong khoi kx1000')).toEqual([created[999]]);
      // One audit entry for the whole import, and its rows' history says they were imported.
      const audit = (await t.http.get('/api/audit?entity=reportage&action=import&pageSize=1').expect(200))
        .body;
      expect(audit.items[0].changes.rows).toEqual({ to: 1234 });
      const history = (await t.http.get(`/api/reportages/${created[600]}/history`).expect(200)).body;
      expect(history).toEqual([expect.objectContaining({ action: 'import', toStatus: 'archived' })]);
    });

    it('leaves nothing of an import whose exemplar is deleted while its later chunks are written: 409', async () => {
      const before = await stored();
      const doomed = (
        await post('/api/exemplars', {
          name: 'Tổ hợp tác sắp giải thể',
          kind: 'collective',
          level: 'commune',
        })
      ).id as number;
      // The database deletes the exemplar just as the file's last row (in the third chunk) is written.
      if (postgres()) {
        await sql(`CREATE FUNCTION import_delete_exemplar() RETURNS trigger LANGUAGE plpgsql AS $$
                     BEGIN DELETE FROM exemplars WHERE id = ${doomed}; RETURN NEW; END $$`);
        await sql(`CREATE TRIGGER import_delete_exemplar BEFORE INSERT ON reportages FOR EACH ROW
                     WHEN (NEW.title = 'Dòng cuối') EXECUTE FUNCTION import_delete_exemplar()`);
      } else
        await sql(`CREATE TRIGGER import_delete_exemplar BEFORE INSERT ON reportages WHEN NEW.title = 'Dòng cuối'
                     BEGIN DELETE FROM exemplars WHERE id = ${doomed}; END`);
      try {
        const res = await upload(
          csv(many(1100, { title: 'Dòng cuối', exemplars: `#${doomed}` }, 'gone')),
          false,
        );
        expect(res.status).toBe(409);
        expectErrorShape(res.body, 409, 'IMPORT_REFERENCE_GONE');
      } finally {
        await sql('DROP TRIGGER import_delete_exemplar' + (postgres() ? ' ON reportages' : ''));
        if (postgres()) await sql('DROP FUNCTION import_delete_exemplar()');
      }
      expect(await stored()).toBe(before);
      const [failed] = await sql(`SELECT id, status FROM reportage_imports ORDER BY id DESC LIMIT 1`);
      expect(failed.status).toBe('failed');
      expect(await count('reportages WHERE import_id = ?', [failed.id])).toBe(0);
      expect(await searchIds('gone5')).toEqual([]);
    });

    it('leaves nothing of an import when the disk fills up part-way: 507', async () => {
      const before = await stored();
      const imports = await count('reportage_imports');
      let res: { status: number; body: Body };
      if (postgres()) {
        await sql(`CREATE FUNCTION import_disk_full() RETURNS trigger LANGUAGE plpgsql AS $$
                     BEGIN RAISE EXCEPTION 'could not extend file' USING ERRCODE = 'disk_full'; END $$`);
        await sql(`CREATE TRIGGER import_disk_full BEFORE INSERT ON reportages FOR EACH ROW
                     WHEN (NEW.title = 'Dòng cuối') EXECUTE FUNCTION import_disk_full()`);
        try {
          res = await upload(csv(many(1100, { title: 'Dòng cuối' }, 'full')), false);
        } finally {
          await sql('DROP TRIGGER import_disk_full ON reportages');
          await sql('DROP FUNCTION import_disk_full()');
        }
      } else {
        // SQLite refuses to grow the file past max_page_count (on the writing connection) as on a full
        // disk. The room grows until the import fails after some chunks were committed.
        const lastId = async () =>
          Number((await sql(`SELECT seq FROM sqlite_sequence WHERE name = 'reportages'`))[0].seq);
        for (let pages = 100; ; pages += 100) {
          const [{ page_count }] = await sql('PRAGMA page_count');
          await sql(`PRAGMA max_page_count = ${Number(page_count) + pages}`);
          const seq = await lastId();
          try {
            res = await upload(csv(many(2000, {}, 'full')), false);
          } finally {
            await sql('PRAGMA max_page_count = 1073741823');
          }
          expect(res.status).toBe(507);
          if ((await lastId()) >= seq + 500) break;
        }
      }
      expectErrorShape(res.body, 507, 'STORAGE_FULL');
      expect(await stored()).toBe(before);
      expect(await count('reportage_imports')).toBeGreaterThan(imports);
      expect(await count(`reportage_imports WHERE status <> 'done' AND status <> 'failed'`)).toBe(0);
      expect(
        await count(
          'reportages WHERE import_id IS NOT NULL AND import_id IN (SELECT id FROM reportage_imports WHERE status = ?)',
          ['failed'],
        ),
      ).toBe(0);
      expect(await searchIds('full5')).toEqual([]);
      // Writes work again.
      await upload(csv(validRows()), false).expect(200);
    });

    it('removes, when the service starts again, an import that a crash left half-written', async () => {
      const before = await stored();
      // What a process killed after its first chunk leaves: the import still running, its rows committed.
      const db = t.app.get(Database);
      const left = await db.transaction(async (m) => {
        await m.query(
          `INSERT INTO reportage_imports (status, row_count, user_id, username, heartbeat_ms) VALUES ('running', 1000, NULL, NULL, 0)`,
        );
        const [{ id }] = await m.query('SELECT MAX(id) AS id FROM reportage_imports');
        const written: number[] = [];
        for (let k = 1; k <= 3; k++) {
          await m.query(
            `INSERT INTO reportages (segment_id, title, title_folded, status, tags, import_id) VALUES (1, ?, ?, 'archived', '[]', ?)`,
            [`Nửa chừng ${k}`, `nua chung ${k}`, id],
          );
          const [row] = await m.query('SELECT MAX(id) AS id FROM reportages');
          written.push(Number(row.id));
          await m.query(`INSERT INTO reportage_search (rowid, title, body) VALUES (?, ?, 'kho do dang')`, [
            row.id,
            `nua chung ${k}`,
          ]);
          await m.query('INSERT INTO reportage_places (reportage_id, place_id) VALUES (?, ?)', [
            row.id,
            ids.locAn,
          ]);
          await m.query(
            `INSERT INTO reportage_status_changes (reportage_id, action, to_status) VALUES (?, 'import', 'archived')`,
            [row.id],
          );
        }
        return { importId: Number(id), ids: written };
      });
      expect(await stored()).toBe(before + 3);
      expect((await searchIds('nua chung')).sort((a, b) => a - b)).toEqual(left.ids);
      // The service starting again (a second instance on the same database, as after a restart).
      const restarted = await createApp(t.config);
      await restarted.init();
      await restarted.close();
      expect(await stored()).toBe(before);
      for (const id of left.ids) await t.http.get(`/api/reportages/${id}`).expect(404);
      expect(await searchIds('nua chung')).toEqual([]);
      const [row] = await sql('SELECT status FROM reportage_imports WHERE id = ?', [left.importId]);
      expect(row.status).toBe('failed');
    });
  });

  describe('template', () => {
    it('offers a CSV template with a BOM whose header is the import columns', async () => {
      const res = await t.http.get('/api/reportages/import/template.csv').expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".+\.csv"$/);
      expect(res.text.startsWith('\uFEFF')).toBe(true);
      expect(res.text.slice(1).split('\r\n')[0].split(',')).toEqual([...IMPORT_COLUMNS]);
    });

    it('imports the template cleanly on a dry run once the exemplar and place it names exist', async () => {
      const template = (await t.http.get('/api/reportages/import/template.csv').expect(200)).text;
      const missing = await upload(template, true).expect(422);
      expect(missing.body.details.map((d: Body) => `${d.row}:${d.field}`)).toEqual([
        '2:exemplars',
        '2:places',
      ]);
      await post('/api/exemplars', {
        name: 'Chi hội Phụ nữ ấp Phước Thạnh',
        kind: 'collective',
        level: 'grassroots',
      });
      await post('/api/places', { name: 'Phước Hải', level: 'commune', parentId: ids.province });
      const before = await total();
      const res = await upload(template, true).expect(200);
      expect(res.body).toEqual({ dryRun: true, rows: 1, created: 0, ids: [] });
      expect(await total()).toBe(before);
    });
  });
});
