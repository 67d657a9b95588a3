import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import sqlite3 from 'sqlite3';
import { numberPlaceholders } from '../../src/database/placeholders.js';

/**
 * Which database the tests run on: SQLite files (the default) or, with `TEST_DATABASE=postgres`, a
 * fresh PostgreSQL database per test app, created on the server at TEST_POSTGRES_URL and dropped after.
 */
export const TEST_POSTGRES = process.env.TEST_DATABASE === 'postgres';

const ADMIN_URL = process.env.TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

interface Kept {
  name: string;
  /** Apps using it now. */
  users: number;
  /** Made for an explicit DATABASE_PATH, which a test may open again after closing (a restart). */
  keyed: boolean;
}

const databases = new Map<string, Kept>();
let suiteEnding = false;

async function admin<T = unknown>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Nothing is connected to it: its app closed (a test may close an app without its TestApp.close). */
async function unused(kept: Kept): Promise<boolean> {
  if (kept.users === 0) return true;
  const [row] = await admin<{ n: number }>(
    'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
    [kept.name],
  );
  return row.n === 0;
}

function urlOf(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function drop(kept: Kept): Promise<void> {
  databases.delete(kept.name);
  await admin(`DROP DATABASE IF EXISTS ${kept.name} WITH (FORCE)`);
}

// Databases kept for a restart go when the spec file ends, or when their last app closes after that
// (this hook runs before the spec file's own, which may close apps).
if (TEST_POSTGRES && typeof afterAll === 'function')
  afterAll(async () => {
    suiteEnding = true;
    for (const kept of [...databases.values()]) if (await unused(kept)) await drop(kept);
  });

export interface TestDatabase {
  /** What to add to the app's environment: DATABASE_PATH, or DATABASE_URL on PostgreSQL. */
  env: Record<string, string>;
  /** The app that used it has closed. */
  release(): Promise<void>;
}

/**
 * The database of one test app in `dir`, given the test's own environment for it. On PostgreSQL: the
 * DATABASE_URL the test gave (another app's, see {@link databaseEnv}); else a database named after
 * the DATABASE_PATH the test gave (so closing and opening the app again finds its data, as with the
 * SQLite file); else a new one of its own. `TEST_DATABASE: 'sqlite'` in `env` keeps SQLite, for a test
 * of SQLite itself.
 */
export async function openTestDatabase(
  dir: string,
  env: Record<string, string | undefined> = {},
): Promise<TestDatabase> {
  const databasePath = env.DATABASE_PATH;
  const path = databasePath ?? join(dir, 'db.sqlite');
  if (!TEST_POSTGRES || env.TEST_DATABASE === 'sqlite') return { env: { DATABASE_PATH: path }, release: async () => undefined };
  // Another app's database, opened again (a restart): the first app's release drops it.
  if (env.DATABASE_URL)
    return { env: { DATABASE_PATH: path, DATABASE_URL: env.DATABASE_URL }, release: async () => undefined };
  const name = databasePath
    ? `tt_test_${createHash('sha256').update(databasePath).digest('hex').slice(0, 16)}`
    : `tt_test_${randomBytes(8).toString('hex')}`;
  let kept = databases.get(name);
  if (!kept) {
    kept = { name, users: 0, keyed: databasePath !== undefined };
    databases.set(name, kept);
    await admin(`CREATE DATABASE ${name}`);
  }
  kept.users++;
  const entry = kept;
  return {
    env: { DATABASE_PATH: path, DATABASE_URL: urlOf(name) },
    async release() {
      entry.users--;
      if (entry.users === 0 && (!entry.keyed || suiteEnding)) await drop(entry);
    },
  };
}

/**
 * The database part of a child process's environment for an app's configuration: what the tests pass
 * to the built service or a command-line tool so it opens the same database.
 */
export function databaseEnv(config: { databasePath: string; databaseUrl?: string }): Record<string, string> {
  return config.databaseUrl
    ? { DATABASE_PATH: config.databasePath, DATABASE_URL: config.databaseUrl }
    : { DATABASE_PATH: config.databasePath };
}

/**
 * Runs one read on a test database from outside the service (what it committed): the SQLite file or
 * the PostgreSQL database an environment from {@link openTestDatabase} names; `?` placeholders.
 */
export async function readTestDatabase<T>(
  env: Record<string, string | undefined>,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  if (env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    try {
      return (await client.query(numberPlaceholders(sql), params)).rows as T[];
    } finally {
      await client.end();
    }
  }
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(String(env.DATABASE_PATH), sqlite3.OPEN_READONLY, (error) => {
      if (error) return reject(error);
      db.all(sql, params, (queryError, rows) => {
        db.close();
        if (queryError) reject(queryError);
        else resolve(rows as T[]);
      });
    });
  });
}
