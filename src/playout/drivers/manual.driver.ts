import { Injectable } from '@nestjs/common';
import type { PlayOutcome, PlayoutDriver, PlayRequest } from './playout-driver.js';

/** Nothing plays by itself: the operator plays the file and confirms what aired. */
@Injectable()
export class ManualDriver implements PlayoutDriver {
  readonly kind = 'manual';

  async play(_settings: unknown, _request: PlayRequest): Promise<PlayOutcome> {
    const now = new Date();
    return {
      result: 'awaiting_confirmation',
      startedAt: now,
      endedAt: now,
      playedSeconds: 0,
    };
  }
}
