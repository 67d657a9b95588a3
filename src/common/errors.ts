import { HttpException, HttpStatus } from '@nestjs/common';

/** A field-level problem reported in `details` of the error shape. */
export interface ErrorDetail {
  field?: string;
  row?: number;
  code: string;
  message: string;
}

/** The one error shape every response uses: `{ statusCode, error, code, message, details?, requestId }`. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  details?: ErrorDetail[];
  requestId?: string;
  [extra: string]: unknown;
}

/**
 * An error a client can act on: a stable English `code` to switch on and a Vietnamese `message`
 * an office worker can read. Services throw these; {@link AllExceptionsFilter} shapes the response.
 */
export class AppError extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
    /** Extra top-level members a particular error carries (e.g. the health report). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message, status);
  }
}

export const notFound = (what: string, id: number | string) =>
  new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND', `Không tìm thấy ${what} có mã ${id}.`);

export const inUse = (what: string, usedBy: string) =>
  new AppError(
    HttpStatus.CONFLICT,
    'IN_USE',
    `Không thể xoá ${what} vì ${usedBy} vẫn đang dùng. Hãy gỡ liên kết trước hoặc ngừng sử dụng thay vì xoá.`,
  );

export const staleVersion = (what: string, current: number) =>
  new AppError(
    HttpStatus.CONFLICT,
    'STALE_VERSION',
    `${what} vừa được người khác sửa (phiên bản hiện tại ${current}). Hãy tải lại, xem thay đổi rồi lưu lại.`,
  );

export const duplicate = (message: string) => new AppError(HttpStatus.CONFLICT, 'DUPLICATE', message);

export const invalid = (code: string, message: string, details?: ErrorDetail[]) =>
  new AppError(HttpStatus.UNPROCESSABLE_ENTITY, code, message, details);
