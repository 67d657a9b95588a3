import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { VersionedPatch } from '../../../database/crud.js';
import { Nfc, QueryBoolean } from '../../../common/dto.js';
import { PageQuery, sortValues } from '../../../common/pagination.js';

export class CreateFieldDto {
  @ApiProperty({ example: 'Xây dựng nông thôn mới' })
  @Nfc()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ description: 'Tạo tự động từ tên nếu bỏ trống', example: 'xay-dung-nong-thon-moi' })
  @IsOptional()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  @MaxLength(120)
  slug?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Nfc({ multiline: true })
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  sortOrder?: number;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateFieldDto extends VersionedPatch(CreateFieldDto) {}

export const FIELD_SORTS = ['sortOrder', 'name', 'createdAt'] as const;

export class ListFieldsQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ enum: sortValues(FIELD_SORTS), default: 'sortOrder' })
  @IsOptional()
  @IsIn(sortValues(FIELD_SORTS))
  sort?: string;
}

export class FieldView {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() slug: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty() sortOrder: number;
  @ApiProperty() active: boolean;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}
