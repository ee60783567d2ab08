import { AppError, type ErrorDef, type ErrorDetail } from '../common/errors/app-error';
import type { Finding } from '../domain/common/result';

export const NominationErrors = {
  NOT_FOUND: {
    code: 'NOMINATION_NOT_FOUND',
    kind: 'NOT_FOUND',
    message: 'Không tìm thấy hồ sơ đề nghị khen thưởng.',
  },
  INELIGIBLE: {
    code: 'NOMINATION_INELIGIBLE',
    kind: 'RULE_VIOLATION',
    message: 'Đề nghị khen thưởng không đáp ứng quy định.',
  },
  NOT_EDITABLE: {
    code: 'NOMINATION_NOT_EDITABLE',
    kind: 'CONFLICT',
    message: 'Chỉ sửa được hồ sơ ở trạng thái dự thảo.',
  },
  BAD_TRANSITION: {
    code: 'NOMINATION_BAD_TRANSITION',
    kind: 'CONFLICT',
    message: 'Không thể chuyển hồ sơ sang trạng thái này.',
  },
  REASON_REQUIRED: {
    code: 'NOMINATION_REASON_REQUIRED',
    kind: 'RULE_VIOLATION',
    message: 'Bước này phải ghi lý do.',
  },
  USE_COUNCIL_ENDPOINT: {
    code: 'NOMINATION_USE_COUNCIL_VOTE',
    kind: 'CONFLICT',
    message:
      'Kết quả của Hội đồng TĐKT tỉnh được ghi qua thao tác "ghi kết quả biểu quyết của Hội đồng".',
  },
  USE_DECISION_ENDPOINT: {
    code: 'NOMINATION_USE_DECISION',
    kind: 'CONFLICT',
    message: 'Quyết định khen thưởng được ghi qua thao tác "ghi quyết định".',
  },
  COUNCIL_COUNTS_INVALID: {
    code: 'COUNCIL_COUNTS_INVALID',
    kind: 'RULE_VIOLATION',
    message: 'Số liệu biểu quyết của Hội đồng không hợp lệ.',
  },
  COUNCIL_NO_QUORUM: {
    code: 'COUNCIL_NO_QUORUM',
    kind: 'RULE_VIOLATION',
    message: 'Phiên họp của Hội đồng không đủ số thành viên tối thiểu.',
  },
  NO_COUNCIL_RULE: {
    code: 'COUNCIL_RULE_MISSING',
    kind: 'RULE_VIOLATION',
    message: 'Hình thức khen thưởng chưa có quy tắc biểu quyết của Hội đồng TĐKT tỉnh cho năm này.',
  },
  AWARD_EXISTS: {
    code: 'AWARD_ALREADY_RECORDED',
    kind: 'CONFLICT',
    message: 'Đơn vị đã có khen thưởng hình thức này cho năm này.',
  },
  REPORT_TYPE: {
    code: 'REPORT_FILE_TYPE',
    kind: 'INVALID_INPUT',
    message: 'Báo cáo thành tích phải là tệp PDF hoặc Word (.docx).',
  },
  REPORT_REQUIRED: {
    code: 'REPORT_FILE_REQUIRED',
    kind: 'INVALID_INPUT',
    message: 'Chưa chọn tệp báo cáo thành tích.',
  },
  REPORT_NOT_FOUND: {
    code: 'REPORT_NOT_FOUND',
    kind: 'NOT_FOUND',
    message: 'Không tìm thấy báo cáo thành tích.',
  },
  TIER_NOT_FOR_BLOC: {
    code: 'NOMINATION_TIER_NOT_FOR_BLOC',
    kind: 'RULE_VIOLATION',
    message: 'Cơ quan tổ chức của khối/cụm không đề nghị hình thức khen thưởng này.',
  },
  DATE_BEFORE_MEETING: {
    code: 'NOMINATION_DATE_BEFORE_MEETING',
    kind: 'RULE_VIOLATION',
    message: 'Ngày này không thể trước ngày hội nghị bình xét đã đề nghị.',
  },
  DATE_BEFORE_COUNCIL: {
    code: 'NOMINATION_DATE_BEFORE_COUNCIL',
    kind: 'RULE_VIOLATION',
    message: 'Ngày quyết định không thể trước ngày Hội đồng bỏ phiếu.',
  },
  REFERENCE_DATE_TOO_EARLY: {
    code: 'NOMINATION_REFERENCE_DATE_TOO_EARLY',
    kind: 'RULE_VIOLATION',
    message: 'Ngày xét không thể trước ngày xét của năm thi đua.',
  },
} as const satisfies Record<string, ErrorDef>;

/**
 * A broken eligibility rule answers with the rule's own code (`UNIT_DISSOLVED`, `BLOC_QUOTA_EXCEEDED`,
 * …; the codes are listed with the rules in src/domain/eligibility) and its Vietnamese message.
 */
export function ruleViolation(finding: Finding): ErrorDef {
  return { code: finding.code, kind: 'RULE_VIOLATION', message: finding.message };
}

/** The findings as the error body lists them (`details`). */
export const findingDetails = (findings: readonly Finding[]): ErrorDetail[] =>
  findings.map((f) => ({ field: f.field, code: f.code, message: f.message, params: f.params }));

const DATE_ERRORS: Readonly<Record<string, ErrorDef>> = {
  NOMINATION_DATE_BEFORE_MEETING: NominationErrors.DATE_BEFORE_MEETING,
  NOMINATION_DATE_BEFORE_COUNCIL: NominationErrors.DATE_BEFORE_COUNCIL,
  NOMINATION_REFERENCE_DATE_TOO_EARLY: NominationErrors.REFERENCE_DATE_TOO_EARLY,
};

/** Throws the coded error of a date-order finding (R1, R13, R18); nothing is written. */
export function refuseDateFinding(finding: Finding | null): void {
  if (!finding) return;
  const def = DATE_ERRORS[finding.code] ?? NominationErrors.INELIGIBLE;
  throw new AppError(def, { message: finding.message, details: findingDetails([finding]) });
}
