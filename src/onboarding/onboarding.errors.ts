import type { ErrorDef } from '../common/errors/app-error';

export const OnboardingErrors = {
  FILE_REQUIRED: {
    code: 'IMPORT_FILE_REQUIRED',
    kind: 'INVALID_INPUT',
    message: 'Chưa chọn tệp (Excel .xlsx hoặc CSV) để nhập.',
  },
  UNITS_REJECTED: {
    code: 'UNIT_IMPORT_REJECTED',
    kind: 'RULE_VIOLATION',
    message: 'Tệp đơn vị có lỗi; chưa dòng nào được lưu. Hãy sửa các dòng được nêu rồi nhập lại.',
  },
  BLOCS_REJECTED: {
    code: 'BLOC_IMPORT_REJECTED',
    kind: 'RULE_VIOLATION',
    message:
      'Tệp khối, cụm thi đua có lỗi; chưa dòng nào được lưu. Hãy sửa các dòng được nêu rồi nhập lại.',
  },
  WRITE_COUNT_MISMATCH: {
    code: 'IMPORT_WRITE_COUNT_MISMATCH',
    kind: 'CONFLICT',
    message:
      'Số dòng ghi được khác số dòng đã xem trước (dữ liệu vừa bị thay đổi); chưa dòng nào được lưu, hãy xem trước lại.',
  },
  ROLLOVER_NOTHING: {
    code: 'ROLLOVER_NOTHING_TO_CREATE',
    kind: 'CONFLICT',
    message: 'Không có nhiệm kỳ nào để tạo: mọi khối, cụm đã có năm sau hoặc không có năm này.',
  },
  ROLLOVER_CHANGED: {
    code: 'ROLLOVER_PREVIEW_OUTDATED',
    kind: 'CONFLICT',
    message: 'Dữ liệu đã thay đổi từ lúc xem trước; chưa tạo gì, hãy xem trước lại.',
  },
} as const satisfies Record<string, ErrorDef>;
