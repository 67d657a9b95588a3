import { HttpStatus } from '@nestjs/common';
import { AppError } from '../common/errors.js';
import { ROLE_LABELS, type Role } from './roles.js';

export const notSignedIn = () =>
  new AppError(HttpStatus.UNAUTHORIZED, 'UNAUTHORIZED', 'Bạn cần đăng nhập để làm việc này.');

export const tokenExpired = () =>
  new AppError(
    HttpStatus.UNAUTHORIZED,
    'TOKEN_EXPIRED',
    'Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại (trình duyệt tự làm mới nếu còn phiên).',
  );

export const sessionEnded = () =>
  new AppError(
    HttpStatus.UNAUTHORIZED,
    'SESSION_ENDED',
    'Phiên đăng nhập đã kết thúc (đã đăng xuất, đổi mật khẩu hoặc tài khoản bị khoá). Hãy đăng nhập lại.',
  );

/**
 * A wrong password, an unknown account and a disabled account all get this one answer: a different
 * answer for a disabled account would confirm to a guesser that the password they tried is right.
 */
export const badCredentials = () =>
  new AppError(
    HttpStatus.UNAUTHORIZED,
    'INVALID_CREDENTIALS',
    'Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khoá. Nếu cần, hãy liên hệ quản trị.',
  );

export const tooManyAttempts = (seconds: number) =>
  new AppError(
    HttpStatus.TOO_MANY_REQUESTS,
    'TOO_MANY_ATTEMPTS',
    `Nhập sai mật khẩu quá nhiều lần với tài khoản này hoặc từ địa chỉ này. Hãy thử lại sau ${seconds} giây.`,
    undefined,
    { retryAfterSeconds: seconds },
  );

export const missingRole = (required: readonly Role[], held: readonly Role[]) => {
  const names = required.map((r) => ROLE_LABELS[r]).join(' hoặc ');
  const have = held.length ? held.map((r) => ROLE_LABELS[r]).join(', ') : 'chưa có vai trò nào';
  return new AppError(
    HttpStatus.FORBIDDEN,
    'MISSING_ROLE',
    `Việc này cần vai trò ${names}. Tài khoản của bạn: ${have}. Hãy liên hệ quản trị nếu bạn cần quyền này.`,
    undefined,
    { requiredRoles: [...required] },
  );
};

export const passwordChangeRequired = () =>
  new AppError(
    HttpStatus.FORBIDDEN,
    'PASSWORD_CHANGE_REQUIRED',
    'Mật khẩu của bạn do quản trị đặt. Hãy đổi mật khẩu trước khi làm việc khác.',
  );
