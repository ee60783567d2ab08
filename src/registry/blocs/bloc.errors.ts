import type { ErrorDef } from '../../common/errors/app-error';

export const BlocErrors = {
  NOT_FOUND: {
    code: 'BLOC_NOT_FOUND',
    kind: 'NOT_FOUND',
    message: 'Không tìm thấy khối/cụm thi đua.',
  },
  CODE_TAKEN: {
    code: 'BLOC_CODE_TAKEN',
    kind: 'CONFLICT',
    message: 'Mã khối/cụm thi đua đã được dùng.',
  },
  PROVINCE_UNKNOWN: {
    code: 'BLOC_PROVINCE_UNKNOWN',
    kind: 'RULE_VIOLATION',
    message: 'Tỉnh của khối thi đua không tồn tại.',
  },
  ORGANIZING_BODY_UNKNOWN: {
    code: 'BLOC_ORGANIZING_BODY_UNKNOWN',
    kind: 'RULE_VIOLATION',
    message: 'Cơ quan tổ chức của khối/cụm thi đua không tồn tại.',
  },
  IN_USE: {
    code: 'BLOC_IN_USE',
    kind: 'CONFLICT',
    message: 'Không thể xóa khối thi đua đã có nhiệm kỳ (năm) hoạt động.',
  },
  TERM_NOT_FOUND: {
    code: 'BLOC_TERM_NOT_FOUND',
    kind: 'NOT_FOUND',
    message: 'Khối thi đua chưa có danh sách thành viên cho năm này.',
  },
  TERM_EXISTS: {
    code: 'BLOC_TERM_EXISTS',
    kind: 'CONFLICT',
    message: 'Khối thi đua đã có danh sách cho năm này; hãy sửa danh sách hiện có.',
  },
  TERM_INVALID: {
    code: 'BLOC_TERM_INVALID',
    kind: 'RULE_VIOLATION',
    message: 'Danh sách thành viên của khối không hợp lệ.',
  },
  ORGANIZATION_NOT_OWN: {
    code: 'BLOC_ORGANIZATION_NOT_OWN',
    kind: 'RULE_VIOLATION',
    message:
      'Khối, cụm thi đua phải thuộc tổ chức của tài khoản; đã thuộc một tổ chức thì không chuyển sang tổ chức khác.',
  },
  MEMBER_IN_OTHER_BLOC: {
    code: 'BLOC_MEMBER_IN_OTHER_BLOC',
    kind: 'CONFLICT',
    message: 'Có đơn vị đã là thành viên của khối thi đua khác trong cùng năm.',
  },
} as const satisfies Record<string, ErrorDef>;
