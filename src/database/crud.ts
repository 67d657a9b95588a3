import type { Type as Class } from '@nestjs/common';
import { ApiProperty, IntersectionType, PartialType } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import { In, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { dialectOf } from './dialect-sql.js';
import { DecimalInt } from '../common/dto.js';
import { invalid, notFound, staleVersion } from '../common/errors.js';

/** The `version` an update sends back: the one the client read. A stale one is refused with 409. */
export class VersionedUpdate {
  @ApiProperty({ description: 'Phiên bản bản ghi mà người sửa đã đọc (optimistic concurrency).', minimum: 1 })
  @DecimalInt()
  @IsInt()
  @Min(1)
  version: number;
}

/**
 * The body of a PATCH: every field of the create body optional, plus the `version` read. Omitted
 * fields stay as they are; null is validated, so a required field (a name, a title) cannot be cleared
 * while optional ones still take null.
 */
export function VersionedPatch<T>(create: Class<T>) {
  return IntersectionType(PartialType(create, { skipNullProperties: false }), VersionedUpdate);
}

export async function findOr404<T extends ObjectLiteral & { id: number }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: number,
  label: string,
): Promise<T> {
  const found = await manager.findOne(entity, { where: { id } as never });
  if (!found) throw notFound(label, id);
  return found;
}

/** Loads a record for update and checks the client's version against the stored one. */
export async function findForUpdate<T extends ObjectLiteral & { id: number; version: number }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: number,
  version: number,
  label: string,
): Promise<T> {
  // PostgreSQL runs writes side by side: the row stays locked until this transaction ends, so the
  // version checked is the one replaced (SQLite's one writer at a time gives that by itself).
  if (dialectOf(manager.connection) === 'postgres' && manager.queryRunner?.isTransactionActive)
    await manager.query(
      `SELECT 1 FROM ${manager.connection.getMetadata(entity).tableName} WHERE id = ? FOR UPDATE`,
      [id],
    );
  const found = await findOr404(manager, entity, id, label);
  if (found.version !== version) throw staleVersion(label[0].toUpperCase() + label.slice(1), found.version);
  return found;
}

/** Copies the fields a PATCH actually sent (undefined means "not sent"; null clears). */
export function assignDefined<T extends object>(target: T, patch: Partial<T>): T {
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined && key !== 'version') (target as Record<string, unknown>)[key] = value;
  }
  return target;
}

/** Counts rows matching a raw WHERE, used to explain why a delete is refused. */
export async function countWhere(
  manager: EntityManager,
  table: string,
  where: string,
  params: unknown[],
): Promise<number> {
  const [row] = await manager.query(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`, params);
  return Number(row?.n ?? 0);
}

/** A referenced record must exist; otherwise a 422 naming the field that points nowhere. */
export async function requireRefs(
  manager: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  ids: (number | null | undefined)[],
  field: string,
  label: string,
): Promise<void> {
  const wanted = [...new Set(ids.filter((id): id is number => typeof id === 'number'))];
  if (wanted.length === 0) return;
  const found = await manager.count(entity, { where: { id: In(wanted) } as never });
  if (found === wanted.length) return;
  const existing = await manager.find(entity, {
    where: { id: In(wanted) } as never,
    select: { id: true } as never,
  });
  const missing = wanted.filter((id) => !existing.some((row) => row.id === id));
  throw invalid('REFERENCE_NOT_FOUND', `Không tìm thấy ${label} có mã ${missing.join(', ')}.`, [
    {
      field,
      code: 'notFound',
      message: `${label[0].toUpperCase()}${label.slice(1)} ${missing.join(', ')} không tồn tại.`,
    },
  ]);
}
