import { HttpStatus, ParseIntPipe } from '@nestjs/common';
import { AppError } from './errors.js';

/** `:id` route parameters: a positive integer, else a 400 in the API's error shape. */
export const IdParam = new ParseIntPipe({
  exceptionFactory: () =>
    new AppError(HttpStatus.BAD_REQUEST, 'INVALID_ID', 'Mã bản ghi phải là số nguyên dương.'),
});
