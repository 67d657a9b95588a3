import { ZoneTree } from './zones.js';

// 1 province system → 2, 3 commune stations → 4, 5 clusters of 2; 6 cluster of 3; 7 a separate root.
const tree = new ZoneTree([
  { id: 5, parentId: 2 },
  { id: 1 },
  { id: 4, parentId: 2 },
  { id: 3, parentId: 1 },
  { id: 2, parentId: 1, timeZone: 'Asia/Ho_Chi_Minh' },
  { id: 6, parentId: 3 },
  { id: 7, timeZone: 'Europe/Berlin' },
]);

describe('ZoneTree', () => {
  it('knows the zones above and below a zone', () => {
    expect(tree.ancestors(4)).toEqual([2, 1]);
    expect(tree.descendants(1)).toEqual([2, 4, 5, 3, 6]);
    expect(tree.descendants(4)).toEqual([]);
  });

  it('relates a zone to itself, its ancestors and descendants, never to siblings or cousins', () => {
    expect(tree.areRelated(4, 4)).toBe(true);
    expect(tree.areRelated(4, 1)).toBe(true);
    expect(tree.areRelated(1, 6)).toBe(true);
    expect(tree.areRelated(4, 5)).toBe(false);
    expect(tree.areRelated(4, 6)).toBe(false);
    expect(tree.areRelated(4, 7)).toBe(false);
  });

  it('lists parents before children, siblings by id', () => {
    expect(tree.preorder()).toEqual([1, 2, 4, 5, 3, 6, 7]);
  });

  it('defaults the time zone to Asia/Ho_Chi_Minh', () => {
    expect(tree.timeZone(5)).toBe('Asia/Ho_Chi_Minh');
    expect(tree.timeZone(7)).toBe('Europe/Berlin');
  });

  it.each([
    ['an unknown parent', [{ id: 1, parentId: 9 }], 'UNKNOWN_ZONE'],
    [
      'a cycle',
      [
        { id: 1, parentId: 2 },
        { id: 2, parentId: 1 },
      ],
      'ZONE_CYCLE',
    ],
    ['a duplicate id', [{ id: 1 }, { id: 1 }], 'DUPLICATE_ZONE'],
    ['a bad time zone', [{ id: 1, timeZone: 'Mars/Olympus' }], 'INVALID_TIME_ZONE'],
  ])('refuses %s', (_what, zones, code) => {
    expect(() => new ZoneTree(zones)).toThrow(expect.objectContaining({ code }));
  });

  it('refuses questions about an unknown zone', () => {
    expect(() => tree.related(99)).toThrow(expect.objectContaining({ code: 'UNKNOWN_ZONE' }));
  });
});
