import type { UnfilledCode } from './planner-reasons.js';
import type { PlanProposal } from './planner.js';

/** A proposed placement as the API shows it. */
export interface PlanPlacementView {
  allocationId: number;
  zoneId: number;
  segmentId: number;
  date: string;
  reportageId: number;
  start: string;
  end: string;
  durationSeconds: number;
  airingInZone: number;
  firstEver: boolean;
  reason: string;
}

/** An allocation the planner left empty, with why. */
export interface PlanUnfilledView {
  allocationId: number;
  zoneId: number;
  segmentId: number;
  date: string;
  start: string;
  code: UnfilledCode;
  reason: string;
}

type PlacementRow = [
  allocationId: number,
  zoneId: number,
  segmentId: number,
  date: string,
  reportageId: number,
  startSeconds: number,
  durationSeconds: number,
  airingInZone: number,
  firstEver: 0 | 1,
  reason: number,
];
type UnfilledRow = [
  allocationId: number,
  zoneId: number,
  segmentId: number,
  date: string,
  startSeconds: number,
  code: UnfilledCode,
  reason: number,
];

/**
 * How a plan row keeps its proposal: one array per item instead of an object, times as Unix seconds,
 * and each distinct reason once (reasons repeat: the bench's year for 50 stations has 36,500 items
 * and 5 different reasons). That year is 1.7 MB of JSON instead of 13 MB.
 */
export interface CompactProposal {
  v: 2;
  reasons: string[];
  placements: PlacementRow[];
  unfilled: UnfilledRow[];
}

export const EMPTY_PROPOSAL: CompactProposal = { v: 2, reasons: [], placements: [], unfilled: [] };

export function encodeProposal(proposal: PlanProposal): CompactProposal {
  const index = new Map<string, number>();
  const reasons: string[] = [];
  const reason = (text: string) => {
    let k = index.get(text);
    if (k === undefined) {
      k = reasons.push(text) - 1;
      index.set(text, k);
    }
    return k;
  };
  const seconds = (d: Date) => Math.round(d.getTime() / 1000);
  return {
    v: 2,
    reasons,
    placements: proposal.placements.map((p) => [
      p.allocationId,
      p.zoneId,
      p.segmentId,
      p.date,
      p.reportageId,
      seconds(p.start),
      p.durationSeconds,
      p.airingInZone,
      p.firstEver ? 1 : 0,
      reason(p.reason),
    ]),
    unfilled: proposal.unfilled.map((u) => [
      u.allocationId,
      u.zoneId,
      u.segmentId,
      u.date,
      seconds(u.start),
      u.code,
      reason(u.reason),
    ]),
  };
}

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

export function placementView(c: CompactProposal, row: PlacementRow): PlanPlacementView {
  const [allocationId, zoneId, segmentId, date, reportageId, start, durationSeconds, airingInZone] = row;
  return {
    allocationId,
    zoneId,
    segmentId,
    date,
    reportageId,
    start: iso(start),
    end: iso(start + durationSeconds),
    durationSeconds,
    airingInZone,
    firstEver: row[8] === 1,
    reason: c.reasons[row[9]],
  };
}

export function unfilledView(c: CompactProposal, row: UnfilledRow): PlanUnfilledView {
  const [allocationId, zoneId, segmentId, date, start, code, reason] = row;
  return { allocationId, zoneId, segmentId, date, start: iso(start), code, reason: c.reasons[reason] };
}

/** Reads a stored proposal; rows written before the compact form (whole objects) still read. */
export function parseProposal(json: string): CompactProposal {
  const parsed = JSON.parse(json) as
    CompactProposal | { placements: PlanPlacementView[]; unfilled: PlanUnfilledView[] };
  if ('v' in parsed) return parsed;
  return encodeProposal({
    placements: parsed.placements.map((p) => ({ ...p, start: new Date(p.start), end: new Date(p.end) })),
    unfilled: parsed.unfilled.map((u) => ({ ...u, start: new Date(u.start) })),
  });
}
