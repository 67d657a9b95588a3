import { Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import { Database } from '../database/database.service.js';
import { Session } from './account.entities.js';

/** The fields of a new session (its creation time comes from the table). */
export type NewSession = Omit<Session, 'createdAt'>;

/** A session with its account, as every authenticated request checks it. */
export interface SessionAccountRow {
  id: number;
  username: string;
  display_name: string;
  roles: string;
  active: number;
  must_change_password: number;
  revoked_at: string | null;
  expires_at: string;
}

/** The sessions table: one row per sign-in, revoked on logout, password change or disabling. */
@Injectable()
export class SessionsRepository {
  constructor(private readonly db: Database) {}

  create(m: EntityManager, session: NewSession): Promise<Session> {
    return m.save(m.create(Session, session));
  }

  byId(id: string): Promise<Session | null> {
    return this.db.manager.findOneBy(Session, { id });
  }

  /** Keeps a session alive: used now, idle expiry pushed back. */
  async touch(m: EntityManager, id: string, lastUsedAt: Date, expiresAt: Date): Promise<void> {
    await m.update(Session, id, { lastUsedAt, expiresAt });
  }

  /** Ends one session (when still open). */
  async revoke(m: EntityManager, id: string, at: Date): Promise<void> {
    await m.update(Session, { id, revokedAt: IsNull() }, { revokedAt: at });
  }

  /** Ends every open session of an account. */
  async revokeAll(m: EntityManager, userId: number, at: Date): Promise<void> {
    await m.update(Session, { userId, revokedAt: IsNull() }, { revokedAt: at });
  }

  /** Ends every open session of an account but `keep`. */
  async revokeOthers(m: EntityManager, userId: number, keep: string, at: Date): Promise<void> {
    await m
      .createQueryBuilder()
      .update(Session)
      .set({ revokedAt: at })
      .where('user_id = :userId AND id <> :keep AND revoked_at IS NULL', { userId, keep })
      .execute();
  }

  /** The session and its account, on the read pool; whether it is still open is for the caller to judge. */
  async withAccount(sessionId: string, userId: number): Promise<SessionAccountRow | undefined> {
    const [row] = await this.db.read<SessionAccountRow>(
      `SELECT u.id, u.username, u.display_name, u.roles, u.active, u.must_change_password, s.revoked_at, s.expires_at
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ? AND u.id = ?`,
      [sessionId, userId],
    );
    return row;
  }
}
