/**
 * Demo material drawn from DOMAIN.md: the former Đất Đỏ district (Bà Rịa – Vũng Tàu), its two towns
 * and six communes as they stood before the 2025 reform, and the kinds of models its column covered.
 * Village names are illustrative.
 */
export const PROVINCE = 'Bà Rịa – Vũng Tàu';
export const DISTRICT = 'Đất Đỏ';

export const COMMUNES: { name: string; villages: string[] }[] = [
  { name: 'Thị trấn Đất Đỏ', villages: ['Khu phố Hiệp Hòa', 'Khu phố Thanh Long'] },
  { name: 'Thị trấn Phước Hải', villages: ['Khu phố Hải Trung', 'Khu phố Phước Thạnh'] },
  { name: 'Phước Hội', villages: ['Ấp Phước Lộc', 'Ấp Phước Trung'] },
  { name: 'Phước Long Thọ', villages: ['Ấp Phước Thới', 'Ấp Phước Sơn'] },
  { name: 'Long Mỹ', villages: ['Ấp Mỹ Thạnh', 'Ấp Mỹ Hòa'] },
  { name: 'Long Tân', villages: ['Ấp Tân Hòa', 'Ấp Tân Phước'] },
  { name: 'Láng Dài', villages: ['Ấp Cây Cám', 'Ấp Thanh Trung'] },
  { name: 'Lộc An', villages: ['Ấp An Hải', 'Ấp An Bình'] },
];

/** Models quoted in the column, with the field (by slug) each belongs to. */
export const MODELS: { name: string; field: string; kind: 'individual' | 'collective' }[] = [
  { name: 'Xây dựng môi trường xanh – sạch – đẹp', field: 'moi-truong-xanh-sach-dep', kind: 'collective' },
  { name: 'Trồng hoa làm đẹp các tuyến đường', field: 'moi-truong-xanh-sach-dep', kind: 'collective' },
  { name: 'Tặng bảo hiểm y tế cho hộ khó khăn', field: 'bao-hiem-y-te-cho-ho-kho-khan', kind: 'collective' },
  {
    name: 'Tiếp sức đến trường – tặng học bổng cho học sinh có hoàn cảnh khó khăn',
    field: 'hoc-bong-cho-hoc-sinh-ngheo',
    kind: 'individual',
  },
  {
    name: 'Vận động mạnh thường quân xây tặng nhà tình thương',
    field: 'nha-tinh-thuong',
    kind: 'individual',
  },
  {
    name: 'Vận động nhân dân cùng chăm lo đối tượng chính sách khó khăn',
    field: 'cham-lo-gia-dinh-chinh-sach',
    kind: 'collective',
  },
  {
    name: 'Phụ nữ thu gom phế liệu bán tặng học bổng học sinh nghèo',
    field: 'hoc-bong-cho-hoc-sinh-ngheo',
    kind: 'collective',
  },
  {
    name: 'Tổ hợp tác nuôi bò sinh sản giúp nhau thoát nghèo',
    field: 'cham-lo-nguoi-ngheo',
    kind: 'collective',
  },
  {
    name: 'Hiến đất mở rộng đường giao thông nông thôn',
    field: 'xay-dung-nong-thon-moi',
    kind: 'individual',
  },
  { name: 'Sản xuất rau an toàn theo chuỗi', field: 'thi-dua-lao-dong-san-xuat', kind: 'individual' },
  {
    name: 'Khởi nghiệp với sản phẩm OCOP từ hải sản',
    field: 'phat-trien-kinh-te-xa-hoi',
    kind: 'individual',
  },
  { name: 'Bếp ăn từ thiện cho bệnh nhân nghèo', field: 'cham-lo-nguoi-ngheo', kind: 'collective' },
];

export const GIVEN_NAMES = [
  'Nguyễn Thị Lan',
  'Trần Văn Hùng',
  'Lê Thị Hồng',
  'Phạm Văn Đức',
  'Võ Thị Mai',
  'Huỳnh Văn Sơn',
  'Đặng Thị Thu',
  'Bùi Văn Tài',
  'Đỗ Thị Hạnh',
  'Ngô Văn Phúc',
  'Dương Thị Yến',
  'Lý Văn Quang',
];

export const COLLECTIVE_PREFIXES = [
  'Chi hội Phụ nữ',
  'Chi đoàn Thanh niên',
  'Hội Cựu chiến binh',
  'Tổ tự quản',
  'Hội Nông dân',
  'Ban Nhân dân',
];

export const REPORTERS = ['Nguyễn Thị Lan', 'Trần Minh Tuấn', 'Phạm Thu Hà', 'Lê Quốc Bảo'];

export const TITLE_TEMPLATES = [
  'Người giữ lửa {model}',
  'Khi {exemplar} bắt tay {action}',
  'Chuyện {action} ở {place}',
  'Những bông hoa đẹp giữa đời thường ở {place}',
  '{exemplar}: {action}',
];

export const ACTIONS = [
  'trồng hoa làm đẹp đường quê',
  'tặng học bổng cho học sinh nghèo',
  'xây nhà tình thương',
  'chăm lo gia đình chính sách',
  'giữ môi trường xanh – sạch – đẹp',
  'trao thẻ bảo hiểm y tế',
  'giúp nhau thoát nghèo',
  'làm đường nông thôn mới',
];
