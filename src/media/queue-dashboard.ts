import { HttpStatus } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Redis } from 'ioredis';
import type { AllExceptionsFilter } from '../common/all-exceptions.filter.js';
import { AppError } from '../common/errors.js';

/** ioredis's words when a command cannot reach the server (offline queue off, retries used up). */
const REDIS_UNREACHABLE =
  /enableOfflineQueue|max retries per request|Connection is closed|ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH/i;

const queueUnavailable = () =>
  new AppError(
    HttpStatus.SERVICE_UNAVAILABLE,
    'QUEUE_UNAVAILABLE',
    'Không kết nối được Redis nên bảng theo dõi hàng đợi tạm thời không dùng được. Các tệp đã tải lên vẫn được giữ và sẽ được xử lý khi Redis chạy lại; tình trạng xem ở /api/health.',
  );

/**
 * The dashboard's API (`/admin/queues/api/…`) answers 503 at once while Redis is down: bull-board
 * would otherwise wait for a connection that never comes (Redis down since start) or answer 500 with
 * a body of its own (Redis lost later). Its page itself needs no Redis and is still served.
 */
export function queueDashboardNeedsRedis(errors: AllExceptionsFilter, redis: Redis) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (redis.status === 'ready') return next();
    errors.respond(queueUnavailable(), req, res);
  };
}

/**
 * For bull-board's `setErrorHandler`: instead of its own body (a 500 with the error's English text),
 * an error a dashboard route throws is handed back to Express (bull-board calls this inside an
 * error-handling middleware, whose throw Express passes on) for {@link queueDashboardErrors}.
 */
export function passDashboardErrorsOn(error: Error): never {
  throw error;
}

/** The dashboard's errors in the API's shape: 503 when Redis was lost on the way, else as any error. */
export function queueDashboardErrors(errors: AllExceptionsFilter, redis: Redis) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const message = error instanceof Error ? error.message : String(error);
    const unreachable = redis.status !== 'ready' || REDIS_UNREACHABLE.test(message);
    errors.respond(unreachable ? queueUnavailable() : error, req, res);
  };
}
