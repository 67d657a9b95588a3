import { Column, Entity } from 'typeorm';
import { Tracked } from '../database/tracked.entity.js';

export const ASSET_STATUSES = ['queued', 'processing', 'ready', 'failed', 'cancelled'] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];

/** What ffprobe found in the upload: the content decides, never the file name. */
export interface ProbeSummary {
  format: string;
  durationSeconds: number;
  codec: string;
  sampleRate: number;
  channels: number;
  bitRate: number | null;
  hasVideo: boolean;
}

export interface Silence {
  start: number;
  end: number;
  duration: number;
}

/** Result of the analysis pass (EBU R128 and silence), all on the mono downmix that will air. */
export interface AudioAnalysis {
  integratedLufs: number;
  loudnessRangeLu: number;
  truePeakDbtp: number;
  leadingSilenceSeconds: number;
  trailingSilenceSeconds: number;
  silences: Silence[];
  gainDb: number;
  limiter: boolean;
}

/** One uploaded audio version of a reportage, from the untouched original to the broadcast rendition. */
@Entity('audio_assets')
export class AudioAsset extends Tracked {
  @Column({ type: 'integer', nullable: true })
  reportageId: number | null;

  /** As the reporter's computer named it (NFC); never used as a path. */
  @Column({ type: 'varchar', length: 500 })
  originalName: string;

  /** Relative to MEDIA_DIR, content-addressed: originals/ab/<sha256>. */
  @Column({ type: 'varchar', length: 300 })
  originalPath: string;

  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } })
  sizeBytes: number;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ type: 'simple-json' })
  probe: ProbeSummary;

  @Column({ type: 'real' })
  durationSeconds: number;

  @Column({ type: 'varchar', length: 16 })
  status: AssetStatus;

  @Column({ type: 'integer', default: 0 })
  progress: number;

  /** Why processing failed, in words a person understands. */
  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'simple-json', nullable: true })
  analysis: AudioAnalysis | null;

  @Column({ type: 'real', nullable: true })
  loudnessIn: number | null;

  @Column({ type: 'real', nullable: true })
  truePeakIn: number | null;

  @Column({ type: 'real', nullable: true })
  loudnessRangeIn: number | null;

  @Column({ type: 'real', nullable: true })
  loudnessOut: number | null;

  @Column({ type: 'real', nullable: true })
  truePeakOut: number | null;

  @Column({ type: 'simple-json', default: '[]' })
  warnings: string[];

  @Column({ type: 'varchar', length: 300, nullable: true })
  broadcastPath: string | null;

  @Column({
    type: 'bigint',
    nullable: true,
    transformer: {
      to: (v: number | null) => v,
      from: (v: string | number | null) => (v === null ? null : Number(v)),
    },
  })
  broadcastSizeBytes: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  broadcastSha256: string | null;

  @Column({ type: 'real', nullable: true })
  broadcastDurationSeconds: number | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  waveformPath: string | null;

  @Column({ type: 'datetime', nullable: true })
  processedAt: Date | null;
}
