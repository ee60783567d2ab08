import { AppError, CommonErrors, type ErrorDetail } from './app-error';

/**
 * Field-level validation codes: the stable code each class-validator constraint is reported
 * under in `details[].code`, and its Vietnamese message. Clients and the web forms read these
 * codes, never class-validator's own constraint names.
 */
export const FieldCodes = {
  REQUIRED: 'FIELD_REQUIRED',
  EMPTY: 'FIELD_EMPTY',
  NOT_ALLOWED: 'FIELD_NOT_ALLOWED',
  NOT_STRING: 'FIELD_NOT_STRING',
  NOT_INTEGER: 'FIELD_NOT_INTEGER',
  NOT_NUMBER: 'FIELD_NOT_NUMBER',
  NOT_BOOLEAN: 'FIELD_NOT_BOOLEAN',
  NOT_IN_LIST: 'FIELD_NOT_IN_LIST',
  TOO_SMALL: 'FIELD_TOO_SMALL',
  TOO_LARGE: 'FIELD_TOO_LARGE',
  NOT_POSITIVE: 'FIELD_NOT_POSITIVE',
  TOO_SHORT: 'FIELD_TOO_SHORT',
  TOO_LONG: 'FIELD_TOO_LONG',
  PATTERN: 'FIELD_PATTERN',
  NOT_BASE64: 'FIELD_NOT_BASE64',
  NOT_DATE: 'FIELD_NOT_DATE',
  NOT_LIST: 'FIELD_NOT_LIST',
  LIST_TOO_SHORT: 'LIST_TOO_SHORT',
  LIST_TOO_LONG: 'LIST_TOO_LONG',
  LIST_DUPLICATE: 'LIST_DUPLICATE',
  NOT_OBJECT: 'FIELD_NOT_OBJECT',
  OUT_OF_RANGE: 'FIELD_OUT_OF_RANGE',
  BODY_INVALID: 'BODY_INVALID',
  INVALID: 'FIELD_INVALID',
} as const;

export type FieldCode = (typeof FieldCodes)[keyof typeof FieldCodes];

/** What a message may use besides the field: the limit or allowed values, a format in words. */
export interface ConstraintArgs {
  /** The limit or the allowed values, as class-validator states them. */
  readonly value: string;
  /** `@Matches(re, { context: { format } })`: the expected format in Vietnamese words. */
  readonly format?: string;
}

interface FieldRule {
  readonly code: FieldCode;
  readonly message: (field: string, args: ConstraintArgs) => string;
}

const rule = (code: FieldCode, message: FieldRule['message']): FieldRule => ({ code, message });

/** Each class-validator constraint used by a DTO, by its name, with its code and message. */
export const FIELD_RULES: Readonly<Record<string, FieldRule>> = {
  whitelistValidation: rule(
    FieldCodes.NOT_ALLOWED,
    (f) => `Trường "${f}" không được phép gửi lên.`,
  ),
  isDefined: rule(FieldCodes.REQUIRED, (f) => `Thiếu trường bắt buộc "${f}".`),
  isNotEmpty: rule(FieldCodes.EMPTY, (f) => `Trường "${f}" không được để trống.`),
  isString: rule(FieldCodes.NOT_STRING, (f) => `Trường "${f}" phải là chuỗi ký tự.`),
  isInt: rule(FieldCodes.NOT_INTEGER, (f) => `Trường "${f}" phải là số nguyên.`),
  isNumber: rule(FieldCodes.NOT_NUMBER, (f) => `Trường "${f}" phải là số.`),
  isBoolean: rule(FieldCodes.NOT_BOOLEAN, (f) => `Trường "${f}" phải là true hoặc false.`),
  isIn: rule(
    FieldCodes.NOT_IN_LIST,
    (f, a) => `Trường "${f}" phải là một trong các giá trị: ${a.value}.`,
  ),
  isEnum: rule(
    FieldCodes.NOT_IN_LIST,
    (f, a) => `Trường "${f}" phải là một trong các giá trị: ${a.value}.`,
  ),
  min: rule(FieldCodes.TOO_SMALL, (f, a) => `Trường "${f}" phải lớn hơn hoặc bằng ${a.value}.`),
  max: rule(FieldCodes.TOO_LARGE, (f, a) => `Trường "${f}" phải nhỏ hơn hoặc bằng ${a.value}.`),
  isPositive: rule(FieldCodes.NOT_POSITIVE, (f) => `Trường "${f}" phải là số dương.`),
  minLength: rule(
    FieldCodes.TOO_SHORT,
    (f, a) => `Trường "${f}" phải có ít nhất ${a.value} ký tự.`,
  ),
  maxLength: rule(
    FieldCodes.TOO_LONG,
    (f, a) => `Trường "${f}" không được dài quá ${a.value} ký tự.`,
  ),
  matches: rule(FieldCodes.PATTERN, (f, a) =>
    a.format
      ? `Trường "${f}" không đúng định dạng ${a.format}.`
      : `Trường "${f}" không đúng định dạng.`,
  ),
  isBase64: rule(FieldCodes.NOT_BASE64, (f) => `Trường "${f}" phải là nội dung tệp mã hóa base64.`),
  isISO8601: rule(
    FieldCodes.NOT_DATE,
    (f) => `Trường "${f}" phải là ngày theo định dạng YYYY-MM-DD.`,
  ),
  isIso8601: rule(
    FieldCodes.NOT_DATE,
    (f) => `Trường "${f}" phải là ngày theo định dạng YYYY-MM-DD.`,
  ),
  isDateString: rule(
    FieldCodes.NOT_DATE,
    (f) => `Trường "${f}" phải là ngày theo định dạng YYYY-MM-DD.`,
  ),
  isArray: rule(FieldCodes.NOT_LIST, (f) => `Trường "${f}" phải là một danh sách.`),
  arrayMinSize: rule(
    FieldCodes.LIST_TOO_SHORT,
    (f, a) => `Danh sách "${f}" phải có ít nhất ${a.value} phần tử.`,
  ),
  arrayMaxSize: rule(
    FieldCodes.LIST_TOO_LONG,
    (f, a) => `Danh sách "${f}" không được quá ${a.value} phần tử.`,
  ),
  arrayUnique: rule(FieldCodes.LIST_DUPLICATE, (f) => `Danh sách "${f}" có phần tử bị trùng.`),
  isObject: rule(FieldCodes.NOT_OBJECT, (f) => `Trường "${f}" phải là một đối tượng.`),
  isObjectEach: rule(
    FieldCodes.NOT_OBJECT,
    (f) => `Mỗi phần tử của danh sách "${f}" phải là một đối tượng.`,
  ),
  nestedValidation: rule(FieldCodes.NOT_OBJECT, (f) => `Trường "${f}" phải là một đối tượng.`),
  unknownValue: rule(FieldCodes.BODY_INVALID, () => 'Nội dung yêu cầu không hợp lệ.'),
};

/** A constraint no DTO should use without an entry above; the walk over DTOs checks it. */
export const UNKNOWN_FIELD_RULE: FieldRule = rule(
  FieldCodes.INVALID,
  (f) => `Trường "${f}" không hợp lệ.`,
);

/** The one validation error: VALIDATION_FAILED with its details, the first one's message appended. */
export function validationFailed(details: readonly ErrorDetail[]): AppError {
  const first = details[0]?.message;
  return new AppError(CommonErrors.VALIDATION_FAILED, {
    message: first ? `${CommonErrors.VALIDATION_FAILED.message} ${first}` : undefined,
    details,
  });
}
