import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import pg from 'pg';
import { createApp } from '../src/bootstrap.js';
import { loadConfig } from '../src/config/config.js';
import type { DatabaseTarget } from '../src/database/data-source-options.js';

/** Deterministic pseudo-random numbers, so every run fills the same data. */
export { mulberry32 as random } from '../src/common/random.js';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Starts the built service (dist/) as a separate process, so the load generator does not share its
 * event loop, with a first admin whose password exists only for this run, and signs in as it:
 * `auth` is the header every API request needs.
 */
export async function startService(env: Record<string, string>): Promise<{
  url: string;
  child: ChildProcess;
  auth: Record<string, string>;
  admin: { username: string; password: string };
}> {
  const port = await freePort();
  const admin = { username: 'bench', password: randomBytes(18).toString('base64url') };
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      ADMIN_USERNAME: admin.username,
      ADMIN_PASSWORD: admin.password,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${url}/api/health/live`)).ok) {
        const login = await fetch(`${url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(admin),
        });
        if (!login.ok) throw new Error(`sign-in answered ${login.status}`);
        const { accessToken } = (await login.json()) as { accessToken: string };
        return { url, child, auth: { authorization: `Bearer ${accessToken}` }, admin };
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error('the service did not start');
}

export async function stopService(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

export interface LoadResult {
  name: string;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  requests: number;
  errors: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Drives one URL with `connections` concurrent connections: a warm-up, then a measured run. */
export async function load(
  name: string,
  url: string,
  connections = 16,
  seconds = 8,
  /** A different path for every request (defeats caches); otherwise the URL's own path is repeated. */
  pathFor?: () => string,
  headers: Record<string, string> = {},
): Promise<LoadResult> {
  const requests = pathFor
    ? [
        {
          method: 'GET' as const,
          setupRequest: (req: { path?: string }) => ({ ...req, path: pathFor() }),
        },
      ]
    : undefined;
  await autocannon({ url, connections, duration: 2, requests, headers });
  const latencies: number[] = [];
  let errors = 0;
  const instance = autocannon({ url, connections, duration: seconds, requests, headers });
  (instance as unknown as import('node:events').EventEmitter).on(
    'response',
    (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      if (statusCode >= 400) errors++;
    },
  );
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return {
    name,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    rps: result.requests.average,
    requests: latencies.length,
    errors: errors + result.errors + result.non2xx,
  };
}

export function printTable(results: LoadResult[], baseline: LoadResult): void {
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  console.log(
    `${'scenario'.padEnd(34)}${pad('p50 ms', 9)}${pad('p95 ms', 9)}${pad('p99 ms', 9)}${pad('req/s', 9)}${pad('p95/base', 10)}${pad('rps/base', 10)}${pad('errors', 8)}`,
  );
  for (const r of results) {
    console.log(
      `${r.name.padEnd(34)}${pad(r.p50.toFixed(2), 9)}${pad(r.p95.toFixed(2), 9)}${pad(r.p99.toFixed(2), 9)}${pad(Math.round(r.rps), 9)}${pad((r.p95 / baseline.p95).toFixed(2), 10)}${pad((r.rps / baseline.rps).toFixed(2), 10)}${pad(r.errors, 8)}`,
    );
  }
}

/**
 * The database a bench fills and runs the service on: a SQLite file in `dir` by default, or with
 * `--postgres` (or BENCH_DATABASE=postgres) a scratch database on the PostgreSQL server at
 * BENCH_POSTGRES_URL (default: the local server as user postgres), dropped by `drop()`.
 */
export interface BenchDatabase {
  name: 'SQLite' | 'PostgreSQL';
  target: DatabaseTarget;
  /** DATABASE_PATH, and DATABASE_URL on PostgreSQL, for the service's environment. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/**
 * The service's application inside the bench process (no HTTP server, no periodic jobs) on the
 * bench's database: for filling it through the service's own code, or timing that code bare.
 */
export async function inProcessApp(dir: string, database: BenchDatabase): Promise<INestApplication> {
  const app = await createApp(
    loadConfig({
      ...database.env,
      MEDIA_DIR: join(dir, 'media'),
      REDIS_PREFIX: `tt-bench-${process.pid}`,
      LOG_LEVEL: 'warn',
      SCHEDULED_JOBS: 'false',
    }),
  );
  await app.init();
  return app;
}

export const benchOnPostgres =
  process.argv.includes('--postgres') || process.env.BENCH_DATABASE === 'postgres';

export async function benchDatabase(dir: string): Promise<BenchDatabase> {
  const databasePath = join(dir, 'bench.sqlite');
  if (!benchOnPostgres)
    return {
      name: 'SQLite',
      target: { databasePath },
      env: { DATABASE_PATH: databasePath },
      drop: async () => undefined,
    };
  const adminUrl = process.env.BENCH_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `tt_bench_${process.pid}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  return {
    name: 'PostgreSQL',
    target: { databasePath, databaseUrl },
    env: { DATABASE_PATH: databasePath, DATABASE_URL: databaseUrl },
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/**
 * After rows were inserted with explicit ids: PostgreSQL's identity sequences do not move by
 * themselves, so the service's next insert would collide. SQLite needs nothing.
 */
export async function resetSequences(
  query: (sql: string) => Promise<unknown>,
  tables: string[],
): Promise<void> {
  if (!benchOnPostgres) return;
  for (const table of tables)
    await query(
      `SELECT setval(pg_get_serial_sequence('${table}', 'id'), GREATEST((SELECT MAX(id) FROM ${table}), 1))`,
    );
}
