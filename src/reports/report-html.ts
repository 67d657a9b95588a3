import { formatDate, formatLocalDate, formatLocalTime } from '../scheduling/rundown-format.js';
import type { CellValue } from './report-csv.js';

/** One table of a printed report; columns from `numericFrom` on hold numbers (right-aligned). */
export interface PrintTable {
  caption: string;
  header: readonly string[];
  rows: readonly (readonly CellValue[])[];
  /** The bold last row ("Tổng cộng"). */
  total?: readonly CellValue[];
  numericFrom: number;
  /** Shown instead of an empty table. */
  empty?: string;
}

export interface PrintPage {
  centreName: string;
  title: string;
  /** The period, local calendar dates YYYY-MM-DD. */
  from: string;
  to: string;
  tables: readonly PrintTable[];
  /** Definitions printed under the tables, so a reader knows what was counted. */
  notes: readonly string[];
  printedAt: Date;
  timeZone: string;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** A cell as Vietnamese readers write numbers (1.234,5), text escaped. */
export function htmlCell(value: CellValue): string {
  if (value === null || value === undefined) return '';
  return escapeHtml(typeof value === 'number' ? NUMBER.format(value) : value);
}

/** "từ ngày 01/07/2017 đến ngày 30/06/2022" */
export function periodText(from: string, to: string): string {
  return `từ ngày ${formatDate(from)} đến ngày ${formatDate(to)}`;
}

// Sized for A4: the centre prints these for the review meeting (sơ kết, tổng kết).
const STYLE = `
body { font-family: "Times New Roman", "Noto Serif", serif; font-size: 13pt; margin: 2cm; color: #000; }
header { display: flex; justify-content: space-between; text-align: center; margin-bottom: 1.5em; }
header p { margin: 0; }
h1 { text-align: center; font-size: 15pt; text-transform: uppercase; margin: 0.5em 0 0.2em; }
.period { text-align: center; font-style: italic; margin: 0 0 1.5em; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1.5em; page-break-inside: auto; }
caption { text-align: left; font-weight: bold; margin-bottom: 0.3em; }
th, td { border: 1px solid #000; padding: 3px 6px; vertical-align: top; }
th { background: #eee; }
td.n { text-align: right; white-space: nowrap; }
tr.total td { font-weight: bold; }
tr { page-break-inside: avoid; }
.notes { font-size: 11pt; }
.signatures { display: flex; justify-content: space-around; margin-top: 2em; text-align: center; }
@media print { body { margin: 0; } }
`;

function table(t: PrintTable): string {
  if (t.rows.length === 0 && t.empty)
    return `<p><strong>${escapeHtml(t.caption)}</strong>: ${escapeHtml(t.empty)}</p>`;
  // Only figures get thousands separators: a code or a year in a text column reads "2022", not "2.022".
  const cell = (c: CellValue, i: number) =>
    i >= t.numericFrom
      ? `<td class="n">${htmlCell(c)}</td>`
      : `<td>${htmlCell(typeof c === 'number' ? String(c) : c)}</td>`;
  const row = (cells: readonly CellValue[], cls = '') => `<tr${cls}>${cells.map(cell).join('')}</tr>`;
  return [
    `<table><caption>${escapeHtml(t.caption)}</caption>`,
    `<thead><tr>${t.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...t.rows.map((r) => row(r)),
    ...(t.total ? [row(t.total, ' class="total"')] : []),
    '</tbody></table>',
  ].join('\n');
}

/** A whole printable page: the centre's name, the title, the period in dd/MM/yyyy, tables, notes. */
export function reportPage(page: PrintPage): string {
  const printed = `${formatLocalTime(page.printedAt, page.timeZone)} ngày ${formatLocalDate(page.printedAt, page.timeZone)}`;
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>${escapeHtml(page.title)} ${escapeHtml(periodText(page.from, page.to))}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<div><p>${escapeHtml(page.centreName.toUpperCase())}</p></div>
<div><p><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong></p><p>Độc lập – Tự do – Hạnh phúc</p></div>
</header>
<h1>${escapeHtml(page.title)}</h1>
<p class="period">Kỳ báo cáo: ${escapeHtml(periodText(page.from, page.to))}</p>
${page.tables.map(table).join('\n')}
<div class="notes">
<p><em>Ghi chú:</em></p>
<ul>${page.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>
<p>In lúc ${escapeHtml(printed)}.</p>
</div>
<div class="signatures"><div><strong>Người lập biểu</strong></div><div><strong>Thủ trưởng đơn vị</strong></div></div>
</body>
</html>
`;
}
