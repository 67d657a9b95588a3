import { dayNumber, localDayOf } from './local-time.js';
import { checkFit, checkValidity, findOverlaps, PlacedInterval } from './placement-rules.js';
import {
  PlannerCandidate,
  PlannerInput,
  PlannerSlot,
  planSchedule,
  SegmentRules,
  SPREAD_LOOKAHEAD,
} from './planner.js';
import { BroadcastWindowSpec, expandAllocations, SegmentAllocationSpec } from './program-grid.js';
import { ZoneTree, ZoneSpec } from './zones.js';

const VN = 'Asia/Ho_Chi_Minh';
const DAY_MS = 86_400_000;
const vn = (local: string) => new Date(`${local}+07:00`);

/** A 10-minute slot at 17:10 in a 17:00–17:30 window on `date` (local), segment 1 unless told. */
function slot(zoneId: number, date: string, extra: Partial<PlannerSlot> = {}): PlannerSlot {
  return {
    allocationId: 1,
    zoneId,
    segmentId: 1,
    date,
    start: vn(`${date}T17:10`),
    maxSeconds: 600,
    windowEnd: vn(`${date}T17:30`),
    ...extra,
  };
}

/** One slot a day for `days` days from `first`. */
function daily(zoneId: number, first: string, days: number, extra: Partial<PlannerSlot> = {}): PlannerSlot[] {
  return Array.from({ length: days }, (_, k) =>
    slot(zoneId, new Date((dayNumber(first) + k) * DAY_MS).toISOString().slice(0, 10), extra),
  );
}

const cand = (id: number, extra: Partial<PlannerCandidate> = {}): PlannerCandidate => ({
  id,
  segmentId: 1,
  durationSeconds: 300,
  ...extra,
});

const flat = new ZoneTree([{ id: 1 }, { id: 2 }, { id: 3 }]);

function plan(
  input: Partial<PlannerInput> & Pick<PlannerInput, 'slots' | 'candidates'>,
  rules?: Partial<SegmentRules>,
) {
  return planSchedule({ zones: flat, rules: rules ? { 1: rules } : undefined, ...input });
}

const picks = (result: ReturnType<typeof planSchedule>) => result.placements.map((p) => p.reportageId);

describe('planSchedule: choosing a reportage', () => {
  it('takes the most urgent priority first (1 before 2 before none), ties by id', () => {
    const result = plan({
      slots: daily(1, '2027-03-01', 4),
      candidates: [cand(4), cand(3, { priority: 2 }), cand(2, { priority: 1 }), cand(1, { priority: 2 })],
    });
    expect(picks(result)).toEqual([2, 1, 3, 4]);
    expect(result.placements[0].reason).toBe('Phát lần đầu; ưu tiên 1');
  });

  it('puts first airings before re-airs when firstAiringsFirst, priority otherwise', () => {
    const candidates = [
      cand(1, { priority: 1, priorAirings: [{ zoneId: 1, at: vn('2027-01-01T17:10') }] }),
      cand(2, { priority: 2 }),
    ];
    const slots = [slot(1, '2027-03-01')];
    expect(picks(plan({ slots, candidates }))).toEqual([2]);
    const reairFirst = plan({ slots, candidates }, { firstAiringsFirst: false });
    expect(picks(reairFirst)).toEqual([1]);
    expect(reairFirst.placements[0].reason).toBe('Phát lại lần 1 (cách lần trước 59 ngày); ưu tiên 1');
  });

  it('uses only the segment’s own reportages and says so when it has none', () => {
    const result = plan({
      slots: [slot(1, '2027-03-01'), slot(1, '2027-03-02', { segmentId: 2, allocationId: 2 })],
      candidates: [cand(1), cand(2, { segmentId: 3 })],
    });
    expect(picks(result)).toEqual([1]);
    expect(result.unfilled).toEqual([
      expect.objectContaining({
        segmentId: 2,
        code: 'NO_CANDIDATES',
        reason: 'Chuyên mục chưa có phóng sự nào đủ điều kiện xếp lịch.',
      }),
    ]);
  });
});

