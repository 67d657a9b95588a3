import { Injectable } from '@nestjs/common';
import { Column, Entity, PrimaryColumn, type EntityManager } from 'typeorm';

/** Service-wide values kept in the database so every instance shares them (the token-signing secret). */
@Entity('settings')
export class Setting {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'text' })
  value: string;
}

/** The `settings` table: small key/value rows of the application itself. */
@Injectable()
export class SettingsRepository {
  /**
   * Takes SQLite's write lock as the first statement of a transaction, which is what BEGIN IMMEDIATE
   * does: this process already runs one write transaction at a time (Database.transaction), and another
   * process sharing the file now waits (busy timeout) before reading anything, instead of checking an
   * overlap against a snapshot the other is about to change.
   */
  async takeScheduleWriteLock(m: EntityManager): Promise<void> {
    await m.query(
      `INSERT INTO settings (key, value) VALUES ('schedule_write', ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      [new Date().toISOString()],
    );
  }

  /**
   * The token-signing secret shared by every instance: `candidate` is stored unless one is there
   * already, and the stored one is returned.
   */
  async tokenSecret(m: EntityManager, candidate: string): Promise<string> {
    await m
      .createQueryBuilder()
      .insert()
      .into(Setting)
      .values({ key: 'token_secret', value: candidate })
      .orIgnore()
      .execute();
    return (await m.findOneByOrFail(Setting, { key: 'token_secret' })).value;
  }
}
