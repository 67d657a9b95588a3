import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../accounts/roles.js';
import { IdParam } from '../common/id.pipe.js';
import { PageOf } from '../common/pagination.js';
import {
  CancelPlacementDto,
  CreatePlacementDto,
  CreatePlanDto,
  ListPlacementsQuery,
  MovePlacementDto,
  PeriodQuery,
  PlacementView,
  PlanPageQuery,
  WarningsQuery,
} from './dto/placement.dto.js';
import { PlacementsService } from './placements.service.js';
import { PlansService } from './plans.service.js';
import { ScheduleReadService } from './schedule-read.service.js';
import { PlanView, ScheduleView, ScheduleWarningsView } from './dto/schedule.views.js';

/** Placements (lịch phát), the planner's proposals, and reading the schedule. Schedulers write. */
@ApiTags('schedule')
@Controller()
export class PlacementsController {
  constructor(
    private readonly placements: PlacementsService,
    private readonly plans: PlansService,
    private readonly schedule: ScheduleReadService,
  ) {}

  @Post('placements')
  @Roles('scheduler')
  @ApiOperation({ summary: 'Xếp lịch phát một phóng sự (409 khi trùng giờ, 422 khi sai quy tắc)' })
  @ApiCreatedResponse({ type: PlacementView })
  create(@Body() dto: CreatePlacementDto) {
    return this.placements.create(dto);
  }

  @Get('placements')
  @ApiOperation({ summary: 'Danh sách lịch phát theo thời gian, vùng, trạng thái' })
  @ApiOkResponse({ type: PageOf(PlacementView) })
  list(@Query() query: ListPlacementsQuery) {
    return this.placements.list(query);
  }

  @Get('placements/:id')
  @ApiOperation({ summary: 'Một lịch phát' })
  @ApiOkResponse({ type: PlacementView })
  get(@Param('id', IdParam) id: number) {
    return this.placements.get(id);
  }

  @Patch('placements/:id')
  @Roles('scheduler')
  @ApiOperation({
    summary: 'Dời lịch phát sang giờ hoặc vùng khác (gửi kèm version; kiểm tra lại mọi quy tắc)',
  })
  @ApiOkResponse({ type: PlacementView })
  move(@Param('id', IdParam) id: number, @Body() dto: MovePlacementDto) {
    return this.placements.move(id, dto);
  }

  @Post('placements/:id/cancel')
  @Roles('scheduler')
  @HttpCode(200)
  @ApiOperation({ summary: 'Huỷ lịch phát (kèm lý do; ghi vào nhật ký)' })
  @ApiOkResponse({ type: PlacementView })
  cancel(@Param('id', IdParam) id: number, @Body() dto: CancelPlacementDto) {
    return this.placements.cancel(id, dto);
  }

  @Post('placements/:id/reschedule')
  @Roles('operator', 'scheduler')
  @ApiOperation({
    summary:
      'Xếp lại lịch bị bỏ lỡ vào ô chuyên mục trống kế tiếp của vùng (201 kèm lịch mới; 422 NO_FREE_SLOT khi không còn ô)',
  })
  @ApiCreatedResponse({ type: PlacementView })
  reschedule(@Param('id', IdParam) id: number) {
    return this.placements.reschedule(id);
  }

  @Post('plans')
  @Roles('scheduler')
  @ApiOperation({ summary: 'Lập phương án lịch tự động cho một khoảng ngày (kèm lý do cho từng mục)' })
  @ApiCreatedResponse({ type: PlanView })
  propose(@Body() dto: CreatePlanDto) {
    return this.plans.propose(dto);
  }

  @Get('plans/:id')
  @ApiOperation({ summary: 'Một phương án lịch, theo trang (page, pageSize: mặc định 500 mục)' })
  @ApiOkResponse({ type: PlanView })
  getPlan(@Param('id', IdParam) id: number, @Query() query: PlanPageQuery) {
    return this.plans.get(id, query);
  }

  @Post('plans/:id/apply')
  @Roles('scheduler')
  @HttpCode(200)
  @ApiOperation({ summary: 'Áp dụng phương án: tất cả hoặc không (409 nếu lịch đã thay đổi)' })
  @ApiOkResponse({ type: PlanView })
  apply(@Param('id', IdParam) id: number) {
    return this.plans.apply(id);
  }

  @Get('schedule')
  @ApiOperation({ summary: 'Lịch của một khoảng ngày: khung giờ, ô chuyên mục, lịch phát' })
  @ApiOkResponse({ type: ScheduleView })
  read(@Query() query: PeriodQuery) {
    return this.schedule.schedule(query);
  }

  @Get('schedule/warnings')
  @ApiOperation({ summary: 'Cảnh báo trước giờ phát: ô trống, bài hết duyệt, mất âm thanh, hết hiệu lực' })
  @ApiOkResponse({ type: ScheduleWarningsView })
  warnings(@Query() query: WarningsQuery) {
    return this.schedule.warnings(query.hours);
  }
}
