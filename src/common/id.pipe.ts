import { HttpStatus, type PipeTransform } from '@nestjs/common';
import { AppError } from './errors.js';

/**
 * A record id as a client may write it: plain decimal digits, from 1 up to 2^53 − 1 (the largest
 * integer a JavaScript number holds exactly). `0x10`, `1e3`, `+7`, `-1` and `0` are refused instead
 * of being read as some other number or looked up in vain.
 */
export function parseId(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^[1-9]\d{0,15}$/.test(value)) return undefined;
  const id = Number(value);
  return Number.isSafeInteger(id) ? id : undefined;
}

export const invalidId = () =>
  new AppError(HttpStatus.BAD_REQUEST, 'INVALID_ID', 'Mã bản ghi phải là số nguyên dương.');

/** `:id` route parameters: a positive integer (see {@link parseId}), else 400 `INVALID_ID`. */
export const IdParam: PipeTransform<unknown, number> = {
  transform(value: unknown): number {
    const id = parseId(value);
    if (id === undefined) throw invalidId();
    return id;
  },
};
