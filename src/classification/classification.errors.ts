import type { ErrorDef } from '../common/errors/app-error';

export const ClassificationErrors = {
  SCHEME_MISSING: {
    code: 'CLASSIFICATION_SCHEME_MISSING',
    kind: 'RULE_VIOLATION',
    message: 'Khối chưa khai báo thang xếp loại thi đua của năm này.',
  },
  SCHEME_INVALID: {
    code: 'CLASSIFICATION_SCHEME_INVALID',
    kind: 'RULE_VIOLATION',
    message: 'Thang xếp loại thi đua không hợp lệ.',
  },
  SCHEME_IN_USE: {
    code: 'CLASSIFICATION_SCHEME_IN_USE',
    kind: 'CONFLICT',
    message:
      'Đã có đơn vị được xếp loại theo thang này; không đổi thang xếp loại được nữa (xếp loại lại bằng cách tương ứng).',
  },
  WRONG_METHOD: {
    code: 'CLASSIFICATION_WRONG_METHOD',
    kind: 'CONFLICT',
    message: 'Thang xếp loại của năm này được xác định theo cách khác.',
  },
  LEVEL_NOT_FOUND: {
    code: 'CLASSIFICATION_LEVEL_NOT_FOUND',
    kind: 'RULE_VIOLATION',
    message: 'Mức xếp loại không có trong thang xếp loại của năm.',
  },
  UNIT_NOT_MEMBER: {
    code: 'CLASSIFICATION_UNIT_NOT_MEMBER',
    kind: 'RULE_VIOLATION',
    message: 'Đơn vị không phải thành viên của khối trong năm này, hoặc bị nhập hai lần.',
  },
  MEETING_NOT_OF_TERM: {
    code: 'CLASSIFICATION_MEETING_NOT_OF_TERM',
    kind: 'RULE_VIOLATION',
    message: 'Hội nghị không phải hội nghị chính thức của khối trong năm này.',
  },
  MEETING_NOT_OPEN: {
    code: 'CLASSIFICATION_MEETING_NOT_OPEN',
    kind: 'CONFLICT',
    message: 'Hội nghị chưa khai mạc (chưa điểm danh): chưa biểu quyết xếp loại được.',
  },
  VOTE_INVALID: {
    code: 'CLASSIFICATION_VOTE_INVALID',
    kind: 'RULE_VIOLATION',
    message: 'Kết quả kiểm phiếu xếp loại không hợp lệ.',
  },
} as const satisfies Record<string, ErrorDef>;
