import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childCwd, childEnv, freePort, stop, until } from '../helpers/processes.js';
import { expectErrorShape, TEST_ADMIN } from '../helpers/test-app.js';
import { openTestDatabase, readTestDatabase } from '../helpers/test-database.js';

interface Answer {
  status?: number;
  body?: Record<string, any>;
  /** A connection error instead of an answer: ECONNREFUSED, ECONNRESET, … */
  error?: string;
  /** Sent on a kept-alive connection the service had accepted earlier, not on a new one. */
  reused: boolean;
  /** When it came back (performance.now()). */
  at: number;
}

interface Call {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
  signal?: AbortSignal;
}

/** The built service (dist/), its log on stderr kept for the test to read. */
function startService(env: Record<string, string>): { child: ChildProcess; log: () => string } {
  const child = spawn(process.execPath, [join(process.cwd(), 'dist/src/main.js')], {
    env: childEnv({ LOG_LEVEL: 'warn', ...env }),
    cwd: childCwd(),
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
    process.stderr.write(chunk);
  });
  return { child, log: () => log };
}

/** One HTTP request through `agent` (node:http, to know which connection it travelled on). */
function send(agent: Agent, port: number, call: Call): Promise<Answer> {
  const { method = 'GET', path, headers = {}, body, signal } = call;
  return new Promise((resolve) => {
    const req = request({ agent, host: '127.0.0.1', port, method, path, headers, signal }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        let parsed: Record<string, any>;
        try {
          parsed = JSON.parse(text) as Record<string, any>;
        } catch {
          parsed = { text };
        }
        resolve({ status: res.statusCode, body: parsed, reused: req.reusedSocket, at: performance.now() });
      });
    });
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ error: error.code ?? error.name, reused: req.reusedSocket, at: performance.now() }),
    );
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

async function committedReportageIds(database: Record<string, string>): Promise<number[]> {
  const rows = await readTestDatabase<{ id: number }>(database, 'SELECT id FROM reportages');
  return rows.map((r) => Number(r.id)); // PostgreSQL's bigint ids arrive as text through pg
}

const served = (a: Answer) => a.status === 200 || a.status === 201;

