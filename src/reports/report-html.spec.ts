import { escapeHtml, htmlCell, periodText, reportPage } from './report-html.js';

describe('report HTML', () => {
  it('escapes everything that could open a tag or an attribute', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;',
    );
  });

  it('writes numbers the Vietnamese way and leaves empty cells empty', () => {
    expect(htmlCell(1234.5)).toBe('1.234,5');
    expect(htmlCell(189)).toBe('189');
    expect(htmlCell(null)).toBe('');
    expect(htmlCell('Nhà <tình> thương')).toBe('Nhà &lt;tình&gt; thương');
  });

  it('writes the period in dd/MM/yyyy', () => {
    expect(periodText('2017-07-01', '2022-06-30')).toBe('từ ngày 01/07/2017 đến ngày 30/06/2022');
  });

  it('prints the centre, the title, the period, the tables with a total row, the notes and the local print time', () => {
    const html = reportPage({
      centreName: 'Trung tâm <VH>',
      title: 'Báo cáo phát sóng',
      from: '2024-01-01',
      to: '2024-06-30',
      tables: [
        {
          caption: 'Theo lĩnh vực',
          header: ['Lĩnh vực', 'Số phóng sự'],
          rows: [['Nhà tình thương', 3]],
          total: ['Tổng cộng', 3],
          numericFrom: 1,
        },
        { caption: 'Chưa giới thiệu', header: ['Tên'], rows: [], numericFrom: 1, empty: 'không có' },
        {
          caption: 'Điển hình',
          header: ['Mã', 'Tên', 'Năm đăng ký', 'Lượt phát'],
          rows: [[1024, 'Hội phụ nữ ấp Tân Hiệp', 2022, 1234]],
          numericFrom: 3,
        },
      ],
      notes: ['Lượt phát: đã phát trọn vẹn.'],
      printedAt: new Date('2024-07-01T17:30:00Z'),
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('TRUNG TÂM &lt;VH&gt;');
    expect(html).toContain('Kỳ báo cáo: từ ngày 01/01/2024 đến ngày 30/06/2024');
    expect(html).toContain('<td>Nhà tình thương</td><td class="n">3</td>');
    expect(html).toContain('<tr class="total"><td>Tổng cộng</td><td class="n">3</td></tr>');
    expect(html).toContain('<strong>Chưa giới thiệu</strong>: không có');
    // A code or a year is not a figure: no thousands separator ("2022", not "2.022").
    expect(html).toContain(
      '<td>1024</td><td>Hội phụ nữ ấp Tân Hiệp</td><td>2022</td><td class="n">1.234</td>',
    );
    expect(html).toContain('<li>Lượt phát: đã phát trọn vẹn.</li>');
    expect(html).toContain('In lúc 00:30 ngày 02/07/2024.');
  });
});
