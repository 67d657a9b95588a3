import { join } from 'node:path';
import { filesUnder } from '../helpers/files.js';
import { freePort, startRedis, stop, until } from '../helpers/processes.js';
import { createReportage, createTestApp, expectErrorShape, type TestApp } from '../helpers/test-app.js';

type Json = Record<string, any>;

/**
 * What a careless or hostile client may send through the public HTTP surface, and what it gets back:
 * a 4xx in the error shape, quickly, and nothing stored (issue 14, "Hostile input").
 */
describe('hostile input', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  describe('deeply nested JSON', () => {
    const signIn = (levels: number) =>
      `{"username":"a","password":"x","extra":${'['.repeat(levels)}${']'.repeat(levels)}}`;

    it.each([2_000, 400_000])(
      'refuses %d levels sent to the sign-in with 400 within milliseconds, before validation',
      async (levels) => {
        const body = signIn(levels);
        const started = performance.now();
        const res = await t.anon
          .post('/api/auth/login')
          .set('Content-Type', 'application/json')
          .send(body)
          .expect(400);
        const elapsed = performance.now() - started;
        expectErrorShape(res.body, 400, 'JSON_TOO_DEEP');
        expect(res.body.message).toMatch(/lồng nhau quá 32 tầng/);
        // Was 500 after ~1.4 s of a blocked event loop at 400,000 levels; the scan takes ~2 ms per MB.
        expect(elapsed).toBeLessThan(1000);
      },
    );

    it('keeps answering health checks while four such bodies arrive at once', async () => {
      const body = signIn(400_000);
      // `.then` sends a supertest request at once (it is lazy otherwise).
      const hostile = Array.from({ length: 4 }, () =>
        t.anon
          .post('/api/auth/login')
          .set('Content-Type', 'application/json')
          .send(body)
          .then((res) => res.status),
      );
      const started = performance.now();
      await t.anon.get('/api/health/live').expect(200);
      const live = performance.now() - started;
      expect(await Promise.all(hostile)).toEqual([400, 400, 400, 400]);
      // Was 2.5 s with four such bodies in flight.
      expect(live).toBeLessThan(1000);
    });

    it('still takes the nesting real bodies have, and brackets inside strings do not count', async () => {
      const exemplar = await t.http
        .post('/api/exemplars')
        .send({
          name: `Chi hội ${'['.repeat(100)} phụ nữ ${'{'.repeat(100)}`,
          kind: 'collective',
          level: 'commune',
          commendations: [
            {
              year: 2021,
              level: 'district',
              issuingBody: 'UBND huyện [Đất Đỏ]',
              form: 'certificate_of_merit',
            },
          ],
        })
        .expect(201);
      expect(exemplar.body.name).toContain('['.repeat(100));
    });
  });

  describe('numbers in paths and query strings', () => {
    const LISTS = [
      '/api/reportages',
      '/api/exemplars',
      '/api/places',
      '/api/zones',
      '/api/placements',
      '/api/audit',
    ];
    const BAD_PAGES: [string, string][] = [
      ['page', '461168601842738791'],
      ['page', '100001'],
      ['page', '0x10'],
      ['page', '1e3'],
      ['page', '2.0'],
      ['page', ' 2'],
      ['pageSize', '0x10'],
      ['pageSize', '1e1'],
    ];
    const cases = LISTS.flatMap((list) => BAD_PAGES.map(([name, value]) => [list, name, value] as const));

    it.each(cases)('%s refuses %s=%j with a validation error naming it', async (list, name, value) => {
      const res = await t.http
        .get(list)
        .query({ [name]: value })
        .expect(400);
      expectErrorShape(res.body, 400, 'VALIDATION_FAILED');
      expect(new Set(res.body.details.map((d: Json) => d.field))).toEqual(new Set([name]));
    });

    it.each(LISTS)('%s still takes page=2&pageSize=5 and the largest page', async (list) => {
      expect((await t.http.get(`${list}?page=2&pageSize=5`).expect(200)).body).toMatchObject({
        page: 2,
        pageSize: 5,
      });
      expect((await t.http.get(`${list}?page=100000`).expect(200)).body.items).toEqual([]);
    });

    it.each([
      ['/api/reportages', 'segmentId', '0x1'],
      ['/api/reportages', 'fieldId', '1e0'],
      ['/api/exemplars', 'placeId', '1.0'],
      ['/api/placements', 'zoneId', '+1'],
      ['/api/audit', 'userId', '0b1'],
    ])('%s refuses the id filter %s=%j, a number written another way', async (list, name, value) => {
      const res = await t.http
        .get(list)
        .query({ [name]: value })
        .expect(400);
      expectErrorShape(res.body, 400, 'VALIDATION_FAILED');
      expect(res.body.details.map((d: Json) => [d.field, d.code])).toContainEqual([name, 'isInt']);
    });

    const RECORDS = ['/api/reportages', '/api/exemplars', '/api/segments', '/api/zones', '/api/audio-assets'];
    const BAD_IDS = ['0', '-1', '0x10', '1e3', '1.0', '007', '9007199254740993', '99999999999999999999'];
    it.each(RECORDS.flatMap((base) => BAD_IDS.map((id) => [base, id] as const)))(
      '%s/%s is 400 INVALID_ID, not a lookup',
      async (base, id) => {
        expectErrorShape((await t.http.get(`${base}/${id}`).expect(400)).body, 400, 'INVALID_ID');
      },
    );

    it('still finds a record by its plain id, and says 404 for one that does not exist', async () => {
      await t.http.get('/api/segments/1').expect(200);
      expectErrorShape(
        (await t.http.get('/api/segments/9007199254740991').expect(404)).body,
        404,
        'NOT_FOUND',
      );
    });
  });

  describe('invisible and control characters in text', () => {
    const ONE_LINE: [string, Json, string][] = [
      ['/api/reportages', { segmentId: 1 }, 'title'],
      ['/api/exemplars', { kind: 'individual', level: 'commune' }, 'name'],
      ['/api/places', { level: 'province' }, 'name'],
      ['/api/zones', { kind: 'station' }, 'name'],
      ['/api/fields', {}, 'name'],
    ];
    const BAD: [string, string, RegExp][] = [
      ['\u200B', 'textInvisibleOnly', /chỉ gồm ký tự vô hình/],
      ['\u200B\u2060 \uFEFF\u3164', 'textInvisibleOnly', /chỉ gồm ký tự vô hình/],
      ['Tiêu\u0000đề', 'textControl', /ký tự điều khiển U\+0000/],
      ['Bài phát \u202Eexe.3pm', 'textControl', /ký tự điều khiển U\+202E/],
      ['Dòng một\r\nDòng hai', 'textLineBreak', /một dòng.*\(U\+000D\)/],
      ['Dòng một\nDòng hai', 'textLineBreak', /một dòng.*\(U\+000A\)/],
    ];

    it.each(
      ONE_LINE.flatMap(([url, rest, field]) =>
        BAD.map(([value, code, message]) => [url, field, value, code, message, rest] as const),
      ),
    )('%s refuses the %s %j (%s)', async (url, field, value, code, message, rest) => {
      const res = await t.http
        .post(url)
        .send({ ...rest, [field]: value })
        .expect(400);
      expectErrorShape(res.body, 400, 'VALIDATION_FAILED');
      expect(res.body.details).toContainEqual({ field, code, message: expect.stringMatching(message) });
      expect(res.body.message).toMatch(message);
    });

    it('stores a title in NFC without the invisible characters pasted around and inside it', async () => {
      const res = await t.http
        .post('/api/reportages')
        .send({
          segmentId: 1,
          title: '\uFEFF Hoa giữa\u200B đời thường\u200D '.normalize('NFD'),
          reporter: 'Nguyễn\u00AD Thị Lan',
          tags: ['\u200Bnông thôn mới'],
        })
        .expect(201);
      expect(res.body.title).toBe('Hoa giữa đời thường'.normalize('NFC'));
      expect(res.body.reporter).toBe('Nguyễn Thị Lan');
      expect(res.body.tags).toEqual(['nông thôn mới']);
      const found = await t.http.get('/api/reportages').query({ q: 'hoa giua doi thuong' }).expect(200);
      expect(found.body.items.map((r: Json) => r.id)).toContain(res.body.id);
    });

    it('lets multi-line texts keep line breaks and tabs, but not other controls', async () => {
      const summary = 'Đoạn một.\r\n\r\n\tĐoạn hai.';
      const res = await t.http
        .post('/api/reportages')
        .send({ segmentId: 1, title: 'Nhiều dòng', summary, script: 'Lời dẫn:\n\tXin chào.' })
        .expect(201);
      expect(res.body.summary).toBe(summary);
      const bad = await t.http
        .post('/api/reportages')
        .send({ segmentId: 1, title: 'Nhiều dòng', summary: 'Đoạn một.\n\u202EĐoạn hai.' })
        .expect(400);
      expect(bad.body.details).toContainEqual(
        expect.objectContaining({ field: 'summary', code: 'textControl' }),
      );
    });

    it('refuses a tag made of invisible characters or holding a line break', async () => {
      for (const tag of ['\u200B', 'a\nb']) {
        const res = await t.http
          .post('/api/reportages')
          .send({ segmentId: 1, title: 'Thẻ', tags: ['05', tag] })
          .expect(400);
        expect(res.body.details[0]).toMatchObject({ field: 'tags' });
      }
    });
  });

  describe('oversized requests and unexpected form fields', () => {
    it('answers a 20,000-character query with 431 in the error shape, and goes on serving', async () => {
      const res = await t.http.get(`/api/reportages?q=${'a'.repeat(20_000)}`).expect(431);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expectErrorShape(res.body, 431, 'HEADERS_TOO_LARGE');
      expect(res.body.message).toMatch(/dài quá 16 KB/);
      expect(res.headers['x-request-id']).toBe(res.body.requestId);
      await t.http.get('/api/reportages').expect(200);
    });

    it('answers headers past the limit (a bloated cookie) the same way', async () => {
      const res = await t.anon
        .get('/api/health/live')
        .set('Cookie', `x=${'b'.repeat(20_000)}`)
        .expect(431);
      expectErrorShape(res.body, 431, 'HEADERS_TOO_LARGE');
    });

    describe('audio upload', () => {
      let reportageId: number;
      const wav = Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1');

      beforeAll(async () => {
        reportageId = await createReportage(t.http, 'Phóng sự nhận tệp');
      });

      const nothingLeft = async () => {
        expect((await t.http.get(`/api/reportages/${reportageId}/audio`).expect(200)).body).toEqual([]);
        expect(filesUnder(join(t.dir, 'media'))).toEqual([]);
      };

      it('refuses a form field beside the file, by name, and keeps nothing', async () => {
        const res = await t.http
          .post(`/api/reportages/${reportageId}/audio`)
          .field('title', 'thử')
          .field('callback', 'http://ke-la.example/')
          .attach('file', wav, 'bai.wav')
          .expect(400);
        expectErrorShape(res.body, 400, 'UNEXPECTED_FIELD');
        expect(res.body.message).toBe(
          'Biểu mẫu chỉ nhận tệp âm thanh trong trường "file"; không nhận trường "title", "callback".',
        );
        await nothingLeft();
      });

      it('refuses a file under another field name, saying which field is expected', async () => {
        const res = await t.http
          .post(`/api/reportages/${reportageId}/audio`)
          .attach('audio', wav, 'bai.wav')
          .expect(400);
        expectErrorShape(res.body, 400, 'UNEXPECTED_FIELD');
        expect(res.body.message).toBe(
          'Hãy gửi tệp âm thanh trong trường "file"; biểu mẫu lại gửi tệp trong trường "audio".',
        );
        await nothingLeft();
      });
    });

    describe('CSV import', () => {
      const csv = Buffer.from('title,segment\nPhóng sự cũ,#1\n');

      it('refuses a file under another field name, saying which field is expected', async () => {
        const res = await t.http.post('/api/reportages/import').attach('upload', csv, 'kho.csv').expect(400);
        expectErrorShape(res.body, 400, 'UNEXPECTED_FIELD');
        expect(res.body.message).toBe(
          'Hãy gửi tệp CSV trong trường "file"; biểu mẫu lại gửi tệp trong trường "upload".',
        );
      });

      it('refuses two files, saying one CSV file in "file"', async () => {
        const res = await t.http
          .post('/api/reportages/import')
          .attach('file', csv, 'kho.csv')
          .attach('file', csv, 'kho-2.csv')
          .expect(400);
        expectErrorShape(res.body, 400, 'ONE_FILE_ONLY');
        expect(res.body.message).toBe('Mỗi lần chỉ gửi một tệp CSV, trong trường "file".');
      });

      it('still imports the file sent as expected', async () => {
        const res = await t.http
          .post('/api/reportages/import?dryRun=true')
          .attach('file', csv, 'kho.csv')
          .expect(200);
        expect(res.body).toMatchObject({ dryRun: true });
      });
    });
  });
});

