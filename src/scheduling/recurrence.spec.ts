import { expandRecurrence, formatRrule, parseRrule, Recurrence, RecurrenceRule } from './recurrence.js';

const VN = 'Asia/Ho_Chi_Minh';
const utc = (iso: string) => new Date(iso);

function series(rule: RecurrenceRule, extra: Partial<Recurrence> = {}): Recurrence {
  return { time: '17:00', timeZone: VN, startDate: '2026-01-01', rule, ...extra };
}

/** Local dates of the occurrences between two local dates (inclusive), Vietnamese time. */
function dates(recurrence: Recurrence, fromDate: string, toDate: string): string[] {
  const from = utc(`${fromDate}T00:00:00+07:00`);
  const to = new Date(utc(`${toDate}T00:00:00+07:00`).getTime() + 86_400_000);
  return expandRecurrence(recurrence, from, to).map((o) => o.date);
}

describe('parseRrule and formatRrule', () => {
  it.each([
    ['FREQ=DAILY', { freq: 'DAILY' }],
    ['RRULE:FREQ=WEEKLY;BYDAY=TU,FR', { freq: 'WEEKLY', byDay: ['TU', 'FR'] }],
    ['freq=weekly;interval=2;byday=mo;count=10', { freq: 'WEEKLY', interval: 2, byDay: ['MO'], count: 10 }],
    ['FREQ=DAILY;UNTIL=20261231', { freq: 'DAILY', until: '2026-12-31' }],
    ['FREQ=DAILY;UNTIL=20261231T235959', { freq: 'DAILY', until: '2026-12-31' }],
    // 31/12 18:00 UTC is already 1 January in Vietnam.
    ['FREQ=DAILY;UNTIL=20261231T180000Z', { freq: 'DAILY', until: '2027-01-01' }],
    ['FREQ=WEEKLY;WKST=MO;BYDAY=SA', { freq: 'WEEKLY', byDay: ['SA'] }],
  ])('parses %s', (text, rule) => {
    expect(parseRrule(text, VN)).toEqual(rule);
  });

  it.each([
    ['FREQ=MONTHLY', 'FREQ'],
    ['BYDAY=MO', 'FREQ'],
    ['FREQ=DAILY;BYHOUR=5', 'BYHOUR'],
    ['FREQ=DAILY;INTERVAL=0', 'INTERVAL'],
    ['FREQ=DAILY;COUNT=-1', 'COUNT'],
    ['FREQ=DAILY;COUNT=3;UNTIL=20261231', 'COUNT'],
    ['FREQ=WEEKLY;BYDAY=1MO', 'BYDAY'],
    ['FREQ=WEEKLY;BYDAY=MO,MO', 'BYDAY'],
    ['FREQ=DAILY;UNTIL=20260230', 'không hợp lệ'],
    ['FREQ=DAILY;FREQ=WEEKLY', 'FREQ=WEEKLY'],
    ['FREQ=WEEKLY;WKST=SU', 'WKST'],
  ])('refuses %s', (text, mentions) => {
    expect(() => parseRrule(text, VN)).toThrow(
      expect.objectContaining({ code: expect.stringMatching(/^INVALID_/) }),
    );
    expect(() => parseRrule(text, VN)).toThrow(mentions);
  });

  it('prints rules in a fixed order that parses back to the same rule', () => {
    const rule: RecurrenceRule = { freq: 'WEEKLY', interval: 2, byDay: ['FR', 'TU'], until: '2027-06-30' };
    expect(formatRrule(rule)).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,FR;UNTIL=20270630');
    expect(parseRrule(formatRrule(rule), VN)).toEqual({ ...rule, byDay: ['TU', 'FR'] });
  });
});

