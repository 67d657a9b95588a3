import { join } from 'node:path';
import { createTestApp, expectErrorShape, type TestApp } from '../helpers/test-app.js';

describe('service foundation', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('reports every part healthy with ffmpeg and ffprobe versions', async () => {
    const res = await t.http.get('/api/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(Object.keys(res.body.details).sort()).toEqual(['database', 'ffmpeg', 'media', 'redis']);
    expect(res.body.details.ffmpeg.ffmpeg.version).toEqual(expect.any(String));
    expect(res.body.details.ffmpeg.ffprobe.path).toEqual(expect.any(String));
    // A note only about the slow npm build (see below); machines without Debian's ffmpeg fall back to it.
    if (res.body.details.ffmpeg.ffmpeg.source === 'system')
      expect(res.body.details.ffmpeg).not.toHaveProperty('note');
    expect(res.body.details.media.freeBytes).toBeGreaterThan(0);
  });

  it('answers the liveness probe with a constant body', async () => {
    await t.http.get('/api/health/live').expect(200, { status: 'ok' });
  });

  it('applied the first migration: the column and the fields of DOMAIN.md exist', async () => {
    const segments = await t.http.get('/api/segments').expect(200);
    expect(segments.body.items).toEqual([
      expect.objectContaining({
        name: 'Hoa giữa đời thường',
        slug: 'hoa-giua-doi-thuong',
        minDurationSeconds: 180,
      }),
    ]);
    const fields = await t.http.get('/api/fields?pageSize=100').expect(200);
    expect(fields.body.total).toBe(9);
    expect(fields.body.items.map((f: { name: string }) => f.name)).toContain('Xây dựng nông thôn mới');
  });

  it('answers an unknown route in the error shape, in Vietnamese', async () => {
    const res = await t.http.get('/api/khong-co').expect(404);
    expectErrorShape(res.body, 404, 'NOT_FOUND');
    expect(res.body.message).toContain('Không có địa chỉ');
  });

  it('echoes a sane X-Request-Id and puts it in error bodies', async () => {
    const res = await t.http.get('/api/segments/999').set('X-Request-Id', 'req-abc.1').expect(404);
    expect(res.headers['x-request-id']).toBe('req-abc.1');
    expect(res.body.requestId).toBe('req-abc.1');
  });

  it('refuses malformed JSON with a 400 in the error shape', async () => {
    const res = await t.http
      .post('/api/places')
      .set('Content-Type', 'application/json')
      .send('{"name": ')
      .expect(400);
    expectErrorShape(res.body, 400);
    expect(res.body.message).toContain('JSON');
  });

  it('refuses unknown fields and reports each problem per field', async () => {
    const res = await t.http
      .post('/api/places')
      .send({ name: '', level: 'planet', colour: 'red' })
      .expect(400);
    expectErrorShape(res.body, 400, 'VALIDATION_FAILED');
    const fields = res.body.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(['colour', 'level', 'name']);
    expect(res.body.details.find((d: { field: string }) => d.field === 'colour').message).toContain(
      'không được phép',
    );
  });

  it('refuses a page size over 100', async () => {
    const res = await t.http.get('/api/places?pageSize=101').expect(400);
    expect(res.body.details[0]).toMatchObject({ field: 'pageSize', code: 'max' });
  });

  it('refuses a non-numeric id with a 400', async () => {
    const res = await t.http.get('/api/places/abc').expect(400);
    expectErrorShape(res.body, 400, 'INVALID_ID');
  });

  it('documents every registered route in the OpenAPI document', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body;
    const documented = new Set<string>();
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, unknown>>))
      for (const method of Object.keys(ops))
        documented.add(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
    const router = t.app.getHttpAdapter().getInstance().router;
    const registered: string[] = [];
    for (const layer of router.stack) {
      const route = layer.route as { path: string; methods: Record<string, boolean> } | undefined;
      if (!route || !route.path.startsWith('/api/') || route.path.startsWith('/api/docs')) continue;
      for (const method of Object.keys(route.methods))
        registered.push(`${method.toUpperCase()} ${route.path}`);
    }
    expect(registered.length).toBeGreaterThan(30);
    expect(registered.filter((r) => !documented.has(r))).toEqual([]);
    for (const ops of Object.values(doc.paths as Record<string, Record<string, { summary?: string }>>))
      for (const op of Object.values(ops)) expect(op.summary).toEqual(expect.any(String));
  });

  it('serves the interactive documentation', async () => {
    const res = await t.http.get('/api/docs').expect(200);
    expect(res.text).toContain('swagger');
  });
});

/** Runs `work` while copying what is written to stdout (where Nest's logger writes) into `into`. */
async function whileCapturingStdout<T>(into: string[], work: () => Promise<T>): Promise<T> {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    into.push(String(chunk));
    return write(chunk, ...rest);
  }) as typeof process.stdout.write;
  try {
    return await work();
  } finally {
    process.stdout.write = write;
  }
}

describe('service foundation on the ffmpeg shipped through npm', () => {
  it('warns at start and shows in health that the npm build encodes about 3x slower', async () => {
    // Named through FFMPEG_PATH (so found "from env"): recognised by where it lives, not how it was found.
    const npm = {
      FFMPEG_PATH: join(process.cwd(), 'node_modules/@ffmpeg-installer/linux-x64/ffmpeg'),
      FFPROBE_PATH: join(process.cwd(), 'node_modules/@ffprobe-installer/linux-x64/ffprobe'),
    };
    const logged: string[] = [];
    const t = await whileCapturingStdout(logged, () => createTestApp({ ...npm, LOG_LEVEL: 'warn' }));
    try {
      expect(logged.join('')).toMatch(
        /WARN.*ffmpeg build shipped through npm.*3x slower.*apt-get install ffmpeg/,
      );
      const res = await t.http.get('/api/health').expect(200);
      expect(res.body.details.ffmpeg).toMatchObject({
        status: 'up',
        ffmpeg: { path: npm.FFMPEG_PATH, source: 'env', version: expect.stringMatching(/^N-/) },
        note: expect.stringContaining('apt-get install ffmpeg'),
      });
      expect(res.body.details.ffmpeg.note).toMatch(/chậm hơn khoảng 3 lần/);
    } finally {
      await t.close();
    }
  });
});

describe('service foundation without Redis', () => {
  it('still serves the catalog but reports Redis down with 503 and details', async () => {
    const t = await createTestApp({ REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      await t.http.get('/api/segments').expect(200);
      const res = await t.http.get('/api/health').expect(503);
      expectErrorShape(res.body, 503, 'UNHEALTHY');
      expect(res.body.message).toContain('Redis');
      expect(res.body.health.error.redis.status).toBe('down');
      expect(res.body.health.info.database.status).toBe('up');
    } finally {
      await t.close();
    }
  });
});
