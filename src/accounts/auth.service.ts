import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { Clock } from '../common/clock.js';
import { AppError } from '../common/errors.js';
import { utcDate } from '../database/sql.js';
import { AuditService } from '../audit/audit.service.js';
import { Database } from '../database/database.service.js';
import type { User } from './account.entities.js';
import { badCredentials, notSignedIn, sessionEnded, tokenExpired, tooManyAttempts } from './auth.errors.js';
import { LoginThrottle } from './login-throttle.js';
import { verifyPassword } from './passwords.js';
import { parseRoles, type Role } from './roles.js';
import { SettingsRepository } from '../database/settings.repository.js';
import { SessionsRepository } from './sessions.repository.js';
import { UsersRepository } from './users.repository.js';

/** The signed-in account behind a request. */
export interface SignedInUser {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  mustChangePassword: boolean;
  sessionId: string;
}

export interface SignIn {
  accessToken: string;
  expiresIn: number;
  /** Goes into the HTTP-only cookie only: never in a response body a script could read. */
  refreshToken: string;
  user: SignedInUser;
}

export const ACCESS_COOKIE = 'tt_access';
export const SESSION_COOKIE = 'tt_session';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const DAY_MS = 86_400_000;

/**
 * Sign-in and sessions. A session row per sign-in; a short-lived signed access token (HS256) names
 * its session, and every request checks that the session is still open and the account still
 * active, so logout, a password change or disabling an account take effect at once.
 */
@Injectable()
export class AuthService implements OnModuleInit {
  private secret = '';

