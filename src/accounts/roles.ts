import { SetMetadata } from '@nestjs/common';

/** What a person may do (DOMAIN.md). A person may hold several; admin may do everything. */
export const ROLES = ['editor', 'approver', 'scheduler', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  editor: 'Biên tập viên',
  approver: 'Lãnh đạo duyệt',
  scheduler: 'Người lập lịch',
  operator: 'Người vận hành',
  admin: 'Quản trị',
};

export const ROLES_KEY = 'truyenthanh:roles';
export const PUBLIC_KEY = 'truyenthanh:public';

/**
 * The roles that may call a route (any one of them; admin always may). A route without it is open to
 * every signed-in account.
 */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** A route anyone may call without signing in (health, sign-in). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export function mayAct(held: readonly Role[], required: readonly Role[] | undefined): boolean {
  if (!required || required.length === 0) return true;
  return held.includes('admin') || required.some((role) => held.includes(role));
}

export function parseRoles(stored: string): Role[] {
  return stored.split(',').filter((r): r is Role => (ROLES as readonly string[]).includes(r));
}

export const TEMPORARY_PASSWORD_KEY = 'truyenthanh:temporary-password-ok';

/** A route a person with a password set by an admin may still call (to see who they are, change it, sign out). */
export const AllowedWithTemporaryPassword = () => SetMetadata(TEMPORARY_PASSWORD_KEY, true);
