import { Column, Entity } from 'typeorm';
import { Tracked } from '../database/tracked.entity.js';

export const ASSET_STATUSES = ['queued', 'processing', 'ready', 'failed', 'cancelled'] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];

/** An asset's status in the words the reporter reads (the web interface uses the same ones). */
export const ASSET_STATUS_LABELS: Record<AssetStatus, string> = {
  queued: 'đang chờ xử lý',
  processing: 'đang xử lý',
  ready: 'sẵn sàng',
  failed: 'bị lỗi',
  cancelled: 'đã huỷ',
};

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

/** Result of the analysis pass (EBU R128, channels, band, silence), on the programme as it will air. */
export interface AudioAnalysis {
  integratedLufs: number;
  loudnessRangeLu: number;
  truePeakDbtp: number;
  leadingSilenceSeconds: number;
  trailingSilenceSeconds: number;
  silences: Silence[];
  /** Gain applied: the linear one planned, then (once rendered) the one used, limiter make-up included. */
  gainDb: number;
  limiter: boolean;
  limiterCeilingDbtp?: number | null;
  /** Encodes and trial passes the rendition took (normally 1 and 0 or 2). */
  renders?: number;
  trials?: number;
  /** Each source channel before any downmix (dB; −120 for digital silence). */
  channels?: { rmsDb: number; peakDb: number }[];
  /** The one live channel aired alone when the others were dead; null: the mono downmix. */
  usedChannel?: number | null;
  /** A leveller evened out voices whose loudness range was wider than the house standard (11 LU). */
  leveller?: boolean;
  loudnessRangeBeforeLevellerLu?: number | null;
  /** Mean level above 7 kHz (dB): next to nothing for a telephone recording. */
  highBandDb?: number | null;
  narrowband?: boolean;
  clipped?: boolean;
  /** What the analysis found worth telling the reporter (Vietnamese). */
  warnings?: string[];
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
