import type { ErrorDef } from '../../common/errors/app-error';

export const OrganizingBodyErrors = {
  NOT_FOUND: {
    code: 'ORGANIZING_BODY_NOT_FOUND',
    kind: 'NOT_FOUND',
    message: 'Không tìm thấy cơ quan tổ chức khối/cụm thi đua.',
  },
  CODE_TAKEN: {
    code: 'ORGANIZING_BODY_CODE_TAKEN',
    kind: 'CONFLICT',
    message: 'Mã cơ quan tổ chức đã được dùng.',
  },
} as const satisfies Record<string, ErrorDef>;
