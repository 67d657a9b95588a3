import { groupBy, placeholders, utcDate, type ReadQuery } from '../../common/sql.js';
import type { RefView } from '../exemplars/dto/exemplar.dto.js';
import type { ReportageView } from './dto/reportage.dto.js';
import type { ReportageStatus } from './reportage.entity.js';

interface Row {
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

type LinkRow = RefView & { owner: number };

/**
 * Reportage views for a list of ids, in that order: three plain queries (rows with their segment and
 * field names, exemplar links, place links) instead of an ORM join, which cost more than the search.
 */
export async function loadReportageViews(
  read: ReadQuery,
  ids: number[],
  withScript = false,
): Promise<ReportageView[]> {
  if (ids.length === 0) return [];
  const marks = placeholders(ids.length);
  const rows: Row[] = await read(
    `SELECT r.id, r.segment_id, s.name AS segment_name, r.title, r.summary, ${withScript ? 'r.script,' : ''}
            r.field_id, f.name AS field_name, r.reporter, r.recorded_on, r.tags, r.valid_from, r.valid_until, r.priority,
            r.status, r.duration_seconds, r.current_audio_id, a.status AS audio_status,
            r.version, r.created_at, r.updated_at
       FROM reportages r JOIN segments s ON s.id = r.segment_id LEFT JOIN fields f ON f.id = r.field_id
       LEFT JOIN audio_assets a ON a.id = r.current_audio_id
      WHERE r.id IN (${marks})`,
    ids,
  );
  const exemplars = groupBy<LinkRow, number>(
    await read(
      `SELECT re.reportage_id AS owner, e.id, e.name FROM reportage_exemplars re JOIN exemplars e ON e.id = re.exemplar_id
        WHERE re.reportage_id IN (${marks}) ORDER BY e.id`,
      ids,
    ),
    (row) => row.owner,
  );
  const places = groupBy<LinkRow, number>(
    await read(
      `SELECT rp.reportage_id AS owner, p.id, p.name FROM reportage_places rp JOIN places p ON p.id = rp.place_id
        WHERE rp.reportage_id IN (${marks}) ORDER BY p.id`,
      ids,
    ),
    (row) => row.owner,
  );
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
