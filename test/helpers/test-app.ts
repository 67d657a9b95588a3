import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import type { Role } from '../../src/accounts/roles.js';
import { AppModule } from '../../src/app.module.js';
import { appOptions, createApp, prepareApp } from '../../src/bootstrap.js';
import { Clock } from '../../src/common/clock.js';
import { loadConfig, type AppConfig } from '../../src/config/config.js';
import { makeAudio, SPEECH } from './audio.js';
import { openTestDatabase } from './test-database.js';
import type { TestClock } from './test-clock.js';

export interface TestApp {
  app: NestExpressApplication;
  /** Signed in as the first admin (who may do everything). */
  http: TestAgent;
  /** Not signed in. */
  anon: TestAgent;
  /** The admin's access token, for clients other than supertest. */
  token: string;
  config: AppConfig;
  dir: string;
  /** The clock the app reads, when the test installed one (`createTestApp(env, { clock })`). */
  clock?: TestClock;
  /** A new account with these roles, signed in. */
  as(roles: Role[], username?: string): Promise<SignedInAgent>;
  close(): Promise<void>;
}

export interface SignedInAgent {
  http: TestAgent;
  token: string;
  user: { id: number; username: string; roles: Role[] };
  password: string;
}

/** Test-only credentials of the first admin, passed the way an operator would (environment). */
export const TEST_ADMIN = { username: 'quantri', password: 'mat-khau-quan-tri-thu' };
export const TEST_PASSWORD = 'mat-khau-thu-nghiem';

/** Signs in through the API and returns an agent that sends the bearer token on every request. */
export async function signIn(server: unknown, username: string, password: string): Promise<TestAgent> {
  const token = await accessToken(server, username, password);
  return request.agent(server as never).set('Authorization', `Bearer ${token}`);
}

export async function accessToken(server: unknown, username: string, password: string): Promise<string> {
  const res = await request(server as never)
    .post('/api/auth/login')
    .send({ username, password })
    .expect(200);
  return res.body.accessToken as string;
}

/** Configuration of a test app in `dir`: its own SQLite file, media folder and Redis key prefix. */
export function testConfig(dir: string, env: Record<string, string>): AppConfig {
  return loadConfig({
    DATABASE_PATH: join(dir, 'db.sqlite'),
    MEDIA_DIR: join(dir, 'media'),
    REDIS_PREFIX: `tt-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
    MEDIA_MIN_FREE_MB: '1',
    LOG_LEVEL: 'error',
    ...env,
  });
}

/**
 * The real application on a fresh SQLite file and media folder of its own, real Redis under a key
 * prefix of its own (parallel runs never collide), migrations applied as at start-up. With `clock`,
 * the app reads that clock instead of the machine's (Nest's overrideProvider): the test moves time.
 */
export async function createTestApp(
  env: Record<string, string> = {},
  { clock }: { clock?: TestClock } = {},
): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'truyenthanh-test-'));
  // SQLite in `dir`, or a PostgreSQL database of its own with TEST_DATABASE=postgres (test-database.ts).
  const database = await openTestDatabase(dir, env);
  const config = testConfig(dir, {
    ADMIN_USERNAME: TEST_ADMIN.username,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    // Suites about something else let the admin approve what they edited; the approval suite turns it on.
    APPROVAL_FOUR_EYES: 'false',
    ...env,
    ...database.env,
  });
  const app = clock ? await createAppWithClock(config, clock) : await createApp(config);
  await app.init();
  const server = app.getHttpServer();
  const token = await accessToken(server, TEST_ADMIN.username, TEST_ADMIN.password);
  const http = request.agent(server).set('Authorization', `Bearer ${token}`);
  let accounts = 0;
  return {
    app,
    http,
    anon: request(server) as unknown as TestAgent,
    token,
    config,
    dir,
    clock,
    async as(roles, username = `${roles.join('-')}${++accounts}`) {
      const res = await http
        .post('/api/users')
        .send({ username, displayName: username, roles, password: TEST_PASSWORD, mustChangePassword: false })
        .expect(201);
      const token = await accessToken(server, username, TEST_PASSWORD);
      return {
        http: request.agent(server).set('Authorization', `Bearer ${token}`),
        token,
        user: res.body as SignedInAgent['user'],
        password: TEST_PASSWORD,
      };
    },
    async close() {
      await app.close();
      await database.release();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** {@link createApp}, with the given clock in place of the system's. */
async function createAppWithClock(config: AppConfig, clock: TestClock): Promise<NestExpressApplication> {
  mkdirSync(config.mediaDir, { recursive: true });
  const module = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  return prepareApp(module.createNestApplication<NestExpressApplication>(appOptions(config)), config);
}

/** The API's one error shape, checked field by field. */
export function expectErrorShape(body: Record<string, unknown>, statusCode: number, code?: string): void {
  expect(body).toMatchObject({ statusCode, error: expect.any(String), message: expect.any(String) });
  expect(typeof body.code).toBe('string');
  expect(typeof body.requestId).toBe('string');
  if (code) expect(body.code).toBe(code);
  expect(JSON.stringify(body)).not.toMatch(/at .*\.(js|ts):\d+/); // no stack traces
}

/** Creates a reportage in the seeded segment and returns its id. */
export async function createReportage(http: TestAgent, title = 'Phóng sự thử'): Promise<number> {
  const res = await http.post('/api/reportages').send({ segmentId: 1, title }).expect(201);
  return res.body.id as number;
}

/** Polls an audio asset until its status is one of `statuses` (or the time runs out). */
export async function waitForAsset(
  http: TestAgent,
  id: number,
  statuses: string[],
  timeoutMs = 60_000,
): Promise<Record<string, any>> {
  const until = Date.now() + timeoutMs;
  let last: Record<string, any> = {};
  while (Date.now() < until) {
    last = (await http.get(`/api/audio-assets/${id}`).expect(200)).body;
    if (statuses.includes(last.status)) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(
    `asset ${id} stayed ${last.status} (wanted ${statuses.join('/')}): ${JSON.stringify(last)}`,
  );
}

let speechFile: Promise<string> | undefined;

/** Gives a reportage audio that is processed and ready (approval needs it), unless it has some already. */
export async function giveReadyAudio(http: TestAgent, reportageId: number): Promise<number> {
  const { currentAudio } = (await http.get(`/api/reportages/${reportageId}`).expect(200)).body;
  if (currentAudio?.status === 'ready') return currentAudio.id as number;
  speechFile ??= makeAudio(mkdtempSync(join(tmpdir(), 'truyenthanh-speech-')), 'speech.wav', SPEECH(2), []);
  const accepted = await http
    .post(`/api/reportages/${reportageId}/audio`)
    .attach('file', await speechFile)
    .expect(202);
  await waitForAsset(http, accepted.body.id, ['ready']);
  return accepted.body.id as number;
}