describe('planSchedule: airings per zone', () => {
  it('airs a reportage at most maxAirings times in a zone, minDaysBetween days apart', () => {
    const result = plan({ slots: daily(1, '2027-03-01', 12), candidates: [cand(1)] });
    expect(result.placements.map((p) => [p.date, p.airingInZone])).toEqual([
      ['2027-03-01', 1],
      ['2027-03-08', 2],
    ]);
    expect(result.placements[1].reason).toBe('Phát lại lần 1 (cách lần trước 7 ngày)');
    const codes = result.unfilled.map((u) => [u.date, u.code]);
    expect(codes.slice(0, 6)).toEqual(
      ['02', '03', '04', '05', '06', '07'].map((d) => [`2027-03-${d}`, 'WAITING']),
    );
    expect(result.unfilled[0].reason).toBe(
      'Chưa có phóng sự nào đến lượt: các bài còn lại chưa đến ngày hiệu lực hoặc chưa đủ 7 ngày kể từ lần phát trước (sớm nhất 08/03/2027).',
    );
    expect(codes.slice(6)).toEqual(['09', '10', '11', '12'].map((d) => [`2027-03-${d}`, 'EXHAUSTED']));
    expect(result.unfilled[6].reason).toBe(
      'Hết phóng sự: các bài của chuyên mục đã phát đủ 2 lần tại vùng này hoặc đã hết hạn hiệu lực.',
    );
  });

  it('follows custom maxAirings and minDaysBetween', () => {
    const result = plan(
      { slots: daily(1, '2027-03-01', 14), candidates: [cand(1)] },
      { maxAirings: 4, minDaysBetween: 3 },
    );
    expect(result.placements.map((p) => p.date)).toEqual([
      '2027-03-01',
      '2027-03-04',
      '2027-03-07',
      '2027-03-10',
    ]);
  });

  it('counts minDaysBetween in local calendar days: Tuesday evening then next Tuesday morning', () => {
    const result = plan({
      slots: [
        slot(1, '2027-03-02'),
        slot(1, '2027-03-09', { start: vn('2027-03-09T05:35'), windowEnd: vn('2027-03-09T06:00') }),
      ],
      candidates: [cand(1)],
    });
    expect(result.placements).toHaveLength(2);
  });

  it('counts airings per zone: each station may air the reportage N times', () => {
    const slots = [...daily(1, '2027-03-01', 2), ...daily(2, '2027-03-01', 2)];
    const result = plan({ slots, candidates: [cand(1)] }, { maxAirings: 1 });
    expect(result.placements.map((p) => [p.zoneId, p.date])).toEqual([
      [1, '2027-03-01'],
      [2, '2027-03-01'],
    ]);
  });

  it('counts prior airings in the zone towards N and D, and ignores those of other zones', () => {
    const candidates = [
      cand(1, {
        priorAirings: [
          { zoneId: 1, at: vn('2027-02-26T17:10') },
          { zoneId: 2, at: vn('2027-02-27T17:10') },
          { zoneId: 2, at: vn('2027-02-20T17:10') },
        ],
      }),
    ];
    const result = plan({
      slots: [...daily(1, '2027-03-01', 10), ...daily(2, '2027-03-01', 10)],
      candidates,
    });
    expect(result.placements.map((p) => [p.zoneId, p.date, p.airingInZone])).toEqual([[1, '2027-03-05', 2]]);
  });

  it('rotates re-airs: fewer airings, then least recently aired', () => {
    const candidates = [1, 2, 3].map((id) => cand(id));
    const result = plan(
      { slots: daily(1, '2027-03-01', 9), candidates },
      { minDaysBetween: 1, maxAirings: 3 },
    );
    expect(picks(result)).toEqual([1, 2, 3, 1, 2, 3, 1, 2, 3]);
  });
});

