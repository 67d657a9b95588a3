import { HttpStatus, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';
import type { Server } from 'node:http';
import { Server as NetServer } from 'node:net';
import { AllExceptionsFilter } from './common/all-exceptions.filter.js';
import { AppError } from './common/errors.js';
import { requestIdMiddleware } from './common/request-id.js';

/** How long a stop waits for requests in flight (an upload on a slow line) before going on anyway. */
const DRAIN_MS = 30_000;

/**
 * Stopping (SIGTERM from systemd or docker, a deploy) without a request meeting a closed database.
 *
 * Nest closes the HTTP server only after every module has stopped, and a request whose client has
 * gone no longer holds the server open but keeps running: at the end of `bench:catalog` such
 * requests reached the database after it closed (500 "Connection with sqlite database is not
 * established"). This provider belongs to the root module, whose `onModuleDestroy` Nest runs first,
 * so before anything else stops it:
 * 1. stops accepting connections;
 * 2. answers requests that still arrive on open connections with 503 `SHUTTING_DOWN` in the error
 *    shape (`Connection: close`, `Retry-After`);
 * 3. waits, up to {@link DRAIN_MS}, until every request in flight has answered, counting one until
 *    its handler has answered even when the client has gone. Event streams never end by themselves:
 *    they are not waited for (EventsService ends them next).
 * Then the modules stop as before, and the database closes last.
 */
@Injectable()
export class GracefulStop implements OnModuleDestroy {
  private readonly logger = new Logger('Shutdown');
  private readonly inFlight = new Set<Response>();
  private stopping = false;
  private changed?: () => void;

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /** First in the middleware chain (bootstrap.ts createApp). */
  readonly track = (req: Request, res: Response, next: NextFunction): void => {
    if (this.stopping) return this.refuse(req, res);
    this.inFlight.add(res);
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      this.inFlight.delete(res);
      this.changed?.();
    };
    // The handler answering ends the request's work; 'finish' never comes when the client has gone.
    const end = res.end;
    res.end = function (this: Response, ...args: unknown[]) {
      settle();
      return (end as (...a: unknown[]) => Response).apply(this, args);
    } as Response['end'];
    res.once('finish', settle);
    // A client that leaves in the middle of a streamed file: the stream is dropped, end never called.
    res.once('close', () => res.headersSent && settle());
    next();
  };

  async onModuleDestroy(): Promise<void> {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (!server) return; // a worker process: no HTTP
    this.stopping = true;
    // net's close, not http's: http's also drops idle keep-alive connections at once, and a request
    // already sent on one would meet a reset. They stay open until Nest closes the server; a request
    // arriving on one meanwhile gets a clean 503.
    NetServer.prototype.close.call(server, () => undefined);
    for (const res of this.inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
    const waitingFor = this.waitingFor();
    if (waitingFor === 0) return;
    this.logger.log(`stopping: waiting for ${waitingFor} request(s) in flight`);
    const deadline = Date.now() + DRAIN_MS;
    while (this.waitingFor() > 0 && Date.now() < deadline)
      await new Promise<void>((resolve) => {
        this.changed = resolve;
        setTimeout(resolve, 100).unref();
      });
    const left = this.waitingFor();
    if (left) this.logger.warn(`stopping with ${left} request(s) still running after ${DRAIN_MS / 1000} s`);
    else this.logger.log('stopping: every request in flight has answered');
  }

  private waitingFor(): number {
    let n = 0;
    for (const res of this.inFlight)
      if (!String(res.getHeader('content-type') ?? '').startsWith('text/event-stream')) n++;
    return n;
  }

  private refuse(req: Request, res: Response): void {
    requestIdMiddleware(req, res, () => undefined);
    res.setHeader('Connection', 'close');
    res.setHeader('Retry-After', '5');
    new AllExceptionsFilter().respond(
      new AppError(
        HttpStatus.SERVICE_UNAVAILABLE,
        'SHUTTING_DOWN',
        'Máy chủ đang dừng để khởi động lại nên chưa thực hiện yêu cầu này. Hãy gửi lại sau ít giây.',
      ),
      req,
      res,
    );
  }
}
