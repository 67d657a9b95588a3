import { invalid } from '../common/errors.js';
import { IndexHeap } from './index-heap.js';
import { dayNumber, localDayOf } from './local-time.js';
import { PlacedInterval } from './placement-rules.js';
import {
  describePlacement,
  describeUnfilled,
  PlacementFacts,
  UnfilledCode,
  UnfilledFacts,
} from './planner-reasons.js';
import { IntervalList, TakenAirTime } from './taken-air-time.js';
import { ZoneTree } from './zones.js';

/**
 * The planner proposes which approved reportage (phóng sự) fills each segment slot in a period.
 * It is a deterministic greedy pass: same input, in any order, gives the same proposal.
 *
 * Choices where the issue is silent:
 * - maxAirings (N) and minDaysBetween (D) count per zone: a reportage airs at most N times on each
 *   station or cluster, and a station's listeners hear it again no sooner than D local calendar days
 *   later. "First airing" is likewise per zone: what this zone's listeners have not heard yet.
 * - Days are local calendar days of the zone: aired on a Tuesday evening, D = 7 allows the next
 *   Tuesday's morning session.
 * - One reportage per slot. A slot is a column's turn (a 10-minute slot for a 3–7 minute reportage).
 * - Priority: 1 is the most urgent ("ưu tiên 1"); a candidate without one comes after all numbered ones.
 * - Ranking inside a slot: first airings in the zone before re-airs (when firstAiringsFirst), then
 *   priority; within the same class and priority a different field from the zone's previous item of the
 *   segment, then a different commune (placeId); then fewer airings, least recently aired, sooner
 *   validUntil (so it airs before it expires), and id as the final tie-break.
 * - Spread is a preference among candidates of equal class and priority, looked for among the next
 *   SPREAD_LOOKAHEAD fitting candidates only, which keeps each slot O(log n) even when every candidate
 *   shares a field. A null field or place never counts as "the same".
 * - Zones are planned parents first. A zone's slot must not overlap what is already on the air in the
 *   zone, above it (fully planned by then) or below it (existing placements), so a commune station's
 *   own program wins over its clusters' slots at the same time. Slots within a zone are taken in time order.
 * - priorAirings are airings before the period (as-run or already confirmed); they count towards N and
 *   D. Existing placements only block air time; list them in priorAirings too when they should count.
 */
export interface SegmentRules {
  firstAiringsFirst: boolean;
  /** Airings per zone, first airing included. */
  maxAirings: number;
  /** Local calendar days between two airings in the same zone. */
  minDaysBetween: number;
  /** Avoid the same field (lĩnh vực) twice in a row in a zone's segment. */
  spreadFields: boolean;
  /** Avoid the same commune (placeId) twice in a row in a zone's segment. */
  spreadPlaces: boolean;
}

export const DEFAULT_SEGMENT_RULES: Readonly<SegmentRules> = Object.freeze({
  firstAiringsFirst: true,
  maxAirings: 2,
  minDaysBetween: 7,
  spreadFields: true,
  spreadPlaces: true,
});

export const SPREAD_LOOKAHEAD = 64;

export interface PriorAiring {
  zoneId: number;
  at: Date;
}

export interface PlannerCandidate {
  id: number;
  segmentId: number;
  durationSeconds: number;
  fieldId?: number | null;
  /** The commune (or other place) the reportage is about. */
  placeId?: number | null;
  /** 1 = most urgent. */
  priority?: number | null;
  /** Local calendar dates, inclusive. */
  validFrom?: string | null;
  validUntil?: string | null;
  priorAirings?: readonly PriorAiring[];
  /** First airing anywhere, if known beyond priorAirings; only tells "first ever" from "first here". */
  firstAiredAt?: Date | null;
}

/** The slot fields the planner reads (an AllocationOccurrence has them all). */
export interface PlannerSlot {
  allocationId: number;
  zoneId: number;
  segmentId: number;
  /** Local date of the session, "YYYY-MM-DD". */
  date: string;
  start: Date;
  maxSeconds: number;
  windowEnd: Date;
}