describe('planSchedule: spread over fields and communes', () => {
  it('does not play the same field twice in a row when an equal choice exists', () => {
    const candidates = [
      cand(1, { fieldId: 10 }),
      cand(2, { fieldId: 10 }),
      cand(3, { fieldId: 20 }),
      cand(4, { fieldId: 20 }),
    ];
    const result = plan({ slots: daily(1, '2027-03-01', 4), candidates });
    expect(picks(result)).toEqual([1, 3, 2, 4]);
    expect(result.placements[1].reason).toBe('Phát lần đầu; lĩnh vực khác với buổi trước');
  });

  it('keeps priority above field spread, and says why the field repeats', () => {
    const candidates = [
      cand(1, { fieldId: 10, priority: 1 }),
      cand(2, { fieldId: 10, priority: 1 }),
      cand(3, { fieldId: 20, priority: 2 }),
    ];
    const result = plan({ slots: daily(1, '2027-03-01', 2), candidates });
    expect(picks(result)).toEqual([1, 2]);
    expect(result.placements[1].reason).toBe(
      'Phát lần đầu; ưu tiên 1; cùng lĩnh vực với buổi trước vì không có bài phù hợp khác cùng mức ưu tiên',
    );
  });

  it('continues from the field of the zone’s last prior airing', () => {
    const candidates = [
      cand(1, { fieldId: 10, priorAirings: [{ zoneId: 1, at: vn('2027-02-01T17:10') }] }),
      cand(2, { fieldId: 10 }),
      cand(3, { fieldId: 20 }),
    ];
    expect(picks(plan({ slots: [slot(1, '2027-03-01')], candidates }))).toEqual([3]);
  });

  it('spreads communes (placeId) after fields', () => {
    const candidates = [
      cand(1, { fieldId: 10, placeId: 100 }),
      cand(2, { fieldId: 20, placeId: 100 }),
      cand(3, { fieldId: 20, placeId: 200 }),
      cand(4, { fieldId: 30, placeId: 200 }),
    ];
    const result = plan({ slots: daily(1, '2027-03-01', 2), candidates });
    expect(picks(result)).toEqual([1, 3]);
    expect(result.placements[1].reason).toBe(
      'Phát lần đầu; lĩnh vực khác với buổi trước; địa bàn khác với buổi trước',
    );
  });

  it('can be turned off per segment', () => {
    const candidates = [cand(1, { fieldId: 10 }), cand(2, { fieldId: 10 }), cand(3, { fieldId: 20 })];
    const result = plan({ slots: daily(1, '2027-03-01', 2), candidates }, { spreadFields: false });
    expect(picks(result)).toEqual([1, 2]);
  });

  it('never counts an unknown field as the same field', () => {
    const candidates = [cand(1), cand(2), cand(3, { fieldId: 20 })];
    expect(picks(plan({ slots: daily(1, '2027-03-01', 2), candidates }))).toEqual([1, 2]);
  });

  it(`looks for a different field among the ${SPREAD_LOOKAHEAD} fitting candidates after the best only`, () => {
    const sameField = Array.from({ length: SPREAD_LOOKAHEAD + 2 }, (_, k) => cand(k + 1, { fieldId: 10 }));
    const near = [...sameField.slice(0, SPREAD_LOOKAHEAD + 1), cand(500, { fieldId: 20 })];
    expect(picks(plan({ slots: daily(1, '2027-03-01', 2), candidates: near }))).toEqual([1, 500]);
    const far = [...sameField, cand(500, { fieldId: 20 })];
    expect(picks(plan({ slots: daily(1, '2027-03-01', 2), candidates: far }))).toEqual([1, 2]);
  });
});

