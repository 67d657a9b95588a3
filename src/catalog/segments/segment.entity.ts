import { Column, Entity } from 'typeorm';
import { Tracked } from '../../database/tracked.entity.js';

/** How the planner treats a segment's reportages (see src/scheduling/planner.ts). */
export interface PlanningRules {
  /** Airings per zone, the first included. */
  maxAirings: number;
  /** Local calendar days between two airings in the same zone. */
  minDaysBetween: number;
  firstAiringsFirst: boolean;
  /** Avoid the same field (lĩnh vực) twice in a row. */
  spreadFields: boolean;
  /** Avoid the same commune twice in a row. */
  spreadPlaces: boolean;
}

export const DEFAULT_PLANNING: Readonly<PlanningRules> = Object.freeze({
  maxAirings: 2,
  minDaysBetween: 7,
  firstAiringsFirst: true,
  spreadFields: true,
  spreadPlaces: true,
});

/** Chuyên mục: a recurring named program slot such as "Hoa giữa đời thường". */
@Entity('segments')
export class Segment extends Tracked {
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 120 })
  slug: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** Typical length of one reportage, in seconds. */
  @Column({ type: 'integer', nullable: true })
  minDurationSeconds: number | null;

  @Column({ type: 'integer', nullable: true })
  maxDurationSeconds: number | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Jingles (audio assets) joined before and after every broadcast rendition of the segment's reportages. */
  @Column({ type: 'integer', nullable: true })
  introAudioId: number | null;

  @Column({ type: 'integer', nullable: true })
  outroAudioId: number | null;

  /** Stored as given; read with the defaults filled in, so a reader always sees every rule. */
  @Column({
    type: 'text',
    nullable: true,
    transformer: {
      to: (rules: Partial<PlanningRules> | null | undefined) => (rules ? JSON.stringify(rules) : null),
      from: (stored: string | Partial<PlanningRules> | null): PlanningRules => ({
        ...DEFAULT_PLANNING,
        ...(typeof stored === 'string' ? (JSON.parse(stored) as Partial<PlanningRules>) : (stored ?? {})),
      }),
    },
  })
  planning: PlanningRules;
}
