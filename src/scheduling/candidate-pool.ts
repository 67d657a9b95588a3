import { invalid } from '../common/errors.js';
import { IndexHeap } from './index-heap.js';
import { dayNumber, localDayOf } from './local-time.js';
import type { PlannerCandidate, SegmentRules } from './planner.js';

/**
 * The planner's candidates (approved reportages) and their airing state in the zone being planned.
 * Candidates sit in typed arrays indexed by their rank in id order; per segment, two heaps hold them:
 * `ready` (may air now, best first) and `pending` (waiting for validFrom or for D days to pass, soonest
 * first). A slot pops from `ready` until something fits, so a slot costs O(log n), not O(n).
 */
export const SPREAD_LOOKAHEAD = 64;

const NEVER = -1e9;
const FOREVER = 1e9;

export interface SegmentPool {
  rule: SegmentRules;
  ready: IndexHeap;
  pending: IndexHeap;
  /** Candidates of the segment, whatever their state. */
  size: number;
  /** Candidates longer than every slot of the segment in this zone (or without a duration). */
  neverFits: number;
  shortestNeverFits: number;
}

export interface Pick {
  /** Candidate index, or -1. */
  chosen: number;
  /** Ready candidates passed over because they are longer than the slot. */
  tooLong: number;
  shortest: number;
}

export class CandidatePool {
  readonly candidates: PlannerCandidate[];
  private readonly duration: Float64Array;
  private readonly priority: Float64Array;
  private readonly validFrom: Float64Array;
  private readonly validUntil: Float64Array;
  private readonly bySegment = new Map<number, number[]>();
  private readonly priorsByZone = new Map<number, { index: number; at: number }[]>();
  // State of the zone being planned.
  private readonly airings: Int32Array;
  private readonly lastDay: Float64Array;
  private readonly available: Float64Array;
  private pools = new Map<number, SegmentPool>();
  private previous = new Map<number, number>();
  private longestFit = new Map<number, number>();

  constructor(
    candidates: readonly PlannerCandidate[],
    private readonly rules: (segmentId: number) => SegmentRules,
  ) {
    this.candidates = [...candidates].sort((a, b) => a.id - b.id);
    const n = this.candidates.length;
    this.duration = new Float64Array(n);
    this.priority = new Float64Array(n);
    this.validFrom = new Float64Array(n);
    this.validUntil = new Float64Array(n);
    this.airings = new Int32Array(n);
    this.lastDay = new Float64Array(n);
    this.available = new Float64Array(n);
    this.candidates.forEach((c, i) => {
      if (i > 0 && this.candidates[i - 1].id === c.id) {
        throw invalid('DUPLICATE_CANDIDATE', `Phóng sự ${c.id} có hai lần.`);
      }
      this.duration[i] =
        Number.isFinite(c.durationSeconds) && c.durationSeconds > 0 ? c.durationSeconds : Infinity;
      this.priority[i] = c.priority ?? Infinity;
      this.validFrom[i] = c.validFrom ? dayNumber(c.validFrom) : NEVER;
      this.validUntil[i] = c.validUntil ? dayNumber(c.validUntil) : FOREVER;
      pushTo(this.bySegment, c.segmentId, i);
      for (const prior of c.priorAirings ?? [])
        pushTo(this.priorsByZone, prior.zoneId, { index: i, at: prior.at.getTime() });
    });
  }

  /**
   * Begins a zone: airing counts and last days from its prior airings, the previous item of each
   * segment (the latest prior airing), and the longest item any of its slots could take per segment:
   * longer reportages never enter the heaps, so they are not popped and pushed back at every slot.
   */
  startZone(zoneId: number, timeZone: string, longestFit: Map<number, number>): void {
    this.airings.fill(0);
    this.lastDay.fill(NEVER);
    this.pools = new Map();
    this.previous = new Map();
    this.longestFit = longestFit;
    const lastPriorAt = new Map<number, number>();
    for (const { index, at } of this.priorsByZone.get(zoneId) ?? []) {
      this.airings[index] += 1;
      this.lastDay[index] = Math.max(this.lastDay[index], localDayOf(at, timeZone));
      const segment = this.candidates[index].segmentId;
      const seen = lastPriorAt.get(segment);
      if (seen === undefined || at > seen || (at === seen && index > this.previous.get(segment)!)) {
        lastPriorAt.set(segment, at);
        this.previous.set(segment, index);
      }
    }
  }

