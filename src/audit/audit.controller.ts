import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountsService } from '../accounts/accounts.service.js';
import { Roles } from '../accounts/roles.js';
import { PageOf, type Page } from '../common/pagination.js';
import { AuditService } from './audit.service.js';
import { AuditEntryView, ListAuditQuery } from './dto/audit.dto.js';

/** Read-only: the trail has no route that edits or deletes an entry. */
@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly accounts: AccountsService,
  ) {}

  @Get()
  @Roles('approver')
  @ApiOperation({ summary: 'Nhật ký thay đổi (lọc theo bản ghi, người, thời gian); mới nhất trước' })
  @ApiOkResponse({ type: PageOf(AuditEntryView) })
  async list(@Query() query: ListAuditQuery): Promise<Page<AuditEntryView>> {
    const page = await this.audit.list(query);
    const { byId } = await this.accounts.displayNames(
      page.items.flatMap((entry) => (entry.userId === null ? [] : [entry.userId])),
    );
    return {
      ...page,
      items: page.items.map((entry) => ({
        ...entry,
        displayName: entry.userId === null ? null : (byId.get(entry.userId) ?? null),
      })),
    };
  }
}
