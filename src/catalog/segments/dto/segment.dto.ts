import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
} from 'class-validator';
import { VersionedPatch } from '../../../common/crud.js';
import { Nfc, QueryBoolean } from '../../../common/dto.js';
import { PageQuery, sortValues } from '../../../common/pagination.js';

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

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Nfc()
  @IsString()
  @MaxLength(4000)
  description?: string | null;

  @ApiPropertyOptional({
    description: 'Thời lượng thường gặp: tối thiểu (giây)',
    nullable: true,
    example: 180,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(24 * 3600)
  minDurationSeconds?: number | null;

  @ApiPropertyOptional({ description: 'Thời lượng thường gặp: tối đa (giây)', nullable: true, example: 420 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(24 * 3600)
  maxDurationSeconds?: number | null;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
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
  @ApiProperty() version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}