describe('planSchedule: validity, fit and time', () => {
  it('waits for validFrom and stops after validUntil (local dates, inclusive)', () => {
    const candidates = [cand(1, { validFrom: '2027-03-03', validUntil: '2027-03-04' })];
    const result = plan({ slots: daily(1, '2027-03-01', 6), candidates }, { minDaysBetween: 1 });
    expect(result.placements.map((p) => p.date)).toEqual(['2027-03-03', '2027-03-04']);
    expect(result.placements[0].reason).toBe('Phát lần đầu; hiệu lực đến 04/03/2027');
    expect(result.unfilled.map((u) => u.code)).toEqual(['WAITING', 'WAITING', 'EXHAUSTED', 'EXHAUSTED']);
  });

  it('airs the reportage that expires sooner first among equals', () => {
    const candidates = [
      cand(1, { validUntil: '2027-12-31' }),
      cand(2, { validUntil: '2027-03-10' }),
      cand(3),
    ];
    expect(picks(plan({ slots: daily(1, '2027-03-01', 3), candidates }))).toEqual([2, 1, 3]);
  });

  it('skips a reportage that does not fit the slot for a shorter one, whatever the priority', () => {
    const candidates = [
      cand(1, { durationSeconds: 601, priority: 1 }),
      cand(2, { durationSeconds: 600, priority: 3 }),
    ];
    expect(picks(plan({ slots: [slot(1, '2027-03-01')], candidates }))).toEqual([2]);
  });

  it('passes over a reportage too long for a shortened slot and airs it in the next full one', () => {
    const slots = [slot(1, '2027-03-01', { start: vn('2027-03-01T17:28') }), slot(1, '2027-03-02')];
    const result = plan({ slots, candidates: [cand(1, { durationSeconds: 300 })] });
    expect(result.placements.map((p) => p.date)).toEqual(['2027-03-02']);
    expect(result.unfilled[0]).toMatchObject({
      code: 'TOO_SHORT',
      reason: 'Ô chỉ còn 2:00 nhưng các phóng sự đến lượt đều dài hơn (ngắn nhất 5:00).',
    });
  });

  it('keeps the item inside the window even when the slot allowance is longer', () => {
    const late = slot(1, '2027-03-01', { start: vn('2027-03-01T17:25') }); // 5 minutes to the window's end
    const candidates = [cand(1, { durationSeconds: 301 }), cand(2, { durationSeconds: 300 })];
    expect(picks(plan({ slots: [late], candidates }))).toEqual([2]);
    const result = plan({ slots: [late], candidates: [cand(1, { durationSeconds: 301 })] });
    expect(result.unfilled[0]).toMatchObject({
      code: 'TOO_SHORT',
      reason: 'Ô chỉ còn 5:00 nhưng các phóng sự đến lượt đều dài hơn (ngắn nhất 5:01).',
    });
  });

  it('leaves slots in the past alone', () => {
    const result = plan({
      slots: daily(1, '2027-03-01', 2),
      candidates: [cand(1), cand(2)],
      now: vn('2027-03-01T17:11'),
    });
    expect(result.placements.map((p) => p.date)).toEqual(['2027-03-02']);
    expect(result.unfilled).toEqual([
      expect.objectContaining({ date: '2027-03-01', code: 'IN_PAST', reason: 'Giờ phát đã qua.' }),
    ]);
  });

  it('skips reportages without a usable duration', () => {
    expect(
      picks(plan({ slots: [slot(1, '2027-03-01')], candidates: [cand(1, { durationSeconds: 0 }), cand(2)] })),
    ).toEqual([2]);
  });
});

