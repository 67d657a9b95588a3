import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { missingRole, passwordChangeRequired } from './auth.errors.js';
import { AuthService, type SignedInUser } from './auth.service.js';
import { mayAct, PUBLIC_KEY, ROLES_KEY, TEMPORARY_PASSWORD_KEY, type Role } from './roles.js';

/**
 * Every route needs a signed-in account unless marked {@link Public}; routes marked {@link Roles}
 * need one of those roles (admin may do everything). 401 without a valid sign-in, 403 naming the
 * missing role.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = context.switchToHttp().getRequest<Request & { user?: SignedInUser }>();
    const user = await this.auth.authenticate(req);
    req.user = user;
    if (
      user.mustChangePassword &&
      !this.reflector.getAllAndOverride<boolean>(TEMPORARY_PASSWORD_KEY, targets)
    )
      throw passwordChangeRequired();
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!mayAct(user.roles, required)) throw missingRole(required ?? [], user.roles);
    return true;
  }
}
