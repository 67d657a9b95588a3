import { PlacedInterval } from './placement-rules.js';
import { ZoneTree } from './zones.js';

/** Sorted intervals of one zone as epoch milliseconds; the planner appends to them in time order. */
export interface IntervalList {
  starts: number[];
  ends: number[];
}

export interface AirTimeConflict {
  zoneId: number;
  start: Date;
  end: Date;
}

/**
 * Air time already taken around a zone: existing placements in the zone and the zones above and below
 * it, and planned items of the zones above (planned before this one). Intervals are sorted by start with
 * a running maximum of ends, so "is this instant taken, and until when is it free" is two binary searches.
 */
export class TakenAirTime {
  private readonly lists: (IntervalList & { maxEnd: number[]; zones: number[] })[] = [];

  constructor(
    zones: ZoneTree,
    private readonly zoneId: number,
    existing: readonly PlacedInterval[],
    planned: ReadonlyMap<number, IntervalList>,
  ) {
    const related = zones.related(zoneId);
    const mine = existing.filter((p) => related.has(p.zoneId));
    this.add(
      mine.map((p) => p.start.getTime()),
      mine.map((p) => p.end.getTime()),
      mine.map((p) => p.zoneId),
    );
    for (const ancestor of zones.ancestors(zoneId)) {
      const list = planned.get(ancestor);
      if (list) this.add(list.starts, list.ends, new Array<number>(list.starts.length).fill(ancestor));
    }
  }

  /**
   * The interval covering `at` (if any), else the next start after `at`. `own` is the zone's own plan so
   * far: it only grows in time order, so its last item is the only one that can cover `at`.
   */
  at(at: number, own: IntervalList): { conflict?: AirTimeConflict; nextStart: number } {
    let nextStart = Infinity;
    const ownLast = own.ends.length - 1;
    if (ownLast >= 0 && own.ends[ownLast] > at) {
      return {
        conflict: {
          zoneId: this.zoneId,
          start: new Date(own.starts[ownLast]),
          end: new Date(own.ends[ownLast]),
        },
        nextStart,
      };
    }
    for (const list of this.lists) {
      let lo = 0;
      let hi = list.starts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list.starts[mid] <= at) lo = mid + 1;
        else hi = mid;
      }
      if (lo > 0 && list.maxEnd[lo - 1] > at) {
        let k = lo - 1;
        while (list.ends[k] <= at) k -= 1;
        return {
          conflict: { zoneId: list.zones[k], start: new Date(list.starts[k]), end: new Date(list.ends[k]) },
          nextStart,
        };
      }
      if (lo < list.starts.length) nextStart = Math.min(nextStart, list.starts[lo]);
    }
    return { nextStart };
  }

  private add(starts: number[], ends: number[], zones: number[]): void {
    if (starts.length === 0) return;
    const maxEnd: number[] = [];
    for (let k = 0; k < ends.length; k += 1)
      maxEnd.push(Math.max(ends[k], k > 0 ? maxEnd[k - 1] : -Infinity));
    this.lists.push({ starts, ends, maxEnd, zones });
  }
}
