import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { VersionedPatch } from '../../database/crud.js';
import { DecimalInt, Nfc, QueryBoolean } from '../../common/dto.js';
import { PageQuery } from '../../common/pagination.js';
import { ZONE_KINDS, type ZoneKind } from '../scheduling.entities.js';

export class CreateZoneDto {
  @ApiProperty({ example: 'Đài truyền thanh xã Long Tân' })
  @Nfc()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: ZONE_KINDS, description: 'station: đài xã; cluster: cụm loa thuộc một đài' })
  @IsIn(ZONE_KINDS)
  kind: ZoneKind;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Đài mà cụm loa thuộc về (bắt buộc với cụm loa)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  parentId?: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Địa bàn (xã, thôn…) của danh mục; bắt buộc với đài',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  placeId?: number | null;

  @ApiPropertyOptional({ default: 'Asia/Ho_Chi_Minh', description: 'Múi giờ IANA' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateZoneDto extends VersionedPatch(CreateZoneDto) {}

export class ListZonesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ZONE_KINDS })
  @IsOptional()
  @IsIn(ZONE_KINDS)
  kind?: ZoneKind;

  @ApiPropertyOptional()
  @IsOptional()
  @DecimalInt()
  @IsInt()
  @Min(1)
  parentId?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @DecimalInt()
  @IsInt()
  @Min(1)
  placeId?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  active?: boolean;
}

export class ZoneView {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ZONE_KINDS }) kind: ZoneKind;
  @ApiProperty({ nullable: true, type: Number }) parentId: number | null;
  @ApiProperty({ nullable: true, type: Number }) placeId: number | null;
  @ApiProperty() timeZone: string;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: 'object', additionalProperties: true }) playout: Record<string, unknown>;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}
