import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../accounts/roles.js';
import { PageOf } from '../common/pagination.js';
import { AuditService } from './audit.service.js';
import { AuditEntryView, ListAuditQuery } from './dto/audit.dto.js';

/** Read-only: the trail has no route that edits or deletes an entry. */
@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('approver')
  @ApiOperation({ summary: 'Nhật ký thay đổi (lọc theo bản ghi, người, thời gian); mới nhất trước' })
  @ApiOkResponse({ type: PageOf(AuditEntryView) })
  list(@Query() query: ListAuditQuery) {
    return this.audit.list(query);
  }
}