describe('planSchedule: air time shared through the zone tree', () => {
  // Station 1 with clusters 2 and 3.
  const tree = new ZoneTree([
    { id: 1, name: 'Đài truyền thanh xã Long Tân' },
    { id: 2, parentId: 1, name: 'Cụm loa ấp Tân Hiệp' },
    { id: 3, parentId: 1 },
  ]);
  const candidates = [1, 2, 3, 4].map((id) => cand(id));

  it('gives the station its slot and refuses the cluster slot at the same time; siblings both play', () => {
    const result = planSchedule({
      zones: tree,
      slots: [slot(2, '2027-03-01'), slot(3, '2027-03-01'), slot(1, '2027-03-01')],
      candidates,
    });
    expect(result.placements.map((p) => p.zoneId)).toEqual([1]);
    expect(result.unfilled.map((u) => [u.zoneId, u.code])).toEqual([
      [2, 'OCCUPIED'],
      [3, 'OCCUPIED'],
    ]);
    expect(result.unfilled[0].reason).toBe(
      'Trùng giờ với lịch phát đã có ở Đài truyền thanh xã Long Tân (17:10–17:15 ngày 01/03/2027).',
    );
    const clustersOnly = planSchedule({
      zones: tree,
      slots: [slot(2, '2027-03-01'), slot(3, '2027-03-01')],
      candidates,
    });
    expect(clustersOnly.placements.map((p) => p.zoneId)).toEqual([2, 3]);
  });

  it('lets a cluster item start exactly when the station item ends', () => {
    const result = planSchedule({
      zones: tree,
      slots: [slot(1, '2027-03-01'), slot(2, '2027-03-01', { start: vn('2027-03-01T17:15') })],
      candidates,
    });
    expect(result.placements.map((p) => p.zoneId)).toEqual([1, 2]);
  });

  it('works around existing placements above and below: blocked at the start, shortened before the next', () => {
    const existing: PlacedInterval[] = [
      { id: 90, zoneId: 2, start: vn('2027-03-01T17:05'), end: vn('2027-03-01T17:12') },
      { id: 91, zoneId: 2, start: vn('2027-03-02T17:13'), end: vn('2027-03-02T17:20') },
      { id: 92, zoneId: 3, start: vn('2027-03-03T17:00'), end: vn('2027-03-03T17:10') },
    ];
    const result = planSchedule({
      zones: tree,
      slots: daily(1, '2027-03-01', 3),
      candidates: [cand(1, { durationSeconds: 240 }), cand(2, { durationSeconds: 120 })],
      existing,
    });
    expect(result.unfilled.map((u) => [u.date, u.code])).toEqual([['2027-03-01', 'OCCUPIED']]);
    expect(result.unfilled[0].reason).toBe(
      'Trùng giờ với lịch phát đã có ở Cụm loa ấp Tân Hiệp (17:05–17:12 ngày 01/03/2027).',
    );
    expect(result.placements.map((p) => [p.date, p.reportageId])).toEqual([
      ['2027-03-02', 2],
      ['2027-03-03', 1],
    ]);
  });

  it('does not let two slots of one zone overlap', () => {
    const result = plan({
      slots: [
        slot(1, '2027-03-01'),
        slot(1, '2027-03-01', { allocationId: 2, start: vn('2027-03-01T17:12') }),
      ],
      candidates,
    });
    expect(result.unfilled).toEqual([expect.objectContaining({ allocationId: 2, code: 'OCCUPIED' })]);
    expect(result.unfilled[0].reason).toContain('cùng vùng');
  });
});

describe('planSchedule: first airing anywhere', () => {
  it('tells a first airing anywhere from a first airing in this zone', () => {
    const result = plan({
      slots: [slot(2, '2027-03-02'), slot(1, '2027-03-03'), slot(3, '2027-03-01')],
      candidates: [cand(1), cand(2, { firstAiredAt: vn('2027-01-01T05:30') })],
    });
    const byZone = (zoneId: number, id: number) =>
      result.placements.find((p) => p.zoneId === zoneId && p.reportageId === id)!;
    expect(byZone(3, 1)).toMatchObject({ firstEver: true, reason: 'Phát lần đầu' });
    expect(byZone(2, 1)).toMatchObject({ firstEver: false, reason: 'Phát lần đầu tại vùng này' });
    expect(byZone(1, 1)).toMatchObject({ firstEver: false });
  });

  it('knows that a reportage aired before (firstAiredAt) is not a first airing anywhere', () => {
    const result = plan({
      slots: [slot(1, '2027-03-01')],
      candidates: [cand(2, { firstAiredAt: vn('2027-01-01T05:30') })],
    });
    expect(result.placements[0]).toMatchObject({ firstEver: false, reason: 'Phát lần đầu tại vùng này' });
  });
});

describe('planSchedule: input checks', () => {
  it.each([
    [{ maxAirings: 0 }, 'INVALID_RULES'],
    [{ maxAirings: 1.5 }, 'INVALID_RULES'],
    [{ minDaysBetween: -1 }, 'INVALID_RULES'],
  ])('refuses rules %j', (rules, code) => {
    expect(() => plan({ slots: [slot(1, '2027-03-01')], candidates: [cand(1)] }, rules)).toThrow(
      expect.objectContaining({ code }),
    );
  });

  it('refuses a candidate listed twice and a slot in an unknown zone', () => {
    expect(() => plan({ slots: [], candidates: [cand(1), cand(1)] })).toThrow(
      expect.objectContaining({ code: 'DUPLICATE_CANDIDATE' }),
    );
    expect(() => plan({ slots: [slot(9, '2027-03-01')], candidates: [] })).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_ZONE' }),
    );
  });

  it('accepts rules as a Map', () => {
    const result = planSchedule({
      zones: flat,
      slots: daily(1, '2027-03-01', 3),
      candidates: [cand(1)],
      rules: new Map([[1, { minDaysBetween: 1 }]]),
    });
    expect(result.placements).toHaveLength(2);
  });
});

