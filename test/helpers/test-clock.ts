import { Clock } from '../../src/common/clock.js';

interface Wait {
  at: number;
  resolve: (came: boolean) => void;
  timer?: NodeJS.Timeout;
}

/**
 * A clock a test moves instead of sleeping. It starts at `start` (by default the machine's now), runs
 * with real time (a broadcast that streams for three seconds still takes three seconds, and its as-run
 * entry says so) and jumps forward when told: `advance(ms)` or `set(instant)`. Every wait
 * (`sleepUntil`) that the jump reaches is released at once, the others are re-aimed at their instant.
 * It never goes back: nothing in the service expects time to run backwards.
 */
export class TestClock extends Clock {
  private offset = 0;
  private readonly waits = new Set<Wait>();

  /** It jumps ahead of the machine's time: the dispatcher then releases jobs due by it. */
  override get runsAhead(): boolean {
    return true;
  }

  constructor(start?: Date | number) {
    super();
    if (start !== undefined) this.offset = +start - Date.now();
  }

  now(): Date {
    return new Date(Date.now() + this.offset);
  }

  /** Jumps `ms` ahead. */
  advance(ms: number): void {
    if (ms < 0) throw new Error(`TestClock only moves forward (asked ${ms} ms)`);
    this.offset += ms;
    for (const wait of this.waits) this.aim(wait);
  }

  /** Jumps to `instant`, which must not be in this clock's past. */
  set(instant: Date | number): void {
    this.advance(+instant - this.nowMs());
  }

  /** Waits not yet released (for this helper's own tests). */
  get pending(): number {
    return this.waits.size;
  }

  sleepUntil(instant: Date | number, signal?: AbortSignal): Promise<boolean> {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve(false);
      const wait: Wait = {
        at: +instant,
        resolve: (came) => {
          clearTimeout(wait.timer);
          this.waits.delete(wait);
          signal?.removeEventListener('abort', abort);
          resolve(came);
        },
      };
      const abort = () => wait.resolve(false);
      signal?.addEventListener('abort', abort, { once: true });
      this.waits.add(wait);
      this.aim(wait);
    });
  }

  private aim(wait: Wait): void {
    clearTimeout(wait.timer);
    const left = wait.at - this.nowMs();
    if (left <= 0) return wait.resolve(true);
    wait.timer = setTimeout(() => this.aim(wait), Math.min(left, 2 ** 31 - 1));
    wait.timer.unref();
  }
}
