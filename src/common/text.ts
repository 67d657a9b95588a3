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