  pool(segmentId: number): SegmentPool {
    let pool = this.pools.get(segmentId);
    if (pool) return pool;
    const { airings, lastDay, priority, validUntil, validFrom, available, duration } = this;
    const rule = this.rules(segmentId);
    const members = this.bySegment.get(segmentId) ?? [];
    const firstFirst = rule.firstAiringsFirst;
    const ready = new IndexHeap(
      (a, b) =>
        (firstFirst ? Number(airings[a] > 0) - Number(airings[b] > 0) : 0) ||
        priority[a] - priority[b] ||
        airings[a] - airings[b] ||
        lastDay[a] - lastDay[b] ||
        validUntil[a] - validUntil[b] ||
        a - b,
      members.length,
    );
    const pending = new IndexHeap((a, b) => available[a] - available[b] || a - b, members.length);
    pool = { rule, ready, pending, size: members.length, neverFits: 0, shortestNeverFits: Infinity };
    const fit = this.longestFit.get(segmentId) ?? 0;
    for (const i of members) {
      if (airings[i] >= rule.maxAirings || validUntil[i] < validFrom[i]) continue;
      if (duration[i] > fit) {
        pool.neverFits += 1;
        pool.shortestNeverFits = Math.min(pool.shortestNeverFits, duration[i]);
      } else {
        available[i] = Math.max(validFrom[i], airings[i] > 0 ? lastDay[i] + rule.minDaysBetween : NEVER);
        if (available[i] <= validUntil[i]) pending.push(i);
      }
    }
    this.pools.set(segmentId, pool);
    return pool;
  }

  /** The zone's latest item of a segment (planned or prior), for field and commune spread. */
  previousOf(segmentId: number): PlannerCandidate | undefined {
    const index = this.previous.get(segmentId);
    return index === undefined ? undefined : this.candidates[index];
  }

  /** The day a waiting candidate may air soonest, if any waits. */
  earliestWaiting(pool: SegmentPool): number | undefined {
    return pool.pending.size > 0 ? this.available[pool.pending.peek()] : undefined;
  }

  /**
   * The best candidate for a slot on local day `today` that lasts at most `capacity` seconds: the top
   * of `ready` that fits, or, when it repeats the previous field or commune, a better-spread one of the
   * same class and priority among the next SPREAD_LOOKAHEAD that fit.
   */
  pick(pool: SegmentPool, segmentId: number, today: number, capacity: number): Pick {
    const { ready, pending, rule } = pool;
    const { available, validUntil, duration, priority, airings, candidates } = this;
    while (pending.size > 0 && available[pending.peek()] <= today) {
      const i = pending.pop();
      if (validUntil[i] >= today) ready.push(i);
    }

    const prev = this.previousOf(segmentId);
    const prevField = prev?.fieldId ?? null;
    const prevPlace = prev?.placeId ?? null;
    const wantField = rule.spreadFields && prevField !== null;
    const wantPlace = rule.spreadPlaces && prevPlace !== null;
    const wanted = (wantField ? 2 : 0) + (wantPlace ? 1 : 0);
    const spread = (i: number): number =>
      (wantField && differs(prevField, candidates[i].fieldId) ? 2 : 0) +
      (wantPlace && differs(prevPlace, candidates[i].placeId) ? 1 : 0);

    const popped: number[] = [];
    const result: Pick = { chosen: -1, tooLong: 0, shortest: Infinity };
    while (ready.size > 0) {
      const i = ready.pop();
      if (validUntil[i] < today) continue; // expired: leaves the pool
      popped.push(i);
      if (duration[i] <= capacity) {
        result.chosen = i;
        break;
      }
      result.tooLong += 1;
      result.shortest = Math.min(result.shortest, duration[i]);
    }
    const first = result.chosen;
    if (first >= 0 && spread(first) < wanted) {
      const sameGroup = (i: number) =>
        priority[i] === priority[first] && (!rule.firstAiringsFirst || airings[i] > 0 === airings[first] > 0);
      let best = spread(first);
      for (let looked = 0; ready.size > 0 && looked < SPREAD_LOOKAHEAD && best < wanted;) {
        const i = ready.peek();
        if (!sameGroup(i)) break;
        ready.pop();
        if (validUntil[i] < today) continue;
        popped.push(i);
        if (duration[i] > capacity) continue;
        looked += 1;
        if (spread(i) > best) {
          best = spread(i);
          result.chosen = i;
        }
      }
    }
    for (const i of popped) if (i !== result.chosen) ready.push(i);
    return result;
  }

  /** Records an airing of candidate `i` on `today`; returns its airing number in the zone and the gap. */
  record(
    pool: SegmentPool,
    segmentId: number,
    i: number,
    today: number,
  ): { airing: number; daysSinceLast?: number } {
    const { airings, lastDay, available, validFrom, validUntil } = this;
    const daysSinceLast = airings[i] > 0 ? today - lastDay[i] : undefined;
    airings[i] += 1;
    lastDay[i] = today;
    if (airings[i] < pool.rule.maxAirings) {
      available[i] = Math.max(validFrom[i], today + pool.rule.minDaysBetween);
      // A reportage that expires before it may air again leaves the zone's pool for good.
      if (available[i] <= validUntil[i]) pool.pending.push(i);
    }
    this.previous.set(segmentId, i);
    return { airing: airings[i], daysSinceLast };
  }

  durationOf(i: number): number {
    return this.duration[i];
  }
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A null field or place never counts as "the same". */
function differs(previous: number | null, next: number | null | undefined): boolean {
  return previous === null || next === null || next === undefined || previous !== next;
}
