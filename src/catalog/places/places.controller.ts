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
  CreatePlaceDto,
  ListPlacesQuery,
  PlaceNode,
  PlaceTreeQuery,
  PlaceView,
  UpdatePlaceDto,
} from './dto/place.dto.js';
import { PlacesService } from './places.service.js';
import { Roles } from '../../accounts/roles.js';

@ApiTags('places')
@Controller('places')
export class PlacesController {
  constructor(private readonly places: PlacesService) {}

  @Get()
  @ApiOperation({ summary: 'Danh sách đơn vị hành chính (lọc theo cấp, cấp trên, tên)' })
  @ApiOkResponse({ type: PageOf(PlaceView) })
  list(@Query() query: ListPlacesQuery) {
    return this.places.list(query);
  }

  @Get('tree')
  @ApiOperation({ summary: 'Cây đơn vị hành chính: tỉnh → xã → thôn/ấp (huyện cũ nếu có)' })
  @ApiOkResponse({ type: [PlaceNode] })
  tree(@Query() query: PlaceTreeQuery) {
    return this.places.tree(query.rootId);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Một đơn vị hành chính' })
  @ApiOkResponse({ type: PlaceView })
  get(@Param('id', IdParam) id: number) {
    return this.places.get(id);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Thêm đơn vị hành chính' })
  @ApiCreatedResponse({ type: PlaceView })
  create(@Body() dto: CreatePlaceDto) {
    return this.places.create(dto);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Sửa đơn vị hành chính (gửi kèm version đã đọc)' })
  @ApiOkResponse({ type: PlaceView })
  update(@Param('id', IdParam) id: number, @Body() dto: UpdatePlaceDto) {
    return this.places.update(id, dto);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Xoá đơn vị hành chính (từ chối 409 khi còn được dùng)' })
  @ApiNoContentResponse()
  remove(@Param('id', IdParam) id: number) {
    return this.places.remove(id);
  }
}
