import type { ErrorDef } from '../common/errors/app-error';

export const SigningErrors = {
  PROFILE_NOT_FOUND: {
    code: 'SIGNING_PROFILE_NOT_FOUND',
    kind: 'CONFLICT',
    message: 'Cơ quan ban hành văn bản này chưa khai báo chứng thư số để ký.',
  },
  PKCS12_UNREADABLE: {
    code: 'SIGNING_PKCS12_UNREADABLE',
    kind: 'RULE_VIOLATION',
    message: 'Không mở được tệp chứng thư số (PKCS#12): tệp hỏng hoặc sai mật khẩu.',
  },
  PKCS12_NO_KEY: {
    code: 'SIGNING_PKCS12_NO_KEY',
    kind: 'RULE_VIOLATION',
    message: 'Tệp chứng thư số không chứa khóa bí mật RSA khớp với chứng thư.',
  },
  IMAGE_INVALID: {
    code: 'SIGNING_IMAGE_INVALID',
    kind: 'RULE_VIOLATION',
    message: 'Hình ảnh chữ ký hoặc con dấu không hợp lệ.',
  },
  SIGNER_UNKNOWN: {
    code: 'SIGNING_SIGNER_UNKNOWN',
    kind: 'RULE_VIOLATION',
    message: 'Người được ký phải là tài khoản đang hoạt động.',
  },
  KEY_UNAVAILABLE: {
    code: 'SIGNING_KEY_UNAVAILABLE',
    kind: 'UNAVAILABLE',
    message:
      'Không mở được chứng thư số đã lưu: khóa bảo vệ trên máy chủ không khớp. Liên hệ quản trị.',
  },
  REHEARSAL: {
    code: 'SIGN_REHEARSAL_DOCUMENT',
    kind: 'CONFLICT',
    message: 'Văn bản của hội nghị chạy thử (BẢN THỬ) không được ký số.',
  },
  SUPERSEDED: {
    code: 'SIGN_SUPERSEDED_VERSION',
    kind: 'CONFLICT',
    message: 'Chỉ ký phiên bản mới nhất của văn bản; phiên bản này đã được lập lại.',
  },
  ALREADY_SIGNED: {
    code: 'SIGN_ALREADY_SIGNED',
    kind: 'CONFLICT',
    message: 'Phiên bản văn bản này đã được ký số; muốn sửa phải lập phiên bản mới.',
  },
  SIGNER_NOT_ALLOWED: {
    code: 'SIGN_SIGNER_NOT_ALLOWED',
    kind: 'FORBIDDEN',
    message: 'Tài khoản của bạn không có trong danh sách người được ký văn bản của cơ quan này.',
  },
  CERTIFICATE_NOT_YET_VALID: {
    code: 'SIGN_CERTIFICATE_NOT_YET_VALID',
    kind: 'CONFLICT',
    message: 'Chứng thư số chưa đến thời hạn hiệu lực.',
  },
  CERTIFICATE_EXPIRED: {
    code: 'SIGN_CERTIFICATE_EXPIRED',
    kind: 'CONFLICT',
    message: 'Chứng thư số đã hết hạn; cần khai báo chứng thư mới.',
  },
  NOT_A_PDF: {
    code: 'CHECK_NOT_A_PDF',
    kind: 'RULE_VIOLATION',
    message: 'Tệp gửi lên không phải là tệp PDF.',
  },
  FILE_MISSING: {
    code: 'CHECK_FILE_MISSING',
    kind: 'INVALID_INPUT',
    message: 'Chưa chọn tệp PDF để kiểm tra (trường "file").',
  },
} as const satisfies Record<string, ErrorDef>;
