import { Injectable } from '@nestjs/common';
import { Clock, SystemClock } from '../../common/clock.js';
import type { PlayOutcome, PlayoutDriver, PlayRequest } from './playout-driver.js';

/** Nothing plays by itself: the operator plays the file and confirms what aired. */
@Injectable()
export class ManualDriver implements PlayoutDriver {
  readonly kind = 'manual';

  constructor(private readonly clock: Clock = new SystemClock()) {}

  async play(_settings: unknown, _request: PlayRequest): Promise<PlayOutcome> {
    const now = this.clock.now();
    return {
      result: 'awaiting_confirmation',
      startedAt: now,
      endedAt: now,
      playedSeconds: 0,
    };
  }
}
