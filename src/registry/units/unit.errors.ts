import type { ErrorDef } from '../../common/errors/app-error';

export const UnitErrors = {
  NOT_FOUND: { code: 'UNIT_NOT_FOUND', kind: 'NOT_FOUND', message: 'Không tìm thấy đơn vị.' },
  CODE_TAKEN: {
    code: 'UNIT_CODE_TAKEN',
    kind: 'CONFLICT',
    message: 'Mã đơn vị đã được dùng cho một đơn vị khác.',
  },
  IN_USE: {
    code: 'UNIT_IN_USE',
    kind: 'CONFLICT',
    message:
      'Không thể xóa đơn vị vì đơn vị đang có dữ liệu (thành viên khối, kế thừa…). Hãy đặt ngày hết hiệu lực thay vì xóa.',
  },
  PROVINCE_UNKNOWN: {
    code: 'UNIT_PROVINCE_UNKNOWN',
    kind: 'RULE_VIOLATION',
    message: 'Tỉnh của đơn vị không tồn tại.',
  },
  DATES_REVERSED: {
    code: 'UNIT_DATES_REVERSED',
    kind: 'RULE_VIOLATION',
    message: 'Ngày hết hiệu lực phải sau hoặc bằng ngày bắt đầu hiệu lực.',
  },
  LINEAGE_EXISTS: {
    code: 'UNIT_LINEAGE_EXISTS',
    kind: 'CONFLICT',
    message: 'Liên kết kế thừa này đã có.',
  },
  LINEAGE_INCONSISTENT: {
    code: 'UNIT_LINEAGE_INCONSISTENT',
    kind: 'RULE_VIOLATION',
    message: 'Liên kết kế thừa không khớp với thời gian hiệu lực của hai đơn vị.',
  },
} as const satisfies Record<string, ErrorDef>;
