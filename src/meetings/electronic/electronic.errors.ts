import type { ErrorDef } from '../../common/errors/app-error';

export const ElectronicErrors = {
  NOT_ELECTRONIC: {
    code: 'BALLOT_NOT_ELECTRONIC',
    kind: 'CONFLICT',
    message: 'Phiếu bầu này bỏ phiếu bằng giấy, không bỏ phiếu điện tử.',
  },
  IS_ELECTRONIC: {
    code: 'BALLOT_IS_ELECTRONIC',
    kind: 'CONFLICT',
    message:
      'Phiếu bầu này bỏ phiếu điện tử: kết quả được tính từ các phiếu đã bỏ, Ban kiểm phiếu xác nhận một lần, không nhập tay.',
  },
  NEEDS_SECRET: {
    code: 'BALLOT_ELECTRONIC_NEEDS_SECRET',
    kind: 'RULE_VIOLATION',
    message: 'Bỏ phiếu điện tử là bỏ phiếu kín; không dùng cho biểu quyết giơ tay.',
  },
  BAD_PHASE: {
    code: 'BALLOT_ELECTRONIC_BAD_PHASE',
    kind: 'CONFLICT',
    message: 'Phiếu bầu điện tử không ở bước cho phép việc này.',
  },
  NOT_OPEN: {
    code: 'VOTING_NOT_OPEN',
    kind: 'CONFLICT',
    message: 'Phiếu bầu này không (hoặc không còn) nhận phiếu.',
  },
  CODE_INVALID: {
    code: 'VOTING_CODE_INVALID',
    kind: 'RULE_VIOLATION',
    message: 'Mã bỏ phiếu không đúng. Hãy kiểm tra lại mã in trên phiếu (16 ký tự).',
  },
  CODE_USED: {
    code: 'VOTING_CODE_USED',
    kind: 'CONFLICT',
    message: 'Mã bỏ phiếu này đã được dùng (mỗi mã chỉ bỏ được một phiếu).',
  },
  CODE_VOIDED: {
    code: 'VOTING_CODE_VOIDED',
    kind: 'CONFLICT',
    message: 'Mã bỏ phiếu này đã bị Thư ký hủy (phiếu báo mất). Hãy dùng phiếu mã được cấp lại.',
  },
  CHOICE_INVALID: {
    code: 'VOTING_CHOICE_INVALID',
    kind: 'RULE_VIOLATION',
    message: 'Phiếu chưa bỏ được.',
  },
  TOO_MANY_ATTEMPTS: {
    code: 'VOTING_TOO_MANY_ATTEMPTS',
    kind: 'TOO_MANY_REQUESTS',
    message: 'Nhập sai mã quá nhiều lần. Hãy chờ rồi thử lại, hoặc báo Thư ký hội nghị.',
  },
  SLIP_NOT_FOUND: {
    code: 'VOTING_SLIP_NOT_FOUND',
    kind: 'NOT_FOUND',
    message: 'Không có phiếu mã số này trên phiếu bầu.',
  },
  SLIP_NOT_UNUSED: {
    code: 'VOTING_SLIP_NOT_UNUSED',
    kind: 'CONFLICT',
    message: 'Chỉ hủy được phiếu mã chưa dùng.',
  },
  SLIPS_GONE: {
    code: 'VOTING_SLIPS_GONE',
    kind: 'NOT_FOUND',
    message:
      'Mã bỏ phiếu chỉ được giữ để in đến khi kết thúc bỏ phiếu (và mất khi máy chủ khởi động lại); hệ thống chỉ lưu mã đã băm nên không in lại được. Hãy hủy các phiếu mã chưa phát và cấp phiếu mã mới.',
  },
} as const satisfies Record<string, ErrorDef>;
