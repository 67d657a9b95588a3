import {
  checkFit,
  checkNotPast,
  checkPlacement,
  checkValidity,
  findOverlaps,
  overlaps,
  PlacedInterval,
  placementEnd,
} from './placement-rules.js';
import { ZoneTree } from './zones.js';

const VN = 'Asia/Ho_Chi_Minh';
const vn = (local: string) => new Date(`${local}+07:00`);
const span = (from: string, to: string) => ({ start: vn(from), end: vn(to) });

// Commune station 1 with clusters 2 and 3; cluster 4 under 2; station 5 elsewhere.
const tree = new ZoneTree([
  { id: 1, name: 'Đài truyền thanh xã Long Tân' },
  { id: 2, parentId: 1 },
  { id: 3, parentId: 1 },
  { id: 4, parentId: 2 },
  { id: 5 },
]);

describe('overlaps (half-open intervals)', () => {
  it.each([
    [
      'touching at the end',
      span('2026-05-01T17:00', '2026-05-01T17:10'),
      span('2026-05-01T17:10', '2026-05-01T17:20'),
      false,
    ],
    [
      'touching at the start',
      span('2026-05-01T17:10', '2026-05-01T17:20'),
      span('2026-05-01T17:00', '2026-05-01T17:10'),
      false,
    ],
    [
      'sharing one millisecond',
      span('2026-05-01T17:00', '2026-05-01T17:10'),
      { start: new Date(vn('2026-05-01T17:10').getTime() - 1), end: vn('2026-05-01T17:20') },
      true,
    ],
    [
      'one inside the other',
      span('2026-05-01T17:00', '2026-05-01T17:30'),
      span('2026-05-01T17:10', '2026-05-01T17:20'),
      true,
    ],
    [
      'identical',
      span('2026-05-01T17:00', '2026-05-01T17:10'),
      span('2026-05-01T17:00', '2026-05-01T17:10'),
      true,
    ],
    [
      'apart',
      span('2026-05-01T05:30', '2026-05-01T06:00'),
      span('2026-05-01T17:00', '2026-05-01T17:30'),
      false,
    ],
    [
      'across midnight',
      span('2026-12-31T23:50', '2027-01-01T00:10'),
      span('2027-01-01T00:00', '2027-01-01T00:05'),
      true,
    ],
  ])('%s → %s', (_what, a, b, expected) => {
    expect(overlaps(a, b)).toBe(expected);
    expect(overlaps(b, a)).toBe(expected);
  });

  it('rounds fractional durations to the millisecond', () => {
    expect(placementEnd(vn('2026-05-01T17:00'), 312.3456).toISOString()).toBe('2026-05-01T10:05:12.346Z');
  });
});

describe('findOverlaps', () => {
  const others: PlacedInterval[] = [
    { id: 11, zoneId: 1, ...span('2026-05-01T17:00', '2026-05-01T17:10') },
    { id: 12, zoneId: 2, ...span('2026-05-01T17:05', '2026-05-01T17:15') },
    { id: 13, zoneId: 3, ...span('2026-05-01T17:05', '2026-05-01T17:15') },
    { id: 14, zoneId: 4, ...span('2026-05-01T17:05', '2026-05-01T17:15') },
    { id: 15, zoneId: 5, ...span('2026-05-01T17:05', '2026-05-01T17:15') },
  ];

  it('finds placements in the same zone and in zones above and below, not in siblings or elsewhere', () => {
    const found = findOverlaps(tree, { zoneId: 2, ...span('2026-05-01T17:08', '2026-05-01T17:12') }, others);
    expect(found.map((p) => p.id)).toEqual([11, 12, 14]);
  });

  it('lets an item start exactly when the one above ends', () => {
    expect(
      findOverlaps(tree, { zoneId: 2, ...span('2026-05-01T17:15', '2026-05-01T17:20') }, others),
    ).toEqual([]);
  });

  it('ignores the placement being moved', () => {
    const found = findOverlaps(
      tree,
      { id: 12, zoneId: 2, ...span('2026-05-01T17:10', '2026-05-01T17:12') },
      others,
    );
    expect(found.map((p) => p.id)).toEqual([14]);
  });
});

