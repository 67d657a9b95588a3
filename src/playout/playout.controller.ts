import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Put,
  Query,
  UseInterceptors,
} from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../accounts/roles.js';
import { AuditService } from '../audit/audit.service.js';
import { ApiFileField } from '../common/dto.js';
import { IdParam } from '../common/id.pipe.js';
import { notFound } from '../common/errors.js';
import { PageOf } from '../common/pagination.js';
import { Database } from '../database/database.service.js';
import {
  AudioUploadInterceptor,
  ReceivedUpload,
  type ReceivedFile,
} from '../media/upload/audio-upload.interceptor.js';
import { ZonePlayoutRepository } from '../scheduling/zone-playout.repository.js';
import { AsRunService } from './as-run.service.js';
import { BulletinsService } from './bulletins.service.js';
import { publicSettings } from './drivers/playout-driver.js';
import {
  AcceptedBulletinView,
  AsRunView,
  BulletinView,
  ConfirmAsRunDto,
  CreateBulletinDto,
  ListAsRunQuery,
  PlayoutSettingsDto,
  PlayoutSettingsView,
  ZoneOnAirView,
} from './dto/playout.dto.js';
import { checkPlayout, zonePlayout } from './zone-playout.js';

@ApiTags('playout')
@Controller()
export class PlayoutController {
  constructor(
    private readonly asRun: AsRunService,
    private readonly bulletins: BulletinsService,
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly zonePlayouts: ZonePlayoutRepository,
  ) {}

  @Get('as-run')
  @ApiOperation({
    summary:
      'Nhật ký phát (as-run): đã phát, phát dở, bỏ lỡ, lỗi; lọc theo thời gian, vùng, chuyên mục, kết quả',
  })
  @ApiOkResponse({ type: PageOf(AsRunView) })
  list(@Query() query: ListAsRunQuery) {
    return this.asRun.list(query);
  }

  @Get('as-run/:id')
  @ApiOperation({ summary: 'Một mục nhật ký phát' })
  @ApiOkResponse({ type: AsRunView })
  get(@Param('id', IdParam) id: number) {
    return this.asRun.get(id);
  }

  @Patch('as-run/:id')
  @Roles('operator')
  @ApiOperation({ summary: 'Xác nhận hoặc sửa kết quả phát (người vận hành; ghi vào nhật ký thay đổi)' })
  @ApiOkResponse({ type: AsRunView })
  confirm(@Param('id', IdParam) id: number, @Body() dto: ConfirmAsRunDto) {
    return this.asRun.confirm(id, dto);
  }

  @Get('on-air')
  @ApiOperation({ summary: 'Đang phát và sắp phát, theo từng vùng' })
  @ApiOkResponse({ type: [ZoneOnAirView] })
  onAir() {
    return this.asRun.onAir();
  }

  @Post('bulletins')
  @Roles('operator', 'scheduler')
  @HttpCode(HttpStatus.ACCEPTED)
  @UseInterceptors(AudioUploadInterceptor)
  @ApiOperation({
    summary:
      'Bản tin khẩn (emergency: ngắt và phát ngay), ưu tiên (đầu khung giờ kế tiếp) hoặc thường (chờ lập lịch)',
  })
  @ApiFileField()
  @ApiAcceptedResponse({ type: AcceptedBulletinView })
  createBulletin(@ReceivedUpload() file: ReceivedFile, @Body() dto: CreateBulletinDto) {
    return this.bulletins.create(file, dto);
  }

  @Get('bulletins')
  @ApiOperation({ summary: 'Các bản tin gần đây' })
  @ApiOkResponse({ type: [BulletinView] })
  listBulletins() {
    return this.bulletins.list();
  }

  @Get('bulletins/:id')
  @ApiOperation({ summary: 'Một bản tin' })
  @ApiOkResponse({ type: BulletinView })
  getBulletin(@Param('id', IdParam) id: number) {
    return this.bulletins.get(id);
  }

  @Get('zones/:id/playout')
  @ApiOperation({ summary: 'Cách phát của vùng (không bao giờ trả mật khẩu)' })
  @ApiOkResponse({ type: PlayoutSettingsView })
  async getPlayout(@Param('id', IdParam) id: number) {
    const stored = await this.zonePlayouts.settingsOf(id);
    if (stored === undefined) throw notFound('vùng phát', id);
    const { settings, graceSeconds } = zonePlayout(stored);
    return { ...publicSettings(settings), graceSeconds };
  }

  @Put('zones/:id/playout')
  @Roles('admin')
  @ApiOperation({ summary: 'Đặt cách phát của vùng: icecast, command (lệnh trên máy của đài) hoặc manual' })
  @ApiBody({ type: PlayoutSettingsDto })
  @ApiOkResponse({ type: PlayoutSettingsView })
  async setPlayout(@Param('id', IdParam) id: number, @Body() body: Record<string, unknown>) {
    await this.db.transaction(async (m) => {
      const stored = await this.zonePlayouts.settingsOf(id, m);
      if (stored === undefined) throw notFound('vùng phát', id);
      const next = checkPlayout(body, stored);
      const masked = (v: Record<string, unknown>) => publicSettings(zonePlayout(v).settings);
      await this.audit.record(m, {
        action: 'set_playout',
        entity: 'zone',
        entityId: id,
        before: { playout: masked(stored) },
        after: { playout: masked(next) },
      });
      await this.zonePlayouts.setSettings(m, id, next);
    });
    return this.getPlayout(id);
  }
}
