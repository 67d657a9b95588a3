import {
  formatDate,
  formatDuration,
  formatLocalDate,
  formatLocalTime,
  formatLocalTimeRange,
  localWeekday,
  vietnameseWeekday,
  writeM3u,
} from './rundown-format.js';

const VN = 'Asia/Ho_Chi_Minh';

describe('rundown formats', () => {
  it('writes a range with seconds when an end falls between minutes, never "17:10–17:10"', () => {
    const at = (iso: string) => new Date(iso);
    expect(formatLocalTimeRange(at('2026-12-01T10:10:00Z'), at('2026-12-01T10:15:00Z'), VN)).toBe(
      '17:10–17:15',
    );
    expect(formatLocalTimeRange(at('2026-12-01T10:10:00Z'), at('2026-12-01T10:10:40Z'), VN)).toBe(
      '17:10:00–17:10:40',
    );
  });

  it('writes local times as HH:mm and dates as dd/MM/yyyy in the zone, not the machine zone', () => {
    const instant = new Date('2026-12-31T22:30:00Z'); // 05:30 on 01/01/2027 in Vietnam
    expect(formatLocalTime(instant, VN)).toBe('05:30');
    expect(formatLocalDate(instant, VN)).toBe('01/01/2027');
    expect(formatLocalTime(instant, 'UTC')).toBe('22:30');
    expect(formatLocalDate(instant, 'UTC')).toBe('31/12/2026');
    expect(formatDate('2026-09-02')).toBe('02/09/2026');
  });

  it.each([
    ['2026-11-23', 'Thứ Hai'],
    ['2026-11-24', 'Thứ Ba'],
    ['2026-11-25', 'Thứ Tư'],
    ['2026-11-26', 'Thứ Năm'],
    ['2026-11-27', 'Thứ Sáu'],
    ['2026-11-28', 'Thứ Bảy'],
    ['2026-11-29', 'Chủ Nhật'],
  ])('names %s %s', (date, name) => {
    expect(vietnameseWeekday(date)).toBe(name);
  });

  it('names the weekday of an instant in the zone', () => {
    // Sunday 22:30 UTC is Monday morning in Vietnam.
    expect(localWeekday(new Date('2026-11-29T22:30:00Z'), VN)).toBe('Thứ Hai');
  });

  it.each([
    [0, '0:00'],
    [5, '0:05'],
    [59.6, '1:00'],
    [65.4, '1:05'],
    [425, '7:05'],
    [3600, '60:00'],
    [4500, '75:00'],
  ])('writes %d seconds as %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('refuses a negative or unknown duration', () => {
    expect(() => formatDuration(-1)).toThrow(RangeError);
    expect(() => formatDuration(Number.NaN)).toThrow(RangeError);
  });
});

describe('writeM3u', () => {
  it('writes an extended M3U playlist with whole seconds and Vietnamese titles', () => {
    expect(
      writeM3u([
        {
          title: 'Hoa giữa đời thường: Trồng hoa làm đẹp các tuyến đường',
          durationSeconds: 312.6,
          location: 'a.mp3',
        },
        { title: 'Tin vắn', durationSeconds: null, location: 'http://loa.example.vn/b.mp3' },
      ]),
    ).toBe(
      '#EXTM3U\n' +
        '#EXTINF:313,Hoa giữa đời thường: Trồng hoa làm đẹp các tuyến đường\na.mp3\n' +
        '#EXTINF:-1,Tin vắn\nhttp://loa.example.vn/b.mp3\n',
    );
  });

  it('keeps a title with a line break on one line', () => {
    expect(writeM3u([{ title: 'Dòng 1\r\nDòng 2', durationSeconds: 60, location: 'x.mp3' }])).toBe(
      '#EXTM3U\n#EXTINF:60,Dòng 1 Dòng 2\nx.mp3\n',
    );
  });

  it('writes just the header for an empty playlist', () => {
    expect(writeM3u([])).toBe('#EXTM3U\n');
  });
});
