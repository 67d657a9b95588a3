import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import { ValidateBy, type ValidationOptions } from 'class-validator';
import { Transform } from 'class-transformer';
import { toNfc } from './text.js';

/** Trims a string and stores it in Unicode NFC, the form every Vietnamese text is kept in. */
export const Nfc = () => Transform(({ value }) => (typeof value === 'string' ? toNfc(value.trim()) : value));

/** Same for every string of an array. */
export const NfcEach = () =>
  Transform(({ value }) =>
    Array.isArray(value)
      ? value.map((item) => (typeof item === 'string' ? toNfc(item.trim()) : item))
      : value,
  );

/** Query-string booleans: "true"/"1" and "false"/"0". */
export const QueryBoolean = () =>
  Transform(({ value }) =>
    value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value,
  );

/** A calendar date written YYYY-MM-DD that exists (no 2025-02-30). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const IsCalendarDate = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value) => isCalendarDate(value),
        defaultMessage: () => '$property must be a date YYYY-MM-DD',
      },
    },
    options,
  );

/** OpenAPI for an endpoint that takes one file in the multipart field `file`. */
export const ApiFileField = () =>
  applyDecorators(
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        required: ['file'],
        properties: { file: { type: 'string', format: 'binary' } },
      },
    }),
  );
