import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { VersionedPatch, VersionedUpdate } from '../../../database/crud.js';
import { DecimalInt, IsCalendarDate, Nfc, NfcEach } from '../../../common/dto.js';
import { PageQuery, sortValues } from '../../../common/pagination.js';
import { RefView } from '../../exemplars/dto/exemplar.dto.js';
import { REPORTAGE_STATUSES, type ReportageStatus } from '../reportage.entity.js';
import { WORKFLOW_ACTIONS, type WorkflowAction } from '../reportage-workflow.js';

export class CreateReportageDto {
  @ApiProperty({ description: 'Chuyên mục', example: 1 })
  @IsInt()
  @Min(1)
  segmentId: number;

  @ApiProperty({ example: 'Những bông hoa trên đường quê Phước Hải' })
  @Nfc()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Nfc({ multiline: true })
  @IsString()
  @MaxLength(5000)
  summary?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Kịch bản / lời dẫn' })
  @IsOptional()
  @Nfc({ multiline: true })
  @IsString()
  @MaxLength(100000)
  script?: string | null;

  @ApiPropertyOptional({ type: [Number], description: 'Các điển hình mà phóng sự nói về' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  exemplarIds?: number[];

  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  fieldId?: number | null;

  @ApiPropertyOptional({ type: [Number], description: 'Địa bàn được nói tới' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  placeIds?: number[];

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Nguyễn Thị Lan' })
  @IsOptional()
  @Nfc()
  @IsString()
  @MaxLength(200)
  reporter?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2026-11-02',
    description: 'Ngày ghi âm (YYYY-MM-DD)',
  })
  @IsOptional()
  @IsCalendarDate()
  recordedOn?: string | null;

  @ApiPropertyOptional({ type: [String], example: ['05', 'nông thôn mới'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @NfcEach()
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  tags?: string[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Được phát từ ngày (YYYY-MM-DD, tính cả ngày này)',
  })
  @IsOptional()
  @IsCalendarDate()
  validFrom?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Được phát đến hết ngày (YYYY-MM-DD)' })
  @IsOptional()
  @IsCalendarDate()
  validUntil?: string | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Mức ưu tiên khi lập lịch: 1 là gấp nhất',
    example: 1,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(99)
  priority?: number | null;
}

export class UpdateReportageDto extends VersionedPatch(CreateReportageDto) {}

export class TransitionDto extends VersionedUpdate {
  @ApiPropertyOptional({ type: String, description: 'Lý do (bắt buộc khi từ chối)', nullable: true })
  @IsOptional()
  @Nfc({ multiline: true })
  @IsString()
  @MaxLength(2000)
  reason?: string | null;
}

export const REPORTAGE_SORTS = ['createdAt', 'updatedAt', 'title', 'recordedOn'] as const;

export class ListReportagesQuery extends PageQuery {
  @ApiPropertyOptional({
    description:
      'Tìm theo tiêu đề, tóm tắt, tên điển hình, mô hình, địa bàn; không phân biệt dấu và hoa thường',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @DecimalInt()
  @IsInt()
  @Min(1)
  segmentId?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @DecimalInt()
  @IsInt()
  @Min(1)
  exemplarId?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @DecimalInt()
  @IsInt()
  @Min(1)
  fieldId?: number;

  @ApiPropertyOptional({ description: 'Địa bàn, gồm cả các đơn vị trực thuộc' })
  @IsOptional()
  @DecimalInt()
  @IsInt()
  @Min(1)
  placeId?: number;

  @ApiPropertyOptional({ enum: REPORTAGE_STATUSES })
  @IsOptional()
  @IsIn(REPORTAGE_STATUSES)
  status?: ReportageStatus;

  @ApiPropertyOptional({ description: 'Tên phóng viên, đúng như đã nhập' })
  @IsOptional()
  @Nfc()
  @IsString()
  @MaxLength(200)
  reporter?: string;

  @ApiPropertyOptional({ description: 'Ghi âm từ ngày (YYYY-MM-DD)' })
  @IsOptional()
  @IsCalendarDate()
  recordedFrom?: string;

  @ApiPropertyOptional({ description: 'Ghi âm đến ngày (YYYY-MM-DD)' })
  @IsOptional()
  @IsCalendarDate()
  recordedTo?: string;

  @ApiPropertyOptional({ description: 'Tạo từ ngày (YYYY-MM-DD, giờ địa phương)' })
  @IsOptional()
  @IsCalendarDate()
  createdFrom?: string;

  @ApiPropertyOptional({ description: 'Tạo đến hết ngày (YYYY-MM-DD, giờ địa phương)' })
  @IsOptional()
  @IsCalendarDate()
  createdTo?: string;

  @ApiPropertyOptional({
    enum: sortValues(REPORTAGE_SORTS),
    description: 'Mặc định: -createdAt; khi có q: mức độ khớp',
  })
  @IsOptional()
  @IsIn(sortValues(REPORTAGE_SORTS))
  sort?: string;
}

export class CurrentAudioView {
  @ApiProperty() id: number;
  @ApiProperty({ enum: ['queued', 'processing', 'ready', 'failed', 'cancelled'] }) status: string;
}

export class ReportageView {
  @ApiProperty() id: number;
  @ApiProperty({ type: RefView }) segment: RefView;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) summary: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Chỉ có khi xem một phóng sự' })
  script?: string | null;
  @ApiProperty({ nullable: true, type: RefView }) field: RefView | null;
  @ApiProperty({ type: [RefView] }) exemplars: RefView[];
  @ApiProperty({ type: [RefView] }) places: RefView[];
  @ApiProperty({ nullable: true, type: String }) reporter: string | null;
  @ApiProperty({ nullable: true, type: String }) recordedOn: string | null;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ nullable: true, type: String }) validFrom: string | null;
  @ApiProperty({ nullable: true, type: String }) validUntil: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Mức ưu tiên khi lập lịch (1 là gấp nhất)' })
  priority: number | null;
  @ApiProperty({ enum: REPORTAGE_STATUSES }) status: ReportageStatus;
  @ApiProperty({ nullable: true, type: Number, description: 'Thời lượng bản phát sóng (giây)' })
  durationSeconds: number | null;
  @ApiProperty({
    nullable: true,
    type: CurrentAudioView,
    description: 'Bản âm thanh đang dùng và trạng thái xử lý',
  })
  currentAudio: CurrentAudioView | null;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class StatusChangeView {
  @ApiProperty() id: number;
  @ApiProperty({ enum: [...WORKFLOW_ACTIONS, 'create', 'import', 'reopen'] })
  action: WorkflowAction | 'create' | 'import' | 'reopen';

  @ApiProperty({ enum: REPORTAGE_STATUSES, nullable: true }) fromStatus: ReportageStatus | null;
  @ApiProperty({ enum: REPORTAGE_STATUSES }) toStatus: ReportageStatus;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ nullable: true, type: String }) actor: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Họ tên người thực hiện (tên đăng nhập nếu không rõ)',
  })
  actorName: string | null;
  @ApiProperty() createdAt: Date;
}