export type SegmentRulesInput =
  ReadonlyMap<number, Partial<SegmentRules>> | Readonly<Record<number, Partial<SegmentRules>>>;

export interface PlannerInput {
  zones: ZoneTree;
  slots: readonly PlannerSlot[];
  candidates: readonly PlannerCandidate[];
  /** Per segment id; missing values fall back to DEFAULT_SEGMENT_RULES. */
  rules?: SegmentRulesInput;
  /** Placements already on the schedule: their air time is taken. */
  existing?: readonly PlacedInterval[];
  /** Slots starting before this are reported as past and left alone. */
  now?: Date;
}

export interface ProposedPlacement {
  allocationId: number;
  zoneId: number;
  segmentId: number;
  date: string;
  reportageId: number;
  start: Date;
  end: Date;
  durationSeconds: number;
  /** 1 for the first airing in this zone, 2 for the first re-air, … */
  airingInZone: number;
  /** Never aired anywhere before this placement (as far as the input tells). */
  firstEver: boolean;
  reason: string;
}

export interface UnfilledSlot {
  allocationId: number;
  zoneId: number;
  segmentId: number;
  date: string;
  start: Date;
  code: UnfilledCode;
  reason: string;
}

export interface PlanProposal {
  placements: ProposedPlacement[];
  unfilled: UnfilledSlot[];
}

const NEVER = -1e9;
const FOREVER = 1e9;
const MS_PER_SECOND = 1000;