describe('queue dashboard without Redis', () => {
  it('answers its API with 503 in the error shape when Redis is down from the start (it used to hang)', async () => {
    const t = await createTestApp({ REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      await t.http.get('/admin/queues').expect(200); // the page itself needs no Redis
      const res = await t.http.get('/admin/queues/api/queues').timeout(5_000).expect(503);
      expectErrorShape(res.body, 503, 'QUEUE_UNAVAILABLE');
      expect(res.body.message).toMatch(/Không kết nối được Redis/);
    } finally {
      await t.close();
    }
  });

  it('answers 503 in the error shape, not bull-board’s own 500, when Redis goes away', async () => {
    const port = await freePort();
    let redis = await startRedis(port);
    const t = await createTestApp({ REDIS_URL: `redis://127.0.0.1:${port}` });
    try {
      await t.http.get('/admin/queues/api/queues').expect(200);
      await stop(redis, 'SIGKILL');
      const res = await t.http.get('/admin/queues/api/queues').timeout(10_000).expect(503);
      expectErrorShape(res.body, 503, 'QUEUE_UNAVAILABLE');
      // Back before the app closes: BullMQ cannot close a producer connection (no offline queue)
      // while Redis is away, and it would go on reconnecting after the test.
      redis = await startRedis(port);
      await until(
        async () => (await t.http.get('/admin/queues/api/queues')).status === 200,
        20_000,
        'the dashboard to work again once Redis is back',
      );
    } finally {
      await t.close();
      await stop(redis);
    }
  });
});
