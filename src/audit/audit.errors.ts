import type { ErrorDef } from '../common/errors/app-error';

export const AuditErrors = {
  CHAIN_BROKEN: {
    code: 'AUDIT_CHAIN_BROKEN',
    kind: 'CONFLICT',
    message:
      'Nhật ký không toàn vẹn (kiểm tra chuỗi băm không đạt): không tạo điểm mốc cho một nhật ký đã bị sửa. Hãy xem /api/audit/verify.',
  },
  NO_CHECKPOINT: {
    code: 'AUDIT_NO_CHECKPOINT',
    kind: 'NOT_FOUND',
    message: 'Chưa có điểm mốc nào của nhật ký; hãy tạo một điểm mốc.',
  },
  NO_ROWS: {
    code: 'AUDIT_NO_ROWS',
    kind: 'CONFLICT',
    message: 'Nhật ký chưa có dòng nào của tổ chức để tạo điểm mốc.',
  },
  CHECKPOINT_INCOMPLETE: {
    code: 'AUDIT_CHECKPOINT_INCOMPLETE',
    kind: 'INVALID_INPUT',
    message:
      'Điểm mốc cần đủ các trường auditId, headHash, at, keyId và signature (như trong tệp điểm mốc đã xuất).',
  },
} as const satisfies Record<string, ErrorDef>;
