import type { Rundown } from './schedule-read.service.js';
import { formatLocalTimeRange, writeM3u } from './rundown-format.js';

/** HTML-escapes text for element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * A printable page of a day's rundown, in Vietnamese, self-contained: the centre and the station in
 * its header, as officers print it ("chương trình phát thanh trong ngày"; kịch bản phát sóng).
 */
export function renderRundownHtml(rundown: Rundown, centreName: string): string {
  const e = escapeHtml;
  const rows = rundown.items
    .map(
      (item, k) => `      <tr>
        <td>${k + 1}</td>
        <td>${e(formatLocalTimeRange(item.startsAt, item.endsAt, rundown.zone.timeZone))}</td>
        <td>${e(item.duration)}</td>
        <td>${e(item.title)}${item.isReair ? ' <em>(phát lại)</em>' : ''}</td>
        <td>${e(item.segment)}</td>
        <td>${e(item.reporter ?? '')}</td>
        <td>${e(item.zone.name)}</td>
        <td>${item.audioReady ? 'Sẵn sàng' : '<strong>Thiếu âm thanh</strong>'}</td>
      </tr>`,
    )
    .join('\n');
  const total = rundown.totalSeconds;
  const totalText = `${Math.floor(total / 60)} phút ${Math.round(total % 60)} giây`;
  return `<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <title>Chương trình phát thanh trong ngày – ${e(rundown.zone.name)} – ${e(rundown.dateText)}</title>
  <style>
    body { font-family: system-ui, sans-serif; margin: 2em; }
    table { border-collapse: collapse; width: 100%; }
    th, td { border: 1px solid #888; padding: 4px 8px; text-align: left; vertical-align: top; }
    header { display: flex; justify-content: space-between; gap: 2em; text-align: center; margin-bottom: 1em; }
    header p { margin: 0; }
    h1 { text-align: center; font-size: 1.4em; margin: 0.3em 0; }
    .day { text-align: center; margin: 0 0 1em; }
    @media print { body { margin: 0; } }
  </style>
</head>
<body>
  <header>
    <div><p>${e(centreName.toUpperCase())}</p><p><strong>${e(rundown.zone.name)}</strong></p></div>
    <div><p><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong></p><p>Độc lập – Tự do – Hạnh phúc</p></div>
  </header>
  <h1>Chương trình phát thanh trong ngày</h1>
  <p class="day">${e(rundown.weekday)}, ngày ${e(rundown.dateText)}</p>
  <table>
    <thead>
      <tr><th>STT</th><th>Giờ phát</th><th>Thời lượng</th><th>Tiêu đề</th><th>Chuyên mục</th><th>Phóng viên</th><th>Vùng phát</th><th>Âm thanh</th></tr>
    </thead>
    <tbody>
${rows || '      <tr><td colspan="8">Không có mục nào trong ngày.</td></tr>'}
    </tbody>
  </table>
  <p>Tổng cộng ${rundown.items.length} mục, ${e(totalText)}.</p>
</body>
</html>
`;
}

/** The day's broadcast files as an M3U playlist, in air order, with absolute URLs. */
export function rundownM3u(rundown: Rundown, baseUrl: string): string {
  return writeM3u(
    rundown.items
      .filter((item) => item.audioAssetId !== null && item.audioReady)
      .map((item) => ({
        title: `${item.time} ${item.title}`,
        durationSeconds: item.durationSeconds,
        location: `${baseUrl}/api/audio-assets/${item.audioAssetId}/broadcast.mp3`,
      })),
  );
}