/** A deterministic pseudo-random generator (mulberry32), so generated scenarios are the same every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], rand: () => number): T[] {
  const copy = [...items];
  for (let k = copy.length - 1; k > 0; k -= 1) {
    const j = Math.floor(rand() * (k + 1));
    [copy[k], copy[j]] = [copy[j], copy[k]];
  }
  return copy;
}

/**
 * Communes (5:30–6:00 and 17:00–17:30) with clusters below them (6:00–6:30 and 18:00–18:30, plus one
 * cluster per commune that shares the commune's evening time, so the tree rule matters), two segments,
 * reportages with random fields, communes, priorities, validity and prior airings.
 */
function scenario(
  communes: number,
  clustersPerCommune: number,
  days: number,
  reportages: number,
  seed: number,
  cancelled: string[] = [],
) {
  const rand = random(seed);
  const zones: ZoneSpec[] = [];
  const windows: BroadcastWindowSpec[] = [];
  const allocations: SegmentAllocationSpec[] = [];
  const addZone = (id: number, parentId: number | null, morning: string, evening: string) => {
    zones.push({ id, parentId });
    const base = { zoneId: id, startDate: '2027-01-01', rule: { freq: 'DAILY' as const } };
    const [mh, mm] = morning.split(':').map(Number);
    const [eh, em] = evening.split(':').map(Number);
    const plus30 = (h: number, m: number) =>
      `${String(h + Math.floor((m + 30) / 60)).padStart(2, '0')}:${String((m + 30) % 60).padStart(2, '0')}`;
    windows.push({
      id: id * 10 + 1,
      startTime: morning,
      endTime: plus30(mh, mm),
      ...base,
      exceptDates: cancelled,
    });
    windows.push({ id: id * 10 + 2, startTime: evening, endTime: plus30(eh, em), ...base });
    allocations.push({
      id: id * 10 + 1,
      windowId: id * 10 + 1,
      segmentId: 1,
      time: plus30(mh, mm - 20),
      maxSeconds: 600,
    });
    allocations.push({
      id: id * 10 + 2,
      windowId: id * 10 + 2,
      segmentId: 2,
      time: plus30(eh, em - 20),
      maxSeconds: 600,
    });
  };
  let nextId = 1;
  for (let c = 0; c < communes; c += 1) {
    const commune = nextId++;
    addZone(commune, null, '05:30', '17:00');
    for (let k = 0; k < clustersPerCommune; k += 1) {
      addZone(nextId++, commune, '06:00', k === 0 ? '17:00' : '18:00');
    }
  }
  const tree = new ZoneTree(zones);
  const from = vn('2027-01-01T00:00');
  const to = new Date(from.getTime() + days * DAY_MS);
  const slots = expandAllocations(tree, windows, allocations, from, to);
  const zoneIds = zones.map((z) => z.id);
  const candidates: PlannerCandidate[] = [];
  for (let id = 1; id <= reportages; id += 1) {
    const validFromDay = dayNumber('2026-12-01') + Math.floor(rand() * days);
    const validity = rand() < 0.7;
    const priors =
      rand() < 0.2
        ? [
            {
              zoneId: zoneIds[Math.floor(rand() * zoneIds.length)],
              at: new Date(from.getTime() - Math.floor(rand() * 20) * DAY_MS),
            },
          ]
        : [];
    candidates.push({
      id,
      segmentId: 1 + (id % 2),
      durationSeconds: 150 + Math.floor(rand() * 500) + (rand() < 0.5 ? 0.5 : 0),
      fieldId: rand() < 0.9 ? 1 + Math.floor(rand() * 9) : null,
      placeId: 1 + Math.floor(rand() * 8),
      priority: rand() < 0.8 ? 1 + Math.floor(rand() * 3) : null,
      validFrom: validity ? new Date(validFromDay * DAY_MS).toISOString().slice(0, 10) : null,
      validUntil: validity
        ? new Date((validFromDay + 30 + Math.floor(rand() * 90)) * DAY_MS).toISOString().slice(0, 10)
        : null,
      priorAirings: priors,
    });
  }
  return { tree, slots, candidates, now: vn('2027-01-03T12:00') };
}

