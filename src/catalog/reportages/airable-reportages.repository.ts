import { HttpStatus, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/errors.js';
import { placeholders } from '../../database/sql.js';
import { Database } from '../../database/database.service.js';

/**
 * A reportage as scheduling and playout see it: the catalog's published read model ("airable
 * reportage"). They never read the catalog's or the media's tables; the rule "a reportage may air"
 * lives here, once: approved, with a ready broadcast rendition of known length. Its validity dates
 * are judged by the caller, in the zone's time zone (placement-rules `checkValidity`).
 */
export interface AirableReportage {
  id: number;
  title: string;
  reporter: string | null;
  status: string;
  segmentId: number;
  fieldId: number | null;
  priority: number | null;
  validFrom: string | null;
  validUntil: string | null;
  /** The current audio asset (its status below), when there is one. */
  audioId: number | null;
  audioStatus: string | null;
  /** The broadcast rendition's file (relative to MEDIA_DIR), when there is one. */
  broadcastPath: string | null;
  /** Seconds on air: the rendition's, else the length the editor gave. */
  durationSeconds: number | null;
  /** The reportage's first place (lowest id), for the planner's spread; read by {@link AirableReportages.inSegments} only. */
  placeId?: number | null;
}

/** Why a reportage may not air now, or null when it may. */
export type NotAirable = 'REPORTAGE_NOT_APPROVED' | 'AUDIO_NOT_READY';

export function whyNotAirable(r: AirableReportage): NotAirable | null {
  if (r.status !== 'approved') return 'REPORTAGE_NOT_APPROVED';
  if (r.audioStatus !== 'ready' || !r.durationSeconds) return 'AUDIO_NOT_READY';
  return null;
}

/** The same rule as a refusal (409) in the words of the scheduler's form. */
export function refuseUnlessAirable(r: AirableReportage): void {
  const why = whyNotAirable(r);
  if (why === 'REPORTAGE_NOT_APPROVED')
    throw new AppError(
      HttpStatus.CONFLICT,
      why,
      `Phóng sự ${r.id} chưa được duyệt nên chưa được xếp lịch phát. Hãy gửi lãnh đạo duyệt trước.`,
    );
  if (why === 'AUDIO_NOT_READY')
    throw new AppError(
      HttpStatus.CONFLICT,
      why,
      `Phóng sự ${r.id} chưa có bản phát sóng sẵn sàng nên chưa xếp lịch được.`,
    );
}

interface Row {
  id: number;
  title: string;
  reporter: string | null;
  status: string;
  segment_id: number;
  field_id: number | null;
  priority: number | null;
  valid_from: string | null;
  valid_until: string | null;
  current_audio_id: number | null;
  audio_status: string | null;
  broadcast_path: string | null;
  broadcast_duration_seconds: number | null;
  duration_seconds: number | null;
  place_id?: number | null;
}

const SELECT = `SELECT r.id, r.title, r.reporter, r.status, r.segment_id, r.field_id, r.priority, r.valid_from, r.valid_until,
        r.duration_seconds, r.current_audio_id, a.status AS audio_status, a.broadcast_path, a.broadcast_duration_seconds
   FROM reportages r LEFT JOIN audio_assets a ON a.id = r.current_audio_id`;

const SELECT_WITH_PLACE = `SELECT r.id, r.title, r.reporter, r.status, r.segment_id, r.field_id, r.priority, r.valid_from,
        r.valid_until, r.duration_seconds, r.current_audio_id, a.status AS audio_status, a.broadcast_path,
        a.broadcast_duration_seconds,
        (SELECT MIN(place_id) FROM reportage_places rp WHERE rp.reportage_id = r.id) AS place_id
   FROM reportages r LEFT JOIN audio_assets a ON a.id = r.current_audio_id`;

const toAirable = (r: Row): AirableReportage => ({
  id: r.id,
  title: r.title,
  reporter: r.reporter,
  status: r.status,
  segmentId: r.segment_id,
  fieldId: r.field_id,
  priority: r.priority,
  validFrom: r.valid_from,
  validUntil: r.valid_until,
  audioId: r.current_audio_id,
  audioStatus: r.audio_status,
  broadcastPath: r.broadcast_path,
  durationSeconds: r.broadcast_duration_seconds ?? r.duration_seconds,
  ...(r.place_id !== undefined && { placeId: r.place_id }),
});

@Injectable()
export class AirableReportages {
  constructor(private readonly db: Database) {}

  async one(id: number, m?: EntityManager): Promise<AirableReportage | undefined> {
    const [row] = await this.db.on(m)<Row>(`${SELECT} WHERE r.id = ?`, [id]);
    return row && toAirable(row);
  }

  /** By id, for the reportages asked for (missing ones are absent from the map). */
  async byId(ids: number[], m?: EntityManager): Promise<Map<number, AirableReportage>> {
    const wanted = [...new Set(ids)];
    const found = new Map<number, AirableReportage>();
    for (let i = 0; i < wanted.length; i += 500) {
      const chunk = wanted.slice(i, i + 500);
      const rows = await this.db.on(m)<Row>(`${SELECT} WHERE r.id IN (${placeholders(chunk.length)})`, chunk);
      for (const row of rows) found.set(row.id, toAirable(row));
    }
    return found;
  }

  /** Every reportage of these segments that may air (the planner's candidates, with their place), by id. */
  async inSegments(segmentIds: number[], m?: EntityManager): Promise<AirableReportage[]> {
    if (segmentIds.length === 0) return [];
    const rows = await this.db.on(m)<Row>(
      `${SELECT_WITH_PLACE} WHERE r.status = 'approved' AND a.status = 'ready' AND a.broadcast_duration_seconds > 0
          AND r.segment_id IN (${placeholders(segmentIds.length)}) ORDER BY r.id`,
      segmentIds,
    );
    return rows.map(toAirable);
  }
}