export function planSchedule(input: PlannerInput): PlanProposal {
  const { zones } = input;
  const nowMs = input.now ? input.now.getTime() : -Infinity;
  const rules = resolveRules(input.rules);

  const cands = [...input.candidates].sort((a, b) => a.id - b.id);
  const n = cands.length;
  const duration = new Float64Array(n);
  const priority = new Float64Array(n);
  const validFrom = new Float64Array(n);
  const validUntil = new Float64Array(n);
  const bySegment = new Map<number, number[]>();
  for (let i = 0; i < n; i += 1) {
    const c = cands[i];
    if (i > 0 && cands[i - 1].id === c.id)
      throw invalid('DUPLICATE_CANDIDATE', `Phóng sự ${c.id} có hai lần.`);
    duration[i] = Number.isFinite(c.durationSeconds) && c.durationSeconds > 0 ? c.durationSeconds : Infinity;
    priority[i] = c.priority ?? Infinity;
    validFrom[i] = c.validFrom ? dayNumber(c.validFrom) : NEVER;
    validUntil[i] = c.validUntil ? dayNumber(c.validUntil) : FOREVER;
    const list = bySegment.get(c.segmentId) ?? [];
    list.push(i);
    bySegment.set(c.segmentId, list);
  }
  const priorsByZone = groupPriors(cands);

  const slotsByZone = new Map<number, PlannerSlot[]>();
  for (const slot of input.slots) {
    if (!zones.has(slot.zoneId)) throw invalid('UNKNOWN_ZONE', `Không có vùng phát ${slot.zoneId}.`);
    const list = slotsByZone.get(slot.zoneId) ?? [];
    list.push(slot);
    slotsByZone.set(slot.zoneId, list);
  }

  const existing = [...(input.existing ?? [])].sort(
    (a, b) => a.start.getTime() - b.start.getTime() || a.id - b.id,
  );
  const planned = new Map<number, IntervalList>();

  // Per-zone state, reused zone after zone.
  const airings = new Int32Array(n);
  const lastDay = new Float64Array(n);
  const available = new Float64Array(n);
  const byRank = (a: number, b: number, firstFirst: boolean) =>
    (firstFirst ? Number(airings[a] > 0) - Number(airings[b] > 0) : 0) ||
    priority[a] - priority[b] ||
    airings[a] - airings[b] ||
    lastDay[a] - lastDay[b] ||
    validUntil[a] - validUntil[b] ||
    a - b;

  const placements: ProposedPlacement[] = [];
  const facts: PlacementFacts[] = [];
  const unfilled: UnfilledSlot[] = [];

  for (const zoneId of zones.preorder()) {
    const zoneSlots = slotsByZone.get(zoneId);
    if (!zoneSlots) continue;
    zoneSlots.sort((a, b) => a.start.getTime() - b.start.getTime() || a.allocationId - b.allocationId);
    const timeZone = zones.timeZone(zoneId);
    const blockers = new TakenAirTime(zones, zoneId, existing, planned);
    const own: IntervalList = { starts: [], ends: [] };
    planned.set(zoneId, own);

    airings.fill(0);
    lastDay.fill(NEVER);
    const previous = new Map<number, number>(); // segment → candidate index of the zone's last item
    const lastPriorAt = new Map<number, number>();
    for (const prior of priorsByZone.get(zoneId) ?? []) {
      const i = prior.index;
      airings[i] += 1;
      lastDay[i] = Math.max(lastDay[i], localDayOf(prior.at, timeZone));
      const segment = cands[i].segmentId;
      const seen = lastPriorAt.get(segment);
      if (seen === undefined || prior.at > seen || (prior.at === seen && i > previous.get(segment)!)) {
        lastPriorAt.set(segment, prior.at);
        previous.set(segment, i);
      }
    }

    // The longest item any slot of the segment could take here: longer reportages never enter the pool,
    // so they are not popped and pushed back at every slot.
    const longestFit = new Map<number, number>();
    for (const slot of zoneSlots) {
      const fit = Math.min(
        slot.maxSeconds,
        (slot.windowEnd.getTime() - slot.start.getTime()) / MS_PER_SECOND,
      );
      longestFit.set(slot.segmentId, Math.max(fit, longestFit.get(slot.segmentId) ?? 0));
    }

    const states = new Map<number, SegmentState>();
    const stateFor = (segmentId: number): SegmentState => {
      let state = states.get(segmentId);
      if (!state) {
        const rule = rules(segmentId);
        const members = bySegment.get(segmentId) ?? [];
        const ready = new IndexHeap((a, b) => byRank(a, b, rule.firstAiringsFirst), members.length);
        const pending = new IndexHeap((a, b) => available[a] - available[b] || a - b, members.length);
        state = { rule, ready, pending, size: members.length, neverFits: 0, shortestNeverFits: Infinity };
        const fit = longestFit.get(segmentId) ?? 0;
        for (const i of members) {
          if (airings[i] >= rule.maxAirings || validUntil[i] < validFrom[i]) continue;
          if (duration[i] > fit) {
            state.neverFits += 1;
            state.shortestNeverFits = Math.min(state.shortestNeverFits, duration[i]);
          } else {
            available[i] = Math.max(validFrom[i], airings[i] > 0 ? lastDay[i] + rule.minDaysBetween : NEVER);
            if (available[i] <= validUntil[i]) pending.push(i);
          }
        }
        states.set(segmentId, state);
      }
      return state;
    };

    for (const slot of zoneSlots) {
      const startMs = slot.start.getTime();
      const miss = (code: UnfilledCode, details: UnfilledFacts = {}) =>
        unfilled.push({
          allocationId: slot.allocationId,
          zoneId,
          segmentId: slot.segmentId,
          date: slot.date,
          start: slot.start,
          code,
          reason: describeUnfilled(code, details, timeZone),
        });
      if (startMs < nowMs) {
        miss('IN_PAST');
        continue;
      }
      const block = blockers.at(startMs, own);
      if (block.conflict) {
        miss('OCCUPIED', { conflict: block.conflict, ownZone: zoneId });
        continue;
      }
      const capacity = Math.min(
        slot.maxSeconds,
        (slot.windowEnd.getTime() - startMs) / MS_PER_SECOND,
        (block.nextStart - startMs) / MS_PER_SECOND,
      );
      const state = stateFor(slot.segmentId);
      if (state.size === 0) {
        miss('NO_CANDIDATES');
        continue;
      }
      const today = dayNumber(slot.date);
      while (state.pending.size > 0 && available[state.pending.peek()] <= today) {
        const i = state.pending.pop();
        if (validUntil[i] >= today) state.ready.push(i);
      }

      const prev = previous.get(slot.segmentId);
      const prevField = prev === undefined ? null : (cands[prev].fieldId ?? null);
      const prevPlace = prev === undefined ? null : (cands[prev].placeId ?? null);
      const wantField = state.rule.spreadFields && prevField !== null;
      const wantPlace = state.rule.spreadPlaces && prevPlace !== null;
      const wantsSpread = (wantField ? 2 : 0) + (wantPlace ? 1 : 0);
      const spread = (i: number): number =>
        (wantField && differs(prevField, cands[i].fieldId) ? 2 : 0) +
        (wantPlace && differs(prevPlace, cands[i].placeId) ? 1 : 0);

      const popped: number[] = [];
      let chosen = -1;
      let tooLong = 0;
      let shortest = Infinity;
      while (state.ready.size > 0) {
        const i = state.ready.pop();
        if (validUntil[i] < today) continue;
        popped.push(i);
        if (duration[i] <= capacity) {
          chosen = i;
          break;
        }
        tooLong += 1;
        shortest = Math.min(shortest, duration[i]);
      }
      if (chosen >= 0 && spread(chosen) < wantsSpread) {
        const first = chosen;
        const sameGroup = (i: number) =>
          priority[i] === priority[first] &&
          (!state.rule.firstAiringsFirst || airings[i] > 0 === airings[first] > 0);
        let bestScore = spread(chosen);
        let looked = 0;
        while (state.ready.size > 0 && looked < SPREAD_LOOKAHEAD && bestScore < wantsSpread) {
          const i = state.ready.peek();
          if (!sameGroup(i)) break;
          state.ready.pop();
          if (validUntil[i] < today) continue;
          popped.push(i);
          if (duration[i] > capacity) continue;
          looked += 1;
          const score = spread(i);
          if (score > bestScore) {
            bestScore = score;
            chosen = i;
          }
        }
      }
      for (const i of popped) if (i !== chosen) state.ready.push(i);

      if (chosen < 0) {
        const earliest = state.pending.size > 0 ? available[state.pending.peek()] : undefined;
        if (tooLong > 0) miss('TOO_SHORT', { capacity, shortest });
        else if (earliest !== undefined)
          miss('WAITING', { earliestDay: earliest, minDaysBetween: state.rule.minDaysBetween });
        else if (state.neverFits > 0 && state.shortestNeverFits !== Infinity)
          miss('TOO_SHORT', { capacity, shortest: state.shortestNeverFits });
        else miss('EXHAUSTED', { maxAirings: state.rule.maxAirings });
        continue;
      }

      const i = chosen;
      const daysSinceLast = airings[i] > 0 ? today - lastDay[i] : undefined;
      airings[i] += 1;
      lastDay[i] = today;
      if (airings[i] < state.rule.maxAirings) {
        available[i] = Math.max(validFrom[i], today + state.rule.minDaysBetween);
        // A reportage that expires before it may air again leaves the zone's pool for good.
        if (available[i] <= validUntil[i]) state.pending.push(i);
      }
      const endMs = startMs + Math.round(duration[i] * MS_PER_SECOND);
      own.starts.push(startMs);
      own.ends.push(endMs);
      const c = cands[i];
      // Plain literals rather than spreads: V8 builds these 30,000 objects several times faster.
      placements.push({
        allocationId: slot.allocationId,
        zoneId,
        segmentId: slot.segmentId,
        date: slot.date,
        reportageId: c.id,
        start: slot.start,
        end: new Date(endMs),
        durationSeconds: c.durationSeconds,
        airingInZone: airings[i],
        firstEver: false,
        reason: '',
      });
      facts.push({
        airingInZone: airings[i],
        daysSinceLast,
        priority: c.priority ?? undefined,
        fieldChange: state.rule.spreadFields ? change(prevField, c.fieldId) : undefined,
        placeChange: state.rule.spreadPlaces ? change(prevPlace, c.placeId) : undefined,
        validUntil: c.validUntil ?? undefined,
      });
      previous.set(slot.segmentId, i);
    }
  }

  markFirstEver(placements, facts, cands);
  return { placements: inSlotOrder(placements), unfilled: inSlotOrder(unfilled) };
}

