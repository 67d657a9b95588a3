import { HttpStatus } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError } from './errors.js';

/**
 * The deepest nesting of arrays and objects a JSON body may have. The deepest body this API takes is
 * three levels (an exemplar's commendations); validation and class-transformer walk bodies
 * recursively, so 2,000 levels overflowed the stack (500) and 400,000 held the event loop for a second
 * and a half per request.
 */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;

/**
 * Whether a JSON text nests arrays and objects deeper than `limit`, read in one pass without parsing
 * (brackets inside strings do not count), on UTF-8 bytes: the bytes of `"`, `\`, `[`,
 * `{`, `]` and `}` never occur inside a multi-byte character. Invalid JSON is left to the parser.
 */
export function nestsDeeperThan(json: Uint8Array, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (++depth > limit) return true;
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) depth--;
  }
  return false;
}

/**
 * body-parser's `verify` hook: runs on the raw body before JSON.parse, so a hostile body costs one
 * linear scan (about 2 ms per megabyte, a fifth of JSON.parse; a microsecond for a usual body) and a 400 in the error shape.
 */
export function refuseDeepJson(
  _req: IncomingMessage,
  _res: ServerResponse,
  body: Buffer,
  encoding: string,
): void {
  // A body in UTF-16 or UTF-32 (rare, but body-parser accepts them) is scanned in UTF-8.
  const utf8 = /^utf-?8$/i.test(encoding) ? body : toUtf8(body, encoding);
  if (nestsDeeperThan(utf8, MAX_JSON_DEPTH))
    throw new AppError(
      HttpStatus.BAD_REQUEST,
      'JSON_TOO_DEEP',
      `Nội dung JSON lồng nhau quá ${MAX_JSON_DEPTH} tầng; dữ liệu hợp lệ của hệ thống không bao giờ sâu như vậy.`,
    );
}

function toUtf8(body: Buffer, encoding: string): Uint8Array {
  try {
    return Buffer.from(new TextDecoder(encoding).decode(body), 'utf8');
  } catch {
    return body; // an encoding TextDecoder does not know (UTF-32): the bytes are the best guess
  }
}
