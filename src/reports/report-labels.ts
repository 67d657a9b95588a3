/** Vietnamese names of the values reports print. */
export const LEVEL_LABELS: Record<string, string> = {
  national: 'Trung ương',
  province: 'Tỉnh',
  district: 'Huyện',
  commune: 'Xã',
  grassroots: 'Cơ sở',
};

export const EXEMPLAR_KIND_LABELS: Record<string, string> = {
  collective: 'Tập thể',
  individual: 'Cá nhân',
};

/** In the order an exemplar goes through them. */
export const EXEMPLAR_STATUS_LABELS: Record<string, string> = {
  registered: 'Đăng ký',
  recognised: 'Được công nhận',
  commended: 'Được khen thưởng',
  replicated: 'Được nhân rộng',
};

/** The group of records that name no segment, field, commune or reporter. */
export const UNKNOWN = {
  segment: '(không có chuyên mục)',
  field: '(không có lĩnh vực)',
  place: '(không gắn xã)',
  month: '(không rõ)',
  reporter: '(không rõ)',
} as const;

/** The column heading of each grouping. */
export const GROUP_HEADINGS = {
  segment: 'Chuyên mục',
  field: 'Lĩnh vực',
  place: 'Xã/phường/thị trấn',
  month: 'Tháng',
  reporter: 'Phóng viên',
} as const;
