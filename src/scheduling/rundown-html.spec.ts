import { escapeHtml, renderRundownHtml, rundownM3u } from './rundown-html.js';
import type { Rundown } from './schedule-read.service.js';

const rundown = (items: Partial<Rundown['items'][number]>[]): Rundown => ({
  zone: { id: 3, name: 'Đài <xã> Long Tân', kind: 'station', timeZone: 'Asia/Ho_Chi_Minh' },
  date: '2026-12-01',
  dateText: '01/12/2026',
  weekday: 'Thứ Ba',
  totalSeconds: items.reduce((sum, i) => sum + (i.durationSeconds ?? 300), 0),
  items: items.map((item, k) => ({
    placementId: k + 1,
    zone: { id: 3, name: 'Đài <xã> Long Tân' },
    startsAt: new Date('2026-12-01T10:10:00Z'),
    endsAt: new Date('2026-12-01T10:15:00Z'),
    time: '17:10',
    endTime: '17:15',
    durationSeconds: 300,
    duration: '5:00',
    title: 'Tiêu đề',
    reporter: null,
    segment: 'Hoa giữa đời thường',
    isReair: false,
    status: 'planned',
    audioAssetId: 9,
    audioReady: true,
    ...item,
  })),
});

describe('rundown page and playlist', () => {
  it('escapes every character HTML gives meaning to', () => {
    expect(escapeHtml(`<a href="x">Tôm & 'cá'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tôm &amp; &#39;cá&#39;&lt;/a&gt;',
    );
  });

  it('prints a Vietnamese page with escaped titles, re-airs marked and missing audio called out', () => {
    const html = renderRundownHtml(
      rundown([
        { title: 'Hoa <b>đẹp</b>', reporter: 'Lê & Trần', isReair: true },
        {
          time: '17:15',
          startsAt: new Date('2026-12-01T10:15:00Z'),
          endsAt: new Date('2026-12-01T10:15:40Z'),
          title: 'Không tiếng',
          audioReady: false,
        },
      ]),
      'Trung tâm Văn hóa – Thông tin và Thể thao',
    );
    expect(html).toContain('<p>TRUNG TÂM VĂN HÓA – THÔNG TIN VÀ THỂ THAO</p>');
    expect(html).toContain('<p><strong>Đài &lt;xã&gt; Long Tân</strong></p>');
    expect(html).toContain('<h1>Chương trình phát thanh trong ngày</h1>');
    expect(html).toContain('<td>17:10–17:15</td>');
    expect(html).toContain('<td>17:15:00–17:15:40</td>'); // never "17:15–17:15"
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('Thứ Ba, ngày 01/12/2026');
    expect(html).toContain('Hoa &lt;b&gt;đẹp&lt;/b&gt; <em>(phát lại)</em>');
    expect(html).toContain('Lê &amp; Trần');
    expect(html).toContain('<strong>Thiếu âm thanh</strong>');
    expect(html).toContain('Tổng cộng 2 mục, 10 phút 0 giây.');
    expect(html).not.toContain('<b>');
  });

  it('says so when the day is empty', () => {
    expect(renderRundownHtml(rundown([]), 'Trung tâm')).toContain('Không có mục nào trong ngày.');
  });

  it('lists only ready broadcast files, as absolute URLs, in air order', () => {
    const m3u = rundownM3u(
      rundown([
        { title: 'Một' },
        { title: 'Hai', audioReady: false },
        { title: 'Ba', audioAssetId: 12, time: '17:20' },
      ]),
      'https://radio.example.vn',
    );
    expect(m3u).toBe(
      '#EXTM3U\n' +
        '#EXTINF:300,17:10 Một\nhttps://radio.example.vn/api/audio-assets/9/broadcast.mp3\n' +
        '#EXTINF:300,17:20 Ba\nhttps://radio.example.vn/api/audio-assets/12/broadcast.mp3\n',
    );
  });
});