interface SegmentState {
  rule: SegmentRules;
  /** Candidates that may air now, best first. */
  ready: IndexHeap;
  /** Candidates waiting for their validFrom or for D days to pass, soonest first. */
  pending: IndexHeap;
  size: number;
  /** Candidates longer than every slot of the segment in this zone (or without a duration). */
  neverFits: number;
  shortestNeverFits: number;
}

/** By start, zone, allocation; sorted on plain numbers, which is several times faster than comparing Dates. */
function inSlotOrder<T extends { start: Date; zoneId: number; allocationId: number }>(items: T[]): T[] {
  const starts = items.map((item) => item.start.getTime());
  const order = items.map((_, k) => k);
  order.sort(
    (a, b) =>
      starts[a] - starts[b] ||
      items[a].zoneId - items[b].zoneId ||
      items[a].allocationId - items[b].allocationId,
  );
  return order.map((k) => items[k]);
}

function resolveRules(input: SegmentRulesInput | undefined): (segmentId: number) => SegmentRules {
  const cache = new Map<number, SegmentRules>();
  const given = (segmentId: number): Partial<SegmentRules> | undefined =>
    input instanceof Map
      ? (input as ReadonlyMap<number, Partial<SegmentRules>>).get(segmentId)
      : (input as Readonly<Record<number, Partial<SegmentRules>>> | undefined)?.[segmentId];
  return (segmentId) => {
    const cached = cache.get(segmentId);
    if (cached) return cached;
    const rule: SegmentRules = { ...DEFAULT_SEGMENT_RULES, ...given(segmentId) };
    if (!(Number.isInteger(rule.maxAirings) && rule.maxAirings >= 1)) {
      throw invalid(
        'INVALID_RULES',
        `Số lần phát tối đa của chuyên mục ${segmentId} phải là số nguyên từ 1 trở lên.`,
      );
    }
    if (!(Number.isInteger(rule.minDaysBetween) && rule.minDaysBetween >= 0)) {
      throw invalid(
        'INVALID_RULES',
        `Số ngày giữa hai lần phát của chuyên mục ${segmentId} phải là số nguyên không âm.`,
      );
    }
    cache.set(segmentId, rule);
    return rule;
  };
}

