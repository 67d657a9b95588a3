import { Column, Entity } from 'typeorm';
import { Tracked } from '../../database/tracked.entity.js';

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
}
