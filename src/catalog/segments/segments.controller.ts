import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { IdParam } from '../../common/id.pipe.js';
import { PageOf } from '../../common/pagination.js';
import { CreateSegmentDto, SegmentView, ListSegmentsQuery, UpdateSegmentDto } from './dto/segment.dto.js';
import { SegmentsService } from './segments.service.js';
import type { Segment } from './segment.entity.js';
import { Roles } from '../../accounts/roles.js';

@ApiTags('segments')
@Controller('segments')
export class SegmentsController {
  constructor(private readonly segments: SegmentsService) {}

  @Get()
  @ApiOperation({ summary: 'Danh sách chuyên mục' })
  @ApiOkResponse({ type: PageOf(SegmentView) })
  list(@Query() query: ListSegmentsQuery) {
    return this.segments.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Một chuyên mục' })
  @ApiOkResponse({ type: SegmentView })
  get(@Param('id', IdParam) id: number) {
    return this.segments.get(id);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Thêm chuyên mục' })
  @ApiCreatedResponse({ type: SegmentView })
  create(@Body() dto: CreateSegmentDto) {
    // Planning rules left out take their defaults (SegmentsService.validate).
    return this.segments.create(dto as Partial<Segment>);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Sửa chuyên mục (gửi kèm version đã đọc)' })
  @ApiOkResponse({ type: SegmentView })
  update(@Param('id', IdParam) id: number, @Body() dto: UpdateSegmentDto) {
    return this.segments.update(id, dto as Partial<Segment> & { version: number });
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Xoá chuyên mục (từ chối 409 khi phóng sự còn dùng)' })
  @ApiNoContentResponse()
  remove(@Param('id', IdParam) id: number) {
    return this.segments.remove(id);
  }
}
