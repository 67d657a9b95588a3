import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApp } from '../../src/bootstrap.js';
import { runCli } from '../helpers/processes.js';
import { databaseEnv, openTestDatabase } from '../helpers/test-database.js';
import {
  createTestApp,
  expectErrorShape,
  signIn,
  TEST_ADMIN,
  TEST_PASSWORD,
  testConfig,
  type TestApp,
} from '../helpers/test-app.js';
import { TestClock } from '../helpers/test-clock.js';

type Body = Record<string, any>;

/** The cookies a response sets, by name, with their attributes. */
function cookiesOf(res: request.Response): Record<string, string> {
  const header = res.headers['set-cookie'] as unknown as string[] | undefined;
  return Object.fromEntries((header ?? []).map((c) => [c.split('=')[0], c]));
}

describe('accounts and sign-in', () => {
  let t: TestApp;
  beforeAll(async () => {
    // These tests fail sign-ins on purpose from one address; the limit itself is tested below.
    t = await createTestApp({ LOGIN_MAX_FAILURES: '100' });
  });
  afterAll(() => t.close());

  const login = (username: string, password: string) =>
    t.anon.post('/api/auth/login').send({ username, password });

  describe('signing in', () => {
    it('answers a token for scripts and sets HTTP-only SameSite cookies for browsers', async () => {
      const res = await login(TEST_ADMIN.username, TEST_ADMIN.password).expect(200);
      expect(res.body).toMatchObject({
        accessToken: expect.any(String),
        tokenType: 'Bearer',
        expiresIn: 900,
        user: { username: TEST_ADMIN.username, roles: ['admin'], mustChangePassword: false },
      });
      expect(res.body).not.toHaveProperty('refreshToken');
      const cookies = cookiesOf(res);
      for (const name of ['tt_access', 'tt_session']) {
        expect(cookies[name]).toMatch(/HttpOnly/);
        expect(cookies[name]).toMatch(/SameSite=Strict/);
      }
      expect(cookies.tt_session).toMatch(/Path=\/api\/auth/);

      const bearer = await t.anon
        .get('/api/auth/me')
        .set('Authorization', `Bearer ${res.body.accessToken}`)
        .expect(200);
      expect(bearer.body).toMatchObject({ username: TEST_ADMIN.username, roles: ['admin'] });
      const access = cookies.tt_access.split(';')[0];
      await t.anon.get('/api/auth/me').set('Cookie', access).expect(200);
    });

    it('turns the session cookie into a new access token', async () => {
      const res = await login(TEST_ADMIN.username, TEST_ADMIN.password).expect(200);
      const session = cookiesOf(res).tt_session.split(';')[0];
      const refreshed = await t.anon.post('/api/auth/refresh').set('Cookie', session).expect(200);
      await t.anon
        .get('/api/reportages')
        .set('Authorization', `Bearer ${refreshed.body.accessToken}`)
        .expect(200);
      expectErrorShape((await t.anon.post('/api/auth/refresh').expect(401)).body, 401, 'UNAUTHORIZED');
    });

    it('answers a wrong password and an unknown account the same way', async () => {
      const wrong = await login(TEST_ADMIN.username, 'khong-phai-mat-khau').expect(401);
      const nobody = await login('khong-co-ai', 'khong-phai-mat-khau').expect(401);
      expectErrorShape(wrong.body, 401, 'INVALID_CREDENTIALS');
      const { requestId: _a, ...a } = wrong.body;
      const { requestId: _b, ...b } = nobody.body;
      expect(a).toEqual(b);
    });

    it.each([
      ['no token', undefined, 'UNAUTHORIZED'],
      ['a token that is not one', 'Bearer abc.def.ghi', 'UNAUTHORIZED'],
      ['another scheme', 'Basic cXVhbnRyaTp4', 'UNAUTHORIZED'],
    ])('refuses a request with %s: 401 in the error shape', async (_, header, code) => {
      const req = t.anon.get('/api/reportages');
      const res = await (header ? req.set('Authorization', header) : req).expect(401);
      expectErrorShape(res.body, 401, code);
      expect(res.body.message).toMatch(/đăng nhập/);
    });

    it('keeps health and sign-in open, and nothing else', async () => {
      await t.anon.get('/api/health/live').expect(200);
      await t.anon.get('/api/auth/me').expect(401);
      await t.anon.get('/admin/queues').expect(401);
    });

    it('never offers a default password', async () => {
      const bare = await createBareApp();
      try {
        for (const [username, password] of [
          ['admin', 'admin'],
          ['admin', 'password'],
          ['quantri', 'quantri'],
          ['root', 'root'],
        ])
          await bare.post('/api/auth/login').send({ username, password }).expect(401);
      } finally {
        await bare.close();
      }
    });
  });

  describe('logout and expiry', () => {
    it('ends the session: the token and the session cookie stop working at once', async () => {
      const res = await login(TEST_ADMIN.username, TEST_ADMIN.password).expect(200);
      const auth = `Bearer ${res.body.accessToken}`;
      const session = cookiesOf(res).tt_session.split(';')[0];
      await t.anon.post('/api/auth/logout').set('Authorization', auth).expect(204);
      expectErrorShape(
        (await t.anon.get('/api/reportages').set('Authorization', auth).expect(401)).body,
        401,
        'SESSION_ENDED',
      );
      await t.anon.post('/api/auth/refresh').set('Cookie', session).expect(401);
    });

    it('refuses an access token once it expired, and the session cookie still renews it', async () => {
      const short = await createTestApp({ AUTH_ACCESS_TOKEN_SECONDS: '1' }, { clock: new TestClock() });
      try {
        const res = await short.anon
          .post('/api/auth/login')
          .send({ username: TEST_ADMIN.username, password: TEST_ADMIN.password })
          .expect(200);
        short.clock!.advance(2100);
        const expired = await short.anon
          .get('/api/reportages')
          .set('Authorization', `Bearer ${res.body.accessToken}`)
          .expect(401);
        expectErrorShape(expired.body, 401, 'TOKEN_EXPIRED');
        const session = cookiesOf(res).tt_session.split(';')[0];
        const renewed = await short.anon.post('/api/auth/refresh').set('Cookie', session).expect(200);
        await short.anon
          .get('/api/reportages')
          .set('Authorization', `Bearer ${renewed.body.accessToken}`)
          .expect(200);
      } finally {
        await short.close();
      }
    });
  });

  describe('passwords', () => {
    it('changes a password: the old one stops working, other sessions end, this one stays', async () => {
      const { http, user } = await t.as(['editor'], 'doimatkhau');
      const other = await signIn(t.app.getHttpServer(), user.username, TEST_PASSWORD);
      await http
        .post('/api/auth/password')
        .send({ currentPassword: 'sai-mat-khau-cu', newPassword: 'mat-khau-moi-dai' })
        .expect(422);
      const weak = await http
        .post('/api/auth/password')
        .send({ currentPassword: TEST_PASSWORD, newPassword: 'ngan' })
        .expect(422);
      expectErrorShape(weak.body, 422, 'WEAK_PASSWORD');
      expect(weak.body.details[0]).toMatchObject({ field: 'newPassword' });
      await http
        .post('/api/auth/password')
        .send({ currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-moi-dai' })
        .expect(204);
      await http.get('/api/auth/me').expect(200);
      await other.get('/api/auth/me').expect(401);
      await login(user.username, TEST_PASSWORD).expect(401);
      await login(user.username, 'mat-khau-moi-dai').expect(200);
    });

    it('makes a person change a password an admin set before doing anything else', async () => {
      const { user } = await t.as(['editor'], 'datlai');
      await t.http.post(`/api/users/${user.id}/password`).send({ password: 'mat-khau-tam-thoi' }).expect(204);
      await login(user.username, TEST_PASSWORD).expect(401);
      const http = await signIn(t.app.getHttpServer(), user.username, 'mat-khau-tam-thoi');
      expect((await http.get('/api/auth/me').expect(200)).body.mustChangePassword).toBe(true);
      expectErrorShape((await http.get('/api/reportages').expect(403)).body, 403, 'PASSWORD_CHANGE_REQUIRED');
      await http
        .post('/api/auth/password')
        .send({ currentPassword: 'mat-khau-tam-thoi', newPassword: 'mat-khau-cua-toi' })
        .expect(204);
      await http.get('/api/reportages').expect(200);
    });
  });

  describe('account administration', () => {
    it('disables an account: its sessions end and it cannot sign in until enabled again', async () => {
      const { http, user } = await t.as(['editor'], 'tamkhoa');
      const current = (await t.http.get(`/api/users/${user.id}`).expect(200)).body;
      const disabled = await t.http
        .patch(`/api/users/${user.id}`)
        .send({ active: false, version: current.version })
        .expect(200);
      expectErrorShape((await http.get('/api/auth/me').expect(401)).body, 401, 'SESSION_ENDED');
      // The right password gets exactly the answer of a wrong one: no telling a guesser it was right.
      const right = (await login(user.username, TEST_PASSWORD).expect(401)).body;
      const wrong = (await login(user.username, 'mat-khau-sai-roi').expect(401)).body;
      expectErrorShape(right, 401, 'INVALID_CREDENTIALS');
      expect({ ...right, requestId: undefined }).toEqual({ ...wrong, requestId: undefined });
      expect(right.message).toMatch(/bị khoá/);
      await t.http
        .patch(`/api/users/${user.id}`)
        .send({ active: true, version: disabled.body.version })
        .expect(200);
      await login(user.username, TEST_PASSWORD).expect(200);
    });

    it('refuses to disable or demote the last active admin', async () => {
      const me = (await t.http.get('/api/auth/me').expect(200)).body;
      const admin = (await t.http.get(`/api/users/${me.id}`).expect(200)).body;
      for (const change of [{ active: false }, { roles: ['editor'] }]) {
        const res = await t.http
          .patch(`/api/users/${me.id}`)
          .send({ ...change, version: admin.version })
          .expect(409);
        expectErrorShape(res.body, 409, 'LAST_ADMIN');
      }
    });

    it.each([
      ['a username with spaces', { username: 'nguoi dung' }, 'username'],
      ['a role that does not exist', { roles: ['director'] }, 'roles'],
      ['no role', { roles: [] }, 'roles'],
      ['a short password', { password: 'ngan' }, 'password'],
    ])('refuses an account with %s', async (_, change, field) => {
      const body = {
        username: 'hople',
        displayName: 'Hợp lệ',
        roles: ['editor'],
        password: TEST_PASSWORD,
        ...change,
      };
      const res = await t.http.post('/api/users').send(body);
      expect([400, 422]).toContain(res.status);
      expect(res.body.details.map((d: Body) => d.field)).toContain(field);
      await login('hople', TEST_PASSWORD).expect(401);
    });

    it('refuses a username that is taken, whatever its case', async () => {
      await t.as(['operator'], 'vanhanh');
      const res = await t.http
        .post('/api/users')
        .send({ username: 'VanHanh', displayName: 'Trùng', roles: ['editor'], password: TEST_PASSWORD })
        .expect(409);
      expectErrorShape(res.body, 409, 'DUPLICATE');
    });

    it('never shows a password hash', async () => {
      const list = await t.http.get('/api/users?pageSize=100').expect(200);
      expect(JSON.stringify(list.body)).not.toMatch(/argon2|passwordHash/);
    });
  });
});

describe('failed sign-ins are rate-limited', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_WINDOW_SECONDS: '2' }, { clock: new TestClock() });
  });
  afterAll(() => t.close());

  it('answers 429 after 5 failures a minute for one account, even with the right password, until the window ends', async () => {
    const { user } = await t.as(['editor'], 'bikhoa');
    for (let i = 0; i < 5; i++)
      await t.anon.post('/api/auth/login').send({ username: user.username, password: 'sai' }).expect(401);
    const locked = await t.anon
      .post('/api/auth/login')
      .send({ username: user.username, password: TEST_PASSWORD })
      .expect(429);
    expectErrorShape(locked.body, 429, 'TOO_MANY_ATTEMPTS');
    expect(locked.body.retryAfterSeconds).toBeGreaterThan(0);
    t.clock!.advance(2100);
    await t.anon
      .post('/api/auth/login')
      .send({ username: user.username, password: TEST_PASSWORD })
      .expect(200);
  });

  it('counts failures per address too, for accounts that exist and accounts that do not', async () => {
    t.clock!.advance(2100); // a fresh window for this machine's address
    for (let i = 0; i < 5; i++)
      await t.anon
        .post('/api/auth/login')
        .send({ username: `khong-co-${i}`, password: 'sai' })
        .expect(401);
    const res = await t.anon
      .post('/api/auth/login')
      .send({ username: TEST_ADMIN.username, password: TEST_ADMIN.password })
      .expect(429);
    expectErrorShape(res.body, 429, 'TOO_MANY_ATTEMPTS');
    t.clock!.advance(2100);
  });
});

