import {
  cleanText,
  foldVietnamese,
  ftsQuery,
  searchTokens,
  slugify,
  textProblem,
  toNfc,
  viNumber,
} from './text.js';

describe('foldVietnamese', () => {
  it.each([
    ['Hoa giữa đời thường', 'hoa giua doi thuong'],
    ['HOA GIỮA ĐỜI THƯỜNG', 'hoa giua doi thuong'],
    ['Hoà giữa đời thường', 'hoa giua doi thuong'],
    ['Hòa giữa đời thường', 'hoa giua doi thuong'],
    ['Đất Đỏ', 'dat do'],
    ['  Phước   Hải ', 'phuoc hai'],
    ['Thủy / Thuỷ', 'thuy / thuy'],
  ])('folds %j to %j', (input, expected) => {
    expect(foldVietnamese(input)).toBe(expected);
  });

  it('folds decomposed (NFD) input the same as composed input', () => {
    const decomposed = 'Hoa giữa đời thường'.normalize('NFD');
    expect(foldVietnamese(decomposed)).toBe('hoa giua doi thuong');
    expect(toNfc(decomposed)).toBe('Hoa giữa đời thường'.normalize('NFC'));
  });
});

describe('ftsQuery', () => {
  it('requires every word and lets the last one be a prefix', () => {
    expect(ftsQuery('Hoa giữa đời thư')).toBe('"hoa" "giua" "doi" "thu"*');
  });

  it('drops punctuation that FTS5 would read as syntax', () => {
    expect(ftsQuery('"xanh" – sạch – (đẹp) OR *')).toBe('"xanh" "sach" "dep" "or"*');
  });

  it('returns undefined when nothing searchable remains', () => {
    expect(ftsQuery(' – ** ')).toBeUndefined();
  });
});

describe('slugify and searchTokens', () => {
  it('makes slugs from Vietnamese names', () => {
    expect(slugify('Hoa giữa đời thường')).toBe('hoa-giua-doi-thuong');
    expect(searchTokens('Xanh – sạch – đẹp')).toEqual(['xanh', 'sach', 'dep']);
  });
});

describe('viNumber', () => {
  it.each([
    [8.4, undefined, '8,4'],
    [-17.62, undefined, '-17,6'],
    [3, 0, '3'],
    [1.5, undefined, '1,5'],
    [0.25, 2, '0,25'],
    [12345.67, 1, '12345,7'],
    [-0.04, 1, '0,0'],
    [42, 1, '42,0'],
  ])('writes %p with %p decimals as %j', (value, digits, expected) => {
    expect(viNumber(value, digits)).toBe(expected);
  });
});

describe('cleanText and textProblem', () => {
  it.each([
    ['  Hoa giữa đời thường  ', 'Hoa giữa đời thường'],
    ['\uFEFFHoa\u200B giữa đời thường\u200D', 'Hoa giữa đời thường'],
    ['Hoa giữa đời thường'.normalize('NFD'), 'Hoa giữa đời thường'.normalize('NFC')],
    ['\u200B Phước Hải', 'Phước Hải'],
  ])('stores %j as %j', (input, stored) => {
    expect(cleanText(input)).toBe(stored);
    expect(textProblem(cleanText(input), false)).toBeUndefined();
  });

  it.each([
    ['\u200B', false],
    ['\u200B \u2060\uFEFF', false],
    ['\u3164', false],
    ['\u2800\u200B', true],
  ])('keeps %j, made only of invisible characters, for validation to refuse', (input, multiline) => {
    const stored = cleanText(input);
    expect(stored).not.toBe('');
    expect(textProblem(stored, multiline)).toEqual({ problem: 'invisibleOnly' });
  });

  it.each([
    ['Tiêu\u0000đề', 'control', 'U+0000'],
    ['tep\u202Eexe.mp3', 'control', 'U+202E'],
    ['Tiêu\u2067đề', 'control', 'U+2067'],
    ['Tiêu\u001Bđề', 'control', 'U+001B'],
    ['Tiêu\u0085đề', 'control', 'U+0085'],
    ['Dòng một\nDòng hai', 'lineBreak', 'U+000A'],
    ['Dòng một\r\nDòng hai', 'lineBreak', 'U+000D'],
    ['Cột\tcột', 'lineBreak', 'U+0009'],
  ])('finds in the one-line %j a %s character %s', (input, problem, codePoint) => {
    expect(textProblem(cleanText(input), false)).toEqual({ problem, codePoint });
  });

  it('lets a multi-line text keep line breaks and tabs, but not other controls', () => {
    expect(textProblem('Dòng một\r\nDòng hai\tcột', true)).toBeUndefined();
    expect(textProblem('Dòng một\n\u202EDòng hai', true)).toEqual({
      problem: 'control',
      codePoint: 'U+202E',
    });
  });
});
