import type { ErrorDef } from '../../common/errors/app-error';

export const ProvinceErrors = {
  NOT_FOUND: { code: 'PROVINCE_NOT_FOUND', kind: 'NOT_FOUND', message: 'Không tìm thấy tỉnh.' },
  CODE_TAKEN: { code: 'PROVINCE_CODE_TAKEN', kind: 'CONFLICT', message: 'Mã tỉnh đã được dùng.' },
  SUCCESSOR_UNKNOWN: {
    code: 'PROVINCE_SUCCESSOR_UNKNOWN',
    kind: 'RULE_VIOLATION',
    message: 'Tỉnh kế thừa không tồn tại.',
  },
  DATES_REVERSED: {
    code: 'PROVINCE_DATES_REVERSED',
    kind: 'RULE_VIOLATION',
    message: 'Ngày hết hiệu lực phải sau hoặc bằng ngày bắt đầu hiệu lực.',
  },
} as const satisfies Record<string, ErrorDef>;
