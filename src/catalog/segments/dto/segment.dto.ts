import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { VersionedPatch } from '../../../database/crud.js';
import { Nfc, QueryBoolean } from '../../../common/dto.js';
import { PageQuery, sortValues } from '../../../common/pagination.js';

/** Planner rules of a segment; omitted rules take their defaults. */
export class PlanningRulesDto {
  @ApiPropertyOptional({ description: 'Số lần phát tối đa tại mỗi vùng (kể cả lần đầu)', default: 2 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  maxAirings?: number;

  @ApiPropertyOptional({ description: 'Số ngày tối thiểu giữa hai lần phát tại một vùng', default: 7 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(366)
  minDaysBetween?: number;

  @ApiPropertyOptional({ description: 'Ưu tiên bài chưa phát trước bài phát lại', default: true })
  @IsOptional()
  @IsBoolean()
  firstAiringsFirst?: boolean;

  @ApiPropertyOptional({ description: 'Tránh hai bài cùng lĩnh vực liền nhau', default: true })
  @IsOptional()
  @IsBoolean()
  spreadFields?: boolean;

  @ApiPropertyOptional({ description: 'Tránh hai bài cùng địa bàn liền nhau', default: true })
  @IsOptional()
  @IsBoolean()
  spreadPlaces?: boolean;
}

export class PlanningRulesView {
  @ApiProperty() maxAirings: number;
  @ApiProperty() minDaysBetween: number;
  @ApiProperty() firstAiringsFirst: boolean;
  @ApiProperty() spreadFields: boolean;
  @ApiProperty() spreadPlaces: boolean;
}

export class CreateSegmentDto {
  @ApiProperty({ example: 'Hoa giữa đời thường' })
  @Nfc()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ description: 'Tạo tự động từ tên nếu bỏ trống', example: 'hoa-giua-doi-thuong' })
  @IsOptional()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  @MaxLength(120)
  slug?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Nfc({ multiline: true })
  @IsString()
  @MaxLength(4000)
  description?: string | null;

  @ApiPropertyOptional({
    type: Number,
    description: 'Thời lượng thường gặp: tối thiểu (giây)',
    nullable: true,
    example: 180,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(24 * 3600)
  minDurationSeconds?: number | null;

  @ApiPropertyOptional({
    type: Number,
    description: 'Thời lượng thường gặp: tối đa (giây)',
    nullable: true,
    example: 420,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(24 * 3600)
  maxDurationSeconds?: number | null;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ type: PlanningRulesDto, description: 'Quy tắc lập lịch tự động' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PlanningRulesDto)
  planning?: PlanningRulesDto;
}

export class UpdateSegmentDto extends VersionedPatch(CreateSegmentDto) {}

export const SEGMENT_SORTS = ['name', 'createdAt'] as const;

export class ListSegmentsQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ enum: sortValues(SEGMENT_SORTS), default: 'name' })
  @IsOptional()
  @IsIn(sortValues(SEGMENT_SORTS))
  sort?: string;
}

export class SegmentView {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() slug: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ nullable: true, type: Number }) minDurationSeconds: number | null;
  @ApiProperty({ nullable: true, type: Number }) maxDurationSeconds: number | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ nullable: true, type: Number, description: 'Nhạc hiệu đầu (tệp âm thanh)' }) introAudioId:
    number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Nhạc hiệu cuối (tệp âm thanh)' }) outroAudioId:
    number | null;
  @ApiProperty({ type: PlanningRulesView }) planning: PlanningRulesView;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}
