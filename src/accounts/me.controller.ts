import { Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SignedInUser } from './auth.service.js';
import { CalendarTokenService } from './calendar-token.service.js';
import { CurrentUser } from './current-user.js';
import { CalendarTokenView } from './dto/account.dto.js';

/** The signed-in person's own settings. */
@ApiTags('auth')
@Controller('me')
export class MeController {
  constructor(private readonly tokens: CalendarTokenService) {}

  @Get('calendar-token')
  @ApiOperation({ summary: 'Mã lịch riêng (iCalendar) của mình: đã có chưa, tạo lúc nào' })
  @ApiOkResponse({ type: CalendarTokenView })
  calendarToken(@CurrentUser() user: SignedInUser) {
    return this.tokens.status(user.id);
  }

  @Post('calendar-token')
  @ApiOperation({ summary: 'Tạo hoặc đổi mã lịch riêng (mã cũ hết hiệu lực); mã chỉ hiện một lần' })
  @ApiCreatedResponse({ type: CalendarTokenView })
  rotateCalendarToken(@CurrentUser() user: SignedInUser) {
    return this.tokens.rotate(user.id);
  }
}
