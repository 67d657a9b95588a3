import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Min } from 'class-validator';
import { DecimalInt, Nfc } from '../../common/dto.js';
import { AcceptedUploadView } from '../../media/dto/audio-asset.view.js';
import { ZonePeriodQuery } from '../../scheduling/dto/placement.dto.js';
import { DRIVER_KINDS, type DriverKind } from '../drivers/playout-driver.js';
import {
  AS_RUN_RESULTS,
  BULLETIN_PRIORITIES,
  BULLETIN_STATUSES,
  type AsRunResult,
  type BulletinPriority,
  type BulletinStatus,
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

/** A planned placement coming up on a zone. */
export class NextAiringView {
  @ApiProperty() placementId: number;
  @ApiProperty() reportageId: number;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, format: 'date-time' }) startsAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) endsAt: string;
}

/** GET /api/on-air, per active zone: what is on air, what awaits the operator, the next three. */
export class ZoneOnAirView {
  @ApiProperty() zoneId: number;
  @ApiProperty() zoneName: string;
  @ApiProperty({ enum: ['station', 'cluster'] }) kind: string;
  @ApiProperty({ nullable: true, type: Number }) parentId: number | null;
  @ApiProperty({ nullable: true, type: AsRunView }) onAir: AsRunView | null;
  @ApiProperty({ type: [AsRunView] }) awaitingConfirmation: AsRunView[];
  @ApiProperty({ type: [NextAiringView] }) next: NextAiringView[];
}

export class BulletinView {
  @ApiProperty() id: number;
  @ApiProperty() title: string;
  @ApiProperty({ enum: BULLETIN_PRIORITIES }) priority: BulletinPriority;
  @ApiProperty({ type: [Number] }) zoneIds: number[];
  @ApiProperty() audioAssetId: number;
  @ApiProperty({ enum: BULLETIN_STATUSES }) status: BulletinStatus;
  @ApiProperty({
    nullable: true,
    type: Date,
    description: 'Khi phát: ngay (khẩn) hoặc đầu khung giờ kế tiếp',
  })
  airAt: Date | null;
  @ApiProperty({ nullable: true, type: Number }) createdBy: number | null;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class AcceptedBulletinView extends BulletinView {
  @ApiProperty({ type: AcceptedUploadView }) audio: AcceptedUploadView;
}

/** A zone's playout settings as the API shows them: never the Icecast password, only whether one is set. */
export class PlayoutSettingsView {
  @ApiProperty({ enum: DRIVER_KINDS }) driver: DriverKind;
  @ApiProperty({ description: 'Quá số giây này sau giờ phát mà chưa bắt đầu được: bỏ lỡ' })
  graceSeconds: number;
  @ApiPropertyOptional({ description: 'icecast: máy chủ và mount' }) url?: string;
  @ApiPropertyOptional({ description: 'icecast: tài khoản nguồn' }) username?: string;
  @ApiPropertyOptional({ description: 'icecast: đã có mật khẩu nguồn' }) passwordSet?: boolean;
  @ApiPropertyOptional({ description: 'command: chương trình chạy trên máy của đài' }) command?: string;
  @ApiPropertyOptional({ type: [String], description: 'command: tham số; {file}, {title} được thay' })
  args?: string[];
  @ApiPropertyOptional({ description: 'command: dừng sau số giây này' }) timeoutSeconds?: number;
}

/** What PUT /api/zones/:id/playout takes (checked by zone-playout.ts): the password only to change it. */
export class PlayoutSettingsDto {
  @ApiProperty({ enum: DRIVER_KINDS }) driver: DriverKind;
  @ApiPropertyOptional({ minimum: 0, maximum: 3600, default: 60 }) graceSeconds?: number;
  @ApiPropertyOptional() url?: string;
  @ApiPropertyOptional() username?: string;
  @ApiPropertyOptional({ description: 'Bỏ trống: giữ mật khẩu đã lưu' }) password?: string;
  @ApiPropertyOptional() command?: string;
  @ApiPropertyOptional({ type: [String] }) args?: string[];
  @ApiPropertyOptional() timeoutSeconds?: number;
}
