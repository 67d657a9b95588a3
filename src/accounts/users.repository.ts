import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Database } from '../database/database.service.js';
import { User } from './account.entities.js';
import type { Role } from './roles.js';

/** The fields of a new account (the id, version and timestamps come from the table). */
export type NewUser = Pick<
  User,
  'username' | 'displayName' | 'passwordHash' | 'roles' | 'active' | 'mustChangePassword' | 'lastLoginAt'
>;

/**
 * Whether an account has this username; a plain function as well as a method, for `insertUser`, which
 * the command line runs without a Nest app.
 */
export function usernameTaken(m: EntityManager, username: string): Promise<boolean> {
  return m.existsBy(User, { username });
}

/** Inserts an account (see {@link usernameTaken} for why a plain function too). */
export function insertUserRow(m: EntityManager, user: NewUser): Promise<User> {
  return m.save(m.create(User, user));
}

/** The users table: accounts, their passwords and their calendar-feed tokens. */
@Injectable()
export class UsersRepository {
  constructor(private readonly db: Database) {}

  /** One page of accounts by username, optionally with a role and/or active or not, and how many match. */
  page(filter: { role?: Role; active?: boolean }, offset: number, limit: number): Promise<[User[], number]> {
    const qb = this.db.manager.createQueryBuilder(User, 'u').orderBy('u.username', 'ASC');
    if (filter.role) qb.andWhere("(',' || u.roles || ',') LIKE :role", { role: `%,${filter.role},%` });
    if (filter.active !== undefined) qb.andWhere('u.active = :active', { active: filter.active });
    return qb.skip(offset).take(limit).getManyAndCount();
  }

  /** Accounts named by id or by username, with their display names, on the read pool. */
  names(
    ids: readonly number[],
    usernames: readonly string[],
  ): Promise<{ id: number; username: string; display_name: string }[]> {
    const marks = (list: readonly unknown[]) => list.map(() => '?').join(', ') || 'NULL';
    return this.db.read<{ id: number; username: string; display_name: string }>(
      `SELECT id, username, display_name FROM users
       WHERE id IN (${marks(ids)}) OR username IN (${marks(usernames)})`,
      [...ids, ...usernames],
    );
  }

  byUsername(username: string): Promise<User | null> {
    return this.db.manager.findOneBy(User, { username });
  }

  byId(id: number): Promise<User | null> {
    return this.db.manager.findOneBy(User, { id });
  }

  usernameTaken(m: EntityManager, username: string): Promise<boolean> {
    return usernameTaken(m, username);
  }

  insert(m: EntityManager, user: NewUser): Promise<User> {
    return insertUserRow(m, user);
  }

  save(m: EntityManager, user: User): Promise<User> {
    return m.save(user);
  }

  async setPassword(
    m: EntityManager,
    id: number,
    passwordHash: string,
    mustChangePassword: boolean,
  ): Promise<void> {
    await m.update(User, id, { passwordHash, mustChangePassword });
  }

  async signedIn(m: EntityManager, id: number, at: Date): Promise<void> {
    await m.update(User, id, { lastLoginAt: at });
  }

  /** Whether any account (active or not) has the admin role; on the writer's connection. */
  async anyAdmin(): Promise<boolean> {
    const [{ n }] = await this.db.manager.query(
      "SELECT COUNT(*) AS n FROM users WHERE (',' || roles || ',') LIKE '%,admin,%'",
    );
    return Number(n) > 0;
  }

  /** Active admins other than `leaving`. */
  async otherActiveAdmins(m: EntityManager, leaving: number): Promise<number> {
    const [{ n }] = await m.query(
      "SELECT COUNT(*) AS n FROM users WHERE active = TRUE AND id <> ? AND (',' || roles || ',') LIKE '%,admin,%'",
      [leaving],
    );
    return Number(n);
  }

  /** When the account's calendar token was made (the stored datetime text), or null when it has none. */
  async calendarTokenCreated(userId: number, m?: EntityManager): Promise<string | Date | null> {
    const [row] = await this.db.on(m)<{ created: string | Date | null }>(
      'SELECT calendar_token_created_at AS created FROM users WHERE id = ?',
      [userId],
    );
    return row?.created ?? null;
  }

  /** Stores a new calendar token's hash; `createdAt` as the stored datetime text. */
  async setCalendarToken(m: EntityManager, userId: number, hash: string, createdAt: string): Promise<void> {
    await m.query('UPDATE users SET calendar_token_hash = ?, calendar_token_created_at = ? WHERE id = ?', [
      hash,
      createdAt,
      userId,
    ]);
  }

  /** The account a calendar token's hash belongs to, active or not, on the read pool. */
  async byCalendarTokenHash(
    hash: string,
  ): Promise<{ id: number; username: string; active: number } | undefined> {
    const [row] = await this.db.read<{ id: number; username: string; active: number }>(
      'SELECT id, username, active FROM users WHERE calendar_token_hash = ?',
      [hash],
    );
    return row;
  }
}
