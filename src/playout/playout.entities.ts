import { Column, Entity } from 'typeorm';
import { Tracked } from '../database/tracked.entity.js';

export const BULLETIN_PRIORITIES = ['normal', 'priority', 'emergency'] as const;
export type BulletinPriority = (typeof BULLETIN_PRIORITIES)[number];
export const BULLETIN_STATUSES = [
  'waiting_audio',
  'waiting_scheduler',
  'dispatched',
  'done',
  'failed',
] as const;
export type BulletinStatus = (typeof BULLETIN_STATUSES)[number];

/** Tin thường / ưu tiên / khẩn cấp: a bulletin pushed down to zones outside the column. */
@Entity('bulletins')
export class Bulletin extends Tracked {
  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'varchar', length: 16 })
  priority: BulletinPriority;

  @Column({ type: 'simple-json' })
  zoneIds: number[];

  @Column({ type: 'integer' })
  audioAssetId: number;

  @Column({ type: 'varchar', length: 24 })
  status: BulletinStatus;

  /** When it airs: at once (emergency) or the start of the next window (priority). */
  @Column({ type: 'datetime', nullable: true })
  airAt: Date | null;

  @Column({ type: 'integer', nullable: true })
  createdBy: number | null;
}

export const AS_RUN_RESULTS = [
  'on_air',
  'aired',
  'partial',
  'missed',
  'failed',
  'awaiting_confirmation',
] as const;
export type AsRunResult = (typeof AS_RUN_RESULTS)[number];

/** One airing attempt of a placement or a bulletin on a zone: what really happened. */
@Entity('as_run_entries')
export class AsRunEntry extends Tracked {
  @Column({ type: 'integer', nullable: true })
  placementId: number | null;

  @Column({ type: 'integer', nullable: true })
  bulletinId: number | null;

  @Column({ type: 'integer' })
  zoneId: number;

  @Column({ type: 'datetime' })
  scheduledAt: Date;

  @Column({ type: 'datetime', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  endedAt: Date | null;

  @Column({ type: 'real', default: 0 })
  playedSeconds: number;

  @Column({ type: 'varchar', length: 24 })
  result: AsRunResult;

  @Column({ type: 'varchar', length: 16 })
  driver: string;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'integer', nullable: true })
  interruptedBy: number | null;

  @Column({ type: 'integer', nullable: true })
  confirmedBy: number | null;

  @Column({ type: 'datetime', nullable: true })
  confirmedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}

export const PLAYOUT_ENTITIES = [Bulletin, AsRunEntry];
