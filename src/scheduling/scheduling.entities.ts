import { Column, Entity } from 'typeorm';
import { Tracked } from '../database/tracked.entity.js';

const json = <T>(fallback: T) => ({
  to: (value: T | null | undefined) => JSON.stringify(value ?? fallback),
  // TypeORM also passes back values it already holds as objects (after an insert).
  from: (stored: string | T | null) =>
    typeof stored === 'string' ? (JSON.parse(stored) as T) : (stored ?? fallback),
});

export const ZONE_KINDS = ['station', 'cluster'] as const;
export type ZoneKind = (typeof ZONE_KINDS)[number];

/** Vùng phát: a commune station (đài truyền thanh xã) or one of its loudspeaker clusters (cụm loa). */
@Entity('zones')
export class Zone extends Tracked {
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  kind: ZoneKind;

  /** A cluster's station; null for a station. */
  @Column({ type: 'integer', nullable: true })
  parentId: number | null;

  @Column({ type: 'integer', nullable: true })
  placeId: number | null;

  @Column({ type: 'varchar', length: 64, default: 'Asia/Ho_Chi_Minh' })
  timeZone: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Playout settings; their shape belongs to the playout issue. */
  @Column({ type: 'text', default: '{}', transformer: json<Record<string, unknown>>({}) })
  playout: Record<string, unknown>;
}

/** Khung giờ phát: a recurring session of a zone, as local wall-clock times and an RRULE. */
@Entity('broadcast_windows')
export class BroadcastWindow extends Tracked {
  @Column({ type: 'integer' })
  zoneId: number;

  @Column({ type: 'varchar', length: 200, nullable: true })
  name: string | null;

  @Column({ type: 'varchar', length: 5 })
  startTime: string;

  @Column({ type: 'varchar', length: 5 })
  endTime: string;

  @Column({ type: 'varchar', length: 10 })
  startDate: string;

  @Column({ type: 'varchar', length: 200 })
  rrule: string;

  @Column({ type: 'text', default: '[]', transformer: json<string[]>([]) })
  exceptDates: string[];

  @Column({ type: 'boolean', default: true })
  active: boolean;
}

/** A segment's (chuyên mục) slot inside a window: "on Tuesday and Friday at 17:10, up to 10 minutes". */
@Entity('segment_allocations')
export class SegmentAllocation extends Tracked {
  @Column({ type: 'integer' })
  windowId: number;

  @Column({ type: 'integer' })
  segmentId: number;

  @Column({ type: 'varchar', length: 5 })
  time: string;

  @Column({ type: 'integer' })
  maxSeconds: number;

  /** Days the slot is used; null: every session of the window. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  rrule: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  startDate: string | null;

  @Column({ type: 'text', default: '[]', transformer: json<string[]>([]) })
  exceptDates: string[];
}

/** Statuses that no longer hold air time. The playout issue adds on_air, aired, missed, failed. */
export const RELEASED_STATUSES = ['cancelled'] as const;

/** Lịch phát: one airing of a reportage in a zone. */
@Entity('placements')
export class Placement extends Tracked {
  @Column({ type: 'integer' })
  zoneId: number;

  @Column({ type: 'integer' })
  reportageId: number;

  @Column({ type: 'integer', nullable: true })
  allocationId: number | null;

  @Column({ type: 'datetime' })
  startsAt: Date;

  @Column({ type: 'datetime' })
  endsAt: Date;

  /** Length of the broadcast rendition when placed. */
  @Column({ type: 'real' })
  durationSeconds: number;

  @Column({ type: 'varchar', length: 16 })
  status: string;

  /** Not the first airing of the reportage in this zone (phát lại). */
  @Column({ type: 'boolean', default: false })
  isReair: boolean;

  @Column({ type: 'integer', nullable: true })
  firstAiringId: number | null;

  @Column({ type: 'integer', nullable: true })
  planId: number | null;

  @Column({ type: 'text', nullable: true })
  cancelReason: string | null;

  @Column({ type: 'datetime', nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'integer', nullable: true })
  createdBy: number | null;
}

/** A planner proposal, kept until applied or expired. */
@Entity('plans')
export class Plan extends Tracked {
  /** applying: between the start and the commit point of an apply (see PlansService.apply). */
  @Column({ type: 'varchar', length: 16 })
  status: 'proposed' | 'applying' | 'applied' | 'expired';

  @Column({ type: 'text' })
  request: string;

  @Column({ type: 'text' })
  proposal: string;

  @Column({ type: 'integer', default: 0 })
  placementCount: number;

  @Column({ type: 'integer', default: 0 })
  unfilledCount: number;

  @Column({ type: 'integer', nullable: true })
  createdBy: number | null;

  @Column({ type: 'datetime', nullable: true })
  appliedAt: Date | null;
}

export const SCHEDULING_ENTITIES = [Zone, BroadcastWindow, SegmentAllocation, Placement, Plan];
