import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Min } from 'class-validator';
import { DecimalInt, Nfc } from '../../common/dto.js';
import { ZonePeriodQuery } from '../../scheduling/dto/placement.dto.js';
import {
  AS_RUN_RESULTS,
  BULLETIN_PRIORITIES,
  type AsRunResult,
  type BulletinPriority,
} from '../playout.entities.js';

export class ListAsRunQuery extends ZonePeriodQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @DecimalInt()
  @IsInt()
  @Min(1)
  segmentId?: number;

  @ApiPropertyOptional({ enum: AS_RUN_RESULTS })
  @IsOptional()
  @IsIn(AS_RUN_RESULTS)
  result?: AsRunResult;
}

/** What an operator confirms or corrects. */
export class ConfirmAsRunDto {
  @ApiProperty({ enum: ['aired', 'partial', 'missed'] })
  @IsIn(['aired', 'partial', 'missed'])
  result: 'aired' | 'partial' | 'missed';

  @ApiPropertyOptional({ description: 'Số giây đã phát (khi phát dở dang)' })
  @IsOptional()
  @Type(() => Number)
  @Min(0)
  playedSeconds?: number;

  @ApiPropertyOptional({ description: 'Ghi chú của người vận hành' })
  @IsOptional()
  @Nfc({ multiline: true })
  @IsString()
  @Length(0, 2000)
  note?: string;

  @ApiProperty({ minimum: 1 })
  @DecimalInt()
  @IsInt()
  @Min(1)
  version: number;
}

export class CreateBulletinDto {
  @ApiProperty({ example: 'Thông báo khẩn về bão số 5' })
  @Nfc()
  @IsString()
  @Length(1, 300)
  title: string;

  @ApiProperty({
    enum: BULLETIN_PRIORITIES,
    description: 'normal: chờ lập lịch; priority: đầu khung giờ kế tiếp; emergency: ngắt và phát ngay',
  })
  @IsIn(BULLETIN_PRIORITIES)
  priority: BulletinPriority;

  @ApiProperty({ type: [Number], description: 'Các vùng phát (trong form: "1,2,3")' })
  @Transform(({ value }) =>
    typeof value === 'string'
      ? value.split(',').map((v) => Number(v.trim()))
      : Array.isArray(value)
        ? value.map(Number)
        : value,
  )
  @IsArray()
  @ArrayMinSize(1)
  @IsInt({ each: true })
  @Min(1, { each: true })
  zoneIds: number[];
}

export class AsRunView {
  @ApiProperty() id: number;
  @ApiProperty({ nullable: true, type: Number }) placementId: number | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Trạng thái hiện nay của lịch phát (rescheduled: đã xếp lại sau khi bỏ lỡ)',
  })
  placementStatus: string | null;
  @ApiProperty({ nullable: true, type: Number }) bulletinId: number | null;
  @ApiProperty() zoneId: number;
  @ApiProperty({ nullable: true, type: String }) zoneName: string | null;
  @ApiProperty({ nullable: true, type: Number }) reportageId: number | null;
  @ApiProperty({ nullable: true, type: String }) title: string | null;
  @ApiProperty({ nullable: true, type: Number }) segmentId: number | null;
  @ApiProperty({ nullable: true, type: Boolean }) isReair: boolean | null;
  @ApiProperty() scheduledAt: string;
  @ApiProperty({ nullable: true, type: String }) startedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) endedAt: string | null;
  @ApiProperty() playedSeconds: number;
  @ApiProperty({ enum: AS_RUN_RESULTS }) result: AsRunResult;
  @ApiProperty() driver: string;
  @ApiProperty({ nullable: true, type: String }) error: string | null;
  @ApiProperty({ nullable: true, type: Number }) interruptedBy: number | null;
  @ApiProperty({ nullable: true, type: Number }) confirmedBy: number | null;
  @ApiProperty({ nullable: true, type: String }) confirmedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty() version: number;
}
