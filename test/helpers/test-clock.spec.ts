import { SystemClock } from '../../src/common/clock.js';
import { TestClock } from './test-clock.js';

const HOUR = 3_600_000;

/** Whether `promise` has settled by the time queued callbacks have run, and with what. */
async function settledNow<T>(promise: Promise<T>): Promise<{ value?: T; settled: boolean }> {
  let state: { value?: T; settled: boolean } = { settled: false };
  void promise.then((value) => (state = { value, settled: true }));
  await new Promise((resolve) => setImmediate(resolve));
  return state;
}

describe('the system clock', () => {
  const clock = new SystemClock();

  it('reads the machine time', () => {
    const before = Date.now();
    const now = clock.nowMs();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('wakes a wait at its instant, at once for an instant already past, never for a cancelled one', async () => {
    expect(await clock.sleepUntil(Date.now() - 1000)).toBe(true);
    const at = Date.now() + 30;
    expect(await clock.sleepUntil(at)).toBe(true);
    expect(Date.now()).toBeGreaterThanOrEqual(at);
    const cancel = new AbortController();
    const far = clock.sleepUntil(Date.now() + HOUR, cancel.signal);
    cancel.abort();
    expect(await far).toBe(false);
    expect(await clock.sleepUntil(Date.now() + HOUR, cancel.signal)).toBe(false); // already aborted
  });
});

describe('the test clock', () => {
  it('starts where it is told and runs on with real time', async () => {
    const start = Date.UTC(2030, 0, 1, 1, 0);
    const clock = new TestClock(start);
    expect(clock.nowMs() - start).toBeGreaterThanOrEqual(0);
    expect(clock.nowMs() - start).toBeLessThan(1000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(clock.nowMs() - start).toBeGreaterThanOrEqual(19);
  });

  it('jumps forward, releases the waits the jump reaches and keeps the others', async () => {
    const clock = new TestClock();
    const base = clock.nowMs();
    const soon = clock.sleepUntil(base + HOUR);
    const later = clock.sleepUntil(new Date(base + 3 * HOUR));
    expect((await settledNow(soon)).settled).toBe(false);

    clock.advance(HOUR);
    expect(await settledNow(soon)).toEqual({ value: true, settled: true });
    expect((await settledNow(later)).settled).toBe(false);
    expect(clock.pending).toBe(1);

    clock.set(base + 3 * HOUR);
    expect(await settledNow(later)).toEqual({ value: true, settled: true });
    expect(clock.pending).toBe(0);
    expect(clock.nowMs() - base).toBeGreaterThanOrEqual(3 * HOUR);
  });

  it('wakes a wait when real time reaches it, without a jump', async () => {
    const clock = new TestClock();
    const at = clock.nowMs() + 30;
    expect(await clock.sleepUntil(at)).toBe(true);
    expect(clock.nowMs()).toBeGreaterThanOrEqual(at);
  });

  it('answers false to a cancelled wait, which a later jump no longer touches', async () => {
    const clock = new TestClock();
    const cancel = new AbortController();
    const wait = clock.sleepUntil(clock.nowMs() + HOUR, cancel.signal);
    cancel.abort();
    expect(await wait).toBe(false);
    expect(clock.pending).toBe(0);
    clock.advance(2 * HOUR);
    expect(await clock.sleepUntil(clock.nowMs() + HOUR, cancel.signal)).toBe(false);
  });

  it('never goes back', () => {
    const clock = new TestClock();
    expect(() => clock.advance(-1)).toThrow(/forward/);
    expect(() => clock.set(clock.nowMs() - HOUR)).toThrow(/forward/);
  });
});
