import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService, writeAudit } from '../audit/audit.service.js';
import { snapshot } from '../audit/audit-changes.js';
import { findForUpdate, findOr404 } from '../database/crud.js';
import { AppError, duplicate } from '../common/errors.js';
import { offsetOf, pageOf, type Page } from '../common/pagination.js';
import type { Actor } from '../common/request-context.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { Database } from '../database/database.service.js';
import { User } from './account.entities.js';
import type { CreateUserDto, ListUsersQuery, UpdateUserDto, UserView } from './dto/account.dto.js';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './passwords.js';
import type { Role } from './roles.js';
import { SessionsRepository } from './sessions.repository.js';
import { insertUserRow, usernameTaken, UsersRepository } from './users.repository.js';

const LABEL = 'tài khoản';

/** Accounts: created, changed, disabled and reset by an admin; each person changes their own password. */
@Injectable()
export class AccountsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AccountsService.name);

  constructor(
    private readonly db: Database,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The first admin comes from ADMIN_USERNAME / ADMIN_PASSWORD, and only while there is no admin at all. */
  async onApplicationBootstrap(): Promise<void> {
    const wanted = this.config.auth.bootstrapAdmin;
    if (await this.users.anyAdmin()) return;
    if (!wanted) {
      this.logger.warn(
        'Chưa có tài khoản quản trị. Đặt ADMIN_USERNAME và ADMIN_PASSWORD rồi khởi động lại, ' +
          'hoặc chạy: npm run user:create -- --role admin --username <tên>',
      );
      return;
    }
    try {
      await this.create(
        {
          username: wanted.username.toLowerCase(),
          displayName: wanted.username,
          roles: ['admin'],
          password: wanted.password,
          mustChangePassword: false,
        },
        { id: 0, username: 'system' },
      );
      this.logger.log(`created the first admin account "${wanted.username}" from ADMIN_USERNAME`);
    } catch (error) {
      // Another instance starting at the same moment created it first.
      if (!(await this.users.anyAdmin())) throw error;
    }
  }

  async list(query: ListUsersQuery): Promise<Page<UserView>> {
    const [users, total] = await this.users.page(
      { role: query.role, active: query.active },
      offsetOf(query),
      query.pageSize,
    );
    return pageOf(users.map(toView), total, query);
  }

  /**
   * People's names ("Nguyễn Thị Lan") for the accounts other records name by id or by username (the
   * audit trail, a reportage's status history), so that screens show people, not logins.
   */
  async displayNames(
    ids: readonly number[],
    usernames: readonly string[] = [],
  ): Promise<{ byId: Map<number, string>; byUsername: Map<string, string> }> {
    const byId = new Map<number, string>();
    const byUsername = new Map<string, string>();
    const wantedIds = [...new Set(ids)];
    const wantedNames = [...new Set(usernames)];
    if (wantedIds.length === 0 && wantedNames.length === 0) return { byId, byUsername };
    const rows = await this.users.names(wantedIds, wantedNames);
    for (const row of rows) {
      byId.set(row.id, row.display_name);
      byUsername.set(row.username, row.display_name);
    }
    return { byId, byUsername };
  }

  async get(id: number): Promise<UserView> {
    return toView(await findOr404(this.db.manager, User, id, LABEL));
  }

  /** `actor` is given when no request is behind the call (first admin, command line). */
  async create(dto: CreateUserDto, actor?: Actor): Promise<UserView> {
    const passwordHash = await checkedHash(dto);
    return this.db.transaction(async (m) => toView(await insertUser(m, dto, passwordHash, actor)));
  }

  update(id: number, dto: UpdateUserDto): Promise<UserView> {
    return this.db.transaction(async (m) => {
      const user = await findForUpdate(m, User, id, dto.version, LABEL);
      const before = snapshot(user);
      if (dto.displayName !== undefined) user.displayName = dto.displayName;
      if (dto.roles !== undefined) user.roles = dto.roles;
      if (dto.active !== undefined) user.active = dto.active;
      const wasAdmin = (before.roles as Role[]).includes('admin') && before.active;
      if (wasAdmin && !(user.roles.includes('admin') && user.active)) await this.keepOneAdmin(m, id);
      const saved = await this.users.save(m, user);
      if (!saved.active) await this.endSessions(m, id);
      await this.audit.record(m, {
        action: 'update',
        entity: 'user',
        entityId: id,
        before,
        after: snapshot(saved),
      });
      return toView(saved);
    });
  }

  /** An admin sets a temporary password: every session of the account ends, and it must be changed. */
  async resetPassword(id: number, password: string): Promise<void> {
    const user = await findOr404(this.db.manager, User, id, LABEL);
    checkPasswordPolicy(password, user.username);
    const passwordHash = await hashPassword(password);
    await this.db.transaction(async (m) => {
      await this.users.setPassword(m, id, passwordHash, true);
      await this.endSessions(m, id);
      await this.audit.record(m, {
        action: 'reset_password',
        entity: 'user',
        entityId: id,
        changes: {
          password: { to: '(mật khẩu tạm mới)' },
          mustChangePassword: { from: user.mustChangePassword, to: true },
        },
      });
    });
  }

  /** A person changes their own password; their other sessions end, this one stays. */
  async changeOwnPassword(userId: number, current: string, next: string, keepSession: string): Promise<void> {
    const user = await findOr404(this.db.manager, User, userId, LABEL);
    if (!(await verifyPassword(user.passwordHash, current)))
      throw new AppError(422, 'WRONG_PASSWORD', 'Mật khẩu hiện tại không đúng.', [
        { field: 'currentPassword', code: 'wrongPassword', message: 'Mật khẩu hiện tại không đúng.' },
      ]);
    checkPasswordPolicy(next, user.username, 'newPassword');
    if (next === current)
      throw new AppError(422, 'WEAK_PASSWORD', 'Mật khẩu mới phải khác mật khẩu hiện tại.', [
        { field: 'newPassword', code: 'samePassword', message: 'Mật khẩu mới phải khác mật khẩu hiện tại.' },
      ]);
    const passwordHash = await hashPassword(next);
    await this.db.transaction(async (m) => {
      await this.users.setPassword(m, userId, passwordHash, false);
      await this.sessions.revokeOthers(m, userId, keepSession, new Date());
      await this.audit.record(m, {
        action: 'change_password',
        entity: 'user',
        entityId: userId,
        changes: { password: { to: '(đã đổi)' } },
      });
    });
  }

  /** Refuses to take away the last active admin: nobody could manage accounts any more. */
  private async keepOneAdmin(m: EntityManager, leaving: number): Promise<void> {
    if ((await this.users.otherActiveAdmins(m, leaving)) === 0)
      throw new AppError(
        409,
        'LAST_ADMIN',
        'Đây là tài khoản quản trị cuối cùng còn hoạt động. Hãy cấp quyền quản trị cho người khác trước.',
      );
  }

  private async endSessions(m: EntityManager, userId: number): Promise<void> {
    await this.sessions.revokeAll(m, userId, new Date());
  }
}

function toView(user: User): UserView {
  const { passwordHash: _never, ...view } = user;
  return view;
}

/** The password checked against the rules, then hashed (slow: outside any transaction). */
export async function checkedHash(dto: Pick<CreateUserDto, 'username' | 'password'>): Promise<string> {
  checkPasswordPolicy(dto.password, dto.username);
  return hashPassword(dto.password);
}

/** Inserts an account and its audit entry; shared with `npm run user:create`. */
export async function insertUser(
  m: EntityManager,
  dto: Omit<CreateUserDto, 'password'>,
  passwordHash: string,
  actor?: Actor,
): Promise<User> {
  if (await usernameTaken(m, dto.username))
    throw duplicate(`Tên đăng nhập "${dto.username}" đã có người dùng. Hãy chọn tên khác.`);
  const user = await insertUserRow(m, {
    username: dto.username,
    displayName: dto.displayName,
    passwordHash,
    roles: dto.roles,
    active: true,
    mustChangePassword: dto.mustChangePassword ?? true,
    lastLoginAt: null,
  });
  await writeAudit(m, { action: 'create', entity: 'user', entityId: user.id, after: snapshot(user), actor });
  return user;
}
