import type { ErrorDef } from '../common/errors/app-error';

export const AuthErrors = {
  REQUIRED: {
    code: 'AUTH_REQUIRED',
    kind: 'UNAUTHENTICATED',
    message: 'Cần đăng nhập để thực hiện thao tác này.',
  },
  INVALID_CREDENTIALS: {
    code: 'AUTH_INVALID_CREDENTIALS',
    kind: 'UNAUTHENTICATED',
    message: 'Tên đăng nhập hoặc mật khẩu không đúng.',
  },
  LOCKED: {
    code: 'AUTH_TEMPORARILY_LOCKED',
    kind: 'TOO_MANY_REQUESTS',
    message:
      'Đăng nhập sai quá nhiều lần từ máy này; tạm thời không thể đăng nhập. Vui lòng thử lại sau.',
  },
  ACCOUNT_RATE_LIMITED: {
    code: 'AUTH_ACCOUNT_RATE_LIMITED',
    kind: 'TOO_MANY_REQUESTS',
    message:
      'Tên đăng nhập này bị thử sai quá nhiều lần trong một giờ; quản trị viên đã được báo. Vui lòng thử lại sau.',
  },
  CSRF: {
    code: 'CSRF_REJECTED',
    kind: 'FORBIDDEN',
    message: 'Yêu cầu bị từ chối (thiếu hoặc sai mã chống giả mạo CSRF).',
  },
  USERNAME_TAKEN: {
    code: 'USERNAME_TAKEN',
    kind: 'CONFLICT',
    message: 'Tên đăng nhập đã được dùng.',
  },
  USER_NOT_FOUND: {
    code: 'USER_NOT_FOUND',
    kind: 'NOT_FOUND',
    message: 'Không tìm thấy tài khoản.',
  },
  SCOPE_INVALID: {
    code: 'USER_SCOPE_INVALID',
    kind: 'RULE_VIOLATION',
    message:
      'Phạm vi không hợp lệ: thư ký khối cần ít nhất một khối; đại diện đơn vị cần đúng một đơn vị; vai trò khác không có phạm vi.',
  },
  HOST_ADMIN_COMMAND_LINE_ONLY: {
    code: 'HOST_ADMIN_COMMAND_LINE_ONLY',
    kind: 'RULE_VIOLATION',
    message:
      'Tài khoản quản trị hệ thống chỉ được tạo và sửa bằng dòng lệnh trên máy chủ (npm run user:create -- --role host-admin).',
  },
  ORGANIZATION_NOT_FOUND: {
    code: 'ORGANIZATION_NOT_FOUND',
    kind: 'NOT_FOUND',
    message: 'Không tìm thấy tổ chức (cơ quan tổ chức khối, cụm thi đua).',
  },
  ORGANIZATION_NOT_OWN: {
    code: 'ORGANIZATION_NOT_OWN',
    kind: 'RULE_VIOLATION',
    message: 'Chỉ tạo được tài khoản trong tổ chức của chính mình.',
  },
  SCOPE_OUTSIDE_ORGANIZATION: {
    code: 'USER_SCOPE_OUTSIDE_ORGANIZATION',
    kind: 'RULE_VIOLATION',
    message: 'Các khối được giao phải thuộc tổ chức của tài khoản.',
  },
  WEAK_PASSWORD: {
    code: 'PASSWORD_TOO_WEAK',
    kind: 'RULE_VIOLATION',
    message: 'Mật khẩu phải có ít nhất 10 ký tự và không trùng tên đăng nhập.',
  },
} as const satisfies Record<string, ErrorDef>;
