import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { Observable } from 'rxjs';
import { requestIdOf } from './request-id.js';

/** Who is acting: the signed-in account behind a request. */
export interface Actor {
  id: number;
  username: string;
}

interface RequestContext {
  requestId?: string;
  actor?: Actor;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The request being served, if any: work done by the audio worker or a timer has none. */
export function currentRequest(): RequestContext {
  return storage.getStore() ?? {};
}

/**
 * Runs each handler with its request id and signed-in account at hand, so a service deep below can
 * record who changed what without every signature carrying it. Set in an interceptor (after the
 * guards, after the body is parsed): stream callbacks of the body parser would lose a context set in
 * a middleware.
 */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request & { user?: Actor }>();
    const store: RequestContext = {
      requestId: requestIdOf(req),
      actor: req.user ? { id: req.user.id, username: req.user.username } : undefined,
    };
    return new Observable((subscriber) => storage.run(store, () => next.handle().subscribe(subscriber)));
  }
}