describe('stopping the service (SIGTERM)', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'truyenthanh-stop-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers every request that reached it with a 2xx or a clean 503, commits what it acknowledged, closes the database last and exits 0', async () => {
    const port = await freePort();
    const database = await openTestDatabase(dir, { DATABASE_PATH: join(dir, 'db.sqlite') });
    const { child, log } = startService({
      PORT: String(port),
      HOST: '127.0.0.1',
      ...database.env,
      MEDIA_DIR: join(dir, 'media'),
      MEDIA_MIN_FREE_MB: '1',
      REDIS_PREFIX: `tt-test-stop-${process.pid}`,
      ADMIN_USERNAME: TEST_ADMIN.username,
      ADMIN_PASSWORD: TEST_ADMIN.password,
    });
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    // Kept-alive connections opened before the stop: a request on one has reached the service. A few
    // stay idle until the stop has begun, as a browser's do between clicks.
    const connections = 24;
    const busy = new Agent({ keepAlive: true, maxSockets: connections });
    const idle = new Agent({ keepAlive: true, maxSockets: 4 });
    const warm = (agent: Agent, n: number) =>
      Promise.all(Array.from({ length: n }, () => send(agent, port, { path: '/api/health/live' })));
    try {
      await until(
        async () => (await send(busy, port, { path: '/api/health/live' })).status === 200,
        30_000,
        'the service to listen',
      );
      const login = await send(busy, port, {
        method: 'POST',
        path: '/api/auth/login',
        headers: { 'content-type': 'application/json' },
        body: TEST_ADMIN,
      });
      expect(login.status).toBe(200);
      const headers = {
        authorization: `Bearer ${login.body?.accessToken}`,
        'content-type': 'application/json',
      };
      await warm(busy, connections);
      await warm(idle, 4);

      // Writes (each a transaction with its search index) and searches, eight times what the
      // connections carry at once. A third of the clients give up when the stop begins, as
      // autocannon does at the end of bench:catalog, leaving their requests running in the service.
      const summary = Array.from({ length: 600 }, (_, i) => `tu${i}x${(i * 7919) % 1000}`)
        .join(' ')
        .slice(0, 5000);
      const giveUp = new AbortController();
      const burst = Array.from({ length: connections * 8 }, (_, i) =>
        send(busy, port, {
          ...(i % 2 === 0
            ? {
                method: 'POST',
                path: '/api/reportages',
                body: { segmentId: 1, title: `Phóng sự ${i}`, summary },
              }
            : { path: '/api/reportages?pageSize=100&q=tu1' }),
          headers,
          signal: i % 3 === 0 ? giveUp.signal : undefined,
        }),
      );
      let answered = 0;
      for (const pending of burst) void pending.then(() => answered++);
      await until(async () => answered >= connections, 30_000, 'the burst to be under way');
      const stoppedAt = performance.now();
      child.kill('SIGTERM');
      giveUp.abort();
      const late = Array.from({ length: 4 }, () => send(idle, port, { path: '/api/reportages', headers }));
      const kept = [
        ...(await Promise.all(burst)).filter((_, i) => i % 3 !== 0),
        ...(await Promise.all(late)),
      ];

      // Every request that reached the service is answered: served, or refused in the error shape.
      for (const a of kept.filter((a) => a.status === 503)) {
        expectErrorShape(a.body ?? {}, 503, 'SHUTTING_DOWN');
        expect(a.body?.message).toMatch(/Hãy gửi lại/);
      }
      expect(kept.filter((a) => a.reused && !served(a) && a.status !== 503)).toEqual([]);
      // A connection opened around the stop (the client opens one whenever the service closes one
      // after answering) may find the door shut: refused, or reset before anything was read.
      expect(
        kept.filter(
          (a) => !served(a) && a.status !== 503 && !['ECONNREFUSED', 'ECONNRESET'].includes(a.error ?? ''),
        ),
      ).toEqual([]);
      // The stop came mid-burst: requests in flight were still served after it.
      expect(kept.filter((a) => served(a) && a.at > stoppedAt).length).toBeGreaterThan(0);
      expect(kept.filter((a) => !served(a)).length).toBeGreaterThan(0);

      expect(await exited).toEqual({ code: 0, signal: null });
      // Nothing failed inside either, not even for the clients that had gone.
      expect(log()).not.toMatch(/→ 5\d\d \[request|not established/);
      const acknowledged = kept.filter((a) => a.status === 201).map((a) => a.body?.id as number);
      expect(await committedReportageIds(database.env)).toEqual(expect.arrayContaining(acknowledged));
    } finally {
      busy.destroy();
      idle.destroy();
      await stop(child, 'SIGKILL');
      await database.release();
    }
  }, 90_000);

  it('stops and exits 0 while Redis is unreachable, instead of waiting for it', async () => {
    const port = await freePort();
    const database = await openTestDatabase(dir, { DATABASE_PATH: join(dir, 'no-redis.sqlite') });
    const { child, log } = startService({
      PORT: String(port),
      HOST: '127.0.0.1',
      ...database.env,
      MEDIA_DIR: join(dir, 'media-no-redis'),
      MEDIA_MIN_FREE_MB: '1',
      REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
      REDIS_PREFIX: `tt-test-stop-${process.pid}`,
    });
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const agent = new Agent({ keepAlive: false });
    try {
      await until(
        async () => (await send(agent, port, { path: '/api/health/live' })).status === 200,
        30_000,
        'the service to listen',
      );
      child.kill('SIGTERM');
      // Liveness, not speed: a stop that waits on Redis never ends (BullMQ's close would wait for ever).
      const hung = new Promise<'still running'>((resolve) =>
        setTimeout(() => resolve('still running'), 20_000).unref(),
      );
      expect(await Promise.race([exited, hung])).toEqual({ code: 0, signal: null });
      expect(log()).not.toMatch(/→ 5\d\d \[request|not established/);
    } finally {
      agent.destroy();
      await stop(child, 'SIGKILL');
      await database.release();
    }
  }, 60_000);
});