describe('the first admin', () => {
  it('comes from ADMIN_USERNAME/ADMIN_PASSWORD once, and the variables are ignored after that', async () => {
    const t = await createTestApp();
    const config = t.config;
    await t.app.close();
    // Same database, other credentials in the environment: the existing admin stays as it was.
    const again = await createBareApp({
      ...databaseEnv(config),
      MEDIA_DIR: config.mediaDir,
      ADMIN_USERNAME: 'quantri2',
      ADMIN_PASSWORD: 'mat-khau-khac-hoan-toan',
    });
    try {
      await again
        .post('/api/auth/login')
        .send({ username: 'quantri2', password: 'mat-khau-khac-hoan-toan' })
        .expect(401);
      await again.post('/api/auth/login').send(TEST_ADMIN).expect(200);
    } finally {
      await again.close();
      await t.close().catch(() => undefined);
    }
  });

  it('can be created with `npm run user:create` on the command line, password from stdin', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'truyenthanh-cli-'));
    const database = await openTestDatabase(dir, { DATABASE_PATH: join(dir, 'db.sqlite') });
    const env = database.env;
    try {
      const { stdout } = await runCli(
        'user-create',
        ['--username', 'QuanTriMoi', '--role', 'admin', '--name', 'Quản trị mới'],
        env,
        'mat-khau-dong-lenh\n',
      );
      expect(stdout).toMatch(/quantrimoi/);
      // A weak password is refused with its reason, and nothing is created.
      const weak = await runCli('user-create', ['--username', 'yeu', '--role', 'editor'], env, 'ngan\n').then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => error,
      );
      expect(weak.code).toBe(1);
      expect(weak.stderr).toMatch(/ít nhất 10 ký tự/);

      const app = await createBareApp(env);
      try {
        const res = await app
          .post('/api/auth/login')
          .send({ username: 'quantrimoi', password: 'mat-khau-dong-lenh' })
          .expect(200);
        expect(res.body.user).toMatchObject({ roles: ['admin'], displayName: 'Quản trị mới' });
        await app.post('/api/auth/login').send({ username: 'yeu', password: 'ngan' }).expect(401);
      } finally {
        await app.close();
      }
    } finally {
      await database.release();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The application with no admin signed in (and, unless given, none configured). */
async function createBareApp(env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'truyenthanh-bare-'));
  const database = await openTestDatabase(dir, env);
  const config = testConfig(dir, { ...env, ...database.env });
  const app = await createApp(config);
  await app.init();
  const agent = request(app.getHttpServer());
  return Object.assign(agent, {
    databasePath: config.databasePath,
    async close() {
      await app.close();
      await database.release();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}

describe('hardening', () => {
  let t: TestApp;
  afterEach(() => t?.close());

  it('sends security headers and refuses other origins unless CORS_ORIGINS names them', async () => {
    t = await createTestApp();
    const res = await t.http.get('/api/reportages').set('Origin', 'http://ke-la.example').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers).not.toHaveProperty('x-powered-by');
    expect(res.headers).not.toHaveProperty('access-control-allow-origin');
  });

  it('lets the configured origins in, with credentials', async () => {
    t = await createTestApp({ CORS_ORIGINS: 'http://trung-tam.example, http://dai-xa.example' });
    const allowed = await t.http
      .options('/api/reportages')
      .set('Origin', 'http://dai-xa.example')
      .set('Access-Control-Request-Method', 'GET');
    expect(allowed.headers['access-control-allow-origin']).toBe('http://dai-xa.example');
    expect(allowed.headers['access-control-allow-credentials']).toBe('true');
    const other = await t.http.get('/api/reportages').set('Origin', 'http://ke-la.example');
    expect(other.headers).not.toHaveProperty('access-control-allow-origin');
  });
});
