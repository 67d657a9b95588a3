import { foldVietnamese, ftsQuery, searchTokens, slugify, toNfc, viNumber } from './text.js';

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
