import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../accounts/roles.js';
import { IdParam } from '../common/id.pipe.js';
import {
  AllocationView,
  CreateAllocationDto,
  CreateWindowDto,
  UpdateAllocationDto,
  UpdateWindowDto,
  WindowView,
} from './dto/grid.dto.js';
import { GridService } from './grid.service.js';

/** The program grid (lịch khung): broadcast windows and segment allocations. Admins and schedulers write. */
@ApiTags('program grid')
@Controller()
export class GridController {
  constructor(private readonly grid: GridService) {}

  @Get('zones/:id/windows')
  @ApiOperation({ summary: 'Các khung giờ phát của một vùng' })
  @ApiOkResponse({ type: [WindowView] })
  listWindows(@Param('id', IdParam) zoneId: number) {
    return this.grid.listWindows(zoneId);
  }

  @Post('zones/:id/windows')
  @Roles('scheduler')
  @ApiOperation({ summary: 'Thêm khung giờ phát lặp lại (giờ địa phương + RRULE, ngày nghỉ)' })
  @ApiCreatedResponse({ type: WindowView })
  createWindow(@Param('id', IdParam) zoneId: number, @Body() dto: CreateWindowDto) {
    return this.grid.createWindow(zoneId, dto);
  }

  @Get('windows/:id')
  @ApiOperation({ summary: 'Một khung giờ phát' })
  @ApiOkResponse({ type: WindowView })
  getWindow(@Param('id', IdParam) id: number) {
    return this.grid.getWindow(id);
  }

  @Patch('windows/:id')
  @Roles('scheduler')
  @ApiOperation({ summary: 'Sửa khung giờ phát (gửi kèm version)' })
  @ApiOkResponse({ type: WindowView })
  updateWindow(@Param('id', IdParam) id: number, @Body() dto: UpdateWindowDto) {
    return this.grid.updateWindow(id, dto);
  }

  @Delete('windows/:id')
  @Roles('scheduler')
  @HttpCode(204)
  @ApiOperation({ summary: 'Xoá khung giờ phát và các ô của nó (409 khi còn lịch phát)' })
  @ApiNoContentResponse()
  removeWindow(@Param('id', IdParam) id: number) {
    return this.grid.removeWindow(id);
  }

  @Get('windows/:id/allocations')
  @ApiOperation({ summary: 'Các ô chuyên mục trong một khung giờ' })
  @ApiOkResponse({ type: [AllocationView] })
  listAllocations(@Param('id', IdParam) windowId: number) {
    return this.grid.listAllocations(windowId);
  }

  @Post('windows/:id/allocations')
  @Roles('scheduler')
  @ApiOperation({ summary: 'Thêm ô chuyên mục (ví dụ Thứ Ba, Thứ Sáu lúc 17:10, tối đa 10 phút)' })
  @ApiCreatedResponse({ type: AllocationView })
  createAllocation(@Param('id', IdParam) windowId: number, @Body() dto: CreateAllocationDto) {
    return this.grid.createAllocation(windowId, dto);
  }

  @Get('allocations/:id')
  @ApiOperation({ summary: 'Một ô chuyên mục' })
  @ApiOkResponse({ type: AllocationView })
  getAllocation(@Param('id', IdParam) id: number) {
    return this.grid.getAllocation(id);
  }

  @Patch('allocations/:id')
  @Roles('scheduler')
  @ApiOperation({ summary: 'Sửa ô chuyên mục (gửi kèm version)' })
  @ApiOkResponse({ type: AllocationView })
  updateAllocation(@Param('id', IdParam) id: number, @Body() dto: UpdateAllocationDto) {
    return this.grid.updateAllocation(id, dto);
  }

  @Delete('allocations/:id')
  @Roles('scheduler')
  @HttpCode(204)
  @ApiOperation({ summary: 'Xoá ô chuyên mục (409 khi còn lịch phát)' })
  @ApiNoContentResponse()
  removeAllocation(@Param('id', IdParam) id: number) {
    return this.grid.removeAllocation(id);
  }
}
