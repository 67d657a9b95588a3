import {
  dayNumber,
  isoDate,
  localDayOf,
  localMinutesOf,
  localToInstant,
  wallMinutes,
  weekdayOf,
} from './local-time.js';

describe('calendar days', () => {
  it.each([
    ['1970-01-01', 0, 3],
    ['2026-11-23', dayNumber('2026-11-23'), 0],
    ['2026-11-29', dayNumber('2026-11-29'), 6],
    ['2028-02-29', dayNumber('2028-02-29'), 1],
  ])('reads %s as a day number with the right weekday', (date, day, weekday) => {
    expect(dayNumber(date)).toBe(day);
    expect(isoDate(day)).toBe(date);
    expect(weekdayOf(day)).toBe(weekday);
  });

  it.each(['2026-02-29', '2026-13-01', '2026-1-5', '05/01/2026', ''])(
    'refuses the impossible date %j',
    (date) => {
      expect(() => dayNumber(date)).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
    },
  );

  it('reads and refuses wall-clock times', () => {
    expect(wallMinutes('05:30')).toBe(330);
    expect(wallMinutes('23:59')).toBe(1439);
    for (const bad of ['24:00', '5:30', '05:60', 'noon']) {
      expect(() => wallMinutes(bad)).toThrow(expect.objectContaining({ code: 'INVALID_TIME' }));
    }
  });
});

describe('localToInstant', () => {
  it('reads Vietnamese wall-clock time at UTC+07:00 whatever the machine zone', () => {
    expect(localToInstant(dayNumber('2026-01-01'), 5 * 60 + 30, 'Asia/Ho_Chi_Minh').toISOString()).toBe(
      '2025-12-31T22:30:00.000Z',
    );
  });

  it('moves a wall time skipped by the spring-forward jump to after the jump (RFC 5545)', () => {
    // 29/03/2026 in Berlin: 02:00 CET becomes 03:00 CEST.
    expect(localToInstant(dayNumber('2026-03-29'), 2 * 60 + 30, 'Europe/Berlin').toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
  });

  it('takes the first of two wall times when clocks go back (RFC 5545)', () => {
    // 25/10/2026 in Berlin: 02:30 happens at +02:00 and again at +01:00.
    expect(localToInstant(dayNumber('2026-10-25'), 2 * 60 + 30, 'Europe/Berlin').toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
  });

  it('round-trips through localDayOf and localMinutesOf', () => {
    const day = dayNumber('2026-12-31');
    const instant = localToInstant(day, 23 * 60 + 45, 'Asia/Ho_Chi_Minh');
    expect(localDayOf(instant, 'Asia/Ho_Chi_Minh')).toBe(day);
    expect(localMinutesOf(instant, 'Asia/Ho_Chi_Minh')).toBe(23 * 60 + 45);
    expect(localDayOf(instant, 'UTC')).toBe(day);
  });

  it('refuses an unknown zone', () => {
    expect(() => localToInstant(0, 0, 'Asia/Hanoi_Typo')).toThrow(
      expect.objectContaining({ code: 'INVALID_TIME_ZONE' }),
    );
  });
});