  constructor(
    private readonly db: Database,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly settings: SettingsRepository,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.config.auth.tokenSecret) {
      this.secret = this.config.auth.tokenSecret;
      return;
    }
    // Generated once and shared through the database by every instance; never in the git repository.
    this.secret = await this.db.transaction((m) =>
      this.settings.tokenSecret(m, randomBytes(32).toString('hex')),
    );
  }

  /**
   * Runs `check`, which verifies the caller's own current password (changing it), under the same
   * limit as sign-in: a borrowed session must not become a way to guess the password at leisure.
   * A wrong password (`WRONG_PASSWORD`) keeps its slot like a failed sign-in; anything else gives it back.
   */
  async checkingOwnPassword<T>(username: string, req: Request, check: () => Promise<T>): Promise<T> {
    const slot = await this.throttle.reserve(username.toLowerCase(), req.ip ?? 'unknown');
    if ('retryAfterSeconds' in slot) throw tooManyAttempts(slot.retryAfterSeconds);
    try {
      const result = await check();
      await this.throttle.release(slot);
      return result;
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'WRONG_PASSWORD')) await this.throttle.release(slot);
      throw error;
    }
  }

  /**
   * Checks a password only with a slot from the sign-in limit, taken before the check (see
   * {@link LoginThrottle}). A wrong password, an unknown account and a disabled account get the same
   * answer in the same time: telling them apart would tell a guesser which password is right.
   */
  async login(username: string, password: string, req: Request): Promise<SignIn> {
    const ip = req.ip ?? 'unknown';
    const name = username.trim().toLowerCase();
    const slot = await this.throttle.reserve(name, ip);
    if ('retryAfterSeconds' in slot) throw tooManyAttempts(slot.retryAfterSeconds);
    const user = await this.users.byUsername(name);
    const right = await verifyPassword(user?.passwordHash, password);
    if (!right || !user?.active) throw badCredentials(); // the slot stays taken: a failure
    await this.throttle.release(slot);
    const secret = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const session = await this.db.transaction(async (m) => {
      const created = await this.sessions.create(m, {
        id: randomBytes(16).toString('hex'),
        userId: user.id,
        refreshHash: sha256(secret),
        lastUsedAt: now,
        expiresAt: new Date(now.getTime() + this.config.auth.sessionIdleDays * DAY_MS),
        revokedAt: null,
        ip,
        userAgent: req.header('user-agent')?.slice(0, 300) ?? null,
      });
      await this.users.signedIn(m, user.id, now);
      await this.audit.record(m, {
        action: 'login',
        entity: 'session',
        entityId: created.id,
        changes: { ip: { to: ip } },
        actor: { id: user.id, username: user.username },
      });
      return created;
    });
    const signedIn = toSignedIn(user, session.id);
    return {
      accessToken: await this.accessToken(signedIn),
      expiresIn: this.config.auth.accessTokenSeconds,
      refreshToken: `${session.id}.${secret}`,
      user: signedIn,
    };
  }

  /** A new access token for the session behind a refresh token (the browser's cookie). */
  async refresh(refreshToken: string | undefined): Promise<Omit<SignIn, 'refreshToken'>> {
    const [sessionId, secret] = (refreshToken ?? '').split('.');
    if (!sessionId || !secret) throw notSignedIn();
    const session = await this.sessions.byId(sessionId);
    const given = Buffer.from(sha256(secret));
    if (!session || !timingSafeEqual(given, Buffer.from(session.refreshHash))) throw sessionEnded();
    const now = this.clock.now();
    if (session.revokedAt || session.expiresAt.getTime() < now.getTime()) throw sessionEnded();
    const user = await this.users.byId(session.userId);
    if (!user?.active) throw sessionEnded();
    await this.db.transaction((m) =>
      this.sessions.touch(
        m,
        session.id,
        now,
        new Date(now.getTime() + this.config.auth.sessionIdleDays * DAY_MS),
      ),
    );
    const signedIn = toSignedIn(user, session.id);
    return {
      accessToken: await this.accessToken(signedIn),
      expiresIn: this.config.auth.accessTokenSeconds,
      user: signedIn,
    };
  }

  async logout(sessionId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      await this.sessions.revoke(m, sessionId, this.clock.now());
      await this.audit.record(m, { action: 'logout', entity: 'session', entityId: sessionId, changes: {} });
    });
  }

  /** The account behind a request's bearer token or access cookie; 401 when there is none that is valid. */
  async authenticate(req: Request): Promise<SignedInUser> {
    const header = req.header('authorization');
    const token = header?.startsWith('Bearer ')
      ? header.slice(7).trim()
      : (req.cookies as Record<string, string> | undefined)?.[ACCESS_COOKIE];
    if (!token) throw notSignedIn();
    let payload: { sub: number; sid: string };
    try {
      payload = await this.jwt.verifyAsync(token, {
        secret: this.secret,
        algorithms: ['HS256'],
        clockTimestamp: Math.floor(this.clock.nowMs() / 1000),
      });
    } catch (error) {
      throw (error as Error).name === 'TokenExpiredError' ? tokenExpired() : notSignedIn();
    }
    const row = await this.openSession(payload.sid, payload.sub);
    if (!row) throw sessionEnded();
    return {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      roles: parseRoles(row.roles),
      mustChangePassword: Boolean(row.must_change_password),
      sessionId: payload.sid,
    };
  }

  /**
   * Whether a signed-in request's session is still open: not ended (sign-out, password change, an
   * admin's reset), not idle past its expiry, its account still active. For what outlives the
   * request that was checked, such as an open event stream.
   */
  async isSessionOpen(user: Pick<SignedInUser, 'id' | 'sessionId'>): Promise<boolean> {
    return (await this.openSession(user.sessionId, user.id)) !== undefined;
  }

  private async openSession(sessionId: string, userId: number) {
    const row = await this.sessions.withAccount(sessionId, userId);
    if (!row || row.revoked_at || !row.active || utcDate(row.expires_at).getTime() < this.clock.nowMs())
      return undefined;
    return row;
  }

  private accessToken(user: SignedInUser): Promise<string> {
    // Issued (and so expiring) by the service's clock, as verify() reads it.
    return this.jwt.signAsync(
      { sub: user.id, sid: user.sessionId, iat: Math.floor(this.clock.nowMs() / 1000) },
      { secret: this.secret, algorithm: 'HS256', expiresIn: this.config.auth.accessTokenSeconds },
    );
  }
}

function toSignedIn(user: User, sessionId: string): SignedInUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    mustChangePassword: user.mustChangePassword,
    sessionId,
  };
}
