import { HttpStatus, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { AppError, type ErrorDetail } from './errors.js';

/** Vietnamese wording per class-validator constraint; `{f}` is the field, `{c}` the constraint value. */
const MESSAGES: Record<string, string> = {
  whitelistValidation: 'Trường "{f}" không được phép gửi lên.',
  isDefined: 'Trường "{f}" là bắt buộc.',
  isNotEmpty: 'Trường "{f}" không được để trống.',
  isString: 'Trường "{f}" phải là chuỗi ký tự.',
  isInt: 'Trường "{f}" phải là số nguyên.',
  isNumber: 'Trường "{f}" phải là số.',
  isBoolean: 'Trường "{f}" phải là true hoặc false.',
  isIn: 'Trường "{f}" phải là một trong các giá trị: {c}.',
  isEnum: 'Trường "{f}" phải là một trong các giá trị: {c}.',
  min: 'Trường "{f}" không được nhỏ hơn {c}.',
  max: 'Trường "{f}" không được lớn hơn {c}.',
  minLength: 'Trường "{f}" phải dài ít nhất {c} ký tự.',
  maxLength: 'Trường "{f}" không được dài quá {c} ký tự.',
  isArray: 'Trường "{f}" phải là một danh sách.',
  arrayMaxSize: 'Trường "{f}" có nhiều phần tử quá mức cho phép ({c}).',
  arrayUnique: 'Trường "{f}" có phần tử bị trùng.',
  isISO8601: 'Trường "{f}" phải là ngày theo dạng YYYY-MM-DD.',
  isDateString: 'Trường "{f}" phải là ngày theo dạng YYYY-MM-DD.',
  isCalendarDate: 'Trường "{f}" phải là một ngày có thật, viết theo dạng YYYY-MM-DD.',
  matches: 'Trường "{f}" không đúng định dạng.',
  nestedValidation: 'Trường "{f}" không đúng cấu trúc.',
  isObject: 'Trường "{f}" phải là một đối tượng.',
  textControl:
    'Trường "{f}" chứa ký tự điều khiển {c} (ký tự vô hình có thể làm sai lệch nội dung hiển thị); hãy xoá ký tự đó rồi gửi lại.',
  textLineBreak: 'Trường "{f}" chỉ được viết trên một dòng: không được xuống dòng hay có ký tự tab ({c}).',
  textInvisibleOnly:
    'Trường "{f}" chỉ gồm ký tự vô hình (như khoảng trắng không độ rộng U+200B); hãy nhập nội dung đọc được.',
};

function constraintValue(error: ValidationError, key: string): string {
  // class-validator keeps the decorator's arguments only inside its English message; read them back.
  const english = error.constraints?.[key] ?? '';
  if (key === 'isIn' || key === 'isEnum') return english.split(': ').pop() ?? '';
  if (key.startsWith('text')) return english.match(/U\+[0-9A-F]{4,6}/)?.[0] ?? '';
  const match = english.match(/(-?\d+(?:\.\d+)?)/);
  return match ? match[1].replace('.', ',') : ''; // a decimal comma, as Vietnamese readers write it
}

export function flattenValidationErrors(errors: ValidationError[], parent = ''): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const key of Object.keys(error.constraints ?? {})) {
      const template = MESSAGES[key];
      const message = template
        ? template.replace('{f}', field).replace('{c}', constraintValue(error, key))
        : `Trường "${field}" không hợp lệ.`;
      details.push({ field, code: key, message });
    }
    if (error.children?.length) details.push(...flattenValidationErrors(error.children, field));
  }
  return details;
}

/**
 * Nest's ValidationPipe, except that a route or query parameter declared `number` reaches the route's
 * own pipe as the text that was sent: Nest would turn it into `+value` first ("0x10" → 16, "1e3" →
 * 1000, " " → 0), and `IdParam` could no longer tell. Every such parameter has its own pipe.
 */
class TextParamsValidationPipe extends ValidationPipe {
  protected override transformPrimitive(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.metatype === Number && (metadata.type === 'param' || metadata.type === 'query'))
      return value;
    return super.transformPrimitive(value, metadata);
  }
}

/** Whitelisting validation: unknown fields are refused, values are converted to the DTO's types. */
export function createValidationPipe(): ValidationPipe {
  return new TextParamsValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const details = flattenValidationErrors(errors);
      const first = details[0]?.message ?? '';
      return new AppError(
        HttpStatus.BAD_REQUEST,
        'VALIDATION_FAILED',
        `Dữ liệu gửi lên chưa hợp lệ (${details.length} lỗi). ${first}`.trim(),
        details,
      );
    },
  });
}
