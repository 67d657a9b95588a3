import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import { ValidateBy, type ValidationOptions } from 'class-validator';
import { Transform } from 'class-transformer';
import { cleanText, textProblem, type TextProblem } from './text.js';

interface TextOptions {
  /** A multi-line text (a script, a summary, a reason): keeps line breaks and tabs. */
  multiline?: boolean;
}

const textRule = (name: string, multiline: boolean, problem: TextProblem, options?: ValidationOptions) =>
  ValidateBy(
    {
      name,
      validator: {
        // Not a string at all is @IsString's to report.
        validate: (value) => typeof value !== 'string' || textProblem(value, multiline)?.problem !== problem,
        // The English message carries the character (validation.ts puts it in the Vietnamese one).
        defaultMessage: (args) =>
          `$property holds ${problem} ${textProblem(String(args?.value), multiline)?.codePoint ?? ''}`.trim(),
      },
    },
    options,
  );

/**
 * Every text field a person types: invisible characters (zero-width space, BOM, …) removed, trimmed,
 * stored in Unicode NFC, the form every Vietnamese text is kept in; control characters (NUL, the
 * right-to-left override U+202E, …) and values made only of invisible characters are refused with a
 * Vietnamese message, and so are line breaks and tabs unless the field is `multiline`.
 */
export const Nfc = ({ multiline = false }: TextOptions = {}) =>
  applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? cleanText(value) : value)),
    textRule('textControl', multiline, 'control'),
    textRule('textLineBreak', multiline, 'lineBreak'),
    textRule('textInvisibleOnly', multiline, 'invisibleOnly'),
  );

/** Same for every string of an array (one-line texts: tags). */
export const NfcEach = () =>
  applyDecorators(
    Transform(({ value }) =>
      Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? cleanText(item) : item)) : value,
    ),
    textRule('textControl', false, 'control', { each: true }),
    textRule('textLineBreak', false, 'lineBreak', { each: true }),
    textRule('textInvisibleOnly', false, 'invisibleOnly', { each: true }),
  );

/**
 * Integers written as plain decimal digits ("12", "-3"), the way a form or a query string sends them.
 * Anything else ("0x10", "1e3", "1.0", " 7", "") is left as it came, so `@IsInt()` refuses it:
 * class-transformer's `@Type(() => Number)` would read "0x10" as 16 and "1e3" as 1000. Numbers in a
 * JSON body pass through unchanged.
 */
export const DecimalInt = () =>
  Transform(({ value }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value));

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
