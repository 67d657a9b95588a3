import { createHash, randomBytes } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { AppError } from '../common/errors.js';
import { utcDate } from '../database/sql.js';
import { AuditService } from '../audit/audit.service.js';
import { Database } from '../database/database.service.js';
import { UsersRepository } from './users.repository.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export interface CalendarTokenStatus {
  exists: boolean;
  createdAt: Date | null;
  /** Where the token goes: replace {zoneId} (and {token} when it is not shown). */
  feedUrl: string;
}

/**
 * A private token per person for calendar applications, which cannot sign in: it only opens the
 * iCalendar feeds, is stored as a SHA-256 hash, and a new one replaces (revokes) the old one.
 */
@Injectable()
export class CalendarTokenService {
  constructor(
    private readonly db: Database,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async status(userId: number): Promise<CalendarTokenStatus> {
    const created = await this.users.calendarTokenCreated(userId);
    return {
      exists: Boolean(created),
      createdAt: created ? utcDate(created) : null,
      feedUrl: '/api/zones/{zoneId}/schedule.ics?token={token}',
    };
  }

  /** Creates or replaces the token; the only time it is ever shown. */
  async rotate(userId: number): Promise<CalendarTokenStatus & { token: string }> {
    const token = randomBytes(24).toString('base64url');
    const now = this.clock.now();
    await this.db.transaction(async (m) => {
      const before = await this.users.calendarTokenCreated(userId, m);
      await this.users.setCalendarToken(
        m,
        userId,
        sha256(token),
        now.toISOString().replace('T', ' ').replace('Z', ''),
      );
      await this.audit.record(m, {
        action: before ? 'rotate_calendar_token' : 'create_calendar_token',
        entity: 'user',
        entityId: userId,
        changes: { calendarToken: { to: 'mới' } },
      });
    });
    return {
      exists: true,
      createdAt: now,
      token,
      feedUrl: `/api/zones/{zoneId}/schedule.ics?token=${token}`,
    };
  }

  /** The active account a feed token belongs to; 401 in the error shape otherwise. */
  async verify(token: string | undefined): Promise<{ id: number; username: string }> {
    if (token && token.length >= 16) {
      const row = await this.users.byCalendarTokenHash(sha256(token));
      if (row?.active) return { id: row.id, username: row.username };
    }
    throw new AppError(
      HttpStatus.UNAUTHORIZED,
      'INVALID_CALENDAR_TOKEN',
      'Mã lịch riêng không đúng hoặc đã được thay. Hãy tạo địa chỉ lịch mới trên màn hình lịch phát rồi thêm lại vào ứng dụng lịch.',
    );
  }
}
