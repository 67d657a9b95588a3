import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { freePort } from '../helpers/processes.js';
import {
  accessToken,
  createTestApp,
  expectErrorShape,
  TEST_ADMIN,
  TEST_PASSWORD,
  type TestApp,
} from '../helpers/test-app.js';

type Body = Record<string, any>;

/** The test app on a real port of its own: parallel requests, streams and Host headers as a browser sends them. */
async function listen(t: TestApp): Promise<string> {
  const server = t.app.getHttpServer();
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** How many answers had each status, e.g. `{ 401: 5, 429: 55 }`. */
const tally = (responses: request.Response[]) =>
  responses.reduce<Record<number, number>>((n, r) => ({ ...n, [r.status]: (n[r.status] ?? 0) + 1 }), {});

describe('the sign-in limit holds under parallel requests', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  /** All at once, in this order; the answers in the same order. */
  const burst = (base: string, attempts: { username: string; password: string }[]) =>
    Promise.all(attempts.map((body) => request(base).post('/api/auth/login').send(body)));

  const wrong = (username: string, n: number) =>
    Array.from({ length: n }, (_, i) => ({ username, password: `doan-sai-${i}` }));

  it.each([
    ['with Redis', false],
    ['with Redis unreachable (counted in the process)', true],
  ])(
    '%s: checks 5 of 60 parallel passwords for one account, the right one last refused with 429 and Retry-After',
    async (_, redisDown) => {
      t = await createTestApp(redisDown ? { REDIS_URL: `redis://127.0.0.1:${await freePort()}` } : {});
      const base = await listen(t);
      const { user } = await t.as(['editor'], 'bidoan');
      const answers = await burst(base, [
        ...wrong(user.username, 59),
        { username: user.username, password: TEST_PASSWORD },
      ]);
      expect(tally(answers)).toEqual({ 401: 5, 429: 55 });
      const last = answers.at(-1)!;
      expect(last.status).toBe(429);
      expectErrorShape(last.body, 429, 'TOO_MANY_ATTEMPTS');
      expect(last.body.message).toMatch(/Hãy thử lại sau \d+ giây/);
      const retryAfter = Number(last.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(last.body.retryAfterSeconds).toBe(retryAfter);
      // Still locked for the window, even for the right password.
      await request(base)
        .post('/api/auth/login')
        .send({ username: user.username, password: TEST_PASSWORD })
        .expect(429);
    },
  );

  it.each([
    ['with Redis', 30, false],
    ['with Redis unreachable', 20, true],
  ])('%s: answers 429 to all but 5 of %i parallel wrong passwords', async (_, n, redisDown) => {
    t = await createTestApp(redisDown ? { REDIS_URL: `redis://127.0.0.1:${await freePort()}` } : {});
    const base = await listen(t);
    expect(tally(await burst(base, wrong(TEST_ADMIN.username, n)))).toEqual({ 401: 5, 429: n - 5 });
  });

  it('counts one address across accounts, existing or not, in parallel too', async () => {
    t = await createTestApp();
    const base = await listen(t);
    const attempts = Array.from({ length: 20 }, (_, i) => ({ username: `khong-co-${i}`, password: 'sai' }));
    expect(tally(await burst(base, attempts))).toEqual({ 401: 5, 429: 15 });
  });

  it('does not count right passwords, nor let them wipe the failures before them', async () => {
    t = await createTestApp();
    const base = await listen(t);
    const { user } = await t.as(['editor'], 'gonho');
    const login = (password: string) =>
      request(base).post('/api/auth/login').send({ username: user.username, password });
    // Right passwords give their slot back: many sign-ins in a minute are no failures.
    for (let i = 0; i < 7; i++) await login(TEST_PASSWORD).expect(200);
    for (let i = 0; i < 4; i++) await login('sai-mat-khau').expect(401);
    await login(TEST_PASSWORD).expect(200);
    // The four failures are still counted: one more is allowed, then the account waits for the window.
    await login('sai-mat-khau').expect(401);
    expectErrorShape((await login(TEST_PASSWORD).expect(429)).body, 429, 'TOO_MANY_ATTEMPTS');
  });

  it('counts wrong current passwords of a password change against the same limit', async () => {
    t = await createTestApp();
    const base = await listen(t);
    const { user, token } = await t.as(['editor'], 'doimatkhau');
    const change = (currentPassword: string) =>
      request(base)
        .post('/api/auth/password')
        .set('Authorization', `Bearer ${token}`)
        .send({ currentPassword, newPassword: 'mot-mat-khau-moi-dai' });
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => change(`doan-sai-${i}`)));
    expect(tally(answers)).toEqual({ 422: 5, 429: 15 });
    const refused = answers.find((r) => r.status === 429)!;
    expectErrorShape(refused.body, 429, 'TOO_MANY_ATTEMPTS');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // The right password waits for the window too, and so does a sign-in to the same account.
    expectErrorShape((await change(TEST_PASSWORD).expect(429)).body, 429, 'TOO_MANY_ATTEMPTS');
    await request(base)
      .post('/api/auth/login')
      .send({ username: user.username, password: TEST_PASSWORD })
      .expect(429);
  });
});

