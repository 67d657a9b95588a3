import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { pageOf, offsetOf, type Page } from '../common/pagination.js';
import { currentRequest, type Actor } from '../common/request-context.js';
import { SqlWhere, utcDate } from '../common/sql.js';
import { startOfLocalDayUtc, startOfNextLocalDayUtc } from '../common/time.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { Database } from '../database/database.service.js';
import { AuditEntry, type FieldChange } from './audit-entry.entity.js';
import { changesBetween } from './audit-changes.js';
import type { AuditEntryView, ListAuditQuery } from './dto/audit.dto.js';

export const AUDITED_ENTITIES = [
  'reportage',
  'exemplar',
  'place',
  'field',
  'segment',
  'audio_asset',
  'user',
  'session',
  'zone',
  'broadcast_window',
  'allocation',
  'placement',
  'plan',
  'as_run',
  'bulletin',
] as const;
export type AuditedEntity = (typeof AUDITED_ENTITIES)[number];

export interface AuditRecord {
  action: string;
  entity: AuditedEntity;
  entityId: number | string | null;
  /** Either the changes themselves, or the states before and after to compare. */
  changes?: Record<string, FieldChange>;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Who acted, when it is not the request's signed-in account (a sign-in, a command-line tool). */
  actor?: Actor;
}

/** One change a record went through, as {@link AuditService.changesSince} reports it. */
export interface AuditChange {
  userId: number;
  username: string | null;
  action: string;
  /** The fields it changed. */
  fields: string[];
}

/**
 * The audit trail: every change made through the API, with who made it (the signed-in account of the
 * request being served) and the request id. Written inside the transaction of the change itself, so
 * a change and its record commit or vanish together. The table refuses updates and deletes.
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  record(m: EntityManager, record: AuditRecord): Promise<void> {
    return writeAudit(m, record);
  }

  /**
   * Who changed a record, and how, since the latest entry with one of the `since` actions (its whole
   * history when there is none): one entry per change, oldest first, signed-in accounts only. Read
   * in the caller's transaction, so it sees the change being judged and nothing half-written.
   */
  async changesSince(
    m: EntityManager,
    entity: AuditedEntity,
    entityId: number | string,
    { actions, since }: { actions: readonly string[]; since: readonly string[] },
  ): Promise<AuditChange[]> {
    const list = (values: readonly string[]) => values.map(() => '?').join(', ');
    const id = String(entityId);
    const rows: { user_id: number; username: string | null; action: string; changes: string }[] =
      await m.query(
        `SELECT user_id, username, action, changes FROM audit_log
         WHERE entity = ? AND entity_id = ? AND user_id IS NOT NULL AND action IN (${list(actions)})
           AND id > COALESCE(
             (SELECT MAX(id) FROM audit_log WHERE entity = ? AND entity_id = ? AND action IN (${list(since)})), 0)
         ORDER BY id`,
        [entity, id, ...actions, entity, id, ...since],
      );
    return rows.map((r) => ({
      userId: r.user_id,
      username: r.username,
      action: r.action,
      fields: Object.keys(JSON.parse(r.changes) as Record<string, FieldChange>),
    }));
  }

  /** The trail itself; the controller adds the people's names (`displayName`) from the accounts. */
  async list(query: ListAuditQuery): Promise<Page<Omit<AuditEntryView, 'displayName'>>> {
    const zone = this.config.planningTimeZone;
    const where = new SqlWhere();
    if (query.entity) where.add('entity = ?', query.entity);
    if (query.entityId) where.add('entity_id = ?', query.entityId);
    if (query.userId) where.add('user_id = ?', query.userId);
    if (query.action) where.add('action = ?', query.action);
    if (query.from) where.add('at >= ?', startOfLocalDayUtc(query.from, zone));
    if (query.to) where.add('at < ?', startOfNextLocalDayUtc(query.to, zone));
    const [{ n }] = await this.db.read<{ n: number }>(
      `SELECT COUNT(*) AS n FROM audit_log ${where}`,
      where.params,
    );
    const rows = await this.db.read<Record<string, unknown>>(
      `SELECT id, at, user_id, username, action, entity, entity_id, changes, request_id FROM audit_log ${where}
       ORDER BY id DESC LIMIT ? OFFSET ?`,
      [...where.params, query.pageSize, offsetOf(query)],
    );
    return pageOf(
      rows.map((r) => ({
        id: r.id as number,
        at: utcDate(r.at as string).toISOString(),
        userId: r.user_id as number | null,
        username: r.username as string | null,
        action: r.action as string,
        entity: r.entity as string,
        entityId: r.entity_id as string | null,
        changes: JSON.parse(r.changes as string) as Record<string, FieldChange>,
        requestId: r.request_id as string | null,
      })),
      n,
      query,
    );
  }
}

/** Writes one audit entry in the caller's transaction (also used by the command line, which has no Nest app). */
export async function writeAudit(m: EntityManager, record: AuditRecord): Promise<void> {
  const context = currentRequest();
  const actor = record.actor ?? context.actor;
  const changes = record.changes ?? changesBetween(record.before, record.after);
  if (record.action === 'update' && Object.keys(changes).length === 0) return; // nothing changed
  await m.insert(AuditEntry, {
    at: new Date(),
    userId: actor?.id ?? null,
    username: actor?.username ?? null,
    action: record.action,
    entity: record.entity,
    entityId: record.entityId === null ? null : String(record.entityId),
    changes: changes as never,
    requestId: context.requestId ?? null,
  });
}
