import type { ErrorDef } from '../common/errors/app-error';

export const AwardTierErrors = {
  NOT_FOUND: {
    code: 'TIER_NOT_FOUND',
    kind: 'NOT_FOUND',
    message: 'Không tìm thấy hình thức khen thưởng.',
  },
  CODE_TAKEN: {
    code: 'TIER_CODE_TAKEN',
    kind: 'CONFLICT',
    message: 'Mã hình thức khen thưởng đã được dùng.',
  },
  RANK_TAKEN: {
    code: 'TIER_RANK_TAKEN',
    kind: 'CONFLICT',
    message: 'Thứ bậc này đã được gán cho hình thức khen thưởng khác.',
  },
  RULE_NOT_FOUND: {
    code: 'TIER_RULE_NOT_FOUND',
    kind: 'NOT_FOUND',
    message: 'Không tìm thấy quy định của hình thức khen thưởng.',
  },
  RULE_INVALID: {
    code: 'TIER_RULE_INVALID',
    kind: 'RULE_VIOLATION',
    message: 'Quy định của hình thức khen thưởng không hợp lệ.',
  },
  NO_RULE_IN_FORCE: {
    code: 'TIER_NO_RULE_IN_FORCE',
    kind: 'RULE_VIOLATION',
    message: 'Không có quy định nào của hình thức khen thưởng có hiệu lực vào ngày xét.',
  },
  AUTHORITY_UNKNOWN: {
    code: 'TIER_AUTHORITY_UNKNOWN',
    kind: 'RULE_VIOLATION',
    message: 'Người có thẩm quyền quyết định không có trong danh mục.',
  },
  AUTHORITY_CODE_TAKEN: {
    code: 'AUTHORITY_CODE_TAKEN',
    kind: 'CONFLICT',
    message: 'Mã người có thẩm quyền quyết định đã được dùng.',
  },
  ORGANIZATION_NOT_OWN: {
    code: 'TIER_ORGANIZATION_NOT_OWN',
    kind: 'RULE_VIOLATION',
    message: 'Hình thức khen thưởng riêng chỉ tạo được cho tổ chức của chính tài khoản.',
  },
  ORGANIZING_BODY_UNKNOWN: {
    code: 'TIER_ORGANIZING_BODY_UNKNOWN',
    kind: 'RULE_VIOLATION',
    message: 'Không tìm thấy tổ chức (cơ quan tổ chức) của hình thức khen thưởng.',
  },
} as const satisfies Record<string, ErrorDef>;
