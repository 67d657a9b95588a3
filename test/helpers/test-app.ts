import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { createApp } from '../../src/bootstrap.js';
import { loadConfig, type AppConfig } from '../../src/config/config.js';

export interface TestApp {
  app: NestExpressApplication;
  http: TestAgent;
  config: AppConfig;
  dir: string;
  close(): Promise<void>;
}

/**
 * The real application on a fresh SQLite file and media folder of its own, real Redis under a key
 * prefix of its own (parallel runs never collide), migrations applied as at start-up.
 */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'truyenthanh-test-'));
  const config = loadConfig({
    DATABASE_PATH: join(dir, 'db.sqlite'),
    MEDIA_DIR: join(dir, 'media'),
    REDIS_PREFIX: `tt-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
    MEDIA_MIN_FREE_MB: '1',
    LOG_LEVEL: 'error',
    ...env,
  });
  const app = await createApp(config);
  await app.init();
  return {
    app,
    http: request(app.getHttpServer()),
    config,
    dir,
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
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
