import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { IdParam } from '../common/id.pipe.js';
import { PageOf } from '../common/pagination.js';
import { AccountsService } from './accounts.service.js';
import {
  CreateUserDto,
  ListUsersQuery,
  ResetPasswordDto,
  UpdateUserDto,
  UserView,
} from './dto/account.dto.js';
import { Roles } from './roles.js';

/** Account administration. Accounts are disabled, never deleted: the audit trail names them. */
@ApiTags('users')
@Controller('users')
@Roles('admin')
export class UsersController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @ApiOperation({ summary: 'Danh sách tài khoản' })
  @ApiOkResponse({ type: PageOf(UserView) })
  list(@Query() query: ListUsersQuery) {
    return this.accounts.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Một tài khoản' })
  @ApiOkResponse({ type: UserView })
  get(@Param('id', IdParam) id: number) {
    return this.accounts.get(id);
  }

  @Post()
  @ApiOperation({ summary: 'Tạo tài khoản (mặc định phải đổi mật khẩu ở lần đăng nhập đầu)' })
  @ApiCreatedResponse({ type: UserView })
  create(@Body() dto: CreateUserDto) {
    return this.accounts.create(dto);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Sửa tên, vai trò; khoá hoặc mở khoá (active)' })
  @ApiOkResponse({ type: UserView })
  update(@Param('id', IdParam) id: number, @Body() dto: UpdateUserDto) {
    return this.accounts.update(id, dto);
  }

  @Post(':id/password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Đặt lại mật khẩu (mật khẩu tạm; mọi phiên của tài khoản kết thúc)' })
  @ApiNoContentResponse()
  resetPassword(@Param('id', IdParam) id: number, @Body() dto: ResetPasswordDto) {
    return this.accounts.resetPassword(id, dto.password);
  }
}
