import { AirTimeIndex, overlapProblems, type CheckedItem } from './plan-check.js';
import { ZoneTree } from './zones.js';

// A cluster (1) over two stations (2, 3).
const tree = new ZoneTree([
  { id: 1, timeZone: 'Asia/Ho_Chi_Minh' },
  { id: 2, parentId: 1, timeZone: 'Asia/Ho_Chi_Minh' },
  { id: 3, parentId: 1, timeZone: 'Asia/Ho_Chi_Minh' },
]);
const at = (hhmm: string) => new Date(`2027-03-02T${hhmm}:00+07:00`);
const placed = (id: number, zoneId: number, from: string, to: string) => ({
  id,
  zoneId,
  start: at(from),
  end: at(to),
});
const item = (row: number, zoneId: number, from: string, to: string): CheckedItem => ({
  row,
  zoneId,
  reportageId: 1,
  allocationId: 1,
  start: at(from),
  end: at(to),
  durationSeconds: (at(to).getTime() - at(from).getTime()) / 1000,
});

describe('AirTimeIndex', () => {
  it('finds what reaches into an interval, in the zones asked for only', () => {
    const index = new AirTimeIndex([placed(1, 2, '17:00', '17:10'), placed(2, 3, '17:05', '17:15')]);
    index.add(placed(3, 2, '16:50', '17:01'));
    expect(index.near([2], at('17:00'), at('17:05')).map((p) => p.id)).toEqual([3, 1]);
    expect(index.near([2], at('17:10'), at('17:20'))).toEqual([]);
    expect(index.near([2, 3], at('17:10'), at('17:20')).map((p) => p.id)).toEqual([2]);
  });
});

describe('overlapProblems (a chunk checked again in its write transaction)', () => {
  it('reports per row the items now overlapping air time of their zone, above or below it', () => {
    const taken = new AirTimeIndex([placed(9, 1, '18:00', '18:10'), placed(8, 3, '19:00', '19:10')]);
    const problems = overlapProblems(
      tree,
      [item(0, 2, '18:05', '18:06'), item(1, 2, '19:00', '19:05'), item(2, 3, '19:09', '19:12')],
      taken,
    );
    expect(problems.map((p) => [p.row, p.field, p.code])).toEqual([
      [0, 'placements[0]', 'OVERLAP'],
      [2, 'placements[2]', 'OVERLAP'],
    ]);
  });
});
