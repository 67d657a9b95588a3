import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CookieOptions, Request, Response } from 'express';
import { AppError } from '../common/errors.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { AccountsService } from './accounts.service.js';
import {
  ACCESS_COOKIE,
  AuthService,
  SESSION_COOKIE,
  type SignedInUser,
  type SignIn,
} from './auth.service.js';
import { CurrentUser } from './current-user.js';
import { ChangePasswordDto, LoginDto, MeView, SignInView } from './dto/account.dto.js';
import { AllowedWithTemporaryPassword, Public } from './roles.js';

/**
 * Sign-in for browsers and scripts alike. The answer carries a short-lived access token (for the
 * `Authorization: Bearer` header of a script) and sets two HTTP-only SameSite=Strict cookies: the
 * access token for the browser's own requests (audio players, the events stream) and the session
 * token, which only `/api/auth` sees and which `POST /api/auth/refresh` turns into a new access token.
 */
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly accounts: AccountsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Đăng nhập (sai 5 lần trong một phút, cho một tài khoản hay một địa chỉ: 429 với Retry-After)',
  })
  @ApiOkResponse({ type: SignInView })
  async login(@Body() dto: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const signIn = await withRetryAfter(res, this.auth.login(dto.username, dto.password, req));
    res.cookie(
      SESSION_COOKIE,
      signIn.refreshToken,
      this.cookie('/api/auth', this.config.auth.sessionIdleDays * 86400),
    );
    return this.grant(res, signIn);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Cấp lại access token từ cookie phiên (trình duyệt)' })
  @ApiOkResponse({ type: SignInView })
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.grant(res, await this.auth.refresh(cookies(req)[SESSION_COOKIE]));
  }

  @Post('logout')
  @AllowedWithTemporaryPassword()
  @HttpCode(204)
  @ApiOperation({ summary: 'Đăng xuất: kết thúc phiên này (token và cookie không dùng được nữa)' })
  @ApiNoContentResponse()
  async logout(@CurrentUser() user: SignedInUser, @Res({ passthrough: true }) res: Response) {
    await this.auth.logout(user.sessionId);
    res.clearCookie(SESSION_COOKIE, this.cookie('/api/auth'));
    res.clearCookie(ACCESS_COOKIE, this.cookie('/'));
  }

  @Get('me')
  @AllowedWithTemporaryPassword()
  @ApiOperation({ summary: 'Tài khoản đang đăng nhập' })
  @ApiOkResponse({ type: MeView })
  me(@CurrentUser() user: SignedInUser) {
    return me(user);
  }

  @Post('password')
  @AllowedWithTemporaryPassword()
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Đổi mật khẩu của mình (các phiên khác kết thúc; nhập sai mật khẩu hiện tại tính chung giới hạn với đăng nhập: 429 với Retry-After)',
  })
  @ApiNoContentResponse()
  async changePassword(
    @CurrentUser() user: SignedInUser,
    @Body() dto: ChangePasswordDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    await withRetryAfter(
      res,
      this.auth.checkingOwnPassword(user.username, req, () =>
        this.accounts.changeOwnPassword(user.id, dto.currentPassword, dto.newPassword, user.sessionId),
      ),
    );
  }

  /** Sets the access cookie and answers the token for scripts. */
  private grant(res: Response, signIn: Omit<SignIn, 'refreshToken'>) {
    res.cookie(ACCESS_COOKIE, signIn.accessToken, this.cookie('/', signIn.expiresIn));
    return {
      accessToken: signIn.accessToken,
      tokenType: 'Bearer',
      expiresIn: signIn.expiresIn,
      user: me(signIn.user),
    };
  }

  private cookie(path: string, maxAgeSeconds?: number): CookieOptions {
    return {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.auth.secureCookies,
      path,
      ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds * 1000 }),
    };
  }
}

/** The error shape carries retryAfterSeconds for people; clients and proxies read the header. */
async function withRetryAfter<T>(res: Response, work: Promise<T>): Promise<T> {
  return work.catch((error: unknown) => {
    const wait = error instanceof AppError ? error.extra?.retryAfterSeconds : undefined;
    if (typeof wait === 'number') res.setHeader('Retry-After', String(wait));
    throw error;
  });
}

const cookies = (req: Request) => (req.cookies ?? {}) as Record<string, string>;

function me(user: SignedInUser): MeView {
  const { id, username, displayName, roles, mustChangePassword } = user;
  return { id, username, displayName, roles, mustChangePassword };
}
