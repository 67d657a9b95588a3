import { attachment, BOM, csvCell, toCsv } from './report-csv.js';

describe('report CSV', () => {
  it.each([
    ['Hoa giữa đời thường', 'Hoa giữa đời thường'],
    ['Xanh, sạch, đẹp', '"Xanh, sạch, đẹp"'],
    ['Mô hình "Tiếp sức đến trường"', '"Mô hình ""Tiếp sức đến trường"""'],
    ['hai\r\ndòng', '"hai\r\ndòng"'],
    [' khoảng trắng ', '" khoảng trắng "'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['-1+2', "'-1+2"],
    ['@SUM', "'@SUM"],
    [12.5, '12.5'],
    [0, '0'],
    [null, ''],
    [undefined, ''],
  ])('writes %j as %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('stores text in NFC, whatever form it came in', () => {
    expect(csvCell('Hoà'.normalize('NFD'))).toBe('Hoà'.normalize('NFC'));
  });

  it('starts with a BOM, ends every line with CRLF, and quotes cells that need it', () => {
    const csv = toCsv(
      ['Lĩnh vực', 'Số phóng sự'],
      [
        ['Nhà tình thương', 3],
        ['Xanh, sạch', 0],
      ],
    );
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1)).toBe('Lĩnh vực,Số phóng sự\r\nNhà tình thương,3\r\n"Xanh, sạch",0\r\n');
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('names the download in ASCII only', () => {
    expect(attachment('báo-cáo phát sóng theo lĩnh vực 2017-07-01 đến 2022-06-30.csv')).toBe(
      'attachment; filename="bao-cao-phat-song-theo-linh-vuc-2017-07-01-den-2022-06-30.csv"',
    );
    expect(attachment('"; evil\r\n')).toBe('attachment; filename="evil"');
  });
});