describe('single rules', () => {
  const slot = { start: vn('2026-05-01T17:10'), maxSeconds: 600, windowEnd: vn('2026-05-01T17:30') };

  it('accepts an item that ends exactly at the end of its slot', () => {
    expect(checkFit(vn('2026-05-01T17:10'), 600, slot, VN)).toEqual([]);
  });

  it('refuses an item longer than its slot', () => {
    expect(checkFit(vn('2026-05-01T17:10'), 601, slot, VN).map((p) => p.code)).toEqual([
      'EXCEEDS_ALLOCATION',
    ]);
  });

  it('refuses an item that runs past the end of the window even inside its slot allowance', () => {
    const late = { ...slot, start: vn('2026-05-01T17:25') };
    const problems = checkFit(vn('2026-05-01T17:25'), 420, late, VN);
    expect(problems.map((p) => p.code)).toEqual(['EXCEEDS_WINDOW']);
    expect(problems[0].message).toContain('17:32');
  });

  it('refuses an item that starts before its slot', () => {
    expect(checkFit(vn('2026-05-01T17:05'), 60, slot, VN).map((p) => p.code)).toEqual(['BEFORE_ALLOCATION']);
  });

  it('refuses a start in the past but accepts one right now', () => {
    const now = vn('2026-05-01T17:10');
    expect(checkNotPast(vn('2026-05-01T17:09'), now, VN)?.code).toBe('IN_PAST');
    expect(checkNotPast(now, now, VN)).toBeUndefined();
  });

  it.each([
    ['2026-05-01T00:00', '2026-05-01', '2026-05-31', undefined],
    ['2026-04-30T23:59', '2026-05-01', null, 'NOT_YET_VALID'],
    ['2026-05-31T23:59', null, '2026-05-31', undefined],
    ['2026-06-01T00:00', null, '2026-05-31', 'EXPIRED'],
    ['2026-06-01T00:00', null, null, undefined],
  ])('checks validity of a start at %s (local) against %s…%s', (local, from, until, code) => {
    expect(checkValidity(vn(local), VN, from, until)?.code).toBe(code);
  });

  it('reads validity dates in the zone, not in UTC', () => {
    // 31/05 23:30 in Vietnam is still 31/05 there though 16:30 UTC; 01/06 06:00 is 31/05 in UTC.
    expect(checkValidity(vn('2026-06-01T06:00'), VN, null, '2026-05-31')?.code).toBe('EXPIRED');
  });
});

describe('checkPlacement', () => {
  const now = vn('2026-05-01T12:00');
  const slot = { start: vn('2026-05-01T17:10'), maxSeconds: 600, windowEnd: vn('2026-05-01T17:30') };
  const others: PlacedInterval[] = [{ id: 21, zoneId: 1, ...span('2026-05-01T17:15', '2026-05-01T17:20') }];

  it('accepts a placement that breaks no rule', () => {
    const request = {
      zoneId: 3,
      start: vn('2026-05-01T17:20'),
      durationSeconds: 300,
      validUntil: '2026-05-31',
    };
    expect(checkPlacement(tree, request, { slot: { ...slot, maxSeconds: 900 }, others, now })).toEqual([]);
  });

  it('lists every broken rule with a Vietnamese message', () => {
    const request = {
      zoneId: 2,
      start: vn('2026-05-01T17:10'),
      durationSeconds: 1320,
      validFrom: '2026-05-02',
    };
    const problems = checkPlacement(tree, request, { slot, others, now: vn('2026-05-01T18:00') });
    expect(problems.map((p) => p.code)).toEqual([
      'IN_PAST',
      'EXCEEDS_ALLOCATION',
      'EXCEEDS_WINDOW',
      'OVERLAP',
      'NOT_YET_VALID',
    ]);
    expect(problems.find((p) => p.code === 'OVERLAP')).toMatchObject({
      conflictId: 21,
      message: 'Trùng giờ với một lượt phát đã xếp (17:15–17:20, Đài truyền thanh xã Long Tân).',
    });
    expect(problems.find((p) => p.code === 'NOT_YET_VALID')?.message).toBe(
      'Phóng sự chỉ được phát từ ngày 02/05/2026.',
    );
  });

  it('refuses a reportage without a usable duration before anything else', () => {
    const request = { zoneId: 2, start: vn('2026-05-01T17:10'), durationSeconds: 0 };
    expect(checkPlacement(tree, request, { others, now }).map((p) => p.code)).toEqual(['INVALID_DURATION']);
  });
});
