/* Generated from the API's OpenAPI document by `npm run api:types` (src/cli/api-types.ts). Do not edit. */

export interface paths {
  '/api/allocations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Một ô chuyên mục */
    get: operations['GridController_getAllocation'];
    put?: never;
    post?: never;
    /** Xoá ô chuyên mục (409 khi còn lịch phát) */
    delete: operations['GridController_removeAllocation'];
    options?: never;
    head?: never;
    /** Sửa ô chuyên mục (gửi kèm version) */
    patch: operations['GridController_updateAllocation'];
    trace?: never;
  };
  '/api/as-run': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Nhật ký phát (as-run): đã phát, phát dở, bỏ lỡ, lỗi; lọc theo thời gian, vùng, chuyên mục, kết quả */
    get: operations['PlayoutController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/as-run/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Một mục nhật ký phát */
    get: operations['PlayoutController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Xác nhận hoặc sửa kết quả phát (người vận hành; ghi vào nhật ký thay đổi) */
    patch: operations['PlayoutController_confirm'];
    trace?: never;
  };
  '/api/audio-assets/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Trạng thái, tiến độ và kết quả phân tích của một tệp âm thanh */
    get: operations['AudioAssetsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/audio-assets/{id}/broadcast.mp3': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Bản phát sóng: MP3 128 kbps mono 44,1 kHz, đã chuẩn hoá độ lớn (hỗ trợ Range) */
    get: operations['AudioAssetsController_broadcast'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/audio-assets/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Huỷ xử lý tệp đang chờ hoặc đang chạy */
    post: operations['AudioAssetsController_cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/audio-assets/{id}/original': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Tệp gốc, nguyên vẹn như lúc tải lên (hỗ trợ Range) */
    get: operations['AudioAssetsController_original'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/audio-assets/{id}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Xử lý lại tệp bị lỗi hoặc đã huỷ */
    post: operations['AudioAssetsController_retry'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/audio-assets/{id}/waveform': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Dạng sóng: đỉnh biên độ (0–1), 10 điểm mỗi giây */
    get: operations['AudioAssetsController_waveform'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Nhật ký thay đổi (lọc theo bản ghi, người, thời gian); mới nhất trước */
    get: operations['AuditController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Đăng nhập (sai 5 lần trong một phút, cho một tài khoản hay một địa chỉ: 429 với Retry-After) */
    post: operations['AuthController_login'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Đăng xuất: kết thúc phiên này (token và cookie không dùng được nữa) */
    post: operations['AuthController_logout'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Tài khoản đang đăng nhập */
    get: operations['AuthController_me'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Đổi mật khẩu của mình (các phiên khác kết thúc; nhập sai mật khẩu hiện tại tính chung giới hạn với đăng nhập: 429 với Retry-After) */
    post: operations['AuthController_changePassword'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/refresh': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cấp lại access token từ cookie phiên (trình duyệt) */
    post: operations['AuthController_refresh'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bulletins': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Các bản tin gần đây */
    get: operations['PlayoutController_listBulletins'];
    put?: never;
    /** Bản tin khẩn (emergency: ngắt và phát ngay), ưu tiên (đầu khung giờ kế tiếp) hoặc thường (chờ lập lịch) */
    post: operations['PlayoutController_createBulletin'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bulletins/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Một bản tin */
    get: operations['PlayoutController_getBulletin'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Luồng sự kiện (Server-Sent Events): trạng thái và tiến độ xử lý âm thanh
     * @description Mỗi sự kiện `asset` mang { assetId, reportageId, status, progress, error }. Khi phiên đăng nhập kết thúc (đăng xuất, đổi mật khẩu, tài khoản bị khoá), luồng gửi sự kiện `session_ended` rồi đóng trong vài giây.
     */
    get: operations['EventsController_stream'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/exemplars': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Danh sách điển hình: tìm không dấu, lọc theo loại, cấp, lĩnh vực, địa bàn, trạng thái, năm */
    get: operations['ExemplarsController_list'];
    put?: never;
    /** Thêm điển hình */
    post: operations['ExemplarsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/exemplars/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Một điển hình, kèm khen thưởng */
    get: operations['ExemplarsController_get'];
    put?: never;
    post?: never;
    /** Xoá điển hình (từ chối 409 khi còn phóng sự về điển hình này) */
    delete: operations['ExemplarsController_remove'];
    options?: never;
    head?: never;
    /** Sửa điển hình (gửi kèm version đã đọc) */
    patch: operations['ExemplarsController_update'];
    trace?: never;
  };
  '/api/fields': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Danh sách lĩnh vực */
    get: operations['FieldsController_list'];
    put?: never;
    /** Thêm lĩnh vực */
    post: operations['FieldsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/fields/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Một lĩnh vực */
    get: operations['FieldsController_get'];
    put?: never;
    post?: never;
    /** Xoá lĩnh vực (từ chối 409 khi điển hình hoặc phóng sự còn dùng) */
    delete: operations['FieldsController_remove'];
    options?: never;
    head?: never;
    /** Sửa lĩnh vực (gửi kèm version đã đọc) */
    patch: operations['FieldsController_update'];
    trace?: never;
  };
  '/api/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Tình trạng dịch vụ: cơ sở dữ liệu, Redis, dung lượng trống của thư mục media, ffmpeg/ffprobe */
    get: operations['HealthController_check'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/health/live': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Tiến trình còn sống (không kiểm tra phụ thuộc); cũng là mốc so sánh của bench */
    get: operations['HealthController_live'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/calendar-token': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Mã lịch riêng (iCalendar) của mình: đã có chưa, tạo lúc nào */
    get: operations['MeController_calendarToken'];
    put?: never;
    /** Tạo hoặc đổi mã lịch riêng (mã cũ hết hiệu lực); mã chỉ hiện một lần */
    post: operations['MeController_rotateCalendarToken'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/on-air': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Đang phát và sắp phát, theo từng vùng */
    get: operations['PlayoutController_onAir'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/placements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Danh sách lịch phát theo thời gian, vùng, trạng thái */
    get: operations['PlacementsController_list'];
    put?: never;
    /** Xếp lịch phát một phóng sự (409 khi trùng giờ, 422 khi sai quy tắc) */
    post: operations['PlacementsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/placements/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Một lịch phát */
    get: operations['PlacementsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Dời lịch phát sang giờ hoặc vùng khác (gửi kèm version; kiểm tra lại mọi quy tắc) */
    patch: operations['PlacementsController_move'];
    trace?: never;
  };
  '/api/placements/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Huỷ lịch phát (kèm lý do; ghi vào nhật ký) */
    post: operations['PlacementsController_cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/placements/{id}/reschedule': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Xếp lại lịch bị bỏ lỡ vào ô chuyên mục trống kế tiếp của vùng (201 kèm lịch mới; 422 NO_FREE_SLOT khi không còn ô) */
    post: operations['PlacementsController_reschedule'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/places': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Danh sách đơn vị hành chính (lọc theo cấp, cấp trên, tên) */
    get: operations['PlacesController_list'];
    put?: never;
    /** Thêm đơn vị hành chính */
    post: operations['PlacesController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/places/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Một đơn vị hành chính */
    get: operations['PlacesController_get'];
    put?: never;
    post?: never;
    /** Xoá đơn vị hành chính (từ chối 409 khi còn được dùng) */
    delete: operations['PlacesController_remove'];
    options?: never;
    head?: never;
    /** Sửa đơn vị hành chính (gửi kèm version đã đọc) */
    patch: operations['PlacesController_update'];
    trace?: never;
  };
  '/api/places/tree': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Cây đơn vị hành chính: tỉnh → xã → thôn/ấp (huyện cũ nếu có) */
    get: operations['PlacesController_tree'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Lập phương án lịch tự động cho một khoảng ngày (kèm lý do cho từng mục) */
    post: operations['PlacementsController_propose'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Một phương án lịch, theo trang (page, pageSize: mặc định 500 mục) */
    get: operations['PlacementsController_getPlan'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans/{id}/apply': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Áp dụng phương án: tất cả hoặc không (409 nếu lịch đã thay đổi) */
    post: operations['PlacementsController_apply'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reportages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Danh sách phóng sự: tìm không dấu (q), lọc theo chuyên mục, điển hình, lĩnh vực, địa bàn, trạng thái, phóng viên, ngày */
    get: operations['ReportagesController_list'];
    put?: never;
    /** Tạo phóng sự (bản nháp) */
    post: operations['ReportagesController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reportages/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Một phóng sự */
    get: operations['ReportagesController_get'];
    put?: never;
    post?: never;
    /** Xoá phóng sự nháp hoặc bị từ chối (phóng sự đã duyệt chỉ được lưu trữ) */
    delete: operations['ReportagesController_remove'];
    options?: never;
    head?: never;
    /** Sửa phóng sự (gửi kèm version đã đọc) */
    patch: operations['ReportagesController_update'];
    trace?: never;
  };
  '/api/reportages/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Duyệt: chờ duyệt → đã duyệt */
    post: operations['ReportagesController_approve'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reportages/{id}/archive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Lưu trữ */
    post: operations['ReportagesController_archive'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reportages/{id}/audio': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Các phiên bản âm thanh của phóng sự, mới nhất trước */
    get: operations['AudioAssetsController_versions'];
    put?: never;
    /**
     * Tải âm thanh của phóng sự lên (WAV, MP3, M4A, OGG/Opus, FLAC, AMR/3GP, hoặc video có tiếng)
     * @description Nội dung quyết định, không phải tên tệp: phải có luồng âm thanh dài từ 1 giây đến giới hạn. Trả 202 với trạng thái `queued`; cùng một tệp tải lại cho cùng phóng sự (kể cả hai lần tải cùng lúc) trả 200 với bản đã có (`duplicate: true`), và bản đó được xử lý lại nếu trước đó bị lỗi hoặc đã huỷ. Tệp WAV bị cắt cụt (chỉ còn phần đầu, hoặc đứt giữa phần đầu) bị từ chối với 422 `LENGTH_MISMATCH`.
     */
    post: operations['AudioAssetsController_upload'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reportages/{id}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Lịch sử trạng thái: ai, khi nào, lý do */
    get: operations['ReportagesController_history'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reportages/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Từ chối (cần lý do): chờ duyệt → bị từ chối */
    post: operations['ReportagesController_reject'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reportages/{id}/restore': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Khôi phục từ lưu trữ về nháp */
    post: operations['ReportagesController_restore'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reportages/{id}/submit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Gửi duyệt: nháp hoặc bị từ chối → chờ duyệt */
    post: operations['ReportagesController_submit'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reportages/{id}/withdraw': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Rút lại: chờ duyệt → nháp */
    post: operations['ReportagesController_withdraw'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reportages/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Nhập kho phóng sự từ CSV
     * @description Cột: title, segment, summary, script, field, exemplars, places, reporter, recordedOn, tags, validFrom, validUntil, status (bắt buộc: title, segment). Danh sách (exemplars, places, tags) ngăn bằng dấu chấm phẩy; tên tra không phân biệt dấu, hoặc ghi mã dạng #12; ngày dd/MM/yyyy hoặc YYYY-MM-DD; status: draft hoặc archived. Mọi dòng được kiểm tra; có lỗi thì không ghi dòng nào (422, lỗi theo dòng và cột).
     */
    post: operations['ReportagesController_import'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reportages/import/template.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Mẫu CSV để nhập kho phóng sự cũ (UTF-8 có BOM, mở được bằng Excel) */
    get: operations['ReportagesController_template'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/airings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Số phóng sự đã phát, lượt phát lần đầu và phát lại, số phút, theo nhóm
     * @description Nhóm theo chuyên mục, lĩnh vực, xã, tháng (giờ địa phương) hoặc phóng viên, kèm dòng tổng. `format=json` (mặc định), `csv` (UTF-8 có BOM, dấu phẩy, CRLF: Excel mở giữ nguyên tiếng Việt) hoặc `html` (trang in có tên trung tâm và kỳ báo cáo).
     */
    get: operations['ReportsController_airings'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/exemplars': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Điển hình theo cấp, loại, lĩnh vực, tình trạng; số phóng sự, lượt phát; điển hình chưa được giới thiệu
     * @description CSV: mỗi điển hình một dòng (cột "Đã giới thiệu" Có/Chưa). `format=json` (mặc định), `csv` (UTF-8 có BOM, dấu phẩy, CRLF: Excel mở giữ nguyên tiếng Việt) hoặc `html` (trang in có tên trung tâm và kỳ báo cáo).
     */
    get: operations['ReportsController_exemplars'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/schedule': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Lịch của một khoảng ngày: khung giờ, ô chuyên mục, lịch phát */
    get: operations['PlacementsController_read'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/schedule/warnings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Cảnh báo trước giờ phát: ô trống, bài hết duyệt, mất âm thanh, hết hiệu lực */
    get: operations['PlacementsController_warnings'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/segments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Danh sách chuyên mục */
    get: operations['SegmentsController_list'];
    put?: never;
    /** Thêm chuyên mục */
    post: operations['SegmentsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/segments/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Một chuyên mục */
    get: operations['SegmentsController_get'];
    put?: never;
    post?: never;
    /** Xoá chuyên mục (từ chối 409 khi phóng sự còn dùng) */
    delete: operations['SegmentsController_remove'];
    options?: never;
    head?: never;
    /** Sửa chuyên mục (gửi kèm version đã đọc) */
    patch: operations['SegmentsController_update'];
    trace?: never;
  };
  '/api/segments/{id}/jingles/{which}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Tải nhạc hiệu đầu (intro) hoặc cuối (outro) của chuyên mục
     * @description Được chuẩn hoá như mọi tệp, rồi ghép vào bản phát sóng của các phóng sự xử lý sau đó.
     */
    post: operations['AudioAssetsController_uploadJingle'];
    /** Bỏ nhạc hiệu đầu hoặc cuối của chuyên mục */
    delete: operations['AudioAssetsController_removeJingle'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Danh sách tài khoản */
    get: operations['UsersController_list'];
    put?: never;
    /** Tạo tài khoản (mặc định phải đổi mật khẩu ở lần đăng nhập đầu) */
    post: operations['UsersController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Một tài khoản */
    get: operations['UsersController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Sửa tên, vai trò; khoá hoặc mở khoá (active) */
    patch: operations['UsersController_update'];
    trace?: never;
  };
  '/api/users/{id}/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Đặt lại mật khẩu (mật khẩu tạm; mọi phiên của tài khoản kết thúc) */
    post: operations['UsersController_resetPassword'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/windows/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Một khung giờ phát */
    get: operations['GridController_getWindow'];
    put?: never;
    post?: never;
    /** Xoá khung giờ phát và các ô của nó (409 khi còn lịch phát) */
    delete: operations['GridController_removeWindow'];
    options?: never;
    head?: never;
    /** Sửa khung giờ phát (gửi kèm version) */
    patch: operations['GridController_updateWindow'];
    trace?: never;
  };
  '/api/windows/{id}/allocations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Các ô chuyên mục trong một khung giờ */
    get: operations['GridController_listAllocations'];
    put?: never;
    /** Thêm ô chuyên mục (ví dụ Thứ Ba, Thứ Sáu lúc 17:10, tối đa 10 phút) */
    post: operations['GridController_createAllocation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/zones': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Danh sách vùng phát (đài xã, cụm loa) */
    get: operations['ZonesController_list'];
    put?: never;
    /** Thêm đài truyền thanh xã hoặc cụm loa */
    post: operations['ZonesController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/zones/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Một vùng phát */
    get: operations['ZonesController_get'];
    put?: never;
    post?: never;
    /** Xoá vùng phát (409 khi còn cụm loa, khung giờ hoặc lịch phát) */
    delete: operations['ZonesController_remove'];
    options?: never;
    head?: never;
    /** Sửa vùng phát (gửi kèm version đã đọc) */
    patch: operations['ZonesController_update'];
    trace?: never;
  };
  '/api/zones/{id}/playout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Cách phát của vùng (không bao giờ trả mật khẩu) */
    get: operations['PlayoutController_getPlayout'];
    /** Đặt cách phát của vùng: icecast, command (lệnh trên máy của đài) hoặc manual */
    put: operations['PlayoutController_setPlayout'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/zones/{id}/rundown': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Kịch bản phát sóng một ngày của vùng (JSON) */
    get: operations['ZonesController_rundown'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/zones/{id}/rundown.html': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Kịch bản phát sóng một ngày, trang in được */
    get: operations['ZonesController_rundownHtml'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/zones/{id}/rundown.m3u': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Danh sách phát M3U các tệp phát sóng trong ngày */
    get: operations['ZonesController_rundownM3u'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/zones/{id}/schedule.ics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Lịch phát dạng iCalendar cho ứng dụng lịch (cần ?token= mã lịch riêng, không cần đăng nhập) */
    get: operations['ZonesController_icalendar'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/zones/{id}/windows': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Các khung giờ phát của một vùng */
    get: operations['GridController_listWindows'];
    put?: never;
    /** Thêm khung giờ phát lặp lại (giờ địa phương + RRULE, ngày nghỉ) */
    post: operations['GridController_createWindow'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    AcceptedBulletinView: {
      /**
       * Format: date-time
       * @description Khi phát: ngay (khẩn) hoặc đầu khung giờ kế tiếp
       */
      airAt: string | null;
      audio: components['schemas']['AcceptedUploadView'];
      audioAssetId: number;
      /** Format: date-time */
      createdAt: string;
      createdBy: number | null;
      id: number;
      /** @enum {string} */
      priority: 'normal' | 'priority' | 'emergency';
      /** @enum {string} */
      status: 'waiting_audio' | 'waiting_scheduler' | 'dispatched' | 'done' | 'failed';
      title: string;
      /** Format: date-time */
      updatedAt: string;
      version: number;
      zoneIds: number[];
    };
    AcceptedUploadView: {
      /** @description Đo EBU R128 và khoảng lặng trên bản mono */
      analysis: {
        [key: string]: unknown;
      } | null;
      attempts: number;
      broadcastDurationSeconds: number | null;
      broadcastSha256: string | null;
      broadcastSizeBytes: number | null;
      /** Format: date-time */
      createdAt: string;
      /** @description Bản đang dùng để phát của phóng sự */
      current: boolean;
      /** @description true khi đúng tệp này đã được tải lên phóng sự trước đó */
      duplicate: boolean;
      durationSeconds: number;
      /** @description Lý do lỗi, khi xử lý thất bại */
      error: string | null;
      id: number;
      /** @description LUFS của bản gốc */
      loudnessIn: number | null;
      /** @description LUFS của bản phát sóng */
      loudnessOut: number | null;
      /** @description LU của bản gốc */
      loudnessRangeIn: number | null;
      /** @description Tên tệp như người tải lên đặt (chỉ để hiển thị) */
      originalName: string;
      /** @description Kết quả ffprobe: định dạng, mã hoá, thời lượng, số kênh… */
      probe: {
        [key: string]: unknown;
      };
      /** Format: date-time */
      processedAt: string | null;
      progress: number;
      reportageId: number | null;
      sha256: string;
      sizeBytes: number;
      /** @enum {string} */
      status: 'queued' | 'processing' | 'ready' | 'failed' | 'cancelled';
      /**
       * @description Địa chỉ theo dõi trạng thái
       * @example /api/audio-assets/7
       */
      statusUrl: string;
      /** @description dBTP của bản gốc */
      truePeakIn: number | null;
      /** @description dBTP của bản phát sóng */
      truePeakOut: number | null;
      /** Format: date-time */
      updatedAt: string;
      urls: components['schemas']['AudioUrls'];
      /** @description Cảnh báo (khoảng lặng đầu/cuối, đoạn lặng dài…): không cắt tự động */
      warnings: string[];
    };
    AiringFiguresView: {
      /** @description Lượt phát (kết quả aired) */
      airings: number;
      /** @description Lượt phát lần đầu */
      firstAirings: number;
      /** @description Số phút đã phát (aired + partial), làm tròn 0,1; trừ khi nhóm theo xã, các dòng cộng lại đúng bằng dòng tổng */
      minutes: number;
      /** @description Lượt phát dở (partial), chỉ tính vào số phút */
      partial: number;
      /** @description Lượt phát lại */
      reAirs: number;
      /** @description Số phóng sự (khác nhau) đã phát */
      reportages: number;
    };
    AiringsReportView: {
      from: string;
      /** @enum {string} */
      groupBy: 'segment' | 'field' | 'place' | 'month' | 'reporter';
      rows: components['schemas']['AiringsRowView'][];
      segmentId: number | null;
      timeZone: string;
      to: string;
      /** @description Tổng: mỗi phóng sự tính một lần dù thuộc nhiều nhóm */
      total: components['schemas']['AiringFiguresView'];
    };
    AiringsRowView: {
      /** @description Lượt phát (kết quả aired) */
      airings: number;
      /** @description Lượt phát lần đầu */
      firstAirings: number;
      /** @description Mã chuyên mục / lĩnh vực / xã, tháng YYYY-MM, hoặc tên phóng viên; null: không rõ */
      key: (number | string) | null;
      label: string;
      /** @description Số phút đã phát (aired + partial), làm tròn 0,1; trừ khi nhóm theo xã, các dòng cộng lại đúng bằng dòng tổng */
      minutes: number;
      /** @description Lượt phát dở (partial), chỉ tính vào số phút */
      partial: number;
      /** @description Lượt phát lại */
      reAirs: number;
      /** @description Số phóng sự (khác nhau) đã phát */
      reportages: number;
    };
    AllocationSlotView: {
      allocationId: number;
      /** @example 2026-12-01 */
      date: string;
      maxSeconds: number;
      segmentId: number;
      /** Format: date-time */
      start: string;
      /** @example Asia/Ho_Chi_Minh */
      timeZone: string;
      /**
       * Format: date-time
       * @description Hết buổi phát chứa ô này: không mục nào được kéo dài quá
       */
      windowEnd: string;
      windowId: number;
      zoneId: number;
    };
    AllocationView: {
      /** Format: date-time */
      createdAt: string;
      exceptDates: string[];
      id: number;
      maxSeconds: number;
      rrule: string | null;
      segmentId: number;
      startDate: string | null;
      time: string;
      /** Format: date-time */
      updatedAt: string;
      version: number;
      windowId: number;
    };
    AsRunPage: {
      items: components['schemas']['AsRunView'][];
      page: number;
      pageSize: number;
      total: number;
      /** @description Present (true) when there are more matches than `total`, which is then a lower bound. */
      totalIsLowerBound?: boolean;
    };
    AsRunView: {
      bulletinId: number | null;
      confirmedAt: string | null;
      confirmedBy: number | null;
      driver: string;
      endedAt: string | null;
      error: string | null;
      id: number;
      interruptedBy: number | null;
      isReair: boolean | null;
      note: string | null;
      placementId: number | null;
      /** @description Trạng thái hiện nay của lịch phát (rescheduled: đã xếp lại sau khi bỏ lỡ) */
      placementStatus: string | null;
      playedSeconds: number;
      reportageId: number | null;
      /** @enum {string} */
      result: 'on_air' | 'aired' | 'partial' | 'missed' | 'failed' | 'awaiting_confirmation';
      scheduledAt: string;
      segmentId: number | null;
      startedAt: string | null;
      title: string | null;
      version: number;
      zoneId: number;
      zoneName: string | null;
    };
    AudioAssetView: {
      /** @description Đo EBU R128 và khoảng lặng trên bản mono */
      analysis: {
        [key: string]: unknown;
      } | null;
      attempts: number;
      broadcastDurationSeconds: number | null;
      broadcastSha256: string | null;
      broadcastSizeBytes: number | null;
      /** Format: date-time */
      createdAt: string;
      /** @description Bản đang dùng để phát của phóng sự */
      current: boolean;
      durationSeconds: number;
      /** @description Lý do lỗi, khi xử lý thất bại */
      error: string | null;
      id: number;
      /** @description LUFS của bản gốc */
      loudnessIn: number | null;
      /** @description LUFS của bản phát sóng */
      loudnessOut: number | null;
      /** @description LU của bản gốc */
      loudnessRangeIn: number | null;
      /** @description Tên tệp như người tải lên đặt (chỉ để hiển thị) */
      originalName: string;
      /** @description Kết quả ffprobe: định dạng, mã hoá, thời lượng, số kênh… */
      probe: {
        [key: string]: unknown;
      };
      /** Format: date-time */
      processedAt: string | null;
      progress: number;
      reportageId: number | null;
      sha256: string;
      sizeBytes: number;
      /** @enum {string} */
      status: 'queued' | 'processing' | 'ready' | 'failed' | 'cancelled';
      /** @description dBTP của bản gốc */
      truePeakIn: number | null;
      /** @description dBTP của bản phát sóng */
      truePeakOut: number | null;
      /** Format: date-time */
      updatedAt: string;
      urls: components['schemas']['AudioUrls'];
      /** @description Cảnh báo (khoảng lặng đầu/cuối, đoạn lặng dài…): không cắt tự động */
      warnings: string[];
    };
    AudioUrls: {
      /** @example /api/audio-assets/7/broadcast.mp3 */
      broadcast: string | null;
      /** @example /api/audio-assets/7/original */
      original: string;
      /** @example /api/audio-assets/7 */
      self: string;
      /** @example /api/audio-assets/7/waveform */
      waveform: string | null;
    };
    AuditEntryPage: {
      items: components['schemas']['AuditEntryView'][];
      page: number;
      pageSize: number;
      total: number;
      /** @description Present (true) when there are more matches than `total`, which is then a lower bound. */
      totalIsLowerBound?: boolean;
    };
    AuditEntryView: {
      action: string;
      /** Format: date-time */
      at: string;
      /** @description Các trường thay đổi: { tên trường: { from, to } } */
      changes: {
        [key: string]: {
          from?: unknown;
          to?: unknown;
        };
      };
      /** @description Họ tên hiện tại của người thực hiện (null: hệ thống, hoặc tài khoản không còn) */
      displayName: string | null;
      entity: string;
      entityId: string | null;
      id: number;
      requestId: string | null;
      userId: number | null;
      username: string | null;
    };
    BulletinView: {
      /**
       * Format: date-time
       * @description Khi phát: ngay (khẩn) hoặc đầu khung giờ kế tiếp
       */
      airAt: string | null;
      audioAssetId: number;
      /** Format: date-time */
      createdAt: string;
      createdBy: number | null;
      id: number;
      /** @enum {string} */
      priority: 'normal' | 'priority' | 'emergency';
      /** @enum {string} */
      status: 'waiting_audio' | 'waiting_scheduler' | 'dispatched' | 'done' | 'failed';
      title: string;
      /** Format: date-time */
      updatedAt: string;
      version: number;
      zoneIds: number[];
    };
    CalendarTokenView: {
      /** Format: date-time */
      createdAt: string | null;
      exists: boolean;
      /** @description Địa chỉ lịch: thay {zoneId} (và {token} khi mã không được hiện) */
      feedUrl: string;
      /** @description Chỉ có ngay sau khi tạo hoặc đổi mã */
      token?: string;
    };
    CancelPlacementDto: {
      /** @example Đài mất điện cả buổi chiều */
      reason: string;
      /** @description Phiên bản đã đọc; bỏ trống: không kiểm tra */
      version?: number;
    };
    ChangePasswordDto: {
      /** Format: password */
      currentPassword: string;
      /** Format: password */
      newPassword: string;
    };
    CommendationDto: {
      /**
       * @description certificate_of_merit = giấy khen, certificate_of_honour = bằng khen
       * @enum {string}
       */
      form: 'certificate_of_merit' | 'certificate_of_honour' | 'other';
      /** @example UBND huyện Đất Đỏ */
      issuingBody: string;
      /** @enum {string} */
      level: 'grassroots' | 'commune' | 'district' | 'province' | 'national';
      note?: string | null;
      /** @example 2022 */
      year: number;
    };
    CommendationView: {
      /**
       * @description certificate_of_merit = giấy khen, certificate_of_honour = bằng khen
       * @enum {string}
       */
      form: 'certificate_of_merit' | 'certificate_of_honour' | 'other';
      id: number;
      /** @example UBND huyện Đất Đỏ */
      issuingBody: string;
      /** @enum {string} */
      level: 'grassroots' | 'commune' | 'district' | 'province' | 'national';
      note?: string | null;
      /** @example 2022 */
      year: number;
    };
    ConfirmAsRunDto: {
      /** @description Ghi chú của người vận hành */
      note?: string;
      /** @description Số giây đã phát (khi phát dở dang) */
      playedSeconds?: number;
      /** @enum {string} */
      result: 'aired' | 'partial' | 'missed';
      version: number;
    };
    CreateAllocationDto: {
      exceptDates?: string[];
      /**
       * @description Thời lượng tối đa (giây)
       * @example 600
       */
      maxSeconds: number;
      /**
       * @description Những ngày ô được dùng; bỏ trống: mọi buổi của khung giờ
       * @example FREQ=WEEKLY;BYDAY=TU,FR
       */
      rrule?: string | null;
      /**
       * @description Chuyên mục
       * @example 1
       */
      segmentId: number;
      /** @description Ngày bắt đầu của rrule; mặc định ngày của khung giờ */
      startDate?: string | null;
      /**
       * @description Giờ bắt đầu của ô, trong khung giờ (HH:mm)
       * @example 17:10
       */
      time: string;
    };
    CreateExemplarDto: {
      /** @description Thay toàn bộ danh sách khen thưởng khi gửi lên */
      commendations?: components['schemas']['CommendationDto'][];
      fieldId?: number | null;
      /**
       * @description individual = cá nhân, collective = tập thể
       * @enum {string}
       */
      kind: 'individual' | 'collective';
      /**
       * @description grassroots = cơ sở, commune = xã, district = huyện (cũ), province = tỉnh, national = trung ương
       * @enum {string}
       */
      level: 'grassroots' | 'commune' | 'district' | 'province' | 'national';
      modelDescription?: string | null;
      /** @example Phụ nữ thu gom phế liệu bán tặng học bổng học sinh nghèo */
      modelName?: string | null;
      /** @example Chi hội Phụ nữ ấp Phước Thạnh */
      name: string;
      notes?: string | null;
      placeId?: number | null;
      /**
       * @default registered
       * @enum {string}
       */
      status?: 'registered' | 'recognised' | 'commended' | 'replicated';
      /** @example 2019 */
      yearRegistered?: number | null;
    };
    CreateFieldDto: {
      /** @default true */
      active?: boolean;
      description?: string | null;
      /** @example Xây dựng nông thôn mới */
      name: string;
      /**
       * @description Tạo tự động từ tên nếu bỏ trống
       * @example xay-dung-nong-thon-moi
       */
      slug?: string;
      /** @default 0 */
      sortOrder?: number;
    };
    CreatePlaceDto: {
      /** @description Mã đơn vị hành chính */
      code?: string | null;
      /**
       * @description province → (district, legacy) → commune → village
       * @enum {string}
       */
      level: 'province' | 'district' | 'commune' | 'village';
      /** @example Phước Hải */
      name: string;
      /** @description Đơn vị cấp trên (bỏ trống với tỉnh) */
      parentId?: number | null;
    };
    CreatePlacementDto: {
      /** @description Ô chuyên mục; bỏ trống: bất kỳ khung giờ nào của vùng */
      allocationId?: number | null;
      /** @example 12 */
      reportageId: number;
      /**
       * @description Thời điểm ISO 8601 có múi giờ, ví dụ 2026-12-01T17:10:00+07:00
       * @example 2026-12-01T17:10:00+07:00
       */
      startsAt: string;
      /**
       * @description Vùng phát: đài (phủ mọi cụm loa của đài) hoặc một cụm loa
       * @example 1
       */
      zoneId: number;
    };
    CreatePlanDto: {
      /**
       * @description Từ ngày (giờ địa phương)
       * @example 2026-12-01
       */
      from: string;
      /** @description Chỉ lập cho một chuyên mục */
      segmentId?: number;
      /**
       * @description Đến hết ngày
       * @example 2026-12-31
       */
      to: string;
      /** @description Các vùng phát; bỏ trống: mọi vùng đang hoạt động */
      zoneIds?: number[];
    };
    CreateReportageDto: {
      /** @description Các điển hình mà phóng sự nói về */
      exemplarIds?: number[];
      fieldId?: number | null;
      /** @description Địa bàn được nói tới */
      placeIds?: number[];
      /**
       * @description Mức ưu tiên khi lập lịch: 1 là gấp nhất
       * @example 1
       */
      priority?: number | null;
      /**
       * @description Ngày ghi âm (YYYY-MM-DD)
       * @example 2026-11-02
       */
      recordedOn?: string | null;
      /** @example Nguyễn Thị Lan */
      reporter?: string | null;
      /** @description Kịch bản / lời dẫn */
      script?: string | null;
      /**
       * @description Chuyên mục
       * @example 1
       */
      segmentId: number;
      summary?: string | null;
      /**
       * @example [
       *       "05",
       *       "nông thôn mới"
       *     ]
       */
      tags?: string[];
      /** @example Những bông hoa trên đường quê Phước Hải */
      title: string;
      /** @description Được phát từ ngày (YYYY-MM-DD, tính cả ngày này) */
      validFrom?: string | null;
      /** @description Được phát đến hết ngày (YYYY-MM-DD) */
      validUntil?: string | null;
    };
    CreateSegmentDto: {
      /** @default true */
      active?: boolean;
      description?: string | null;
      /**
       * @description Thời lượng thường gặp: tối đa (giây)
       * @example 420
       */
      maxDurationSeconds?: number | null;
      /**
       * @description Thời lượng thường gặp: tối thiểu (giây)
       * @example 180
       */
      minDurationSeconds?: number | null;
      /** @example Hoa giữa đời thường */
      name: string;
      /** @description Quy tắc lập lịch tự động */
      planning?: components['schemas']['PlanningRulesDto'];
      /**
       * @description Tạo tự động từ tên nếu bỏ trống
       * @example hoa-giua-doi-thuong
       */
      slug?: string;
    };
    CreateUserDto: {
      /** @example Nguyễn Thị Lan */
      displayName: string;
      /**
       * @description Buộc đổi mật khẩu ở lần đăng nhập đầu
       * @default true
       */
      mustChangePassword?: boolean;
      /**
       * Format: password
       * @description Mật khẩu ban đầu
       */
      password: string;
      roles: ('editor' | 'approver' | 'scheduler' | 'operator' | 'admin')[];
      /**
       * @description Chữ thường không dấu, số, dấu chấm, gạch; 3–64 ký tự
       * @example bientap1
       */
      username: string;
    };
    CreateWindowDto: {
      /** @default true */
      active?: boolean;
      /**
       * @description Giờ kết thúc; sớm hơn hoặc bằng giờ bắt đầu là sang ngày hôm sau
       * @example 17:30
       */
      endTime: string;
      /**
       * @description Ngày nghỉ (không phát)
       * @example [
       *       "2027-01-01"
       *     ]
       */
      exceptDates?: string[];
      /** @example Buổi chiều */
      name?: string | null;
      /**
       * @description RRULE (RFC 5545): FREQ=DAILY|WEEKLY, INTERVAL, BYDAY, COUNT, UNTIL
       * @default FREQ=DAILY
       * @example FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20271231
       */
      rrule?: string;
      /**
       * @description Ngày bắt đầu áp dụng
       * @example 2026-12-01
       */
      startDate: string;
      /**
       * @description Giờ bắt đầu theo giờ địa phương của vùng (HH:mm)
       * @example 17:00
       */
      startTime: string;
    };
    CreateZoneDto: {
      /** @default true */
      active?: boolean;
      /**
       * @description station: đài xã; cluster: cụm loa thuộc một đài
       * @enum {string}
       */
      kind: 'station' | 'cluster';
      /** @example Đài truyền thanh xã Long Tân */
      name: string;
      /** @description Đài mà cụm loa thuộc về (bắt buộc với cụm loa) */
      parentId?: number | null;
      /** @description Địa bàn (xã, thôn…) của danh mục; bắt buộc với đài */
      placeId?: number | null;
      /**
       * @description Múi giờ IANA
       * @default Asia/Ho_Chi_Minh
       */
      timeZone?: string;
    };
    CurrentAudioView: {
      id: number;
      /** @enum {string} */
      status: 'queued' | 'processing' | 'ready' | 'failed' | 'cancelled';
    };
    ExemplarFiguresView: {
      /** @description Lượt phát trong kỳ các phóng sự đó */
      airings: number;
      /** @description Số điển hình */
      exemplars: number;
      /** @description Đã được giới thiệu (có lượt phát trong kỳ) */
      featured: number;
      /** @description Chưa được giới thiệu trong kỳ */
      neverFeatured: number;
      /** @description Số phóng sự viết về các điển hình này (mọi trạng thái) */
      reportages: number;
    };
    ExemplarGroupView: {
      /** @description Lượt phát trong kỳ các phóng sự đó */
      airings: number;
      /** @description Số điển hình */
      exemplars: number;
      /** @description Đã được giới thiệu (có lượt phát trong kỳ) */
      featured: number;
      field: string;
      fieldId: number | null;
      kind: string;
      kindLabel: string;
      level: string;
      levelLabel: string;
      /** @description Chưa được giới thiệu trong kỳ */
      neverFeatured: number;
      /** @description Số phóng sự viết về các điển hình này (mọi trạng thái) */
      reportages: number;
      status: string;
      statusLabel: string;
    };
    ExemplarLineView: {
      /** @description Lượt phát trong kỳ */
      airings: number;
      field: string;
      fieldId: number | null;
      id: number;
      kind: string;
      level: string;
      name: string;
      place: string | null;
      /** @description Phóng sự viết về điển hình (mọi trạng thái) */
      reportages: number;
      /** @description Phóng sự đã phát trong kỳ */
      reportagesAired: number;
      status: string;
      yearRegistered: number | null;
    };
    ExemplarPage: {
      items: components['schemas']['ExemplarView'][];
      page: number;
      pageSize: number;
      total: number;
      /** @description Present (true) when there are more matches than `total`, which is then a lower bound. */
      totalIsLowerBound?: boolean;
    };
    ExemplarsReportView: {
      /** @description Mọi điển hình, với số liệu của từng người/tập thể */
      exemplars: components['schemas']['ExemplarLineView'][];
      from: string;
      groups: components['schemas']['ExemplarGroupView'][];
      /** @description Điển hình chưa được giới thiệu trong kỳ */
      neverFeatured: components['schemas']['ExemplarLineView'][];
      timeZone: string;
      to: string;
      total: components['schemas']['ExemplarFiguresView'];
    };
    ExemplarView: {
      commendations: components['schemas']['CommendationView'][];
      /** Format: date-time */
      createdAt: string;
      field: components['schemas']['RefView'] | null;
      id: number;
      /** @enum {string} */
      kind: 'individual' | 'collective';
      /** @enum {string} */
      level: 'grassroots' | 'commune' | 'district' | 'province' | 'national';
      modelDescription: string | null;
      modelName: string | null;
      name: string;
      notes: string | null;
      place: components['schemas']['RefView'] | null;
      /** @enum {string} */
      status: 'registered' | 'recognised' | 'commended' | 'replicated';
      /** Format: date-time */
      updatedAt: string;
      version: number;
      yearRegistered: number | null;
    };
    FieldPage: {
      items: components['schemas']['FieldView'][];
      page: number;
      pageSize: number;
      total: number;
      /** @description Present (true) when there are more matches than `total`, which is then a lower bound. */
      totalIsLowerBound?: boolean;
    };
    FieldView: {
      active: boolean;
      /** Format: date-time */
      createdAt: string;
      description: string | null;
      id: number;
      name: string;
      slug: string;
      sortOrder: number;
      /** Format: date-time */
      updatedAt: string;
      version: number;
    };
    ImportResultView: {
      /** @description Số phóng sự đã tạo (0 khi dryRun) */
      created: number;
      dryRun: boolean;
      ids: number[];
      /** @description Số dòng dữ liệu trong tệp */
      rows: number;
    };
    LoginDto: {
      /** Format: password */
      password: string;
      /** @example bientap1 */
      username: string;
    };
    MeView: {
      displayName: string;
      id: number;
      mustChangePassword: boolean;
      roles: ('editor' | 'approver' | 'scheduler' | 'operator' | 'admin')[];
      username: string;
    };
    MovePlacementDto: {
      /** @description null: bỏ gắn với ô chuyên mục */
      allocationId?: number | null;
      /** @description Thời điểm ISO 8601 có múi giờ, ví dụ 2026-12-01T17:10:00+07:00 */
      startsAt?: string;
      /** @description Phiên bản bản ghi mà người sửa đã đọc (optimistic concurrency). */
      version: number;
      zoneId?: number;
    };
    NextAiringView: {
      /** Format: date-time */
      endsAt: string;
      placementId: number;
      reportageId: number;
      /** Format: date-time */
      startsAt: string;
      title: string;
    };
    PlacementPage: {
      items: components['schemas']['PlacementView'][];
      page: number;
      pageSize: number;
      total: number;
      /** @description Present (true) when there are more matches than `total`, which is then a lower bound. */
      totalIsLowerBound?: boolean;
    };
    PlacementView: {
      allocationId: number | null;
      /** @description Bản âm thanh hiện tại của phóng sự */
      audioAssetId: number | null;
      /** Format: date-time */
      cancelledAt: string | null;
      cancelReason: string | null;
      /** Format: date-time */
      createdAt: string;
      durationSeconds: number;
      /** Format: date-time */
      endsAt: string;
      firstAiringId: number | null;
      id: number;
      /** @description Phát lại (không phải lần phát đầu tại vùng này) */
      isReair: boolean;
      planId: number | null;
      reportageId: number;
      reporter: string | null;
      segmentId: number;
      /** Format: date-time */
      startsAt: string;
      /** @example planned */
      status: string;
      title: string;
      /** Format: date-time */
      updatedAt: string;
      version: number;
      zone: components['schemas']['RefView'];
    };
    PlaceNode: {
      children: components['schemas']['PlaceNode'][];
      code: string | null;
      /** Format: date-time */
      createdAt: string;
      id: number;
      /** @enum {string} */
      level: 'province' | 'district' | 'commune' | 'village';
      name: string;
      parentId: number | null;
      /** Format: date-time */
      updatedAt: string;
      version: number;
    };
    PlacePage: {
      items: components['schemas']['PlaceView'][];
      page: number;
      pageSize: number;
      total: number;
      /** @description Present (true) when there are more matches than `total`, which is then a lower bound. */
      totalIsLowerBound?: boolean;
    };
    PlaceView: {
      code: string | null;
      /** Format: date-time */
      createdAt: string;
      id: number;
      /** @enum {string} */
      level: 'province' | 'district' | 'commune' | 'village';
      name: string;
      parentId: number | null;
      /** Format: date-time */
      updatedAt: string;
      version: number;
    };
    PlanningRulesDto: {
      /**
       * @description Ưu tiên bài chưa phát trước bài phát lại
       * @default true
       */
      firstAiringsFirst?: boolean;
      /**
       * @description Số lần phát tối đa tại mỗi vùng (kể cả lần đầu)
       * @default 2
       */
      maxAirings?: number;
      /**
       * @description Số ngày tối thiểu giữa hai lần phát tại một vùng
       * @default 7
       */
      minDaysBetween?: number;
      /**
       * @description Tránh hai bài cùng lĩnh vực liền nhau
       * @default true
       */
      spreadFields?: boolean;
      /**
       * @description Tránh hai bài cùng địa bàn liền nhau
       * @default true
       */
      spreadPlaces?: boolean;
    };
    PlanningRulesView: {
      firstAiringsFirst: boolean;
      maxAirings: number;
      minDaysBetween: number;
      spreadFields: boolean;
      spreadPlaces: boolean;
    };
    PlanPlacementItemView: {
      /** @description 1: lần phát đầu tại vùng này, 2: lần phát lại đầu tiên, … */
      airingInZone: number;
      allocationId: number;
      /** @example 2026-12-01 */
      date: string;
      durationSeconds: number;
      /** Format: date-time */
      end: string;
      /** @description Chưa từng phát ở đâu trước đó */
      firstEver: boolean;
      reason: string;
      reportageId: number;
      segmentId: number;
      /** Format: date-time */
      start: string;
      title: string;
      zoneId: number;
    };
    PlanUnfilledItemView: {
      allocationId: number;
      /** @enum {string} */
      code: 'IN_PAST' | 'OCCUPIED' | 'NO_CANDIDATES' | 'TOO_SHORT' | 'WAITING' | 'EXHAUSTED';
      /** @example 2026-12-01 */
      date: string;
      reason: string;
      segmentId: number;
      /** Format: date-time */
      start: string;
      zoneId: number;
    };
    PlanView: {
      /** Format: date-time */
      appliedAt: string | null;
      /** Format: date-time */
      createdAt: string;
      id: number;
      /** @description Trang của placements và unfilled (cùng chia trang) */
      page: number;
      pageSize: number;
      placementCount: number;
      placements: components['schemas']['PlanPlacementItemView'][];
      request: components['schemas']['CreatePlanDto'];
      /** @enum {string} */
      status: 'proposed' | 'applying' | 'applied' | 'expired';
      unfilled: components['schemas']['PlanUnfilledItemView'][];
      unfilledCount: number;
    };
    PlayoutSettingsDto: {
      args?: string[];
      command?: string;
      /** @enum {string} */
      driver: 'icecast' | 'command' | 'manual';
      /** @default 60 */
      graceSeconds?: number;
      /** @description Bỏ trống: giữ mật khẩu đã lưu */
      password?: string;
      timeoutSeconds?: number;
      url?: string;
      username?: string;
    };
    PlayoutSettingsView: {
      /** @description command: tham số; {file}, {title} được thay */
      args?: string[];
      /** @description command: chương trình chạy trên máy của đài */
      command?: string;
      /** @enum {string} */
      driver: 'icecast' | 'command' | 'manual';
      /** @description Quá số giây này sau giờ phát mà chưa bắt đầu được: bỏ lỡ */
      graceSeconds: number;
      /** @description icecast: đã có mật khẩu nguồn */
      passwordSet?: boolean;
      /** @description command: dừng sau số giây này */
      timeoutSeconds?: number;
      /** @description icecast: máy chủ và mount */
      url?: string;
      /** @description icecast: tài khoản nguồn */
      username?: string;
    };
    RefView: {
      id: number;
      name: string;
    };
    ReportagePage: {
      items: components['schemas']['ReportageView'][];
      page: number;
      pageSize: number;
      total: number;
      /** @description Present (true) when there are more matches than `total`, which is then a lower bound. */
      totalIsLowerBound?: boolean;
    };
    ReportageView: {
      /** Format: date-time */
      createdAt: string;
      /** @description Bản âm thanh đang dùng và trạng thái xử lý */
      currentAudio: components['schemas']['CurrentAudioView'] | null;
      /** @description Thời lượng bản phát sóng (giây) */
      durationSeconds: number | null;
      exemplars: components['schemas']['RefView'][];
      field: components['schemas']['RefView'] | null;
      id: number;
      places: components['schemas']['RefView'][];
      /** @description Mức ưu tiên khi lập lịch (1 là gấp nhất) */
      priority: number | null;
      recordedOn: string | null;
      reporter: string | null;
      /** @description Chỉ có khi xem một phóng sự */
      script?: string | null;
      segment: components['schemas']['RefView'];
      /** @enum {string} */
      status: 'draft' | 'submitted' | 'approved' | 'rejected' | 'archived';
      summary: string | null;
      tags: string[];
      title: string;
      /** Format: date-time */
      updatedAt: string;
      validFrom: string | null;
      validUntil: string | null;
      version: number;
    };
    ResetPasswordDto: {
      /**
       * Format: password
       * @description Mật khẩu tạm; người dùng phải đổi khi đăng nhập
       */
      password: string;
    };
    RundownItemView: {
      audioAssetId: number | null;
      audioReady: boolean;
      duration: string;
      durationSeconds: number;
      /** Format: date-time */
      endsAt: string;
      endTime: string;
      isReair: boolean;
      placementId: number;
      reporter: string | null;
      /** @description Tên chuyên mục */
      segment: string;
      /** Format: date-time */
      startsAt: string;
      /** @example planned */
      status: string;
      /** @description Giờ địa phương */
      time: string;
      title: string;
      zone: components['schemas']['RefView'];
    };
    RundownView: {
      /** @example 2026-12-01 */
      date: string;
      /** @description dd/MM/yyyy */
      dateText: string;
      items: components['schemas']['RundownItemView'][];
      totalSeconds: number;
      /** @example Thứ Ba */
      weekday: string;
      zone: components['schemas']['RundownZoneView'];
    };
    RundownZoneView: {
      id: number;
      /** @enum {string} */
      kind: 'station' | 'cluster';
      name: string;
      /** @example Asia/Ho_Chi_Minh */
      timeZone: string;
    };
    ScheduleView: {
      allocations: components['schemas']['AllocationSlotView'][];
      placements: components['schemas']['PlacementView'][];
      windows: components['schemas']['WindowSessionView'][];
    };
    ScheduleWarningsView: {
      count: number;
      /** Format: date-time */
      from: string;
      items: components['schemas']['ScheduleWarningView'][];
      /** Format: date-time */
      to: string;
    };
    ScheduleWarningView: {
      allocationId?: number;
      /** @enum {string} */
      code: 'EMPTY_ALLOCATION' | 'NOT_APPROVED' | 'AUDIO_MISSING' | 'OUTSIDE_VALIDITY';
      message: string;
      placementId?: number;
      reportageId?: number;
      /** Format: date-time */
      start: string;
      zoneId: number;
      zoneName: string;
    };
    SegmentPage: {
      items: components['schemas']['SegmentView'][];
      page: number;
      pageSize: number;
      total: number;
      /** @description Present (true) when there are more matches than `total`, which is then a lower bound. */
      totalIsLowerBound?: boolean;
    };
    SegmentView: {
      active: boolean;
      /** Format: date-time */
      createdAt: string;
      description: string | null;
      id: number;
      /** @description Nhạc hiệu đầu (tệp âm thanh) */
      introAudioId: number | null;
      maxDurationSeconds: number | null;
      minDurationSeconds: number | null;
      name: string;
      /** @description Nhạc hiệu cuối (tệp âm thanh) */
      outroAudioId: number | null;
      planning: components['schemas']['PlanningRulesView'];
      slug: string;
      /** Format: date-time */
      updatedAt: string;
      version: number;
    };
    SignInView: {
      /** @description Gửi kèm mỗi yêu cầu: Authorization: Bearer <accessToken> */
      accessToken: string;
      /** @description Số giây còn hiệu lực */
      expiresIn: number;
      /** @example Bearer */
      tokenType: string;
      user: components['schemas']['MeView'];
    };
    StatusChangeView: {
      /** @enum {string} */
      action:
        'submit' | 'withdraw' | 'approve' | 'reject' | 'archive' | 'restore' | 'create' | 'import' | 'reopen';
      actor: string | null;
      /** @description Họ tên người thực hiện (tên đăng nhập nếu không rõ) */
      actorName: string | null;
      /** Format: date-time */
      createdAt: string;
      /** @enum {string|null} */
      fromStatus: 'draft' | 'submitted' | 'approved' | 'rejected' | 'archived' | null;
      id: number;
      reason: string | null;
      /** @enum {string} */
      toStatus: 'draft' | 'submitted' | 'approved' | 'rejected' | 'archived';
    };
    TransitionDto: {
      /** @description Lý do (bắt buộc khi từ chối) */
      reason?: string | null;
      /** @description Phiên bản bản ghi mà người sửa đã đọc (optimistic concurrency). */
      version: number;
    };
    UpdateAllocationDto: {
      exceptDates?: string[];
      /**
       * @description Thời lượng tối đa (giây)
       * @example 600
       */
      maxSeconds?: number;
      /**
       * @description Những ngày ô được dùng; bỏ trống: mọi buổi của khung giờ
       * @example FREQ=WEEKLY;BYDAY=TU,FR
       */
      rrule?: string | null;
      /**
       * @description Chuyên mục
       * @example 1
       */
      segmentId?: number;
      /** @description Ngày bắt đầu của rrule; mặc định ngày của khung giờ */
      startDate?: string | null;
      /**
       * @description Giờ bắt đầu của ô, trong khung giờ (HH:mm)
       * @example 17:10
       */
      time?: string;
      /** @description Phiên bản bản ghi mà người sửa đã đọc (optimistic concurrency). */
      version: number;
    };
    UpdateExemplarDto: {
      /** @description Thay toàn bộ danh sách khen thưởng khi gửi lên */
      commendations?: components['schemas']['CommendationDto'][];
      fieldId?: number | null;
      /**
       * @description individual = cá nhân, collective = tập thể
       * @enum {string}
       */
      kind?: 'individual' | 'collective';
      /**
       * @description grassroots = cơ sở, commune = xã, district = huyện (cũ), province = tỉnh, national = trung ương
       * @enum {string}
       */
      level?: 'grassroots' | 'commune' | 'district' | 'province' | 'national';
      modelDescription?: string | null;
      /** @example Phụ nữ thu gom phế liệu bán tặng học bổng học sinh nghèo */
      modelName?: string | null;
      /** @example Chi hội Phụ nữ ấp Phước Thạnh */
      name?: string;
      notes?: string | null;
      placeId?: number | null;
      /**
       * @default registered
       * @enum {string}
       */
      status?: 'registered' | 'recognised' | 'commended' | 'replicated';
      /** @description Phiên bản bản ghi mà người sửa đã đọc (optimistic concurrency). */
      version: number;
      /** @example 2019 */
      yearRegistered?: number | null;
    };
    UpdateFieldDto: {
      /** @default true */
      active?: boolean;
      description?: string | null;
      /** @example Xây dựng nông thôn mới */
      name?: string;
      /**
       * @description Tạo tự động từ tên nếu bỏ trống
       * @example xay-dung-nong-thon-moi
       */
      slug?: string;
      /** @default 0 */
      sortOrder?: number;
      /** @description Phiên bản bản ghi mà người sửa đã đọc (optimistic concurrency). */
      version: number;
    };
    UpdatePlaceDto: {
      /** @description Mã đơn vị hành chính */
      code?: string | null;
      /**
       * @description province → (district, legacy) → commune → village
       * @enum {string}
       */
      level?: 'province' | 'district' | 'commune' | 'village';
      /** @example Phước Hải */
      name?: string;
      /** @description Đơn vị cấp trên (bỏ trống với tỉnh) */
      parentId?: number | null;
      /** @description Phiên bản bản ghi mà người sửa đã đọc (optimistic concurrency). */
      version: number;
    };
    UpdateReportageDto: {
      /** @description Các điển hình mà phóng sự nói về */
      exemplarIds?: number[];
      fieldId?: number | null;
      /** @description Địa bàn được nói tới */
      placeIds?: number[];
      /**
       * @description Mức ưu tiên khi lập lịch: 1 là gấp nhất
       * @example 1
       */
      priority?: number | null;
      /**
       * @description Ngày ghi âm (YYYY-MM-DD)
       * @example 2026-11-02
       */
      recordedOn?: string | null;
      /** @example Nguyễn Thị Lan */
      reporter?: string | null;
      /** @description Kịch bản / lời dẫn */
      script?: string | null;
      /**
       * @description Chuyên mục
       * @example 1
       */
      segmentId?: number;
      summary?: string | null;
      /**
       * @example [
       *       "05",
       *       "nông thôn mới"
       *     ]
       */
      tags?: string[];
      /** @example Những bông hoa trên đường quê Phước Hải */
      title?: string;
      /** @description Được phát từ ngày (YYYY-MM-DD, tính cả ngày này) */
      validFrom?: string | null;
      /** @description Được phát đến hết ngày (YYYY-MM-DD) */
      validUntil?: string | null;
      /** @description Phiên bản bản ghi mà người sửa đã đọc (optimistic concurrency). */
      version: number;
    };
    UpdateSegmentDto: {
      /** @default true */
      active?: boolean;
      description?: string | null;
      /**
       * @description Thời lượng thường gặp: tối đa (giây)
       * @example 420
       */
      maxDurationSeconds?: number | null;
      /**
       * @description Thời lượng thường gặp: tối thiểu (giây)
       * @example 180
       */
      minDurationSeconds?: number | null;
      /** @example Hoa giữa đời thường */
      name?: string;
      /** @description Quy tắc lập lịch tự động */
      planning?: components['schemas']['PlanningRulesDto'];
      /**
       * @description Tạo tự động từ tên nếu bỏ trống
       * @example hoa-giua-doi-thuong
       */
      slug?: string;
      /** @description Phiên bản bản ghi mà người sửa đã đọc (optimistic concurrency). */
      version: number;
    };
    UpdateUserDto: {
      /** @description false: khoá tài khoản (mọi phiên đăng nhập kết thúc ngay) */
      active?: boolean;
      displayName?: string;
      roles?: ('editor' | 'approver' | 'scheduler' | 'operator' | 'admin')[];
      version: number;
    };
    UpdateWindowDto: {
      /** @default true */
      active?: boolean;
      /**
       * @description Giờ kết thúc; sớm hơn hoặc bằng giờ bắt đầu là sang ngày hôm sau
       * @example 17:30
       */
      endTime?: string;
      /**
       * @description Ngày nghỉ (không phát)
       * @example [
       *       "2027-01-01"
       *     ]
       */
      exceptDates?: string[];
      /** @example Buổi chiều */
      name?: string | null;
      /**
       * @description RRULE (RFC 5545): FREQ=DAILY|WEEKLY, INTERVAL, BYDAY, COUNT, UNTIL
       * @default FREQ=DAILY
       * @example FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20271231
       */
      rrule?: string;
      /**
       * @description Ngày bắt đầu áp dụng
       * @example 2026-12-01
       */
      startDate?: string;
      /**
       * @description Giờ bắt đầu theo giờ địa phương của vùng (HH:mm)
       * @example 17:00
       */
      startTime?: string;
      /** @description Phiên bản bản ghi mà người sửa đã đọc (optimistic concurrency). */
      version: number;
    };
    UpdateZoneDto: {
      /** @default true */
      active?: boolean;
      /**
       * @description station: đài xã; cluster: cụm loa thuộc một đài
       * @enum {string}
       */
      kind?: 'station' | 'cluster';
      /** @example Đài truyền thanh xã Long Tân */
      name?: string;
      /** @description Đài mà cụm loa thuộc về (bắt buộc với cụm loa) */
      parentId?: number | null;
      /** @description Địa bàn (xã, thôn…) của danh mục; bắt buộc với đài */
      placeId?: number | null;
      /**
       * @description Múi giờ IANA
       * @default Asia/Ho_Chi_Minh
       */
      timeZone?: string;
      /** @description Phiên bản bản ghi mà người sửa đã đọc (optimistic concurrency). */
      version: number;
    };
    UserPage: {
      items: components['schemas']['UserView'][];
      page: number;
      pageSize: number;
      total: number;
      /** @description Present (true) when there are more matches than `total`, which is then a lower bound. */
      totalIsLowerBound?: boolean;
    };
    UserView: {
      active: boolean;
      /** Format: date-time */
      createdAt: string;
      displayName: string;
      id: number;
      /** Format: date-time */
      lastLoginAt: string | null;
      mustChangePassword: boolean;
      roles: ('editor' | 'approver' | 'scheduler' | 'operator' | 'admin')[];
      /** Format: date-time */
      updatedAt: string;
      username: string;
      version: number;
    };
    WindowSessionView: {
      /**
       * @description Ngày địa phương của buổi phát
       * @example 2026-12-01
       */
      date: string;
      /** Format: date-time */
      end: string;
      name: string | null;
      /** Format: date-time */
      start: string;
      windowId: number;
      zoneId: number;
    };
    WindowView: {
      active: boolean;
      /** Format: date-time */
      createdAt: string;
      endTime: string;
      exceptDates: string[];
      id: number;
      name: string | null;
      rrule: string;
      startDate: string;
      startTime: string;
      /** Format: date-time */
      updatedAt: string;
      version: number;
      zoneId: number;
    };
    ZoneOnAirView: {
      awaitingConfirmation: components['schemas']['AsRunView'][];
      /** @enum {string} */
      kind: 'station' | 'cluster';
      next: components['schemas']['NextAiringView'][];
      onAir: components['schemas']['AsRunView'] | null;
      parentId: number | null;
      zoneId: number;
      zoneName: string;
    };
    ZonePage: {
      items: components['schemas']['ZoneView'][];
      page: number;
      pageSize: number;
      total: number;
      /** @description Present (true) when there are more matches than `total`, which is then a lower bound. */
      totalIsLowerBound?: boolean;
    };
    ZoneView: {
      active: boolean;
      /** Format: date-time */
      createdAt: string;
      id: number;
      /** @enum {string} */
      kind: 'station' | 'cluster';
      name: string;
      parentId: number | null;
      placeId: number | null;
      playout: {
        [key: string]: unknown;
      };
      timeZone: string;
      /** Format: date-time */
      updatedAt: string;
      version: number;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  GridController_getAllocation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AllocationView'];
        };
      };
    };
  };
  GridController_removeAllocation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  GridController_updateAllocation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateAllocationDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AllocationView'];
        };
      };
    };
  };
  PlayoutController_list: {
    parameters: {
      query?: {
        /** @description Từ ngày (YYYY-MM-DD, giờ địa phương) */
        from?: string;
        page?: number;
        pageSize?: number;
        result?: 'on_air' | 'aired' | 'partial' | 'missed' | 'failed' | 'awaiting_confirmation';
        segmentId?: number;
        /** @description Đến hết ngày (YYYY-MM-DD) */
        to?: string;
        zoneId?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AsRunPage'];
        };
      };
    };
  };
  PlayoutController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AsRunView'];
        };
      };
    };
  };
  PlayoutController_confirm: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ConfirmAsRunDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AsRunView'];
        };
      };
    };
  };
  AudioAssetsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AudioAssetView'];
        };
      };
    };
  };
  AudioAssetsController_broadcast: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description MP3 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AudioAssetsController_cancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AudioAssetView'];
        };
      };
    };
  };
  AudioAssetsController_original: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Nội dung tệp gốc */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AudioAssetsController_retry: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AudioAssetView'];
        };
      };
    };
  };
  AudioAssetsController_waveform: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
    };
  };
  AuditController_list: {
    parameters: {
      query?: {
        /** @description Hành động, ví dụ update, approve */
        action?: string;
        /** @description Loại bản ghi */
        entity?:
          | 'reportage'
          | 'exemplar'
          | 'place'
          | 'field'
          | 'segment'
          | 'audio_asset'
          | 'user'
          | 'session'
          | 'zone'
          | 'broadcast_window'
          | 'allocation'
          | 'placement'
          | 'plan'
          | 'as_run'
          | 'bulletin';
        /** @description Mã bản ghi (dùng cùng entity) */
        entityId?: string;
        /** @description Từ ngày (YYYY-MM-DD, giờ địa phương) */
        from?: string;
        page?: number;
        pageSize?: number;
        /** @description Đến hết ngày (YYYY-MM-DD, giờ địa phương) */
        to?: string;
        /** @description Mã tài khoản đã thực hiện */
        userId?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditEntryPage'];
        };
      };
    };
  };
  AuthController_login: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LoginDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignInView'];
        };
      };
    };
  };
  AuthController_logout: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AuthController_me: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MeView'];
        };
      };
    };
  };
  AuthController_changePassword: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChangePasswordDto'];
      };
    };
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AuthController_refresh: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignInView'];
        };
      };
    };
  };
  PlayoutController_listBulletins: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BulletinView'][];
        };
      };
    };
  };
  PlayoutController_createBulletin: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /** Format: binary */
          file: string;
        };
      };
    };
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AcceptedBulletinView'];
        };
      };
    };
  };
  PlayoutController_getBulletin: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BulletinView'];
        };
      };
    };
  };
  EventsController_stream: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description text/event-stream */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ExemplarsController_list: {
    parameters: {
      query?: {
        fieldId?: number;
        kind?: 'individual' | 'collective';
        level?: 'grassroots' | 'commune' | 'district' | 'province' | 'national';
        page?: number;
        pageSize?: number;
        /** @description Địa bàn, gồm cả các đơn vị trực thuộc */
        placeId?: number;
        /** @description Tìm theo tên, mô hình, địa bàn; không phân biệt dấu và hoa thường */
        q?: string;
        /** @description Mặc định: -createdAt; khi có q: mức độ khớp */
        sort?:
          | 'name'
          | '-name'
          | 'createdAt'
          | '-createdAt'
          | 'updatedAt'
          | '-updatedAt'
          | 'yearRegistered'
          | '-yearRegistered';
        status?: 'registered' | 'recognised' | 'commended' | 'replicated';
        /** @description Năm đăng ký */
        year?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExemplarPage'];
        };
      };
    };
  };
  ExemplarsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateExemplarDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExemplarView'];
        };
      };
    };
  };
  ExemplarsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExemplarView'];
        };
      };
    };
  };
  ExemplarsController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ExemplarsController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateExemplarDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExemplarView'];
        };
      };
    };
  };
  FieldsController_list: {
    parameters: {
      query?: {
        active?: boolean;
        page?: number;
        pageSize?: number;
        sort?: 'sortOrder' | '-sortOrder' | 'name' | '-name' | 'createdAt' | '-createdAt';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FieldPage'];
        };
      };
    };
  };
  FieldsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateFieldDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FieldView'];
        };
      };
    };
  };
  FieldsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FieldView'];
        };
      };
    };
  };
  FieldsController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  FieldsController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateFieldDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FieldView'];
        };
      };
    };
  };
  HealthController_check: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Mọi thành phần hoạt động */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Có thành phần hỏng; `health` cho biết chi tiết */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  HealthController_live: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
    };
  };
  MeController_calendarToken: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CalendarTokenView'];
        };
      };
    };
  };
  MeController_rotateCalendarToken: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CalendarTokenView'];
        };
      };
    };
  };
  PlayoutController_onAir: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ZoneOnAirView'][];
        };
      };
    };
  };
  PlacementsController_list: {
    parameters: {
      query?: {
        /** @description Từ ngày (YYYY-MM-DD, giờ địa phương) */
        from?: string;
        page?: number;
        pageSize?: number;
        reportageId?: number;
        /** @description planned, cancelled … */
        status?: string;
        /** @description Đến hết ngày (YYYY-MM-DD) */
        to?: string;
        zoneId?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlacementPage'];
        };
      };
    };
  };
  PlacementsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreatePlacementDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlacementView'];
        };
      };
    };
  };
  PlacementsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlacementView'];
        };
      };
    };
  };
  PlacementsController_move: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MovePlacementDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlacementView'];
        };
      };
    };
  };
  PlacementsController_cancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CancelPlacementDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlacementView'];
        };
      };
    };
  };
  PlacementsController_reschedule: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlacementView'];
        };
      };
    };
  };
  PlacesController_list: {
    parameters: {
      query?: {
        level?: 'province' | 'district' | 'commune' | 'village';
        page?: number;
        pageSize?: number;
        /** @description Chỉ các đơn vị trực thuộc đơn vị này */
        parentId?: number;
        /** @description Tìm theo tên, không phân biệt dấu và hoa thường */
        q?: string;
        sort?: 'name' | '-name' | 'createdAt' | '-createdAt';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlacePage'];
        };
      };
    };
  };
  PlacesController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreatePlaceDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlaceView'];
        };
      };
    };
  };
  PlacesController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlaceView'];
        };
      };
    };
  };
  PlacesController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  PlacesController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdatePlaceDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlaceView'];
        };
      };
    };
  };
  PlacesController_tree: {
    parameters: {
      query?: {
        /** @description Gốc của cây; bỏ trống để lấy mọi tỉnh */
        rootId?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlaceNode'][];
        };
      };
    };
  };
  PlacementsController_propose: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreatePlanDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlanView'];
        };
      };
    };
  };
  PlacementsController_getPlan: {
    parameters: {
      query?: {
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlanView'];
        };
      };
    };
  };
  PlacementsController_apply: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlanView'];
        };
      };
    };
  };
  ReportagesController_list: {
    parameters: {
      query?: {
        /** @description Tạo từ ngày (YYYY-MM-DD, giờ địa phương) */
        createdFrom?: string;
        /** @description Tạo đến hết ngày (YYYY-MM-DD, giờ địa phương) */
        createdTo?: string;
        exemplarId?: number;
        fieldId?: number;
        page?: number;
        pageSize?: number;
        /** @description Địa bàn, gồm cả các đơn vị trực thuộc */
        placeId?: number;
        /** @description Tìm theo tiêu đề, tóm tắt, tên điển hình, mô hình, địa bàn; không phân biệt dấu và hoa thường */
        q?: string;
        /** @description Ghi âm từ ngày (YYYY-MM-DD) */
        recordedFrom?: string;
        /** @description Ghi âm đến ngày (YYYY-MM-DD) */
        recordedTo?: string;
        /** @description Tên phóng viên, đúng như đã nhập */
        reporter?: string;
        segmentId?: number;
        /** @description Mặc định: -createdAt; khi có q: mức độ khớp */
        sort?:
          | 'createdAt'
          | '-createdAt'
          | 'updatedAt'
          | '-updatedAt'
          | 'title'
          | '-title'
          | 'recordedOn'
          | '-recordedOn';
        status?: 'draft' | 'submitted' | 'approved' | 'rejected' | 'archived';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReportagePage'];
        };
      };
    };
  };
  ReportagesController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateReportageDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReportageView'];
        };
      };
    };
  };
  ReportagesController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReportageView'];
        };
      };
    };
  };
  ReportagesController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ReportagesController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateReportageDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReportageView'];
        };
      };
    };
  };
  ReportagesController_approve: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TransitionDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReportageView'];
        };
      };
    };
  };
  ReportagesController_archive: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TransitionDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReportageView'];
        };
      };
    };
  };
  AudioAssetsController_versions: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AudioAssetView'][];
        };
      };
    };
  };
  AudioAssetsController_upload: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /** Format: binary */
          file: string;
        };
      };
    };
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AcceptedUploadView'];
        };
      };
    };
  };
  ReportagesController_history: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StatusChangeView'][];
        };
      };
    };
  };
  ReportagesController_reject: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TransitionDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReportageView'];
        };
      };
    };
  };
  ReportagesController_restore: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TransitionDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReportageView'];
        };
      };
    };
  };
  ReportagesController_submit: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TransitionDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReportageView'];
        };
      };
    };
  };
  ReportagesController_withdraw: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TransitionDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReportageView'];
        };
      };
    };
  };
  ReportagesController_import: {
    parameters: {
      query?: {
        /** @description Chỉ kiểm tra, không ghi gì */
        dryRun?: boolean;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /** Format: binary */
          file: string;
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImportResultView'];
        };
      };
    };
  };
  ReportagesController_template: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ReportsController_airings: {
    parameters: {
      query: {
        /** @description json; csv (UTF-8 có BOM, mở bằng Excel); html (trang in) */
        format?: 'json' | 'csv' | 'html';
        /** @description Từ ngày (YYYY-MM-DD, giờ địa phương), tính cả ngày này */
        from: string;
        /** @description Nhóm theo chuyên mục, lĩnh vực, xã, tháng hoặc phóng viên */
        groupBy: 'segment' | 'field' | 'place' | 'month' | 'reporter';
        /** @description Chỉ tính phóng sự của chuyên mục này */
        segmentId?: number;
        /** @description Đến hết ngày (YYYY-MM-DD, giờ địa phương) */
        to: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AiringsReportView'];
          'text/csv': components['schemas']['AiringsReportView'];
          'text/html': components['schemas']['AiringsReportView'];
        };
      };
    };
  };
  ReportsController_exemplars: {
    parameters: {
      query: {
        /** @description json; csv (UTF-8 có BOM, mở bằng Excel); html (trang in) */
        format?: 'json' | 'csv' | 'html';
        /** @description Từ ngày (YYYY-MM-DD, giờ địa phương), tính cả ngày này */
        from: string;
        /** @description Đến hết ngày (YYYY-MM-DD, giờ địa phương) */
        to: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExemplarsReportView'];
          'text/csv': components['schemas']['ExemplarsReportView'];
          'text/html': components['schemas']['ExemplarsReportView'];
        };
      };
    };
  };
  PlacementsController_read: {
    parameters: {
      query: {
        /** @description Từ ngày (YYYY-MM-DD, giờ địa phương) */
        from: string;
        /** @description Đến hết ngày */
        to: string;
        /** @description Một vùng phát (gồm vùng trên và dưới nó) */
        zoneId?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ScheduleView'];
        };
      };
    };
  };
  PlacementsController_warnings: {
    parameters: {
      query?: {
        /** @description Xét bao nhiêu giờ tới */
        hours?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ScheduleWarningsView'];
        };
      };
    };
  };
  SegmentsController_list: {
    parameters: {
      query?: {
        active?: boolean;
        page?: number;
        pageSize?: number;
        sort?: 'name' | '-name' | 'createdAt' | '-createdAt';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SegmentPage'];
        };
      };
    };
  };
  SegmentsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateSegmentDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SegmentView'];
        };
      };
    };
  };
  SegmentsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SegmentView'];
        };
      };
    };
  };
  SegmentsController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  SegmentsController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateSegmentDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SegmentView'];
        };
      };
    };
  };
  AudioAssetsController_uploadJingle: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
        which: 'intro' | 'outro';
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /** Format: binary */
          file: string;
        };
      };
    };
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AcceptedUploadView'];
        };
      };
    };
  };
  AudioAssetsController_removeJingle: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
        which: 'intro' | 'outro';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  UsersController_list: {
    parameters: {
      query?: {
        active?: boolean;
        page?: number;
        pageSize?: number;
        role?: 'editor' | 'approver' | 'scheduler' | 'operator' | 'admin';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserPage'];
        };
      };
    };
  };
  UsersController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateUserDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserView'];
        };
      };
    };
  };
  UsersController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserView'];
        };
      };
    };
  };
  UsersController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateUserDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserView'];
        };
      };
    };
  };
  UsersController_resetPassword: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ResetPasswordDto'];
      };
    };
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  GridController_getWindow: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WindowView'];
        };
      };
    };
  };
  GridController_removeWindow: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  GridController_updateWindow: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateWindowDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WindowView'];
        };
      };
    };
  };
  GridController_listAllocations: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AllocationView'][];
        };
      };
    };
  };
  GridController_createAllocation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateAllocationDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AllocationView'];
        };
      };
    };
  };
  ZonesController_list: {
    parameters: {
      query?: {
        active?: boolean;
        kind?: 'station' | 'cluster';
        page?: number;
        pageSize?: number;
        parentId?: number;
        placeId?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ZonePage'];
        };
      };
    };
  };
  ZonesController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateZoneDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ZoneView'];
        };
      };
    };
  };
  ZonesController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ZoneView'];
        };
      };
    };
  };
  ZonesController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ZonesController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateZoneDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ZoneView'];
        };
      };
    };
  };
  PlayoutController_getPlayout: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlayoutSettingsView'];
        };
      };
    };
  };
  PlayoutController_setPlayout: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PlayoutSettingsDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlayoutSettingsView'];
        };
      };
    };
  };
  ZonesController_rundown: {
    parameters: {
      query: {
        date: string;
      };
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RundownView'];
        };
      };
    };
  };
  ZonesController_rundownHtml: {
    parameters: {
      query: {
        date: string;
      };
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ZonesController_rundownM3u: {
    parameters: {
      query: {
        date: string;
      };
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ZonesController_icalendar: {
    parameters: {
      query: {
        /** @description Từ ngày (mặc định: 7 ngày trước) */
        from?: string;
        /** @description Đến hết ngày (mặc định: 92 ngày tới) */
        to?: string;
        /** @description Mã lịch riêng (POST /api/me/calendar-token) */
        token: string;
      };
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  GridController_listWindows: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WindowView'][];
        };
      };
    };
  };
  GridController_createWindow: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateWindowDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WindowView'];
        };
      };
    };
  };
}
