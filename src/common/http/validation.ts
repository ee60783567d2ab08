import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { AppError, CommonErrors, type ErrorDetail } from '../errors/app-error';

/** Vietnamese wording of class-validator constraints, by constraint name. */
const MESSAGES: Record<string, (field: string, args: string) => string> = {
  whitelistValidation: (f) => `Trường "${f}" không được phép gửi lên.`,
  isNotEmpty: (f) => `Trường "${f}" không được để trống.`,
  isDefined: (f) => `Thiếu trường bắt buộc "${f}".`,
  isString: (f) => `Trường "${f}" phải là chuỗi ký tự.`,
  isInt: (f) => `Trường "${f}" phải là số nguyên.`,
  isNumber: (f) => `Trường "${f}" phải là số.`,
  isBoolean: (f) => `Trường "${f}" phải là true hoặc false.`,
  isIn: (f, a) => `Trường "${f}" phải là một trong các giá trị: ${a}.`,
  isEnum: (f, a) => `Trường "${f}" phải là một trong các giá trị: ${a}.`,
  min: (f, a) => `Trường "${f}" phải lớn hơn hoặc bằng ${a}.`,
  max: (f, a) => `Trường "${f}" phải nhỏ hơn hoặc bằng ${a}.`,
  minLength: (f, a) => `Trường "${f}" phải có ít nhất ${a} ký tự.`,
  maxLength: (f, a) => `Trường "${f}" không được dài quá ${a} ký tự.`,
  matches: (f) => `Trường "${f}" không đúng định dạng.`,
  isISO8601: (f) => `Trường "${f}" phải là ngày theo định dạng YYYY-MM-DD.`,
  isIso8601: (f) => `Trường "${f}" phải là ngày theo định dạng YYYY-MM-DD.`,
  isLength: (f) => `Trường "${f}" có độ dài không hợp lệ.`,
  isDateString: (f) => `Trường "${f}" phải là ngày theo định dạng YYYY-MM-DD.`,
  isArray: (f) => `Trường "${f}" phải là một danh sách.`,
  arrayMinSize: (f, a) => `Danh sách "${f}" phải có ít nhất ${a} phần tử.`,
  arrayMaxSize: (f, a) => `Danh sách "${f}" không được quá ${a} phần tử.`,
  arrayUnique: (f) => `Danh sách "${f}" có phần tử bị trùng.`,
  isPositive: (f) => `Trường "${f}" phải là số dương.`,
  isObject: (f) => `Trường "${f}" phải là một đối tượng.`,
  nestedValidation: (f) => `Trường "${f}" phải là một đối tượng hợp lệ.`,
  unknownValue: () => 'Nội dung yêu cầu không hợp lệ.',
};

function argsOf(error: ValidationError, constraint: string): string {
  const raw = error.constraints?.[constraint] ?? '';
  // class-validator's English text ends with the allowed values / limit; keep only that part.
  const afterColon = raw.split(': ').slice(1).join(': ');
  if (afterColon) return afterColon;
  const num = /(-?\d+(?:\.\d+)?)(?!.*\d)/.exec(raw);
  return num?.[1] ?? '';
}

/** Flattens nested validation errors into field-level details with Vietnamese messages. */
export function toDetails(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const missing = e.value === undefined || e.value === null;
    if (missing && e.constraints && !('whitelistValidation' in e.constraints)) {
      // One clear message for an absent required field instead of every failed constraint.
      out.push({ field, code: 'isDefined', message: `Thiếu trường bắt buộc "${field}".` });
      continue;
    }
    for (const constraint of Object.keys(e.constraints ?? {})) {
      const make = MESSAGES[constraint];
      const message = make ? make(field, argsOf(e, constraint)) : `Trường "${field}" không hợp lệ.`;
      out.push({ field, code: constraint, message });
    }
    if (e.children && e.children.length > 0) out.push(...toDetails(e.children, field));
  }
  return out;
}

/**
 * Global validation (RELIABILITY G8): unknown fields are refused, nested objects validated,
 * no implicit type conversion (query numbers are converted explicitly in their DTOs).
 */
export function buildValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: true },
    exceptionFactory: (errors: ValidationError[]) => {
      const details = toDetails(errors);
      const first = details[0]?.message;
      return new AppError(CommonErrors.VALIDATION_FAILED, {
        message: first ? `${CommonErrors.VALIDATION_FAILED.message} ${first}` : undefined,
        details,
      });
    },
  });
}