describe('open event streams end with their session', () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp();
    base = await listen(t);
  });
  afterAll(() => t.close());

  /** `GET /api/events` held open with a bearer token; `ended` settles when the server ends it. */
  async function openStream(token: string) {
    const controller = new AbortController();
    const response = await fetch(`${base}/api/events`, {
      headers: { authorization: `Bearer ${token}` },
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    let text = '';
    const ended = (async () => {
      const decoder = new TextDecoder();
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>)
          text += decoder.decode(chunk);
        return 'ended by the server';
      } catch {
        return 'aborted by the test';
      }
    })();
    return {
      ended,
      text: () => text,
      /** 'ended by the server' when it ended within `ms`, else 'still open'. */
      within: async (ms: number) => {
        let timer: NodeJS.Timeout | undefined;
        const open = new Promise<string>((resolve) => (timer = setTimeout(() => resolve('still open'), ms)));
        try {
          return await Promise.race([ended, open]);
        } finally {
          clearTimeout(timer); // a pending timer would keep the Jest worker alive after the run
        }
      },
      close: async () => {
        controller.abort();
        await ended;
      },
    };
  }

  it.each([
    [
      'its account is disabled by an admin',
      async (who: Awaited<ReturnType<TestApp['as']>>) => {
        const { version } = (await t.http.get(`/api/users/${who.user.id}`).expect(200)).body;
        await t.http.patch(`/api/users/${who.user.id}`).send({ active: false, version }).expect(200);
      },
    ],
    [
      'it signs out',
      async (who: Awaited<ReturnType<TestApp['as']>>) => {
        await who.http.post('/api/auth/logout').expect(204);
      },
    ],
    [
      'its password is changed from another session',
      async (who: Awaited<ReturnType<TestApp['as']>>) => {
        const other = await accessToken(t.app.getHttpServer(), who.user.username, TEST_PASSWORD);
        await request(base)
          .post('/api/auth/password')
          .set('Authorization', `Bearer ${other}`)
          .send({ currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-moi-hoan-toan' })
          .expect(204);
      },
    ],
  ])('closes a stream within seconds when %s, and keeps the others open', async (_, endSession) => {
    const who = await t.as(['editor']);
    const mine = await openStream(who.token);
    const admins = await openStream(t.token);
    try {
      await endSession(who);
      expect(await mine.within(6000)).toBe('ended by the server');
      expect(mine.text()).toMatch(/event: session_ended/);
      expect(await admins.within(100)).toBe('still open');
      // Opening it again is refused: the session is over.
      await request(base).get('/api/events').set('Authorization', `Bearer ${who.token}`).expect(401);
    } finally {
      await mine.close();
      await admins.close();
    }
  });
});