function groupPriors(cands: readonly PlannerCandidate[]): Map<number, { index: number; at: number }[]> {
  const byZone = new Map<number, { index: number; at: number }[]>();
  cands.forEach((c, index) => {
    for (const prior of c.priorAirings ?? []) {
      const list = byZone.get(prior.zoneId) ?? [];
      list.push({ index, at: prior.at.getTime() });
      byZone.set(prior.zoneId, list);
    }
  });
  return byZone;
}

/**
 * A placement is the first ever when nothing before it (input or plan) aired the reportage. Decided
 * once the whole plan exists, because zones are planned one after another, not in time order.
 */
function markFirstEver(
  placements: ProposedPlacement[],
  facts: readonly PlacementFacts[],
  cands: readonly PlannerCandidate[],
): void {
  const earliest = new Map<number, number>();
  for (const c of cands) {
    const times = (c.priorAirings ?? []).map((p) => p.at.getTime());
    if (c.firstAiredAt) times.push(c.firstAiredAt.getTime());
    if (times.length > 0) earliest.set(c.id, Math.min(...times) - 1);
  }
  for (const p of placements) {
    earliest.set(p.reportageId, Math.min(p.start.getTime(), earliest.get(p.reportageId) ?? Infinity));
  }
  placements.forEach((p, k) => {
    p.firstEver = p.airingInZone === 1 && p.start.getTime() === earliest.get(p.reportageId);
    p.reason = describePlacement(facts[k], p.firstEver);
  });
}

function differs(previous: number | null, next: number | null | undefined): boolean {
  return previous === null || next === null || next === undefined || previous !== next;
}

function change(previous: number | null, next: number | null | undefined): 'same' | 'different' | undefined {
  if (previous === null || next === null || next === undefined) return undefined;
  return previous === next ? 'same' : 'different';
}
