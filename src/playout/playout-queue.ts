import type { JobsOptions } from 'bullmq';

/** The queue whose delayed jobs fire broadcasts at their time. */
export const PLAYOUT_QUEUE = 'playout';

export enum PlayoutJob {
  Placement = 'air-placement',
  Bulletin = 'air-bulletin',
}

/** `dueAt`: the instant it airs, by the service's clock (epoch ms); absent on jobs queued before it existed. */
export interface PlayoutJobData {
  [PlayoutJob.Placement]: { placementId: number; version: number; dueAt?: number };
  [PlayoutJob.Bulletin]: { bulletinId: number; zoneIds: number[]; dueAt?: number };
}

/** Moving a placement bumps its version, so the job of the old time and the new one differ. */
export const placementJobId = (placementId: number, version: number) =>
  `placement-${placementId}-v${version}`;
export const bulletinJobId = (bulletinId: number) => `bulletin-${bulletinId}`;

/** A broadcast is never retried: spoken content does not start again part-way (DOMAIN.md). */
export const PLAYOUT_JOB_OPTIONS: JobsOptions = {
  attempts: 1,
  removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};
