import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { countWhere } from '../../database/crud.js';
import { Database } from '../../database/database.service.js';
import { placeholders } from '../../database/sql.js';
import type { CommendationDto, ExemplarView } from './dto/exemplar.dto.js';
import { toExemplarViews, type CommendationRow, type ExemplarRow } from './exemplar-views.js';
import { Commendation, Exemplar } from './exemplar.entity.js';

/** Exemplars and their commendations (tables exemplars, exemplar_commendations). */
@Injectable()
export class ExemplarsRepository {
  constructor(private readonly db: Database) {}

  /**
   * Exemplar views with their field, place and commendations, for a list of ids in that order. Inside
   * a write transaction (`m`), as it sees them (its own uncommitted changes included).
   */
  async views(ids: number[], m?: EntityManager): Promise<ExemplarView[]> {
    if (ids.length === 0) return [];
    const read = this.db.on(m);
    const marks = placeholders(ids.length);
    const rows = await read<ExemplarRow>(
      `SELECT e.id, e.name, e.kind, e.model_name, e.model_description, e.field_id, f.name AS field_name,
            e.place_id, p.name AS place_name, e.level, e.year_registered, e.status, e.notes, e.version,
            e.created_at, e.updated_at
       FROM exemplars e LEFT JOIN fields f ON f.id = e.field_id LEFT JOIN places p ON p.id = e.place_id
      WHERE e.id IN (${marks})`,
      ids,
    );
    const commendations = await read<CommendationRow>(
      `SELECT id, exemplar_id, year, level, issuing_body, form, note FROM exemplar_commendations
        WHERE exemplar_id IN (${marks}) ORDER BY year, id`,
      ids,
    );
    return toExemplarViews(ids, rows, commendations);
  }

  /** Saves a new exemplar and returns it with its id. */
  insert(m: EntityManager, fields: Partial<Exemplar>): Promise<Exemplar> {
    return m.save(m.create(Exemplar, fields));
  }

  save(m: EntityManager, exemplar: Exemplar): Promise<Exemplar> {
    return m.save(exemplar);
  }

  async delete(m: EntityManager, id: number): Promise<void> {
    await m.delete(Exemplar, id);
  }

  /** How many reportages are about the exemplar. */
  reportageCount(m: EntityManager, id: number): Promise<number> {
    return countWhere(m, 'reportage_exemplars', 'exemplar_id = ?', [id]);
  }

  /** Replaces the exemplar's commendations with `list`. */
  async replaceCommendations(m: EntityManager, exemplarId: number, list: CommendationDto[]): Promise<void> {
    await m.delete(Commendation, { exemplarId });
    if (list.length) {
      await m.insert(
        Commendation,
        list.map((c) => ({
          exemplarId,
          year: c.year,
          level: c.level,
          issuingBody: c.issuingBody,
          form: c.form,
          note: c.note ?? null,
        })),
      );
    }
  }
}
