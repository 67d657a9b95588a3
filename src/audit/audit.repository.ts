import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Database } from '../database/database.service.js';
import { SqlWhere } from '../database/sql.js';
import { AuditEntry } from './audit-entry.entity.js';

/** One entry to append, as {@link AuditEntry} stores it (its id comes from the table). */
export type NewAuditEntry = Omit<AuditEntry, 'id'>;

/** An entry as the trail's list reads it (snake_case columns, `changes` still JSON text). */
export interface AuditRow {
  id: number;
  at: string | Date;
  user_id: number | null;
  username: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  changes: string;
  request_id: string | null;
}

/** A change to a record by a signed-in account, as {@link AuditRepository.changesSince} reads it. */
export interface AuditChangeRow {
  user_id: number;
  username: string | null;
  action: string;
  changes: string;
}

/** What the trail's list may be filtered on; `from`/`to` are UTC instants (`to` excluded). */
export interface AuditFilter {
  entity?: string;
  entityId?: string;
  userId?: number;
  action?: string;
  from?: string;
  to?: string;
}

/**
 * Appends one entry in the caller's transaction. A plain function as well as a method, for the
 * command line, which has no Nest app (see `writeAudit`).
 */
export async function appendAuditEntry(m: EntityManager, entry: NewAuditEntry): Promise<void> {
  // simple-json: TypeORM's insert typing does not take a JSON column's object as it is.
  await m.insert(AuditEntry, { ...entry, changes: entry.changes as never });
}

/** The audit_log table: appended to inside every feature's transactions, read by the trail. Never updated. */
@Injectable()
export class AuditRepository {
  constructor(private readonly db: Database) {}

  append(m: EntityManager, entry: NewAuditEntry): Promise<void> {
    return appendAuditEntry(m, entry);
  }

  /**
   * Entries of a record by signed-in accounts with one of `actions`, after the latest entry with one
   * of the `since` actions (all of them when there is none), oldest first.
   */
  changesSince(
    m: EntityManager,
    entity: string,
    entityId: string,
    actions: readonly string[],
    since: readonly string[],
  ): Promise<AuditChangeRow[]> {
    const list = (values: readonly string[]) => values.map(() => '?').join(', ');
    return m.query(
      `SELECT user_id, username, action, changes FROM audit_log
         WHERE entity = ? AND entity_id = ? AND user_id IS NOT NULL AND action IN (${list(actions)})
           AND id > COALESCE(
             (SELECT MAX(id) FROM audit_log WHERE entity = ? AND entity_id = ? AND action IN (${list(since)})), 0)
         ORDER BY id`,
      [entity, entityId, ...actions, entity, entityId, ...since],
    );
  }

  /** One page of the trail, newest first, and how many entries match, on the read pool. */
  async page(filter: AuditFilter, limit: number, offset: number): Promise<{ total: number; rows: AuditRow[] }> {
    const where = new SqlWhere();
    if (filter.entity) where.add('entity = ?', filter.entity);
    if (filter.entityId) where.add('entity_id = ?', filter.entityId);
    if (filter.userId) where.add('user_id = ?', filter.userId);
    if (filter.action) where.add('action = ?', filter.action);
    if (filter.from) where.add('at >= ?', filter.from);
    if (filter.to) where.add('at < ?', filter.to);
    const [{ n }] = await this.db.read<{ n: number }>(
      `SELECT COUNT(*) AS n FROM audit_log ${where}`,
      where.params,
    );
    const rows = await this.db.read<AuditRow>(
      `SELECT id, at, user_id, username, action, entity, entity_id, changes, request_id FROM audit_log ${where}
       ORDER BY id DESC LIMIT ? OFFSET ?`,
      [...where.params, limit, offset],
    );
    return { total: n, rows };
  }
}
