/**
 * Vietnamese text handling. Input is stored in NFC; search compares a folded copy in which case,
 * tone marks and vowel marks are gone, so "hoa giua doi thuong", "HOA GIỮA ĐỜI THƯỜNG" and
 * "Hoà giữa đời thường" (old tone placement) all fold to "hoa giua doi thuong".
 */
export function toNfc(text: string): string {
  return text.normalize('NFC');
}

const COMBINING_MARKS = /\p{M}/gu;

export function foldVietnamese(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(COMBINING_MARKS, '')
      // đ/Đ have no Unicode decomposition, so NFD leaves them alone.
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** Folded words of a text, as the search index tokenises them (letters and digits only). */
export function searchTokens(text: string): string[] {
  return foldVietnamese(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 0);
}

/**
 * An FTS5 MATCH expression for what a person typed: every word must occur, the last one may be
 * the start of a word (people search while typing). Returns undefined when nothing searchable is left.
 */
export function ftsQuery(input: string): string | undefined {
  const tokens = searchTokens(input).slice(0, 12);
  if (tokens.length === 0) return undefined;
  return tokens.map((token, i) => (i === tokens.length - 1 ? `"${token}"*` : `"${token}"`)).join(' ');
}

/** A URL slug from a Vietnamese name: "Hoa giữa đời thường" → "hoa-giua-doi-thuong". */
export function slugify(text: string): string {
  return searchTokens(text).join('-').slice(0, 120);
}

/**
 * A number as Vietnamese readers write it: decimal comma, no thousands separator, '-' for minus.
 * viNumber(8.4) → "8,4", viNumber(-17.62) → "-17,6", viNumber(3, 0) → "3". A value that rounds to
 * zero is shown without a sign ("0,0", not "-0,0").
 */
export function viNumber(value: number, fractionDigits = 1): string {
  if (!Number.isFinite(value)) return String(value);
  const fixed = value.toFixed(fractionDigits);
  const unsigned = /^-0(\.0*)?$/.test(fixed) ? fixed.slice(1) : fixed;
  return unsigned.replace('.', ',');
}

/**
 * Characters that show nothing and mean nothing in Vietnamese text, but slip in when text is pasted
 * from web pages, Word or chat apps: zero-width space and joiners, word joiner, byte-order mark,
 * soft hyphen, combining grapheme joiner, Hangul fillers and the braille blank (favourites for "blank"
 * names), and the invisible tag characters. They are removed; a value made only of them is refused.
 */
const INVISIBLE =
  // The combining ones (grapheme joiner, Khmer inherent vowels) and the zero-width joiner stand
  // outside the class: inside one they would read as joined to the character before them.
  /[\u00AD\u115F\u1160\u180E\u200B\u200C\u2060-\u2064\u206A-\u206F\u2800\u3164\uFEFF\uFFA0\u{E0000}-\u{E007F}]|\u034F|\u17B4|\u17B5|\u200D/gu;

/**
 * Control characters no text field may hold: C0 (NUL, ESC, …) except tab and line breaks, DEL, C1,
 * and the bidirectional overrides, embeddings, isolates and marks that make "txt.exe" show as
 * "exe.txt" (U+202E) or reorder what an approver reads.
 */
const CONTROL =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** Line breaks and tabs: allowed in multi-line texts (a script, a summary), refused in one-line ones. */
const LINE_BREAK = /[\t\n\r\u2028\u2029]/u;

/**
 * A text field as it is stored: invisible characters removed, trimmed, in NFC. A value made only of
 * invisible characters is returned as sent (trimmed, NFC), so that validation can refuse it by name
 * rather than it silently becoming empty.
 */
export function cleanText(value: string): string {
  const sent = toNfc(value).trim();
  const visible = toNfc(value.replace(INVISIBLE, '')).trim();
  return visible === '' && sent !== '' ? sent : visible;
}

export type TextProblem = 'control' | 'lineBreak' | 'invisibleOnly';

/**
 * What is wrong with a text already passed through {@link cleanText}, if anything, and the first
 * offending character as U+XXXX.
 */
export function textProblem(
  text: string,
  multiline: boolean,
): { problem: TextProblem; codePoint?: string } | undefined {
  const control = CONTROL.exec(text) ?? (multiline ? null : LINE_BREAK.exec(text));
  if (control) {
    const codePoint = `U+${control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    return { problem: LINE_BREAK.test(control[0]) ? 'lineBreak' : 'control', codePoint };
  }
  if (text !== '' && text.replace(INVISIBLE, '').trim() === '') return { problem: 'invisibleOnly' };
  return undefined;
}
