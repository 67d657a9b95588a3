import { groupBy, placeholders, utcDate, type ReadQuery } from '../../common/sql.js';
import type { CommendationView, ExemplarView } from './dto/exemplar.dto.js';
import type { ExemplarKind, ExemplarStatus, RecognitionLevel } from './exemplar.entity.js';

interface Row {
  id: number;
  name: string;
  kind: ExemplarKind;
  model_name: string | null;
  model_description: string | null;
  field_id: number | null;
  field_name: string | null;
  place_id: number | null;
  place_name: string | null;
  level: RecognitionLevel;
  year_registered: number | null;
  status: ExemplarStatus;
  notes: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

type CommendationRow = Omit<CommendationView, 'issuingBody'> & { exemplar_id: number; issuing_body: string };

/** Exemplar views with their field, place and commendations, for a list of ids in that order. */
export async function loadExemplarViews(read: ReadQuery, ids: number[]): Promise<ExemplarView[]> {
  if (ids.length === 0) return [];
  const marks = placeholders(ids.length);
  const rows: Row[] = await read(
    `SELECT e.id, e.name, e.kind, e.model_name, e.model_description, e.field_id, f.name AS field_name,
            e.place_id, p.name AS place_name, e.level, e.year_registered, e.status, e.notes, e.version,
            e.created_at, e.updated_at
       FROM exemplars e LEFT JOIN fields f ON f.id = e.field_id LEFT JOIN places p ON p.id = e.place_id
      WHERE e.id IN (${marks})`,
    ids,
  );
  const commendations = groupBy<CommendationRow, number>(
    await read(
      `SELECT id, exemplar_id, year, level, issuing_body, form, note FROM exemplar_commendations
        WHERE exemplar_id IN (${marks}) ORDER BY year, id`,
      ids,
    ),
    (row) => row.exemplar_id,
  );
  const byId = new Map(
    rows.map((e): [number, ExemplarView] => [
      e.id,
      {
        id: e.id,
        name: e.name,
        kind: e.kind,
        modelName: e.model_name,
        modelDescription: e.model_description,
        field: e.field_id === null ? null : { id: e.field_id, name: e.field_name ?? '' },
        place: e.place_id === null ? null : { id: e.place_id, name: e.place_name ?? '' },
        level: e.level,
        yearRegistered: e.year_registered,
        status: e.status,
        notes: e.notes,
        commendations: (commendations.get(e.id) ?? []).map((c) => ({
          id: c.id,
          year: c.year,
          level: c.level,
          issuingBody: c.issuing_body,
          form: c.form,
          note: c.note,
        })),
        version: e.version,
        createdAt: utcDate(e.created_at),
        updatedAt: utcDate(e.updated_at),
      },
    ]),
  );
  return ids.map((id) => byId.get(id)).filter((view): view is ExemplarView => view !== undefined);
}
