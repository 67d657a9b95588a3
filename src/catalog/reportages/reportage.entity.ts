import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Tracked } from '../../database/tracked.entity.js';

export const REPORTAGE_STATUSES = ['draft', 'submitted', 'approved', 'rejected', 'archived'] as const;
export type ReportageStatus = (typeof REPORTAGE_STATUSES)[number];

/** Phóng sự: one audio episode of a segment. */
@Entity('reportages')
export class Reportage extends Tracked {
  @Column({ type: 'integer' })
  segmentId: number;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'varchar', length: 300 })
  titleFolded: string;

  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Column({ type: 'text', nullable: true })
  script: string | null;

  /**
   * The account that changed the reportage or its audio last. Four-eyes looks further: at every
   * account that changed it since the last approval, in the audit trail (see the service).
   */
  @Column({ type: 'integer', nullable: true })
  editedBy: number | null;

  @Column({ type: 'integer', nullable: true })
  fieldId: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reporter: string | null;

  /** Calendar date (YYYY-MM-DD) the recording was made. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  recordedOn: string | null;

  @Column({ type: 'simple-json', default: '[]' })
  tags: string[];

  /** First and last calendar day (inclusive, planning time zone) the reportage may air. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  validFrom: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  validUntil: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: ReportageStatus;

  @Column({ type: 'real', nullable: true })
  durationSeconds: number | null;

  /** Planning priority: 1 is the most urgent; null comes after every numbered one. */
  @Column({ type: 'integer', nullable: true })
  priority: number | null;

  /** The audio version that airs: the latest upload (see the media module). */
  @Column({ type: 'integer', nullable: true })
  currentAudioId: number | null;
}

/** One transition of a reportage's editorial status: who, when, why. */
@Entity('reportage_status_changes')
export class ReportageStatusChange {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  reportageId: number;

  @Column({ type: 'varchar', length: 16 })
  action: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  fromStatus: ReportageStatus | null;

  @Column({ type: 'varchar', length: 16 })
  toStatus: ReportageStatus;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  actor: string | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
