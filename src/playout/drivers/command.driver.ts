import { spawn } from 'node:child_process';
import { Injectable } from '@nestjs/common';
import { Clock, SystemClock } from '../../common/clock.js';
import { viNumber } from '../../common/text.js';
import {
  resultOf,
  type PlayOutcome,
  type PlayoutDriver,
  type PlayoutSettings,
  type PlayRequest,
} from './playout-driver.js';

/**
 * Runs a program of the station's PC with the file (a player wired to the transmitter or amplifier).
 * Its exit status decides: 0 aired, anything else failed; killed at the timeout or on interruption.
 */
@Injectable()
export class CommandDriver implements PlayoutDriver {
  readonly kind = 'command';

  constructor(private readonly clock: Clock = new SystemClock()) {}

  play(settings: PlayoutSettings, request: PlayRequest): Promise<PlayOutcome> {
    if (settings.driver !== 'command') throw new Error('CommandDriver needs command settings');
    const args = settings.args.map((a) =>
      a.replaceAll('{file}', request.file).replaceAll('{title}', request.title),
    );
    const timeoutMs = (settings.timeoutSeconds ?? request.durationSeconds + 30) * 1000;
    // The as-run instants come from the clock; how long the program ran is measured on the machine's time.
    const startedAt = this.clock.now();
    const began = performance.now();
    return new Promise((resolve) => {
      let stderr = '';
      let timedOut = false;
      let finished = false;
      const child = spawn(settings.command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
      const kill = () => child.kill('SIGTERM');
      const timer = setTimeout(() => {
        timedOut = true;
        kill();
      }, timeoutMs);
      request.signal.addEventListener('abort', kill, { once: true });
      const finish = (exitCode: number | null, error?: string) => {
        if (finished) return; // a program that cannot start is an 'error', then a 'close'
        finished = true;
        clearTimeout(timer);
        request.signal.removeEventListener('abort', kill);
        const endedAt = this.clock.now();
        const elapsed = (performance.now() - began) / 1000;
        const ok = exitCode === 0 && !timedOut && !request.signal.aborted;
        const played = ok ? request.durationSeconds : Math.min(elapsed, request.durationSeconds);
        resolve({
          // A program that failed or timed out says nothing of what went out: failed. Cut by a bulletin: partial.
          result: ok
            ? 'aired'
            : request.signal.aborted
              ? resultOf(played, request.durationSeconds, true)
              : 'failed',
          startedAt,
          endedAt,
          playedSeconds: played,
          exitCode,
          ...(ok
            ? {}
            : {
                error:
                  error ??
                  (timedOut
                    ? `Lệnh phát chạy quá ${viNumber(timeoutMs / 1000, 0)} giây và đã bị dừng.`
                    : request.signal.aborted
                      ? 'Bị ngắt (tin khẩn cấp hoặc dừng dịch vụ).'
                      : `Lệnh phát kết thúc với mã ${exitCode}${stderr.trim() ? `: ${stderr.trim().split('\n').at(-1)}` : ''}.`),
              }),
        });
      };
      child.on('error', (error) =>
        finish(null, `Không chạy được lệnh phát "${settings.command}": ${error.message}`),
      );
      // 'close', not 'exit': only then has all of its stderr been read (its last line is the reason).
      child.on('close', (code) => finish(code));
    });
  }
}
