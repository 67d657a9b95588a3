import { Column, Entity } from 'typeorm';
import { Tracked } from '../../database/tracked.entity.js';

/** Lĩnh vực: the area of life a model or reportage belongs to. */
@Entity('fields')
export class Field extends Tracked {
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 120 })
  slug: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'integer', default: 0 })
  sortOrder: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
