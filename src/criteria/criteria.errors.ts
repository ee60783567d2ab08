import type { ErrorDef } from '../common/errors/app-error';

export const CriteriaErrors = {
  NOT_FOUND: {
    code: 'CRITERIA_SET_NOT_FOUND',
    kind: 'NOT_FOUND',
    message: 'Không tìm thấy bộ tiêu chí thi đua.',
  },
  NONE_FOR_TERM: {
    code: 'CRITERIA_SET_NONE',
    kind: 'NOT_FOUND',
    message: 'Khối thi đua chưa có bộ tiêu chí cho năm này.',
  },
  INVALID: {
    code: 'CRITERIA_SET_INVALID',
    kind: 'RULE_VIOLATION',
    message: 'Bộ tiêu chí không hợp lệ.',
  },
  LOCKED: {
    code: 'CRITERIA_SET_LOCKED',
    kind: 'CONFLICT',
    message: 'Bộ tiêu chí đã được ký giao ước nên không sửa được; hãy tạo phiên bản mới kèm lý do.',
  },
  DRAFT_EXISTS: {
    code: 'CRITERIA_SET_DRAFT_EXISTS',
    kind: 'CONFLICT',
    message: 'Khối đã có một bản dự thảo bộ tiêu chí cho năm này; hãy sửa bản dự thảo đó.',
  },
  REASON_REQUIRED: {
    code: 'CRITERIA_SET_REASON_REQUIRED',
    kind: 'RULE_VIOLATION',
    message: 'Bộ tiêu chí đã ký giao ước: phiên bản mới phải ghi lý do thay đổi.',
  },
  COPY_SOURCE_MISSING: {
    code: 'CRITERIA_SET_COPY_SOURCE_MISSING',
    kind: 'RULE_VIOLATION',
    message: 'Năm được chọn để sao chép chưa có bộ tiêu chí đã ký giao ước.',
  },
  SCORING_CLOSED: {
    code: 'CRITERIA_SET_SCORING_CLOSED',
    kind: 'CONFLICT',
    message: 'Điểm của năm này đã được chốt; không thể thay bộ tiêu chí.',
  },
} as const satisfies Record<string, ErrorDef>;
