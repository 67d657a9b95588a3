import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { VersionedPatch } from '../../../database/crud.js';
import { PageQuery, sortValues } from '../../../common/pagination.js';
import { DecimalInt, Nfc } from '../../../common/dto.js';
import { PLACE_LEVELS, type PlaceLevel } from '../place.entity.js';

export class CreatePlaceDto {
  @ApiProperty({ example: 'Phước Hải' })
  @Nfc()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: PLACE_LEVELS, description: 'province → (district, legacy) → commune → village' })
  @IsIn(PLACE_LEVELS)
  level: PlaceLevel;

  @ApiPropertyOptional({ type: String, description: 'Mã đơn vị hành chính', nullable: true })
  @IsOptional()
  @Nfc()
  @IsString()
  @MaxLength(32)
  code?: string | null;

  @ApiPropertyOptional({ type: Number, description: 'Đơn vị cấp trên (bỏ trống với tỉnh)', nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  parentId?: number | null;
}

export class UpdatePlaceDto extends VersionedPatch(CreatePlaceDto) {}

export const PLACE_SORTS = ['name', 'createdAt'] as const;

export class ListPlacesQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Tìm theo tên, không phân biệt dấu và hoa thường' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: PLACE_LEVELS })
  @IsOptional()
  @IsIn(PLACE_LEVELS)
  level?: PlaceLevel;

  @ApiPropertyOptional({ description: 'Chỉ các đơn vị trực thuộc đơn vị này' })
  @IsOptional()
  @DecimalInt()
  @IsInt()
  @Min(1)
  parentId?: number;

  @ApiPropertyOptional({ enum: sortValues(PLACE_SORTS), default: 'name' })
  @IsOptional()
  @IsIn(sortValues(PLACE_SORTS))
  sort?: string;
}

export class PlaceTreeQuery {
  @ApiPropertyOptional({ description: 'Gốc của cây; bỏ trống để lấy mọi tỉnh' })
  @IsOptional()
  @DecimalInt()
  @IsInt()
  @Min(1)
  rootId?: number;
}

export class PlaceView {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ enum: PLACE_LEVELS }) level: PlaceLevel;
  @ApiProperty({ nullable: true, type: String }) code: string | null;
  @ApiProperty({ nullable: true, type: Number }) parentId: number | null;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class PlaceNode extends PlaceView {
  @ApiProperty({ type: () => [PlaceNode] }) children: PlaceNode[];
}
