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
import {
  CreateExemplarDto,
  ExemplarView,
  ListExemplarsQuery,
  UpdateExemplarDto,
} from './dto/exemplar.dto.js';
import { ExemplarsService } from './exemplars.service.js';
import { Roles } from '../../accounts/roles.js';

@ApiTags('exemplars')
@Controller('exemplars')
export class ExemplarsController {
  constructor(private readonly exemplars: ExemplarsService) {}

  @Get()
  @ApiOperation({
    summary: 'Danh sách điển hình: tìm không dấu, lọc theo loại, cấp, lĩnh vực, địa bàn, trạng thái, năm',
  })
  @ApiOkResponse({ type: PageOf(ExemplarView) })
  list(@Query() query: ListExemplarsQuery) {
    return this.exemplars.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Một điển hình, kèm khen thưởng' })
  @ApiOkResponse({ type: ExemplarView })
  get(@Param('id', IdParam) id: number) {
    return this.exemplars.get(id);
  }

  @Post()
  @Roles('editor')
  @ApiOperation({ summary: 'Thêm điển hình' })
  @ApiCreatedResponse({ type: ExemplarView })
  create(@Body() dto: CreateExemplarDto) {
    return this.exemplars.create(dto);
  }

  @Patch(':id')
  @Roles('editor')
  @ApiOperation({ summary: 'Sửa điển hình (gửi kèm version đã đọc)' })
  @ApiOkResponse({ type: ExemplarView })
  update(@Param('id', IdParam) id: number, @Body() dto: UpdateExemplarDto) {
    return this.exemplars.update(id, dto);
  }

  @Delete(':id')
  @Roles('editor')
  @HttpCode(204)
  @ApiOperation({ summary: 'Xoá điển hình (từ chối 409 khi còn phóng sự về điển hình này)' })
  @ApiNoContentResponse()
  remove(@Param('id', IdParam) id: number) {
    return this.exemplars.remove(id);
  }
}