describe('planSchedule: determinism and invariants', () => {
  const { tree, slots, candidates, now } = scenario(4, 3, 60, 150, 7, ['2027-02-06']);
  const input: PlannerInput = {
    zones: tree,
    slots,
    candidates,
    now,
    rules: { 2: { maxAirings: 3, minDaysBetween: 5 } },
  };
  const result = planSchedule(input);

  it('gives the same proposal for the same input', () => {
    expect(planSchedule(input)).toEqual(result);
  });

  it('gives the same proposal whatever the order of slots, candidates and their airings', () => {
    const rand = random(99);
    const reordered: PlannerInput = {
      ...input,
      slots: shuffled(slots, rand),
      candidates: shuffled(candidates, rand).map((c) => ({
        ...c,
        priorAirings: shuffled(c.priorAirings ?? [], rand),
      })),
    };
    expect(planSchedule(reordered)).toEqual(result);
  });

  it('accounts for every slot exactly once', () => {
    expect(result.placements.length + result.unfilled.length).toBe(slots.length);
    expect(result.placements.length).toBeGreaterThan(slots.length / 2);
    expect(new Set(result.unfilled.map((u) => u.code))).toContain('IN_PAST');
  });

  it('breaks none of the placement rules', () => {
    const byId = new Map(candidates.map((c) => [c.id, c]));
    const placed: PlacedInterval[] = result.placements.map((p, k) => ({
      id: k,
      zoneId: p.zoneId,
      start: p.start,
      end: p.end,
    }));
    const slotOf = new Map(slots.map((s) => [`${s.allocationId}@${s.start.getTime()}`, s]));
    const airings = new Map<string, number[]>();
    result.placements.forEach((p, k) => {
      const c = byId.get(p.reportageId)!;
      const s = slotOf.get(`${p.allocationId}@${p.start.getTime()}`)!;
      expect(c.segmentId).toBe(p.segmentId);
      expect(p.start.getTime()).toBeGreaterThanOrEqual(now.getTime());
      expect(checkFit(p.start, c.durationSeconds, s, VN)).toEqual([]);
      expect(checkValidity(p.start, VN, c.validFrom, c.validUntil)).toBeUndefined();
      expect(findOverlaps(tree, { id: k, zoneId: p.zoneId, start: p.start, end: p.end }, placed)).toEqual([]);
      const key = `${p.zoneId}/${c.id}`;
      const priorDays = (c.priorAirings ?? [])
        .filter((a) => a.zoneId === p.zoneId)
        .map((a) => localDayOf(a.at, VN));
      airings.set(key, [...(airings.get(key) ?? priorDays), dayNumber(p.date)]);
    });
    for (const [key, days] of airings) {
      const segment = byId.get(Number(key.split('/')[1]))!.segmentId;
      const [max, gap] = segment === 2 ? [3, 5] : [2, 7];
      expect(days.length).toBeLessThanOrEqual(max);
      const sorted = [...days].sort((a, b) => a - b);
      for (let k = 1; k < sorted.length; k += 1)
        expect(sorted[k] - sorted[k - 1]).toBeGreaterThanOrEqual(gap);
    }
  });
});

describe('planSchedule: size', () => {
  it('plans 50 zones × 2 windows × 365 days against 5,000 reportages', () => {
    // 10 communes with 4 clusters each: 50 zones, 36,500 slots.
    const { tree, slots, candidates } = scenario(10, 4, 365, 5000, 2027);
    expect(slots).toHaveLength(36_500);
    const result = planSchedule({ zones: tree, slots, candidates });
    // Every slot is accounted for, filled or explained. Its speed is measured by `npm run bench:planner`.
    expect(result.placements.length + result.unfilled.length).toBe(slots.length);
  });
});
