import type { CellValue } from './report-csv.js';
import type { PrintTable } from './report-html.js';
import type { AiringsReportView, ExemplarLineView, ExemplarsReportView } from './dto/report.dto.js';
import {
  EXEMPLAR_KIND_LABELS,
  EXEMPLAR_STATUS_LABELS,
  GROUP_HEADINGS,
  LEVEL_LABELS,
} from './report-labels.js';

/**
 * The reports as tables with Vietnamese headings: the same rows go to CSV (one table per file) and to
 * the printed page.
 */
export const AIRINGS_TITLE = 'Báo cáo phát sóng phóng sự';
export const EXEMPLARS_TITLE = 'Báo cáo điển hình, mô hình được giới thiệu';

const TOTAL = 'Tổng cộng';

export function airingsTable(report: AiringsReportView): PrintTable {
  const figures = (f: AiringsReportView['total']): CellValue[] => [
    f.reportages,
    f.airings,
    f.firstAirings,
    f.reAirs,
    f.partial,
    f.minutes,
  ];
  return {
    caption: `Theo ${GROUP_HEADINGS[report.groupBy].toLowerCase()}`,
    header: [
      GROUP_HEADINGS[report.groupBy],
      'Số phóng sự đã phát',
      'Lượt phát',
      'Phát lần đầu',
      'Phát lại',
      'Phát dở',
      'Số phút',
    ],
    rows: report.rows.map((row) => [row.label, ...figures(row)]),
    total: [TOTAL, ...figures(report.total)],
    numericFrom: 1,
  };
}

export const AIRINGS_NOTES = [
  'Lượt phát: một lần phát trọn vẹn một phóng sự đã lên lịch tại một đài (nhật ký phát sóng ghi "đã phát"; đài vận hành thủ công: đã được người vận hành xác nhận). Không tính tin, bản tin.',
  'Phát lần đầu / phát lại: theo lịch phát (lượt được xếp là phát lại).',
  'Số phút: tổng thời lượng đã phát của các lượt phát trọn vẹn và phát dở.',
  'Ngày phát: ngày theo giờ địa phương của giờ phát dự kiến.',
  'Theo xã: xã của các địa bàn gắn với phóng sự (thôn, ấp tính vào xã); phóng sự gắn nhiều xã được tính ở mỗi xã, nhưng chỉ một lần ở dòng tổng cộng.',
];

export function exemplarGroupsTable(report: ExemplarsReportView): PrintTable {
  const figures = (f: ExemplarsReportView['total']): CellValue[] => [
    f.exemplars,
    f.featured,
    f.neverFeatured,
    f.reportages,
    f.airings,
  ];
  return {
    caption: 'Theo cấp, loại, lĩnh vực và tình trạng',
    header: [
      'Cấp',
      'Loại',
      'Lĩnh vực',
      'Tình trạng',
      'Số điển hình',
      'Đã giới thiệu',
      'Chưa giới thiệu',
      'Số phóng sự',
      'Lượt phát',
    ],
    rows: report.groups.map((g) => [g.levelLabel, g.kindLabel, g.field, g.statusLabel, ...figures(g)]),
    total: [TOTAL, '', '', '', ...figures(report.total)],
    numericFrom: 4,
  };
}

/** Every exemplar, one a row: the CSV of the exemplars report (filter "Đã giới thiệu" in Excel). */
export function exemplarLinesTable(lines: readonly ExemplarLineView[], caption: string): PrintTable {
  return {
    caption,
    header: [
      'Mã',
      'Tên điển hình',
      'Cấp',
      'Loại',
      'Lĩnh vực',
      'Tình trạng',
      'Địa bàn',
      'Năm đăng ký',
      'Đã giới thiệu',
      'Số phóng sự',
      'Phóng sự đã phát',
      'Lượt phát',
    ],
    rows: lines.map((l) => [
      l.id,
      l.name,
      LEVEL_LABELS[l.level] ?? l.level,
      EXEMPLAR_KIND_LABELS[l.kind] ?? l.kind,
      l.field,
      EXEMPLAR_STATUS_LABELS[l.status] ?? l.status,
      l.place,
      l.yearRegistered,
      l.airings > 0 ? 'Có' : 'Chưa',
      l.reportages,
      l.reportagesAired,
      l.airings,
    ]),
    numericFrom: 9,
    empty: 'không có điển hình nào.',
  };
}

export const EXEMPLARS_NOTES = [
  'Đã giới thiệu: có ít nhất một lượt phát trọn vẹn trong kỳ của một phóng sự viết về điển hình.',
  'Số phóng sự: phóng sự viết về điển hình trong kho (mọi trạng thái); một phóng sự viết về nhiều điển hình cùng nhóm được tính một lần.',
  'Lượt phát: lượt phát trọn vẹn trong kỳ (ngày theo giờ địa phương) của các phóng sự đó.',
];
