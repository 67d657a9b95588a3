import { Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { RequestContextInterceptor } from '../common/request-context.js';
import { AccountsService } from './accounts.service.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { CalendarTokenService } from './calendar-token.service.js';
import { LoginThrottle } from './login-throttle.js';
import { MeController } from './me.controller.js';
import { SessionsRepository } from './sessions.repository.js';
import { UsersRepository } from './users.repository.js';
import { UsersController } from './users.controller.js';

/** Accounts, sign-in and the guard in front of every route. */
@Global()
@Module({
  imports: [JwtModule.register({})],
  controllers: [AuthController, UsersController, MeController],
  providers: [
    AccountsService,
    AuthService,
    LoginThrottle,
    CalendarTokenService,
    UsersRepository,
    SessionsRepository,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_INTERCEPTOR, useClass: RequestContextInterceptor },
  ],
  exports: [AccountsService, AuthService, CalendarTokenService],
})
export class AccountsModule {}
