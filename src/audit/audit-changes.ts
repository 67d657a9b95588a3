import type { FieldChange } from './audit-entry.entity.js';

/** Bookkeeping and derived columns that say nothing a reader of the trail needs. */
const IGNORED = new Set(['version', 'createdAt', 'updatedAt', 'titleFolded', 'nameFolded', 'passwordHash']);

type Snapshot = Record<string, unknown> | null | undefined;

function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  return value === undefined ? null : value;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields that differ between two states of a record, as `{ field: { from, to } }`. A created
 * record has no `from`, a deleted one no `to`. Pure, so the rules are tested without a database.
 */
export function changesBetween(before: Snapshot, after: Snapshot): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (IGNORED.has(key)) continue;
    const from = before ? plain(before[key]) : undefined;
    const to = after ? plain(after[key]) : undefined;
    if (!before) {
      if (to !== null) changes[key] = { to };
    } else if (!after) {
      if (from !== null) changes[key] = { from };
    } else if (!same(from, to)) {
      changes[key] = { from, to };
    }
  }
  return changes;
}

/** A shallow copy of an entity's own fields, taken before it is changed. */
export function snapshot<T extends object>(record: T): Record<string, unknown> {
  return { ...(record as Record<string, unknown>) };
}
