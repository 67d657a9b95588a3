import { encodeProposal, parseProposal, placementView, unfilledView } from './plan-codec.js';
import type { PlanProposal } from './planner.js';

const at = (iso: string) => new Date(iso);

const proposal: PlanProposal = {
  placements: [1, 2, 3].map((k) => ({
    allocationId: 7,
    zoneId: 2,
    segmentId: 1,
    date: `2027-03-0${k}`,
    reportageId: 40 + k,
    start: at(`2027-03-0${k}T10:10:00.000Z`),
    end: at(`2027-03-0${k}T10:15:12.000Z`),
    durationSeconds: 312,
    airingInZone: k === 3 ? 2 : 1,
    firstEver: k !== 3,
    reason: k === 3 ? 'Phát lại lần 1 (cách lần trước 7 ngày)' : 'Phát lần đầu; ưu tiên 2',
  })),
  unfilled: [
    {
      allocationId: 8,
      zoneId: 2,
      segmentId: 1,
      date: '2027-03-04',
      start: at('2027-03-04T10:10:00.000Z'),
      code: 'EXHAUSTED',
      reason: 'Hết phóng sự.',
    },
  ],
};

const views = (json: string) => {
  const c = parseProposal(json);
  return {
    placements: c.placements.map((r) => placementView(c, r)),
    unfilled: c.unfilled.map((r) => unfilledView(c, r)),
  };
};

const expected = {
  placements: proposal.placements.map((p) => ({
    ...p,
    start: p.start.toISOString(),
    end: p.end.toISOString(),
  })),
  unfilled: proposal.unfilled.map((u) => ({ ...u, start: u.start.toISOString() })),
};

describe('the stored form of a plan proposal', () => {
  it('reads back what the planner proposed, each distinct reason kept once', () => {
    const compact = encodeProposal(proposal);
    expect(compact.reasons).toEqual([
      'Phát lần đầu; ưu tiên 2',
      'Phát lại lần 1 (cách lần trước 7 ngày)',
      'Hết phóng sự.',
    ]);
    expect(views(JSON.stringify(compact))).toEqual(expected);
  });

  it('still reads a proposal stored as whole objects (before the compact form)', () => {
    expect(views(JSON.stringify(expected))).toEqual(expected);
  });
});
