import { foldVietnamese, ftsQuery, searchTokens, slugify, toNfc } from './text.js';

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
