import type { Rundown } from './schedule-read.service.js';
import { writeM3u } from './rundown-format.js';

/** HTML-escapes text for element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A printable page of a day's rundown (kịch bản phát sóng), in Vietnamese, self-contained. */
export function renderRundownHtml(rundown: Rundown): string {
  const e = escapeHtml;
  const rows = rundown.items
    .map(
      (item, k) => `      <tr>
        <td>${k + 1}</td>
        <td>${e(item.time)}–${e(item.endTime)}</td>
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
  <title>Kịch bản phát sóng – ${e(rundown.zone.name)} – ${e(rundown.dateText)}</title>
  <style>
    body { font-family: system-ui, sans-serif; margin: 2em; }
    table { border-collapse: collapse; width: 100%; }
    th, td { border: 1px solid #888; padding: 4px 8px; text-align: left; vertical-align: top; }
    @media print { body { margin: 0; } }
  </style>
</head>
<body>
  <h1>Kịch bản phát sóng</h1>
  <p><strong>${e(rundown.zone.name)}</strong> — ${e(rundown.weekday)}, ngày ${e(rundown.dateText)}</p>
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