describe('cookie-signed writes from another site are refused', () => {
  let t: TestApp;
  let base: string;
  let cookie: string;
  let host: string;
  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_BASE_URL: 'https://truyenthanh.example.vn' });
    base = await listen(t);
    host = new URL(base).host;
    const res = await request(base).post('/api/auth/login').send(TEST_ADMIN).expect(200);
    const setCookies = res.headers['set-cookie'] as unknown as string[];
    cookie = setCookies.map((c) => c.split(';')[0]).join('; ');
  });
  afterAll(() => t.close());

  const reportage = async () =>
    (await t.http.post('/api/reportages').send({ segmentId: 1, title: 'Bài thử nguồn gốc' }).expect(201))
      .body as Body;
  /** Every write through the API leaves an audit entry (and queue actions a change of the queue). */
  const auditEntries = async () =>
    (await t.http.get('/api/audit?pageSize=1').expect(200)).body.total as number;

  type Write = (headers: Record<string, string>) => request.Test;
  const withHeaders = (test: request.Test, headers: Record<string, string>) => {
    for (const [name, value] of Object.entries(headers)) test.set(name, value);
    return test;
  };
  const writes: [string, () => Promise<Write>][] = [
    [
      'a JSON POST',
      async () => (h) =>
        withHeaders(request(base).post('/api/reportages').send({ segmentId: 1, title: 'Giả mạo' }), h),
    ],
    [
      'a PATCH',
      async () => {
        const { id, version } = await reportage();
        return (h) =>
          withHeaders(request(base).patch(`/api/reportages/${id}`).send({ version, title: 'Bị sửa' }), h);
      },
    ],
    [
      'a DELETE',
      async () => {
        const { id } = await reportage();
        return (h) => withHeaders(request(base).delete(`/api/reportages/${id}`), h);
      },
    ],
    [
      'a multipart upload',
      async () => {
        const { id } = await reportage();
        return (h) =>
          withHeaders(
            request(base)
              .post(`/api/reportages/${id}/audio`)
              .attach('file', Buffer.from('khong phai am thanh'), 'gia.wav'),
            h,
          );
      },
    ],
    [
      'a queue dashboard action',
      async () => (h) => withHeaders(request(base).put('/admin/queues/api/queues/resume'), h),
    ],
  ];

  describe.each(writes)('%s', (_, prepare) => {
    it.each([
      ['an Origin of another site', { Origin: 'https://ke-gia-mao.example' }],
      ['a sibling subdomain', { Origin: 'https://ke-la.truyenthanh.example.vn' }],
      ['Origin "null" (a sandboxed frame)', { Origin: 'null' }],
      ['no Origin but Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site' }],
    ])('is refused with %s: 403 in the error shape, nothing done', async (_, headers) => {
      const write = await prepare();
      const before = await auditEntries();
      const res = await write({ Cookie: cookie, ...headers }).expect(403);
      expectErrorShape(res.body, 403, 'CROSS_SITE_REQUEST');
      expect(res.body.message).toMatch(/trang web khác/);
      expect(await auditEntries()).toBe(before);
    });

    it.each([
      ['the Origin of the host it was sent to', () => ({ Origin: `http://${host}` })],
      ['the Origin of PUBLIC_BASE_URL', () => ({ Origin: 'https://truyenthanh.example.vn' })],
      ['Sec-Fetch-Site: same-origin and no Origin', () => ({ 'Sec-Fetch-Site': 'same-origin' })],
    ])('passes with %s', async (_, headers) => {
      const write = await prepare();
      const res = await write({ Cookie: cookie, ...headers() });
      expect(res.status).not.toBe(403);
      expect(res.status).toBeLessThan(500);
    });
  });

  it('leaves bearer-token requests alone, whatever their Origin', async () => {
    await request(base)
      .post('/api/reportages')
      .set('Authorization', `Bearer ${t.token}`)
      .set('Origin', 'https://ke-gia-mao.example')
      .send({ segmentId: 1, title: 'Từ một công cụ' })
      .expect(201);
  });

  it('leaves reads alone', async () => {
    await request(base)
      .get('/api/reportages')
      .set('Cookie', cookie)
      .set('Origin', 'https://ke-gia-mao.example')
      .expect(200);
  });
});