describe('expandRecurrence', () => {
  it('gives each day at the local wall-clock time, as UTC instants', () => {
    const occurrences = expandRecurrence(
      series({ freq: 'DAILY' }, { time: '05:30' }),
      utc('2026-03-01T00:00:00+07:00'),
      utc('2026-03-03T00:00:00+07:00'),
    );
    expect(occurrences).toEqual([
      { date: '2026-03-01', start: utc('2026-02-28T22:30:00Z') },
      { date: '2026-03-02', start: utc('2026-03-01T22:30:00Z') },
    ]);
  });

  it('crosses month and year ends, leap day included', () => {
    expect(dates(series({ freq: 'DAILY' }, { startDate: '2027-12-30' }), '2027-12-29', '2028-01-02')).toEqual(
      ['2027-12-30', '2027-12-31', '2028-01-01', '2028-01-02'],
    );
    expect(dates(series({ freq: 'DAILY' }), '2028-02-28', '2028-03-01')).toEqual([
      '2028-02-28',
      '2028-02-29',
      '2028-03-01',
    ]);
  });

  it('keeps INTERVAL counted from the start date, across a year end', () => {
    // Every third day from 30/12/2026.
    expect(
      dates(series({ freq: 'DAILY', interval: 3 }, { startDate: '2026-12-30' }), '2026-12-25', '2027-01-10'),
    ).toEqual(['2026-12-30', '2027-01-02', '2027-01-05', '2027-01-08']);
  });

  it('counts WEEKLY INTERVAL in Monday-based weeks from the week of the start date', () => {
    // Start Wednesday 30/12/2026; every other week, Tuesdays and Fridays. The start week's Tuesday is before
    // the start date, so the first occurrence is Friday 01/01/2027.
    const rule: RecurrenceRule = { freq: 'WEEKLY', interval: 2, byDay: ['TU', 'FR'] };
    expect(dates(series(rule, { startDate: '2026-12-30' }), '2026-12-28', '2027-01-31')).toEqual([
      '2027-01-01',
      '2027-01-12',
      '2027-01-15',
      '2027-01-26',
      '2027-01-29',
    ]);
  });

  it('uses the start date weekday when WEEKLY has no BYDAY, and BYDAY filters DAILY', () => {
    // 01/01/2026 is a Thursday.
    expect(dates(series({ freq: 'WEEKLY' }), '2026-01-01', '2026-01-31')).toEqual([
      '2026-01-01',
      '2026-01-08',
      '2026-01-15',
      '2026-01-22',
      '2026-01-29',
    ]);
    expect(dates(series({ freq: 'DAILY', byDay: ['SA', 'SU'] }), '2026-01-01', '2026-01-11')).toEqual([
      '2026-01-03',
      '2026-01-04',
      '2026-01-10',
      '2026-01-11',
    ]);
  });

  it('skips exception dates (holidays, cancelled sessions)', () => {
    const rec = series({ freq: 'DAILY' }, { exceptDates: ['2027-02-06', '2027-02-07', '2027-02-09'] });
    expect(dates(rec, '2027-02-05', '2027-02-10')).toEqual(['2027-02-05', '2027-02-08', '2027-02-10']);
  });

  it('counts COUNT before exception dates and stops there even for late periods', () => {
    const rec = series({ freq: 'DAILY', count: 5 }, { exceptDates: ['2026-01-02'] });
    expect(dates(rec, '2025-12-01', '2026-12-31')).toEqual([
      '2026-01-01',
      '2026-01-03',
      '2026-01-04',
      '2026-01-05',
    ]);
    expect(dates(rec, '2026-01-04', '2026-12-31')).toEqual(['2026-01-04', '2026-01-05']);
  });

  it('stops after UNTIL, inclusive, and starts no earlier than the start date', () => {
    const rec = series({ freq: 'DAILY', until: '2026-01-03' }, { startDate: '2025-12-31' });
    expect(dates(rec, '2025-12-01', '2026-01-31')).toEqual([
      '2025-12-31',
      '2026-01-01',
      '2026-01-02',
      '2026-01-03',
    ]);
  });

  it('treats the period as [from, to) on instants', () => {
    const rec = series({ freq: 'DAILY' });
    const at = utc('2026-05-01T17:00:00+07:00');
    expect(expandRecurrence(rec, at, new Date(at.getTime() + 1)).map((o) => o.date)).toEqual(['2026-05-01']);
    expect(expandRecurrence(rec, new Date(at.getTime() - 1), at)).toEqual([]);
    expect(expandRecurrence(rec, at, at)).toEqual([]);
  });

  it('keeps the wall-clock time across DST changes (Europe/Berlin)', () => {
    const rec = series(
      { freq: 'DAILY' },
      { time: '05:30', timeZone: 'Europe/Berlin', startDate: '2026-03-27' },
    );
    const occurrences = expandRecurrence(rec, utc('2026-03-27T00:00:00Z'), utc('2026-03-31T00:00:00Z'));
    expect(occurrences.map((o) => o.start.toISOString())).toEqual([
      '2026-03-27T04:30:00.000Z',
      '2026-03-28T04:30:00.000Z',
      '2026-03-29T03:30:00.000Z',
      '2026-03-30T03:30:00.000Z',
    ]);
    const autumn = expandRecurrence(
      { ...rec, startDate: '2026-10-24' },
      utc('2026-10-24T00:00:00Z'),
      utc('2026-10-27T00:00:00Z'),
    );
    expect(autumn.map((o) => o.start.toISOString())).toEqual([
      '2026-10-24T03:30:00.000Z',
      '2026-10-25T04:30:00.000Z',
      '2026-10-26T04:30:00.000Z',
    ]);
  });

  it('expands a long-running series only over the period asked', () => {
    const rec = series({ freq: 'DAILY' }, { startDate: '1990-01-01' });
    expect(dates(rec, '2026-06-01', '2026-06-30')).toHaveLength(30);
  });
});
