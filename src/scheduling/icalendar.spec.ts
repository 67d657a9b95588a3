import { escapeText, foldLine, formatOffset, vtimezoneLines, writeICalendar } from './icalendar.js';

const vn = (local: string) => new Date(`${local}+07:00`);

const calendar = () =>
  writeICalendar({
    name: 'Lịch phát – Đài truyền thanh xã Long Tân',
    timeZone: 'Asia/Ho_Chi_Minh',
    host: 'truyenthanh.example.vn',
    generatedAt: new Date('2026-11-23T03:04:05.678Z'),
    placements: [
      {
        id: 42,
        start: vn('2026-12-01T17:10'),
        end: vn('2026-12-01T17:15:12'),
        summary: 'Hoa giữa đời thường: Phụ nữ thu gom phế liệu, bán tặng học bổng',
        description: 'Phóng sự; lĩnh vực: học bổng\nPhát lần đầu',
      },
      { id: 7, start: vn('2026-11-28T05:30'), end: vn('2026-11-28T05:36'), summary: 'Tin vắn' },
    ],
  });

/** Unfolds continuation lines, the way a reader does before parsing. */
const unfold = (ics: string) => ics.replace(/\r\n /g, '');

describe('writeICalendar', () => {
  it('writes a calendar with a Vietnamese time zone and one event per placement, in time order', () => {
    const lines = unfold(calendar()).split('\r\n');
    expect(lines.slice(0, 15)).toEqual([
      'BEGIN:VCALENDAR',
      'PRODID:-//truyenthanh//Lich phat truyen thanh//VI',
      'VERSION:2.0',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:Lịch phát – Đài truyền thanh xã Long Tân',
      'X-WR-TIMEZONE:Asia/Ho_Chi_Minh',
      'BEGIN:VTIMEZONE',
      'TZID:Asia/Ho_Chi_Minh',
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      'TZOFFSETFROM:+0700',
      'TZOFFSETTO:+0700',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
    expect(lines.slice(15)).toEqual([
      'BEGIN:VEVENT',
      'UID:placement-7@truyenthanh.example.vn',
      'DTSTAMP:20261123T030405Z',
      'DTSTART;TZID=Asia/Ho_Chi_Minh:20261128T053000',
      'DTEND;TZID=Asia/Ho_Chi_Minh:20261128T053600',
      'SUMMARY:Tin vắn',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:placement-42@truyenthanh.example.vn',
      'DTSTAMP:20261123T030405Z',
      'DTSTART;TZID=Asia/Ho_Chi_Minh:20261201T171000',
      'DTEND;TZID=Asia/Ho_Chi_Minh:20261201T171512',
      'SUMMARY:Hoa giữa đời thường: Phụ nữ thu gom phế liệu\\, bán tặng học bổng',
      'DESCRIPTION:Phóng sự\\; lĩnh vực: học bổng\\nPhát lần đầu',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ]);
  });

  it('ends every line with CRLF and keeps every physical line within 75 octets', () => {
    const ics = calendar();
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  });

  it('gives the same output for the same input (stable UIDs, fixed DTSTAMP)', () => {
    expect(calendar()).toBe(calendar());
  });

  it('writes a DST zone with its transitions (Europe/Berlin)', () => {
    const ics = writeICalendar({
      name: 'Test',
      timeZone: 'Europe/Berlin',
      host: 'h',
      generatedAt: new Date('2026-01-01T00:00:00Z'),
      placements: [
        {
          id: 1,
          start: new Date('2026-07-01T15:10:00Z'),
          end: new Date('2026-07-01T15:15:00Z'),
          summary: 'x',
        },
      ],
    });
    expect(ics).toContain('DTSTART;TZID=Europe/Berlin:20260701T171000\r\n');
    const tz = unfold(ics).split('\r\n');
    const daylight = tz.indexOf('BEGIN:DAYLIGHT');
    expect(tz.slice(daylight, daylight + 5)).toEqual([
      'BEGIN:DAYLIGHT',
      'DTSTART:20260329T020000',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'END:DAYLIGHT',
    ]);
    expect(ics).toContain(
      'BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n',
    );
  });
});

describe('escapeText', () => {
  it.each([
    ['a\\b', 'a\\\\b'],
    ['a;b,c', 'a\\;b\\,c'],
    ['dòng 1\ndòng 2\r\ndòng 3\rdòng 4', 'dòng 1\\ndòng 2\\ndòng 3\\ndòng 4'],
    ['xanh – sạch – đẹp: "ok"', 'xanh – sạch – đẹp: "ok"'],
  ])('escapes %j', (input, output) => {
    expect(escapeText(input)).toBe(output);
  });

  it('writes Vietnamese text in NFC', () => {
    expect(escapeText('Hoa giữa đời thường'.normalize('NFD'))).toBe('Hoa giữa đời thường'.normalize('NFC'));
  });
});

describe('foldLine', () => {
  it('leaves a line of exactly 75 octets alone', () => {
    const line = 'X'.repeat(75);
    expect(foldLine(line)).toBe(line);
  });

  it('folds ASCII at 75 octets, then 74 plus the leading space', () => {
    const folded = foldLine('A'.repeat(75 + 74 + 10));
    expect(folded.split('\r\n').map((l) => l.length)).toEqual([75, 75, 11]);
    expect(folded.replace(/\r\n /g, '')).toBe('A'.repeat(159));
  });

  it('never splits a multi-byte character', () => {
    // "ờ" is 3 octets in UTF-8: 74 ASCII + "ờ" would make 77, so "ờ" starts the next line.
    const line = 'S'.repeat(74) + 'ờ' + 'đời thường '.repeat(20);
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical[0]).toBe('S'.repeat(74));
    for (const part of physical) {
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
      expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
    }
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('keeps a character outside the BMP whole', () => {
    const folded = foldLine('x'.repeat(73) + '🌸🌸');
    expect(folded).toBe('x'.repeat(73) + '\r\n 🌸🌸');
  });
});

describe('time zone parts', () => {
  it.each([
    [420, '+0700'],
    [-210, '-0330'],
    [0, '+0000'],
  ])('formats offset %d as %s', (minutes, text) => {
    expect(formatOffset(minutes)).toBe(text);
  });

  it('has a single observance for Vietnam', () => {
    const lines = vtimezoneLines('Asia/Ho_Chi_Minh', new Date('2026-01-01'), new Date('2027-12-31'));
    expect(lines.filter((l) => l.startsWith('BEGIN:'))).toEqual(['BEGIN:VTIMEZONE', 'BEGIN:STANDARD']);
  });
});
