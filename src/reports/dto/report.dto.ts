import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { DecimalInt, IsCalendarDate } from '../../common/dto.js';

export const REPORT_FORMATS = ['json', 'csv', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const AIRING_GROUPS = ['segment', 'field', 'place', 'month', 'reporter'] as const;
export type AiringGroup = (typeof AIRING_GROUPS)[number];

/** The period (kỳ báo cáo) and the output format every report takes. */
export class ReportQuery {
  @ApiProperty({
    description: 'Từ ngày (YYYY-MM-DD, giờ địa phương), tính cả ngày này',
    example: '2017-07-01',
  })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ description: 'Đến hết ngày (YYYY-MM-DD, giờ địa phương)', example: '2022-06-30' })
  @IsCalendarDate()
  to: string;

  @ApiPropertyOptional({
    enum: REPORT_FORMATS,
    default: 'json',
    description: 'json; csv (UTF-8 có BOM, mở bằng Excel); html (trang in)',
  })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format: ReportFormat = 'json';
}

export class AiringsReportQuery extends ReportQuery {
  @ApiProperty({
    enum: AIRING_GROUPS,
    description: 'Nhóm theo chuyên mục, lĩnh vực, xã, tháng hoặc phóng viên',
  })
  @IsIn(AIRING_GROUPS)
  groupBy: AiringGroup;

  @ApiPropertyOptional({ description: 'Chỉ tính phóng sự của chuyên mục này' })
  @IsOptional()
  @DecimalInt()
  @IsInt()
  @Min(1)
  segmentId?: number;
}

export class AiringFiguresView {
  @ApiProperty({ description: 'Số phóng sự (khác nhau) đã phát' }) reportages: number;
  @ApiProperty({ description: 'Lượt phát (kết quả aired)' }) airings: number;
  @ApiProperty({ description: 'Lượt phát lần đầu' }) firstAirings: number;
  @ApiProperty({ description: 'Lượt phát lại' }) reAirs: number;
  @ApiProperty({ description: 'Lượt phát dở (partial), chỉ tính vào số phút' }) partial: number;
  @ApiProperty({
    description:
      'Số phút đã phát (aired + partial), làm tròn 0,1; trừ khi nhóm theo xã, các dòng cộng lại đúng bằng dòng tổng',
  })
  minutes: number;
}

export class AiringsRowView extends AiringFiguresView {
  @ApiProperty({
    oneOf: [{ type: 'integer' }, { type: 'string' }],
    nullable: true,
    description: 'Mã chuyên mục / lĩnh vực / xã, tháng YYYY-MM, hoặc tên phóng viên; null: không rõ',
  })
  key: number | string | null;
  @ApiProperty() label: string;
}

export class AiringsReportView {
  @ApiProperty({ enum: AIRING_GROUPS }) groupBy: AiringGroup;
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty() timeZone: string;
  @ApiProperty({ nullable: true, type: Number }) segmentId: number | null;
  @ApiProperty({ type: [AiringsRowView] }) rows: AiringsRowView[];
  @ApiProperty({ description: 'Tổng: mỗi phóng sự tính một lần dù thuộc nhiều nhóm' })
  total: AiringFiguresView;
}

export class ExemplarFiguresView {
  @ApiProperty({ description: 'Số điển hình' }) exemplars: number;
  @ApiProperty({ description: 'Đã được giới thiệu (có lượt phát trong kỳ)' }) featured: number;
  @ApiProperty({ description: 'Chưa được giới thiệu trong kỳ' }) neverFeatured: number;
  @ApiProperty({ description: 'Số phóng sự viết về các điển hình này (mọi trạng thái)' }) reportages: number;
  @ApiProperty({ description: 'Lượt phát trong kỳ các phóng sự đó' }) airings: number;
}

export class ExemplarGroupView extends ExemplarFiguresView {
  @ApiProperty() level: string;
  @ApiProperty() levelLabel: string;
  @ApiProperty() kind: string;
  @ApiProperty() kindLabel: string;
  @ApiProperty({ nullable: true, type: Number }) fieldId: number | null;
  @ApiProperty() field: string;
  @ApiProperty() status: string;
  @ApiProperty() statusLabel: string;
}

export class ExemplarLineView {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() kind: string;
  @ApiProperty() level: string;
  @ApiProperty({ nullable: true, type: Number }) fieldId: number | null;
  @ApiProperty() field: string;
  @ApiProperty() status: string;
  @ApiProperty({ nullable: true, type: String }) place: string | null;
  @ApiProperty({ nullable: true, type: Number }) yearRegistered: number | null;
  @ApiProperty({ description: 'Phóng sự viết về điển hình (mọi trạng thái)' }) reportages: number;
  @ApiProperty({ description: 'Phóng sự đã phát trong kỳ' }) reportagesAired: number;
  @ApiProperty({ description: 'Lượt phát trong kỳ' }) airings: number;
}

export class ExemplarsReportView {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty() timeZone: string;
  @ApiProperty({ type: [ExemplarGroupView] }) groups: ExemplarGroupView[];
  @ApiProperty() total: ExemplarFiguresView;
  @ApiProperty({ type: [ExemplarLineView], description: 'Mọi điển hình, với số liệu của từng người/tập thể' })
  exemplars: ExemplarLineView[];
  @ApiProperty({ type: [ExemplarLineView], description: 'Điển hình chưa được giới thiệu trong kỳ' })
  neverFeatured: ExemplarLineView[];
}
