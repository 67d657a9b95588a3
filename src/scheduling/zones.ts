import { invalid } from '../common/errors.js';
import { DEFAULT_TIME_ZONE, ianaZone } from './local-time.js';

/**
 * Broadcast zones as a tree: a commune station (đài truyền thanh xã) with its loudspeaker clusters
 * (cụm loa) below it, possibly a provincial system above. What a zone plays is heard by every zone
 * below it, so two placements conflict when their zones are the same or one lies above the other;
 * sibling clusters may play different things at the same time.
 */
export interface ZoneSpec {
  id: number;
  parentId?: number | null;
  /** IANA time zone; Asia/Ho_Chi_Minh when absent. */
  timeZone?: string | null;
  /** What people call it ("Đài truyền thanh xã Long Tân"), for messages. */
  name?: string | null;
}

export class ZoneTree {
  private readonly parents = new Map<number, number | null>();
  private readonly children = new Map<number, number[]>();
  private readonly zonesById = new Map<number, ZoneSpec>();
  private readonly relatedCache = new Map<number, ReadonlySet<number>>();

  constructor(zones: readonly ZoneSpec[]) {
    for (const zone of zones) {
      if (this.zonesById.has(zone.id))
        throw invalid('DUPLICATE_ZONE', `Vùng phát ${zone.id} bị khai báo hai lần.`);
      if (zone.timeZone) ianaZone(zone.timeZone);
      this.zonesById.set(zone.id, zone);
      this.children.set(zone.id, []);
    }
    for (const zone of [...zones].sort((a, b) => a.id - b.id)) {
      const parent = zone.parentId ?? null;
      if (parent !== null && !this.zonesById.has(parent)) {
        throw invalid('UNKNOWN_ZONE', `Vùng phát ${zone.id} thuộc vùng ${parent} không tồn tại.`);
      }
      this.parents.set(zone.id, parent);
      if (parent !== null) this.children.get(parent)!.push(zone.id);
    }
    for (const zone of zones) {
      const seen = new Set<number>();
      for (let id: number | null = zone.id; id !== null; id = this.parents.get(id) ?? null) {
        if (seen.has(id)) throw invalid('ZONE_CYCLE', `Cây vùng phát có vòng lặp tại vùng ${zone.id}.`);
        seen.add(id);
      }
    }
  }

  has(id: number): boolean {
    return this.zonesById.has(id);
  }

  timeZone(id: number): string {
    return this.zone(id).timeZone || DEFAULT_TIME_ZONE;
  }

  /** The zone's name for a message; "vùng phát 3" only when the tree was built without names. */
  nameOf(id: number): string {
    return this.zonesById.get(id)?.name || `vùng phát ${id}`;
  }

  /** Zones above `id`, nearest first. */
  ancestors(id: number): number[] {
    const result: number[] = [];
    for (let parent = this.parents.get(this.zone(id).id) ?? null; parent !== null;) {
      result.push(parent);
      parent = this.parents.get(parent) ?? null;
    }
    return result;
  }

  /** Zones below `id`, depth first, children by id. */
  descendants(id: number): number[] {
    const result: number[] = [];
    const stack = [...this.childrenOf(id)].reverse();
    while (stack.length > 0) {
      const next = stack.pop()!;
      result.push(next);
      stack.push(...[...this.childrenOf(next)].reverse());
    }
    return result;
  }

  /** The zone itself, the zones above it and the zones below it: those whose air time it shares. */
  related(id: number): ReadonlySet<number> {
    let related = this.relatedCache.get(id);
    if (!related) {
      related = new Set([id, ...this.ancestors(id), ...this.descendants(id)]);
      this.relatedCache.set(id, related);
    }
    return related;
  }

  areRelated(a: number, b: number): boolean {
    return this.related(a).has(b);
  }

  /** Every zone, parents before children, siblings by id. */
  preorder(): number[] {
    const roots = [...this.parents].filter(([, parent]) => parent === null).map(([id]) => id);
    return roots.sort((a, b) => a - b).flatMap((root) => [root, ...this.descendants(root)]);
  }

  private childrenOf(id: number): readonly number[] {
    return this.children.get(this.zone(id).id)!;
  }

  private zone(id: number): ZoneSpec {
    const zone = this.zonesById.get(id);
    if (!zone) throw invalid('UNKNOWN_ZONE', `Không có vùng phát ${id}.`);
    return zone;
  }
}
