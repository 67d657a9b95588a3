import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { Tracked } from '../database/tracked.entity.js';
import type { Role } from './roles.js';

/** A person's local account. Usernames are stored in lower case and never change. */
@Entity('users')
export class User extends Tracked {
  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Column({ type: 'varchar', length: 200 })
  displayName: string;

  /** argon2id (PHC string). Never leaves this module. */
  @Column({ type: 'varchar', length: 200 })
  passwordHash: string;

  @Column({
    type: 'varchar',
    length: 100,
    transformer: {
      to: (roles: Role[]) => [...roles].sort().join(','),
      from: (stored: string) => (stored ? (stored.split(',') as Role[]) : []),
    },
  })
  roles: Role[];

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Set when an admin sets the password: the person must choose their own before doing anything else. */
  @Column({ type: 'boolean', default: false })
  mustChangePassword: boolean;

  @Column({ type: 'datetime', nullable: true })
  lastLoginAt: Date | null;
}

/** One sign-in: what a browser's refresh cookie points to. Revoked on logout, password change, disabling. */
@Entity('sessions')
export class Session {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id: string;

  @Column({ type: 'integer' })
  userId: number;

  @Column({ type: 'varchar', length: 64 })
  refreshHash: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'datetime' })
  lastUsedAt: Date;

  @Column({ type: 'datetime' })
  expiresAt: Date;

  @Column({ type: 'datetime', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  userAgent: string | null;
}

export const ACCOUNT_ENTITIES = [User, Session];
