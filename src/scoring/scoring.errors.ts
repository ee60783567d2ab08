import type { ErrorDef } from '../common/errors/app-error';

export const ScoringErrors = {
  NO_LOCKED_SET: {
    code: 'SCORING_NO_LOCKED_SET',
    kind: 'CONFLICT',
    message: 'Chưa ký giao ước (bộ tiêu chí chưa khóa) nên chưa thể chấm điểm.',
  },
  STAGE_CLOSED: {
    code: 'SCORE_STAGE_CLOSED',
    kind: 'CONFLICT',
    message: 'Giai đoạn chấm điểm này đã kết thúc; không sửa được điểm.',
  },
  STAGE_NOT_OPEN: {
    code: 'SCORE_STAGE_NOT_OPEN',
    kind: 'CONFLICT',
    message: 'Giai đoạn chấm điểm này chưa mở.',
  },
  NOT_A_MEMBER: {
    code: 'SCORE_UNIT_NOT_MEMBER',
    kind: 'NOT_FOUND',
    message: 'Đơn vị không phải thành viên của khối trong năm này.',
  },
  INVALID: { code: 'SCORE_INVALID', kind: 'RULE_VIOLATION', message: 'Điểm nhập không hợp lệ.' },
  LINE_VERSION_CONFLICT: {
    code: 'SCORE_VERSION_CONFLICT',
    kind: 'CONFLICT',
    message: 'Điểm đã được người khác sửa trong lúc bạn nhập. Hãy tải lại để xem giá trị mới nhất.',
  },
  BAD_TRANSITION: {
    code: 'SCORING_BAD_TRANSITION',
    kind: 'CONFLICT',
    message: 'Không thể chuyển sang giai đoạn chấm điểm này.',
  },
  INCOMPLETE: {
    code: 'SCORING_INCOMPLETE',
    kind: 'RULE_VIOLATION',
    message: 'Chưa đủ điểm thống nhất của mọi đơn vị nên chưa thể chốt điểm.',
  },
  DRAW_INVALID: {
    code: 'SCORE_DRAW_INVALID',
    kind: 'RULE_VIOLATION',
    message: 'Số bốc thăm không hợp lệ.',
  },
  EVIDENCE_NOT_FOUND: {
    code: 'EVIDENCE_NOT_FOUND',
    kind: 'NOT_FOUND',
    message: 'Không tìm thấy minh chứng.',
  },
  EVIDENCE_FILE_REQUIRED: {
    code: 'EVIDENCE_FILE_REQUIRED',
    kind: 'INVALID_INPUT',
    message: 'Chưa chọn tệp minh chứng.',
  },
  EVIDENCE_TYPE: {
    code: 'EVIDENCE_FILE_TYPE',
    kind: 'INVALID_INPUT',
    message: 'Tệp minh chứng phải là PDF, ảnh JPEG/PNG, Word (.docx) hoặc Excel (.xlsx).',
  },
  SHEET_FILE_REQUIRED: {
    code: 'SHEET_FILE_REQUIRED',
    kind: 'INVALID_INPUT',
    message: 'Chưa chọn tệp Excel bảng điểm.',
  },
  SHEET_REJECTED: {
    code: 'SHEET_REJECTED',
    kind: 'RULE_VIOLATION',
    message:
      'Bảng điểm có lỗi; chưa dòng nào được lưu. Hãy sửa các dòng được liệt kê rồi nhập lại.',
  },
  UNKNOWN_ITEM: {
    code: 'SCORE_UNKNOWN_ITEM',
    kind: 'NOT_FOUND',
    message: 'Không có tiêu chí này trong bộ tiêu chí đã ký.',
  },
} as const satisfies Record<string, ErrorDef>;
