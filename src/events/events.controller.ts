import { Controller, Sse, type MessageEvent } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Observable } from 'rxjs';
import { AuthService, type SignedInUser } from '../accounts/auth.service.js';
import { CurrentUser } from '../accounts/current-user.js';
import { EventsService, type ServiceEvent } from './events.service.js';

/**
 * How often an open stream checks that its session is still open. The guard checked it once, when
 * the stream opened; a stream lives for hours, and must not outlive a sign-out, a password change or
 * a disabled account by more than this.
 */
export const SESSION_CHECK_MS = 2000;

@ApiTags('events')
@Controller('events')
export class EventsController {
  constructor(
    private readonly events: EventsService,
    private readonly auth: AuthService,
  ) {}

  @Sse()
  @ApiOperation({
    summary: 'Luồng sự kiện (Server-Sent Events): trạng thái và tiến độ xử lý âm thanh',
    description:
      'Mỗi sự kiện `asset` mang { assetId, reportageId, status, progress, error }. Khi phiên đăng nhập ' +
      'kết thúc (đăng xuất, đổi mật khẩu, tài khoản bị khoá), luồng gửi sự kiện `session_ended` rồi đóng ' +
      'trong vài giây.',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'text/event-stream' })
  stream(@CurrentUser() user: SignedInUser): Observable<MessageEvent> {
    return untilSessionEnds(this.events.stream(), () => this.auth.isSessionOpen(user), SESSION_CHECK_MS);
  }
}

/**
 * The service's events as SSE messages, until `isOpen` says the session ended: then one
 * `session_ended` message, and the stream completes (the response ends). A check that fails (the
 * database busy or away) keeps the stream: only a clear "ended" closes it.
 */
export function untilSessionEnds(
  events: Observable<ServiceEvent>,
  isOpen: () => Promise<boolean>,
  everyMs: number,
): Observable<MessageEvent> {
  return new Observable<MessageEvent>((subscriber) => {
    const subscription = events.subscribe({
      next: (event) => subscriber.next({ type: event.type, data: event }),
      error: (error: unknown) => subscriber.error(error),
      complete: () => subscriber.complete(),
    });
    let checking = false;
    const timer = setInterval(() => {
      if (checking) return;
      checking = true;
      isOpen()
        .then((open) => {
          if (open || subscriber.closed) return;
          subscriber.next({
            type: 'session_ended',
            data: { type: 'session_ended', message: 'Phiên đăng nhập đã kết thúc. Hãy đăng nhập lại.' },
          });
          subscriber.complete();
        })
        .catch(() => undefined)
        .finally(() => (checking = false));
    }, everyMs);
    timer.unref();
    return () => {
      clearInterval(timer);
      subscription.unsubscribe();
    };
  });
}
