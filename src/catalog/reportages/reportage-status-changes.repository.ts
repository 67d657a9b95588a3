import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Database } from '../../database/database.service.js';
import { ReportageStatusChange } from './reportage.entity.js';

/** One entry of a reportage's editorial history, as written (the table stamps the time). */
export type NewStatusChange = Omit<ReportageStatusChange, 'id' | 'createdAt'>;

/** The table `reportage_status_changes`: each reportage's editorial history. */
@Injectable()
export class ReportageStatusChangesRepository {
  constructor(private readonly db: Database) {}

  async add(m: EntityManager, change: NewStatusChange): Promise<void> {
    await m.insert(ReportageStatusChange, change);
  }

  /** A reportage's history, oldest first. Outside a transaction, read on the writer's connection. */
  ofReportage(reportageId: number, m: EntityManager = this.db.manager): Promise<ReportageStatusChange[]> {
    return m.find(ReportageStatusChange, { where: { reportageId }, order: { id: 'ASC' } });
  }
}
