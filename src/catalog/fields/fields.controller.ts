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
import { CreateFieldDto, FieldView, ListFieldsQuery, UpdateFieldDto } from './dto/field.dto.js';
import { FieldsService } from './fields.service.js';
import { Roles } from '../../accounts/roles.js';

@ApiTags('fields')
@Controller('fields')
export class FieldsController {
  constructor(private readonly fields: FieldsService) {}

  @Get()
  @ApiOperation({ summary: 'Danh sách lĩnh vực' })
  @ApiOkResponse({ type: PageOf(FieldView) })
  list(@Query() query: ListFieldsQuery) {
    return this.fields.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Một lĩnh vực' })
  @ApiOkResponse({ type: FieldView })
  get(@Param('id', IdParam) id: number) {
    return this.fields.get(id);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Thêm lĩnh vực' })
  @ApiCreatedResponse({ type: FieldView })
  create(@Body() dto: CreateFieldDto) {
    return this.fields.create(dto);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Sửa lĩnh vực (gửi kèm version đã đọc)' })
  @ApiOkResponse({ type: FieldView })
  update(@Param('id', IdParam) id: number, @Body() dto: UpdateFieldDto) {
    return this.fields.update(id, dto);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Xoá lĩnh vực (từ chối 409 khi điển hình hoặc phóng sự còn dùng)' })
  @ApiNoContentResponse()
  remove(@Param('id', IdParam) id: number) {
    return this.fields.remove(id);
  }
}
