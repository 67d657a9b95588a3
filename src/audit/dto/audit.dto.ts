import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Min } from 'class-validator';
import { DecimalInt, IsCalendarDate } from '../../common/dto.js';
import { PageQuery } from '../../common/pagination.js';
import { AUDITED_ENTITIES } from '../audit.service.js';

export class ListAuditQuery extends PageQuery {
  @ApiPropertyOptional({ enum: AUDITED_ENTITIES, description: 'Loại bản ghi' })
  @IsOptional()
  @IsIn(AUDITED_ENTITIES)
  entity?: string;

  @ApiPropertyOptional({ description: 'Mã bản ghi (dùng cùng entity)' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  entityId?: string;

  @ApiPropertyOptional({ description: 'Mã tài khoản đã thực hiện' })
  @IsOptional()
  @DecimalInt()
  @IsInt()
  @Min(1)
  userId?: number;

  @ApiPropertyOptional({ description: 'Hành động, ví dụ update, approve' })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  action?: string;

  @ApiPropertyOptional({ description: 'Từ ngày (YYYY-MM-DD, giờ địa phương)' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Đến hết ngày (YYYY-MM-DD, giờ địa phương)' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

export class AuditEntryView {
  @ApiProperty() id: number;
  @ApiProperty({ type: String, format: 'date-time' }) at: string;
  @ApiProperty({ nullable: true, type: Number }) userId: number | null;
  @ApiProperty({ nullable: true, type: String }) username: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Họ tên hiện tại của người thực hiện (null: hệ thống, hoặc tài khoản không còn)',
  })
  displayName: string | null;
  @ApiProperty() action: string;
  @ApiProperty() entity: string;
  @ApiProperty({ nullable: true, type: String }) entityId: string | null;
  @ApiProperty({
    description: 'Các trường thay đổi: { tên trường: { from, to } }',
    type: 'object',
    additionalProperties: { type: 'object', properties: { from: {}, to: {} } },
  })
  changes: Record<string, { from?: unknown; to?: unknown }>;
  @ApiProperty({ nullable: true, type: String }) requestId: string | null;
}
