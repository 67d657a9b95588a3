import { SchedulerRegistry } from '@nestjs/schedule';
import { Redis } from 'ioredis';
import { RedisLock } from '../../src/redis/redis-lock.js';
import { SchedulingJobs } from '../../src/scheduling/scheduling-jobs.js';
import { until } from '../helpers/processes.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

describe('the Redis lock behind periodic jobs', () => {
  const prefix = `tt-lock-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const connections = [new Redis('redis://127.0.0.1:6379'), new Redis('redis://127.0.0.1:6379')];
  const [one, two] = connections.map((redis) => new RedisLock(redis, prefix));
  afterAll(async () => {
    await connections[0].del(one.keyOf('job'), one.keyOf('turn'));
    await Promise.all(connections.map((redis) => redis.quit()));
  });

  /**
   * Lock TTLs are Redis's own time, on purpose (they outlive a crashed instance), so no test clock
   * moves them: wait, with a deadline, for Redis to expire the key, after checking it had the TTL.
   */
  async function expiry(name: string, ttlMs: number): Promise<void> {
    const left = await connections[0].pttl(one.keyOf(name));
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(ttlMs);
    await until(async () => (await connections[0].exists(one.keyOf(name))) === 0, 5000, `${name} to expire`);
  }

  it('lets one of two instances run the work; the other returns at once', async () => {
    let runs = 0;
    let finish!: () => void;
    const held = new Promise<void>((resolve) => (finish = resolve));
    const work = async () => {
      runs++;
      await held; // holds the lock until the other instance has had its answer
      return 'xong';
    };
    const calls = [one.runExclusive('job', 5000, work), two.runExclusive('job', 5000, work)];
    await Promise.race(calls); // the one without the lock returns while the other still works
    finish();
    const results = await Promise.all(calls);
    expect(results.map((r) => r.ran).sort()).toEqual([false, true]);
    expect(runs).toBe(1);
    expect(await connections[0].exists(one.keyOf('job'))).toBe(0); // released afterwards
    expect((await two.runExclusive('job', 5000, work)).ran).toBe(true);
  });

  it('never deletes a lock another instance took after ours expired', async () => {
    const mine = (await one.acquire('job', 50))!;
    await expiry('job', 50);
    const theirs = (await two.acquire('job', 5000))!;
    expect(theirs).not.toBeNull();
    expect(await one.release(mine)).toBe(false);
    expect(await connections[0].get(one.keyOf('job'))).toBe(theirs.token);
    expect(await two.release(theirs)).toBe(true);
  });

  it('runs a job once per turn, however late the second instance comes', async () => {
    expect((await one.runOncePerTurn('turn', 300, async () => 1)).ran).toBe(true);
    expect((await two.runOncePerTurn('turn', 300, async () => 1)).ran).toBe(false);
    await expiry('turn', 300);
    expect((await two.runOncePerTurn('turn', 300, async () => 1)).ran).toBe(true);
    // A failed run frees the turn for another instance.
    await expiry('turn', 300);
    await expect(one.runOncePerTurn('turn', 5000, () => Promise.reject(new Error('hỏng')))).rejects.toThrow(
      'hỏng',
    );
    expect((await two.runOncePerTurn('turn', 5000, async () => 1)).ran).toBe(true);
  });
});

describe('scheduled jobs on two instances sharing one Redis', () => {
  const shared = `tt-jobs-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    [a, b] = await Promise.all([
      createTestApp({ REDIS_PREFIX: shared, SCHEDULED_JOBS: 'true' }),
      createTestApp({ REDIS_PREFIX: shared, SCHEDULED_JOBS: 'false' }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
  });

  it('registers the jobs only where SCHEDULED_JOBS is on', () => {
    const jobs = (t: TestApp) =>
      t.app
        .get(SchedulerRegistry)
        .getIntervals()
        .filter((name) => name.startsWith('schedule-'))
        .sort();
    expect(jobs(a)).toEqual(['schedule-housekeeping', 'schedule-warnings']);
    expect(jobs(b)).toEqual([]);
  });

  it('runs each job on one instance only', async () => {
    for (const job of ['checkWarnings', 'housekeeping'] as const) {
      const results = await Promise.all([a, b].map((t) => t.app.get(SchedulingJobs)[job]()));
      expect(results.map((r) => r.ran).sort()).toEqual([false, true]);
    }
  });
});
