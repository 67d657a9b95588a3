import { groupBy, utcDate } from '../../database/sql.js';
import type { CommendationView, ExemplarView } from './dto/exemplar.dto.js';
import type { ExemplarKind, ExemplarStatus, RecognitionLevel } from './exemplar.entity.js';

/** An exemplar row with its field's and place's names (ExemplarsRepository.views). */
export interface ExemplarRow {
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

export type CommendationRow = Omit<CommendationView, 'issuingBody'> & {
  exemplar_id: number;
  issuing_body: string;
};

/** Exemplar views for a list of ids in that order, from their rows and their commendations
 * (in the order to show: by year, then id). */
export function toExemplarViews(
  ids: number[],
  rows: ExemplarRow[],
  commendationRows: CommendationRow[],
): ExemplarView[] {
  const commendations = groupBy(commendationRows, (row) => row.exemplar_id);
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
