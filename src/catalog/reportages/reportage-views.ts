import { groupBy, utcDate } from '../../database/sql.js';
import type { RefView } from '../exemplars/dto/exemplar.dto.js';
import type { ReportageView } from './dto/reportage.dto.js';
import type { ReportageStatus } from './reportage.entity.js';

export interface ReportageViewRow {
  id: number;
  segment_id: number;
  segment_name: string;
  title: string;
  summary: string | null;
  script?: string | null;
  field_id: number | null;
  field_name: string | null;
  reporter: string | null;
  recorded_on: string | null;
  tags: string;
  valid_from: string | null;
  valid_until: string | null;
  priority: number | null;
  status: ReportageStatus;
  duration_seconds: number | null;
  current_audio_id: number | null;
  audio_status: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export type LinkRow = RefView & { owner: number };

/** What {@link ReportagesRepository.views} reads for a list of reportages (see reportages.repository.ts). */
export interface ReportageViewRows {
  rows: ReportageViewRow[];
  exemplars: LinkRow[];
  places: LinkRow[];
}

/**
 * Reportage views for a list of ids, in that order, from three plain queries (rows with their
 * segment and field names, exemplar links, place links) instead of an ORM join, which cost more
 * than the search.
 */
export function toReportageViews(
  ids: number[],
  found: ReportageViewRows,
  withScript = false,
): ReportageView[] {
  const { rows } = found;
  const exemplars = groupBy<LinkRow, number>(found.exemplars, (row) => row.owner);
  const places = groupBy<LinkRow, number>(found.places, (row) => row.owner);
  const refs = (links: LinkRow[] | undefined) => (links ?? []).map(({ id, name }) => ({ id, name }));
  const byId = new Map(
    rows.map((r): [number, ReportageView] => [
      r.id,
      {
        id: r.id,
        segment: { id: r.segment_id, name: r.segment_name },
        title: r.title,
        summary: r.summary,
        ...(withScript ? { script: r.script ?? null } : {}),
        field: r.field_id === null ? null : { id: r.field_id, name: r.field_name ?? '' },
        exemplars: refs(exemplars.get(r.id)),
        places: refs(places.get(r.id)),
        reporter: r.reporter,
        recordedOn: r.recorded_on,
        tags: JSON.parse(r.tags || '[]') as string[],
        validFrom: r.valid_from,
        validUntil: r.valid_until,
        priority: r.priority,
        status: r.status,
        durationSeconds: r.duration_seconds,
        currentAudio:
          r.current_audio_id === null ? null : { id: r.current_audio_id, status: r.audio_status ?? '' },
        version: r.version,
        createdAt: utcDate(r.created_at),
        updatedAt: utcDate(r.updated_at),
      },
    ]),
  );
  return ids.map((id) => byId.get(id)).filter((view): view is ReportageView => view !== undefined);
}
