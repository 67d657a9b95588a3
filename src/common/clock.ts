import { Global, Module } from '@nestjs/common';

/** setTimeout's longest delay (about 24.8 days); longer waits are taken in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The one source of "now" for what the service decides by the time: when a placement is due, late
 * or missed, when a session or a sign-in window ends, what "today" is for a plan or a report. Inject
 * it instead of calling `new Date()`; tests install a clock they can move (test/helpers/test-clock.ts)
 * instead of sleeping until an airtime. Log lines and measured durations keep the machine's time.
 */
export abstract class Clock {
  abstract now(): Date;

  /** The same instant as {@link now}, in milliseconds since the epoch. */
  nowMs(): number {
    return this.now().getTime();
  }

  /**
   * Resolves `true` once this clock reads `instant` or later (at once when it already does), or
   * `false` as soon as `signal` aborts. Never rejects, never keeps the process alive by itself.
   */
  abstract sleepUntil(instant: Date | number, signal?: AbortSignal): Promise<boolean>;

  /**
   * True for a clock that may run ahead of the machine's (a test moving time). Redis counts delayed
   * jobs on the machine's time, so only then must the playout dispatcher release jobs due by this clock.
   */
  get runsAhead(): boolean {
    return false;
  }
}

/** The machine's clock: what runs in production. */
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }

  sleepUntil(instant: Date | number, signal?: AbortSignal): Promise<boolean> {
    const at = +instant;
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve(false);
      let timer: NodeJS.Timeout | undefined;
      const abort = () => {
        clearTimeout(timer);
        resolve(false);
      };
      const check = () => {
        const left = at - Date.now();
        if (left <= 0) {
          signal?.removeEventListener('abort', abort);
          return resolve(true);
        }
        timer = setTimeout(check, Math.min(left, MAX_TIMER_MS));
        timer.unref();
      };
      signal?.addEventListener('abort', abort, { once: true });
      check();
    });
  }
}

/** Registered once for the whole application; the system clock unless a test overrides `Clock`. */
@Global()
@Module({
  providers: [{ provide: Clock, useClass: SystemClock }],
  exports: [Clock],
})
export class ClockModule {}
