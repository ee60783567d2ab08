import type { ErrorDef } from '../common/errors/app-error';

export const AwardErrors = {
  IMPORT_REJECTED: {
    code: 'AWARD_IMPORT_REJECTED',
    kind: 'RULE_VIOLATION',
    message: 'Tệp có lỗi; chưa dòng nào được lưu.',
  },
  FILE_REQUIRED: {
    code: 'AWARD_FILE_REQUIRED',
    kind: 'INVALID_INPUT',
    message: 'Chưa chọn tệp lịch sử khen thưởng.',
  },
} as const satisfies Record<string, ErrorDef>;
