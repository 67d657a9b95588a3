import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CalendarTokenService } from '../accounts/calendar-token.service.js';
import { Public, Roles } from '../accounts/roles.js';
import { IdParam } from '../common/id.pipe.js';
import { PageOf } from '../common/pagination.js';
import { publicBaseUrl } from '../common/public-url.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { FeedQuery, RundownQuery } from './dto/placement.dto.js';
import { RundownView } from './dto/schedule.views.js';
import { CreateZoneDto, ListZonesQuery, UpdateZoneDto, ZoneView } from './dto/zone.dto.js';
import { renderRundownHtml, rundownM3u } from './rundown-html.js';
import { ScheduleReadService } from './schedule-read.service.js';
import { ZonesService } from './zones.service.js';

/** Zones (vùng phát) and what each one plays: calendar feed and daily rundown. */
@ApiTags('zones')
@Controller('zones')
export class ZonesController {
  constructor(
    private readonly zones: ZonesService,
    private readonly schedule: ScheduleReadService,
    private readonly tokens: CalendarTokenService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Danh sách vùng phát (đài xã, cụm loa)' })
  @ApiOkResponse({ type: PageOf(ZoneView) })
  list(@Query() query: ListZonesQuery) {
    return this.zones.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Một vùng phát' })
  @ApiOkResponse({ type: ZoneView })
  get(@Param('id', IdParam) id: number) {
    return this.zones.get(id);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Thêm đài truyền thanh xã hoặc cụm loa' })
  @ApiCreatedResponse({ type: ZoneView })
  create(@Body() dto: CreateZoneDto) {
    return this.zones.create(dto);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Sửa vùng phát (gửi kèm version đã đọc)' })
  @ApiOkResponse({ type: ZoneView })
  update(@Param('id', IdParam) id: number, @Body() dto: UpdateZoneDto) {
    return this.zones.update(id, dto);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Xoá vùng phát (409 khi còn cụm loa, khung giờ hoặc lịch phát)' })
  @ApiNoContentResponse()
  remove(@Param('id', IdParam) id: number) {
    return this.zones.remove(id);
  }

  @Get(':id/schedule.ics')
  @Public()
  @ApiProduces('text/calendar')
  @ApiOperation({
    summary: 'Lịch phát dạng iCalendar cho ứng dụng lịch (cần ?token= mã lịch riêng, không cần đăng nhập)',
  })
  async icalendar(
    @Param('id', IdParam) id: number,
    @Query() query: FeedQuery,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    await this.tokens.verify(query.token);
    const host = new URL(this.baseUrl(req)).hostname;
    const ics = await this.schedule.icalendar(id, host, query);
    res.type('text/calendar; charset=utf-8').setHeader('Cache-Control', 'private, max-age=300').send(ics);
  }

  @Get(':id/rundown')
  @ApiOperation({ summary: 'Kịch bản phát sóng một ngày của vùng (JSON)' })
  @ApiOkResponse({ type: RundownView })
  rundown(@Param('id', IdParam) id: number, @Query() query: RundownQuery) {
    return this.schedule.rundown(id, query.date);
  }

  @Get(':id/rundown.html')
  @ApiProduces('text/html')
  @ApiOperation({ summary: 'Kịch bản phát sóng một ngày, trang in được' })
  async rundownHtml(@Param('id', IdParam) id: number, @Query() query: RundownQuery, @Res() res: Response) {
    res
      .type('text/html; charset=utf-8')
      .send(renderRundownHtml(await this.schedule.rundown(id, query.date), this.config.centreName));
  }

  @Get(':id/rundown.m3u')
  @ApiProduces('audio/x-mpegurl')
  @ApiOperation({ summary: 'Danh sách phát M3U các tệp phát sóng trong ngày' })
  async rundownM3u(
    @Param('id', IdParam) id: number,
    @Query() query: RundownQuery,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const rundown = await this.schedule.rundown(id, query.date);
    res
      .type('audio/x-mpegurl; charset=utf-8')
      .setHeader('Content-Disposition', `inline; filename="rundown-${id}-${query.date}.m3u"`)
      .send(rundownM3u(rundown, this.baseUrl(req)));
  }

  private baseUrl(req: Request): string {
    return publicBaseUrl(this.config.scheduling.publicBaseUrl, req);
  }
}
