import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { VersionedPatch } from '../../database/crud.js';
import { IsCalendarDate, Nfc } from '../../common/dto.js';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const HH_MM_MESSAGE = '$property must be a local time HH:mm (e.g. 17:10)';

export class CreateWindowDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Buổi chiều' })
  @IsOptional()
  @Nfc()
  @IsString()
  @MaxLength(200)
  name?: string | null;

  @ApiProperty({ example: '17:00', description: 'Giờ bắt đầu theo giờ địa phương của vùng (HH:mm)' })
  @Matches(HH_MM, { message: HH_MM_MESSAGE })
  startTime: string;

  @ApiProperty({
    example: '17:30',
    description: 'Giờ kết thúc; sớm hơn hoặc bằng giờ bắt đầu là sang ngày hôm sau',
  })
  @Matches(HH_MM, { message: HH_MM_MESSAGE })
  endTime: string;

  @ApiProperty({ example: '2026-12-01', description: 'Ngày bắt đầu áp dụng' })
  @IsCalendarDate()
  startDate: string;

  @ApiPropertyOptional({
    default: 'FREQ=DAILY',
    example: 'FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20271231',
    description: 'RRULE (RFC 5545): FREQ=DAILY|WEEKLY, INTERVAL, BYDAY, COUNT, UNTIL',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  rrule?: string;

  @ApiPropertyOptional({ type: [String], example: ['2027-01-01'], description: 'Ngày nghỉ (không phát)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsCalendarDate({ each: true })
  exceptDates?: string[];

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateWindowDto extends VersionedPatch(CreateWindowDto) {}

export class WindowView {
  @ApiProperty() id: number;
  @ApiProperty() zoneId: number;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty() startTime: string;
  @ApiProperty() endTime: string;
  @ApiProperty() startDate: string;
  @ApiProperty() rrule: string;
  @ApiProperty({ type: [String] }) exceptDates: string[];
  @ApiProperty() active: boolean;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class CreateAllocationDto {
  @ApiProperty({ description: 'Chuyên mục', example: 1 })
  @IsInt()
  @Min(1)
  segmentId: number;

  @ApiProperty({ example: '17:10', description: 'Giờ bắt đầu của ô, trong khung giờ (HH:mm)' })
  @Matches(HH_MM, { message: HH_MM_MESSAGE })
  time: string;

  @ApiProperty({ example: 600, description: 'Thời lượng tối đa (giây)' })
  @IsInt()
  @Min(1)
  @Max(86_400)
  maxSeconds: number;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'FREQ=WEEKLY;BYDAY=TU,FR',
    description: 'Những ngày ô được dùng; bỏ trống: mọi buổi của khung giờ',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  rrule?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Ngày bắt đầu của rrule; mặc định ngày của khung giờ',
  })
  @IsOptional()
  @IsCalendarDate()
  startDate?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsCalendarDate({ each: true })
  exceptDates?: string[];
}

export class UpdateAllocationDto extends VersionedPatch(CreateAllocationDto) {}

export class AllocationView {
  @ApiProperty() id: number;
  @ApiProperty() windowId: number;
  @ApiProperty() segmentId: number;
  @ApiProperty() time: string;
  @ApiProperty() maxSeconds: number;
  @ApiProperty({ nullable: true, type: String }) rrule: string | null;
  @ApiProperty({ nullable: true, type: String }) startDate: string | null;
  @ApiProperty({ type: [String] }) exceptDates: string[];
  @ApiProperty() version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}
