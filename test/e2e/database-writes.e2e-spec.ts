import { Database } from '../../src/database/database.service.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * Write transactions that run into each other. PostgreSQL runs them side by side: two that take
 * the same rows in opposite order deadlock, and the server rolls one back (40P01). That one is run
 * again, so both commit, as they do on SQLite, which runs one write at a time.
 */
describe('write transactions that meet', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(Database).transaction(async (m) => {
      await m.query(`INSERT INTO settings (key, value) VALUES ('meet_a', '0'), ('meet_b', '0')`);
    });
  });
  afterAll(() => t.close());

  it('commits both of two transactions that lock the same rows in opposite order', async () => {
    const db = t.app.get(Database);
    let runs = 0;
    const bump = (m: { query: (sql: string, params?: unknown[]) => Promise<unknown> }, key: string) =>
      m.query(`UPDATE settings SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = ?`, [key]);
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const [one, two] = await Promise.allSettled([
      db.transaction(async (m) => {
        runs++;
        await bump(m, 'meet_a');
        await pause(300); // the other has taken meet_b by now (on PostgreSQL)
        await bump(m, 'meet_b');
        return 'one';
      }),
      (async () => {
        await pause(50);
        return db.transaction(async (m) => {
          runs++;
          await bump(m, 'meet_b');
          await pause(300);
          await bump(m, 'meet_a');
          return 'two';
        });
      })(),
    ]);
    expect([one.status, two.status]).toEqual(['fulfilled', 'fulfilled']);
    const rows = await db.read<{ key: string; value: string }>(
      `SELECT key, value FROM settings WHERE key IN ('meet_a', 'meet_b') ORDER BY key`,
    );
    expect(rows.map((r) => [r.key, r.value])).toEqual([
      ['meet_a', '2'],
      ['meet_b', '2'],
    ]);
    // PostgreSQL ran the deadlock's loser again; SQLite ran each once.
    expect(runs).toBe(db.postgres ? 3 : 2);
  });
});
