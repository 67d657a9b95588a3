import argon2 from 'argon2';
import { invalid } from '../common/errors.js';

/**
 * argon2id at OWASP's first recommended setting (19 MiB, 2 passes, 1 lane): about 30 ms a hash
 * here, and a memory cost that keeps a burst of sign-ins from exhausting the machine.
 */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

/** A hash of nothing anyone knows, verified when the account does not exist so both answers take as long. */
let decoy: Promise<string> | undefined;

export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  if (!hash) {
    decoy ??= hashPassword(`decoy-${Math.random()}`);
    await argon2.verify(await decoy, password).catch(() => false);
    return false;
  }
  return argon2.verify(hash, password).catch(() => false);
}

/** Length is what makes a password strong; the rules a person can act on are few and plain. */
export function checkPasswordPolicy(password: string, username: string, field = 'password'): void {
  const problem =
    password.length < MIN_PASSWORD_LENGTH
      ? `Mật khẩu phải dài ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`
      : password.length > 200
        ? 'Mật khẩu dài quá 200 ký tự.'
        : password.trim().toLowerCase() === username.toLowerCase()
          ? 'Mật khẩu không được trùng tên đăng nhập.'
          : undefined;
  if (problem) throw invalid('WEAK_PASSWORD', problem, [{ field, code: 'weakPassword', message: problem }]);
}
