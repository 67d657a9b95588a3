import type { JobsOptions } from 'bullmq';

/** The queue that turns uploads into broadcast renditions. */
export const AUDIO_QUEUE = 'audio';

/** Job names of the audio queue, and the payload each carries. */
export enum AudioJob {
  Process = 'process-asset',
}

export interface AudioJobData {
  [AudioJob.Process]: { assetId: number };
}

/** One job per asset: a second enqueue of the same asset is a no-op. */
export const audioJobId = (assetId: number) => `asset-${assetId}`;

/** Temporary failures (a killed worker, a full disk) are retried with growing pauses. */
export function audioJobOptions(attempts: number): JobsOptions {
  return {
    attempts,
    backoff: { type: 'exponential', delay: 5_000 },
    removeOnComplete: { age: 7 * 24 * 3600, count: 1000 },
    removeOnFail: { age: 30 * 24 * 3600 },
  };
}
