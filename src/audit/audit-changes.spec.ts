import { changesBetween } from './audit-changes.js';

describe('changesBetween', () => {
  it('lists only the fields that changed, with old and new values', () => {
    expect(
      changesBetween(
        { title: 'Cũ', summary: 'Giữ', tags: ['a'], version: 1 },
        { title: 'Mới', summary: 'Giữ', tags: ['a', 'b'], version: 2 },
      ),
    ).toEqual({ title: { from: 'Cũ', to: 'Mới' }, tags: { from: ['a'], to: ['a', 'b'] } });
  });

  it('records a creation as the values set and a deletion as the values lost', () => {
    expect(changesBetween(null, { name: 'Lĩnh vực', note: null })).toEqual({ name: { to: 'Lĩnh vực' } });
    expect(changesBetween({ name: 'Lĩnh vực', note: null }, null)).toEqual({ name: { from: 'Lĩnh vực' } });
  });

  it('writes dates as ISO instants and never records a password hash or bookkeeping', () => {
    const at = new Date('2026-01-02T03:04:05.000Z');
    expect(
      changesBetween(
        { lastLoginAt: null, passwordHash: 'x', updatedAt: at },
        { lastLoginAt: at, passwordHash: 'y', updatedAt: new Date() },
      ),
    ).toEqual({ lastLoginAt: { from: null, to: '2026-01-02T03:04:05.000Z' } });
  });

  it('treats a missing field and null alike', () => {
    expect(changesBetween({ a: null }, {})).toEqual({});
  });
});
