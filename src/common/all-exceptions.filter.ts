import {
  ArgumentsHost,
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { pgFailure } from '../database/write-failure.js';
import { isForeignKeyViolation, isUniqueViolation } from './db-errors.js';
import { AppError, type ErrorBody } from './errors.js';
import { requestIdOf } from './request-id.js';

const STATUS_TEXT: Record<number, { error: string; code: string; message: string }> = {
  400: { error: 'Bad Request', code: 'BAD_REQUEST', message: 'Yêu cầu không hợp lệ.' },
  401: { error: 'Unauthorized', code: 'UNAUTHORIZED', message: 'Bạn cần đăng nhập.' },
  403: { error: 'Forbidden', code: 'FORBIDDEN', message: 'Bạn không có quyền làm việc này.' },
  404: {
    error: 'Not Found',
    code: 'NOT_FOUND',
    message: 'Không tìm thấy địa chỉ hoặc bản ghi được yêu cầu.',
  },
  405: { error: 'Method Not Allowed', code: 'METHOD_NOT_ALLOWED', message: 'Phương thức không được hỗ trợ.' },
  409: { error: 'Conflict', code: 'CONFLICT', message: 'Xung đột dữ liệu.' },
  413: {
    error: 'Payload Too Large',
    code: 'PAYLOAD_TOO_LARGE',
    message: 'Dữ liệu gửi lên quá lớn so với giới hạn cho phép.',
  },
  416: {
    error: 'Range Not Satisfiable',
    code: 'RANGE_NOT_SATISFIABLE',
    message: 'Khoảng byte yêu cầu nằm ngoài tệp.',
  },
  415: {
    error: 'Unsupported Media Type',
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Định dạng dữ liệu không được hỗ trợ.',
  },
  422: { error: 'Unprocessable Entity', code: 'UNPROCESSABLE', message: 'Dữ liệu không hợp lệ.' },
  429: {
    error: 'Too Many Requests',
    code: 'TOO_MANY_REQUESTS',
    message: 'Quá nhiều yêu cầu, hãy thử lại sau.',
  },
  500: {
    error: 'Internal Server Error',
    code: 'INTERNAL',
    message: 'Lỗi hệ thống. Hãy thử lại; nếu vẫn lỗi, báo cho quản trị kèm mã yêu cầu.',
  },
  503: { error: 'Service Unavailable', code: 'UNAVAILABLE', message: 'Dịch vụ tạm thời không sẵn sàng.' },
};

function textFor(status: number) {
  return (
    STATUS_TEXT[status] ?? { error: `HTTP ${status}`, code: `HTTP_${status}`, message: `Lỗi ${status}.` }
  );
}

/** Shapes every error into {@link ErrorBody}; unknown errors become a logged 500 without internals. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    this.respond(exception, ctx.getRequest<Request>(), ctx.getResponse<Response>());
  }

  /** Also used by plain Express middleware outside Nest's routing (the queue dashboard's guard). */
  respond(exception: unknown, req: Request, res: Response): void {
    const requestId = requestIdOf(req);
    const body = this.toBody(exception, req);
    body.requestId = requestId;
    if (body.statusCode >= 500 && exception instanceof AppError) {
      this.logger.warn(
        `${req.method} ${req.originalUrl} → ${body.statusCode} ${body.code}: ${body.message} [request ${requestId}]`,
      );
    } else if (body.statusCode >= 500) {
      this.logger.error(
        `${req.method} ${req.originalUrl} → ${body.statusCode} [request ${requestId}]`,
        exception instanceof Error ? exception.stack : String(exception),
      );
    }
    if (res.headersSent) {
      res.end();
      return;
    }
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, req: Request): ErrorBody {
    // An AppError thrown in Express middleware (body-parser's `verify`) arrives wrapped by Nest's
    // Express adapter, as the cause of a plain HttpException.
    if (exception instanceof HttpException && exception.cause instanceof AppError)
      exception = exception.cause;
    // PostgreSQL's errors that have a meaning for the client (a value out of range, a lost server).
    if (!(exception instanceof HttpException)) exception = pgFailure(exception) ?? exception;
    if (exception instanceof AppError) {
      const status = exception.getStatus();
      return {
        statusCode: status,
        error: textFor(status).error,
        code: exception.code,
        message: exception.message,
        ...(exception.details ? { details: exception.details } : {}),
        ...exception.extra,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const text = textFor(status);
      const cause = exception.cause;
      const message =
        status === HttpStatus.NOT_FOUND && !this.isKnownRoute(exception)
          ? `Không có địa chỉ ${req.method} ${req.path}.`
          : cause instanceof SyntaxError
            ? 'Nội dung JSON gửi lên bị lỗi cú pháp.'
            : cause instanceof URIError
              ? 'Địa chỉ có ký tự mã hoá sai.'
              : text.message;
      return { statusCode: status, error: text.error, code: text.code, message };
    }
    if (exception instanceof QueryFailedError) {
      if (isForeignKeyViolation(exception)) {
        return {
          statusCode: 409,
          error: 'Conflict',
          code: 'IN_USE',
          message: 'Bản ghi đang được bản ghi khác sử dụng hoặc tham chiếu tới bản ghi không tồn tại.',
        };
      }
      if (isUniqueViolation(exception)) {
        return { statusCode: 409, error: 'Conflict', code: 'DUPLICATE', message: 'Bản ghi đã tồn tại.' };
      }
    }
    const text = textFor(500);
    return { statusCode: 500, error: text.error, code: text.code, message: text.message };
  }

  private isKnownRoute(exception: HttpException): boolean {
    // Nest's own "Cannot GET /x" means no route matched; other NotFoundExceptions come from code.
    return !/^Cannot [A-Z]+ /.test(exception.message);
  }
}
