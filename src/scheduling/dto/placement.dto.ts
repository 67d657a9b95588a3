import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { VersionedUpdate } from '../../database/crud.js';
import { DecimalInt, IsCalendarDate, Nfc } from '../../common/dto.js';
import { MAX_PAGE, PageQuery } from '../../common/pagination.js';

const INSTANT = 'Thời điểm ISO 8601 có múi giờ, ví dụ 2026-12-01T17:10:00+07:00';

export class CreatePlacementDto {
  @ApiProperty({ example: 12 })
  @IsInt()
  @Min(1)
  reportageId: number;

  @ApiProperty({ example: 1, description: 'Vùng phát: đài (phủ mọi cụm loa của đài) hoặc một cụm loa' })
  @IsInt()
  @Min(1)
  zoneId: number;

  @ApiProperty({ example: '2026-12-01T17:10:00+07:00', description: INSTANT })
  @IsISO8601({ strict: true })
  startsAt: string;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Ô chuyên mục; bỏ trống: bất kỳ khung giờ nào của vùng',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  allocationId?: number | null;
}

export class MovePlacementDto extends VersionedUpdate {
  @ApiPropertyOptional({ description: INSTANT })
  @IsOptional()
  @IsISO8601({ strict: true })
  startsAt?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  zoneId?: number;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'null: bỏ gắn với ô chuyên mục' })
  @IsOptional()
  @IsInt()
  @Min(1)
  allocationId?: number | null;
}

export class CancelPlacementDto {
  @ApiProperty({ example: 'Đài mất điện cả buổi chiều' })
  @Nfc({ multiline: true })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;

  @ApiPropertyOptional({ description: 'Phiên bản đã đọc; bỏ trống: không kiểm tra' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

/** A page of things that happen in zones: a local period and one zone (placements, the as-run log). */
export class ZonePeriodQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Từ ngày (YYYY-MM-DD, giờ địa phương)' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Đến hết ngày (YYYY-MM-DD)' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @DecimalInt()
  @IsInt()
  @Min(1)
  zoneId?: number;
}

export class ListPlacementsQuery extends ZonePeriodQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @DecimalInt()
  @IsInt()
  @Min(1)
  reportageId?: number;

  @ApiPropertyOptional({ example: 'planned', description: 'planned, cancelled …' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  status?: string;
}

export class RefView {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
}

export class PlacementView {
  @ApiProperty() id: number;
  @ApiProperty({ type: RefView }) zone: RefView;
  @ApiProperty() reportageId: number;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) reporter: string | null;
  @ApiProperty() segmentId: number;
  @ApiProperty({ nullable: true, type: Number }) allocationId: number | null;
  @ApiProperty() startsAt: Date;
  @ApiProperty() endsAt: Date;
  @ApiProperty() durationSeconds: number;
  @ApiProperty({ example: 'planned' }) status: string;
  @ApiProperty({ description: 'Phát lại (không phải lần phát đầu tại vùng này)' }) isReair: boolean;
  @ApiProperty({ nullable: true, type: Number }) firstAiringId: number | null;
  @ApiProperty({ nullable: true, type: Number }) planId: number | null;
  @ApiProperty({ nullable: true, type: String }) cancelReason: string | null;
  @ApiProperty({ nullable: true, type: Date }) cancelledAt: Date | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Bản âm thanh hiện tại của phóng sự' })
  audioAssetId: number | null;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class CreatePlanDto {
  @ApiProperty({ example: '2026-12-01', description: 'Từ ngày (giờ địa phương)' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ example: '2026-12-31', description: 'Đến hết ngày' })
  @IsCalendarDate()
  to: string;

  @ApiPropertyOptional({ type: [Number], description: 'Các vùng phát; bỏ trống: mọi vùng đang hoạt động' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  zoneIds?: number[];

  @ApiPropertyOptional({ description: 'Chỉ lập cho một chuyên mục' })
  @IsOptional()
  @IsInt()
  @Min(1)
  segmentId?: number;
}

/** Items of a plan per page: a year's plan for 50 stations has 36,500. */
export const PLAN_PAGE_SIZE = 500;

export class PlanPageQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @DecimalInt()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 5000, default: PLAN_PAGE_SIZE })
  @IsOptional()
  @DecimalInt()
  @IsInt()
  @Min(1)
  @Max(5000)
  pageSize: number = PLAN_PAGE_SIZE;
}

export class PeriodQuery {
  @ApiProperty({ example: '2026-12-01', description: 'Từ ngày (YYYY-MM-DD, giờ địa phương)' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ example: '2026-12-07', description: 'Đến hết ngày' })
  @IsCalendarDate()
  to: string;

  @ApiPropertyOptional({ description: 'Một vùng phát (gồm vùng trên và dưới nó)' })
  @IsOptional()
  @DecimalInt()
  @IsInt()
  @Min(1)
  zoneId?: number;
}

export class WarningsQuery {
  @ApiPropertyOptional({ default: 48, description: 'Xét bao nhiêu giờ tới' })
  @IsOptional()
  @DecimalInt()
  @IsInt()
  @Min(1)
  @Max(24 * 31)
  hours: number = 48;
}

export class RundownQuery {
  @ApiProperty({ example: '2026-12-01' })
  @IsCalendarDate()
  date: string;
}

export class FeedQuery {
  @ApiProperty({ description: 'Mã lịch riêng (POST /api/me/calendar-token)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  token?: string;

  @ApiPropertyOptional({ description: 'Từ ngày (mặc định: 7 ngày trước)' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Đến hết ngày (mặc định: 92 ngày tới)' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}
