import { CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/**
 * What every editable record carries: an id, a `version` for optimistic concurrency (bumped on every
 * save) and its creation and last-change instants (UTC).
 */
export abstract class Tracked {
  @PrimaryGeneratedColumn()
  id: number;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
