/**
 * Preloaded (`node --import`) into a built service process that a test starts with a clock
 * (startServiceProcess in processes.ts): the service's system clock reads a {@link TestClock} instead,
 * which the test moves over the process's IPC channel. Nothing in the service changes; only where
 * its `SystemClock` gets the time. Built into dist/ (tsconfig.build.json) for that reason.
 */
import { SystemClock } from '../../src/common/clock.js';
import { TestClock } from './test-clock.js';

/** What the test sends: jump `advanceMs` ahead; answered with the same id and the new time. */
export interface ClockMessage {
  id: number;
  advanceMs: number;
}

const clock = new TestClock();
SystemClock.prototype.now = () => clock.now();
SystemClock.prototype.sleepUntil = (instant, signal) => clock.sleepUntil(instant, signal);
Object.defineProperty(SystemClock.prototype, 'runsAhead', { get: () => true });

process.on('message', (message: Partial<ClockMessage>) => {
  if (typeof message?.id !== 'number' || typeof message.advanceMs !== 'number') return;
  clock.advance(message.advanceMs);
  process.send?.({ id: message.id, now: clock.nowMs() });
});
// The channel must not keep a stopped service alive.
process.channel?.unref();
