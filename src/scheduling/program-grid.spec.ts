import {
  BroadcastWindowSpec,
  expandAllocations,
  expandWindows,
  SegmentAllocationSpec,
} from './program-grid.js';
import { ZoneTree } from './zones.js';

const tree = new ZoneTree([{ id: 1 }, { id: 2, timeZone: 'Europe/Berlin' }]);
const vn = (local: string) => new Date(`${local}+07:00`);

const morning: BroadcastWindowSpec = {
  id: 10,
  zoneId: 1,
  startTime: '05:30',
  endTime: '06:00',
  startDate: '2026-01-01',
  rule: { freq: 'DAILY' },
};
const evening: BroadcastWindowSpec = { ...morning, id: 11, startTime: '17:00', endTime: '17:30' };

describe('expandWindows', () => {
  it('gives every session of every window in the period, by start', () => {
    const sessions = expandWindows(tree, [evening, morning], vn('2026-12-31T00:00'), vn('2027-01-02T00:00'));
    expect(sessions.map((s) => [s.windowId, s.date, s.start.toISOString(), s.end.toISOString()])).toEqual([
      [10, '2026-12-31', '2026-12-30T22:30:00.000Z', '2026-12-30T23:00:00.000Z'],
      [11, '2026-12-31', '2026-12-31T10:00:00.000Z', '2026-12-31T10:30:00.000Z'],
      [10, '2027-01-01', '2026-12-31T22:30:00.000Z', '2026-12-31T23:00:00.000Z'],
      [11, '2027-01-01', '2027-01-01T10:00:00.000Z', '2027-01-01T10:30:00.000Z'],
    ]);
  });

  it('ends an overnight window on the next day', () => {
    const night = { ...morning, startTime: '23:30', endTime: '00:15' };
    const [session] = expandWindows(tree, [night], vn('2026-02-28T00:00'), vn('2026-03-01T00:00'));
    expect(session.start).toEqual(vn('2026-02-28T23:30'));
    expect(session.end).toEqual(vn('2026-03-01T00:15'));
  });

  it('drops cancelled sessions', () => {
    const sessions = expandWindows(
      tree,
      [{ ...morning, exceptDates: ['2026-09-02'] }],
      vn('2026-09-01T00:00'),
      vn('2026-09-04T00:00'),
    );
    expect(sessions.map((s) => s.date)).toEqual(['2026-09-01', '2026-09-03']);
  });
});

describe('expandAllocations', () => {
  const column: SegmentAllocationSpec = {
    id: 100,
    windowId: 11,
    segmentId: 7,
    time: '17:10',
    maxSeconds: 600,
    rule: { freq: 'WEEKLY', byDay: ['TU', 'FR'] },
  };

  it('places a column on Tuesdays and Fridays at 17:10 inside the evening window', () => {
    const slots = expandAllocations(
      tree,
      [morning, evening],
      [column],
      vn('2026-12-28T00:00'),
      vn('2027-01-05T00:00'),
    );
    expect(slots.map((s) => [s.date, s.start.toISOString(), s.windowEnd.toISOString()])).toEqual([
      ['2026-12-29', '2026-12-29T10:10:00.000Z', '2026-12-29T10:30:00.000Z'],
      ['2027-01-01', '2027-01-01T10:10:00.000Z', '2027-01-01T10:30:00.000Z'],
    ]);
    expect(slots[0]).toMatchObject({
      allocationId: 100,
      windowId: 11,
      zoneId: 1,
      segmentId: 7,
      maxSeconds: 600,
      timeZone: 'Asia/Ho_Chi_Minh',
    });
  });

  it('has no slot when the window session is cancelled or the slot itself is excepted', () => {
    const slots = expandAllocations(
      tree,
      [{ ...evening, exceptDates: ['2026-12-29'] }],
      [{ ...column, exceptDates: ['2027-01-01'] }],
      vn('2026-12-28T00:00'),
      vn('2027-01-10T00:00'),
    );
    expect(slots.map((s) => s.date)).toEqual(['2027-01-05', '2027-01-08']);
  });

  it('uses every session when the allocation has no rule of its own', () => {
    const everyDay = { ...column, rule: undefined };
    expect(
      expandAllocations(tree, [evening], [everyDay], vn('2026-03-01T00:00'), vn('2026-03-04T00:00')),
    ).toHaveLength(3);
  });

  it('follows the wall clock of a DST zone', () => {
    const berlin = { ...evening, zoneId: 2 };
    const slots = expandAllocations(
      tree,
      [berlin],
      [{ ...column, rule: undefined }],
      new Date('2026-03-28T00:00:00Z'),
      new Date('2026-03-30T00:00:00Z'),
    );
    expect(slots.map((s) => s.start.toISOString())).toEqual([
      '2026-03-28T16:10:00.000Z',
      '2026-03-29T15:10:00.000Z',
    ]);
  });

  it('refuses a slot outside its window and one pointing at a missing window', () => {
    const from = vn('2026-03-01T00:00');
    const to = vn('2026-03-08T00:00');
    expect(() => expandAllocations(tree, [evening], [{ ...column, time: '17:30' }], from, to)).toThrow(
      expect.objectContaining({ code: 'ALLOCATION_OUTSIDE_WINDOW' }),
    );
    expect(() => expandAllocations(tree, [evening], [{ ...column, windowId: 99 }], from, to)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_WINDOW' }),
    );
    expect(() => expandAllocations(tree, [evening], [{ ...column, maxSeconds: 0 }], from, to)).toThrow(
      expect.objectContaining({ code: 'INVALID_ALLOCATION' }),
    );
  });

  it('puts a slot after midnight into the overnight session it belongs to', () => {
    const night = { ...morning, id: 12, startTime: '23:30', endTime: '00:30' };
    const slots = expandAllocations(
      tree,
      [night],
      [{ ...column, windowId: 12, time: '00:10', rule: undefined }],
      vn('2026-12-31T00:00'),
      vn('2027-01-01T00:00'),
    );
    expect(slots.map((s) => [s.date, s.start])).toEqual([['2026-12-31', vn('2027-01-01T00:10')]]);
  });
});
