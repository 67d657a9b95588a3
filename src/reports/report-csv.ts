/**
 * CSV that Excel opens with Vietnamese intact: UTF-8 with a byte-order mark (without it Excel reads the
 * file in the machine's ANSI code page and "Hoa giữa đời thường" turns to mojibake), CRLF line ends,
 * comma-separated, RFC 4180 quoting.
 */
export const BOM = '\uFEFF';

export type CellValue = string | number | null | undefined;

/**
 * One cell. Quoted when it holds a comma, a quote, a line break or edge spaces (Excel would trim them);
 * text that Excel would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe, which
 * Excel shows as plain text (CSV injection). Numbers are written as they are, with a dot.
 */
export function csvCell(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = value.normalize('NFC');
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: BOM, a header row, then the rows, every line ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CellValue[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `${BOM}${lines.map((line) => `${line}\r\n`).join('')}`;
}

/**
 * `Content-Disposition` for a download. The file name is reduced to ASCII letters, digits, dots and
 * hyphens, so every browser and mail gateway keeps it as is (no RFC 5987 encoding needed).
 */
export function attachment(filename: string): string {
  const ascii = filename
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
  return `attachment; filename="${ascii || 'bao-cao'}"`;
}
