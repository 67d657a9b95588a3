/** A WHERE clause built from optional filters, with positional parameters in order. */
export class SqlWhere {
  private readonly parts: string[] = [];
  readonly params: unknown[] = [];

  add(condition: string, ...params: unknown[]): this {
    this.parts.push(condition);
    this.params.push(...params);
    return this;
  }

  toString(): string {
    return this.parts.length ? `WHERE ${this.parts.map((p) => `(${p})`).join(' AND ')}` : '';
  }
}

/** `?` placeholders for a list of n values. */
export const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(',');

/** The ids of a place and every place below it (a commune and its villages, a province and all of it). */
export const PLACE_SUBTREE = `WITH RECURSIVE subtree(id) AS (
  SELECT ? UNION ALL SELECT p.id FROM places p JOIN subtree ON p.parent_id = subtree.id
) SELECT id FROM subtree`;

/** Orders records loaded by id in the order of `ids` (the order a search ranked them in). */
export function inOrderOf<T extends { id: number }>(ids: number[], records: T[]): T[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is T => r !== undefined);
}
