import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { SignedInUser } from './auth.service.js';

/** The signed-in account of the request (set by the AuthGuard). */
export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext) => context.switchToHttp().getRequest<{ user: SignedInUser }>().user,
);
