import {
  HttpStatus,
  mixin,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type PipeTransform,
  type Type,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { AppError } from './errors.js';

/** What a multipart route takes: its one file field and, for messages, what the file is ("tệp CSV"). */
export interface FileField {
  field: string;
  what: string;
}

const names = (fields: string[]) => fields.map((name) => `"${name}"`).join(', ');

/**
 * multer's refusals about the shape of a form (a file under another field name, a second file),
 * said in the API's words with the field that was expected; undefined for anything else (size,
 * broken stream), which the caller words itself.
 */
export function formShapeError(error: unknown, { field, what }: FileField): AppError | undefined {
  const { code, field: sent } = (error ?? {}) as { code?: string; field?: string };
  if (code === 'LIMIT_UNEXPECTED_FILE' && sent !== undefined && sent !== field)
    return new AppError(
      HttpStatus.BAD_REQUEST,
      'UNEXPECTED_FIELD',
      `Hãy gửi ${what} trong trường "${field}"; biểu mẫu lại gửi tệp trong trường "${sent}".`,
      [{ field: sent, code: 'UNEXPECTED_FIELD', message: `Trường phải có tên "${field}".` }],
    );
  if (code === 'LIMIT_UNEXPECTED_FILE' || code === 'LIMIT_FILE_COUNT')
    return new AppError(
      HttpStatus.BAD_REQUEST,
      'ONE_FILE_ONLY',
      `Mỗi lần chỉ gửi một ${what}, trong trường "${field}".`,
    );
  if (code === 'LIMIT_FIELD_COUNT' || code === 'LIMIT_PART_COUNT')
    return new AppError(
      HttpStatus.BAD_REQUEST,
      'TOO_MANY_FIELDS',
      `Biểu mẫu có quá nhiều trường; chỉ cần ${what} trong trường "${field}".`,
    );
  return undefined;
}

/**
 * Nest's FileInterceptor for the one file of a form, with multer's refusals said by
 * {@link formShapeError} instead of a bare "Yêu cầu không hợp lệ". Limits stay those of MulterModule.
 */
export function SingleFileInterceptor(expected: FileField): Type<NestInterceptor> {
  class NamedFileInterceptor extends FileInterceptor(expected.field) {
    override async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      try {
        return await super.intercept(context, next);
      } catch (error) {
        // Nest keeps multer's error (with its code and field) as the cause.
        throw formShapeError((error as { cause?: unknown }).cause ?? error, expected) ?? error;
      }
    }
  }
  return mixin(NamedFileInterceptor);
}

/**
 * For `@Body()` of a multipart route that takes nothing but its file: a text field beside it (sent
 * by mistake, or to see what sticks) is refused by name instead of silently dropped.
 */
export function NoOtherFields({ field, what }: FileField): PipeTransform {
  return {
    transform(body: unknown) {
      const sent = Object.keys((body ?? {}) as object);
      if (sent.length)
        throw new AppError(
          HttpStatus.BAD_REQUEST,
          'UNEXPECTED_FIELD',
          `Biểu mẫu chỉ nhận ${what} trong trường "${field}"; không nhận trường ${names(sent)}.`,
          sent.map((name) => ({
            field: name,
            code: 'UNEXPECTED_FIELD',
            message: `Trường "${name}" không được nhận.`,
          })),
        );
      return body;
    },
  };
}
