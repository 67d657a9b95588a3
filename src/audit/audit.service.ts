import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { pageOf, offsetOf, type Page } from '../common/pagination.js';
import { currentRequest, type Actor } from '../common/request-context.js';
import { utcDate } from '../database/sql.js';
import { startOfLocalDayUtc, startOfNextLocalDayUtc } from '../common/time.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import type { FieldChange } from './audit-entry.entity.js';
import { changesBetween } from './audit-changes.js';
import { appendAuditEntry, AuditRepository } from './audit.repository.js';
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
    private readonly entries: AuditRepository,
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
    const rows = await this.entries.changesSince(m, entity, String(entityId), actions, since);
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
    const { total, rows } = await this.entries.page(
      {
        entity: query.entity,
        entityId: query.entityId,
        userId: query.userId,
        action: query.action,
        from: query.from ? startOfLocalDayUtc(query.from, zone) : undefined,
        to: query.to ? startOfNextLocalDayUtc(query.to, zone) : undefined,
      },
      query.pageSize,
      offsetOf(query),
    );
    return pageOf(
      rows.map((r) => ({
        id: r.id,
        at: utcDate(r.at).toISOString(),
        userId: r.user_id,
        username: r.username,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        changes: JSON.parse(r.changes) as Record<string, FieldChange>,
        requestId: r.request_id,
      })),
      total,
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
  await appendAuditEntry(m, {
    at: new Date(),
    userId: actor?.id ?? null,
    username: actor?.username ?? null,
    action: record.action,
    entity: record.entity,
    entityId: record.entityId === null ? null : String(record.entityId),
    changes,
    requestId: context.requestId ?? null,
  });
}
