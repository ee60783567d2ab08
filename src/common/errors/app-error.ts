/** What kind of failure an error code is; the exception filter maps kinds to HTTP statuses. */
export type ErrorKind =
  | 'INVALID_INPUT' // 400
  | 'UNAUTHENTICATED' // 401
  | 'FORBIDDEN' // 403
  | 'NOT_FOUND' // 404
  | 'CONFLICT' // 409
  | 'PAYLOAD_TOO_LARGE' // 413
  | 'UNSUPPORTED_MEDIA_TYPE' // 415
  | 'RULE_VIOLATION' // 422
  | 'TOO_MANY_REQUESTS' // 429
  | 'UNAVAILABLE' // 503
  | 'INTERNAL'; // 500

/** One coded error: a stable machine code, its kind and the Vietnamese message users read. */
export interface ErrorDef {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly message: string;
}

/** A field-level detail of an error (validation, rule findings, differing counts). */
export interface ErrorDetail {
  readonly field?: string;
  readonly code: string;
  readonly message: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

/** A failure the client can act on. Thrown by services; turned into the one error body. */
export class AppError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly details: readonly ErrorDetail[];
  readonly extra: Readonly<Record<string, unknown>>;

  constructor(
    def: ErrorDef,
    options: {
      message?: string;
      details?: readonly ErrorDetail[];
      extra?: Record<string, unknown>;
    } = {},
  ) {
    super(options.message ?? def.message);
    this.name = 'AppError';
    this.code = def.code;
    this.kind = def.kind;
    this.details = options.details ?? [];
    this.extra = options.extra ?? {};
  }
}

/** Errors shared by every module. */
export const CommonErrors = {
  /** A warning (eligibility, counts, classification) submitted without its acknowledgement and reason. */
  WARNING_NOT_ACKNOWLEDGED: {
    code: 'WARNING_NOT_ACKNOWLEDGED',
    kind: 'RULE_VIOLATION',
    message: 'Có cảnh báo chưa được xác nhận kèm lý do.',
  },
  VALIDATION_FAILED: {
    code: 'VALIDATION_FAILED',
    kind: 'INVALID_INPUT',
    message: 'Dữ liệu gửi lên không hợp lệ.',
  },
  MALFORMED_REQUEST: {
    code: 'MALFORMED_REQUEST',
    kind: 'INVALID_INPUT',
    message: 'Yêu cầu không đúng định dạng (JSON không hợp lệ hoặc thiếu nội dung).',
  },
  BODY_TOO_DEEP: {
    code: 'BODY_TOO_DEEP',
    kind: 'INVALID_INPUT',
    message: 'Nội dung gửi lên lồng nhau quá sâu (quá 32 cấp đối tượng hoặc danh sách).',
  },
  INVALID_ID: {
    code: 'INVALID_ID',
    kind: 'INVALID_INPUT',
    message: 'Mã định danh trên đường dẫn phải là số nguyên dương.',
  },
  ROUTE_NOT_FOUND: {
    code: 'ROUTE_NOT_FOUND',
    kind: 'NOT_FOUND',
    message: 'Không tìm thấy địa chỉ được yêu cầu.',
  },
  FORBIDDEN: {
    code: 'FORBIDDEN',
    kind: 'FORBIDDEN',
    message: 'Bạn không có quyền thực hiện thao tác này.',
  },
  VERSION_CONFLICT: {
    code: 'VERSION_CONFLICT',
    kind: 'CONFLICT',
    message: 'Bản ghi đã được người khác sửa. Hãy tải lại để xem dữ liệu mới nhất rồi sửa lại.',
  },
  DUPLICATE: {
    code: 'DUPLICATE',
    kind: 'CONFLICT',
    message: 'Dữ liệu trùng với một bản ghi đã có.',
  },
  STILL_REFERENCED: {
    code: 'STILL_REFERENCED',
    kind: 'CONFLICT',
    message: 'Không thể xóa hoặc sửa vì bản ghi đang được dữ liệu khác sử dụng.',
  },
  CONSTRAINT_VIOLATION: {
    code: 'CONSTRAINT_VIOLATION',
    kind: 'RULE_VIOLATION',
    message: 'Dữ liệu vi phạm một ràng buộc của hệ thống.',
  },
  PAYLOAD_TOO_LARGE: {
    code: 'PAYLOAD_TOO_LARGE',
    kind: 'PAYLOAD_TOO_LARGE',
    message: 'Nội dung gửi lên quá lớn.',
  },
  TOO_MANY_FIELDS: {
    code: 'TOO_MANY_FIELDS',
    kind: 'PAYLOAD_TOO_LARGE',
    message: 'Biểu mẫu gửi lên có quá nhiều trường (tối đa 1.000 trường).',
  },
  UNSUPPORTED_ENCODING: {
    code: 'UNSUPPORTED_ENCODING',
    kind: 'UNSUPPORTED_MEDIA_TYPE',
    message:
      'Nội dung gửi lên được nén theo cách không hỗ trợ (chỉ nhận gzip, deflate hoặc không nén).',
  },
  UNSUPPORTED_CHARSET: {
    code: 'UNSUPPORTED_CHARSET',
    kind: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Bảng mã ký tự của nội dung gửi lên không được hỗ trợ (hãy dùng UTF-8).',
  },
  TOO_MANY_REQUESTS: {
    code: 'TOO_MANY_REQUESTS',
    kind: 'TOO_MANY_REQUESTS',
    message: 'Quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.',
  },
  DB_BUSY: {
    code: 'DB_BUSY',
    kind: 'UNAVAILABLE',
    message:
      'Cơ sở dữ liệu đang bận hoặc tạm thời không ghi được. Dữ liệu chưa được lưu; vui lòng thử lại.',
  },
  INTERNAL: {
    code: 'INTERNAL',
    kind: 'INTERNAL',
    message: 'Lỗi hệ thống. Dữ liệu chưa được thay đổi; vui lòng báo quản trị viên kèm mã yêu cầu.',
  },
} as const satisfies Record<string, ErrorDef>;
