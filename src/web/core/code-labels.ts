/**
 * Vietnamese names of the codes a page would otherwise show: eligibility rules and their findings
 * (errors and warnings), and the findings of a score-sheet import. Codes stay in the API body and
 * the logs; a page shows the name. Every rule and finding code has one (code-labels.spec.ts).
 */
export const CODE_LABELS: Readonly<Record<string, string>> = {
  // Eligibility rules and their findings (src/domain/eligibility).
  NOT_A_MEMBER: 'Thành viên của khối',
  UNIT_NOT_YET_VALID: 'Đơn vị tồn tại trong năm xét',
  UNIT_DISSOLVED: 'Đơn vị chưa giải thể',
  ONE_TIER_PER_UNIT: 'Một hình thức cho mỗi đơn vị',
  ALREADY_AWARDED_SAME_YEAR: 'Chưa được khen thưởng cho năm này',
  RANKING_INCOMPLETE: 'Bảng xếp hạng hoàn tất',
  LEADER_ONLY: 'Chỉ dành cho đơn vị dẫn đầu',
  LEADER_EXCEPTION_CLAIMED: 'Ngoại lệ đơn vị không dẫn đầu',
  NOT_LEADER: 'Đơn vị không dẫn đầu khối',
  BLOC_QUOTA: 'Chỉ tiêu của khối',
  PROVINCE_CAP: 'Tỷ lệ toàn tỉnh',
  PRIOR_TIER_REQUIRED: 'Khen thưởng bậc thấp hơn năm trước',
  CLASSIFICATION_MISSING: 'Chưa được xếp loại thi đua của năm',
  CLASSIFICATION_TOO_LOW: 'Xếp loại thi đua của năm chưa đạt mức yêu cầu',
  // Score sheet import (src/scoring/excel, src/domain/scoring).
  SHEET_NOT_XLSX: 'Tệp không phải Excel (.xlsx)',
  SHEET_TOO_LARGE: 'Tệp quá lớn',
  SHEET_FILE_REQUIRED: 'Chưa chọn tệp',
  SHEET_MARKER_MISSING: 'Không phải bảng điểm của thidua',
  SHEET_WRONG_TERM: 'Bảng điểm của khối, năm khác',
  SHEET_WRONG_STAGE: 'Bảng điểm của bước chấm khác',
  SHEET_MISSING_COLUMN: 'Thiếu cột',
  SHEET_UNKNOWN_COLUMN: 'Cột không có trong bộ tiêu chí',
  SHEET_DUPLICATE_COLUMN: 'Cột bị lặp',
  SHEET_REJECTED: 'Bảng điểm bị từ chối',
  ROW_UNKNOWN_UNIT: 'Đơn vị không có trong khối',
  ROW_DUPLICATE_UNIT: 'Đơn vị bị lặp',
  ROW_NOT_A_NUMBER: 'Không phải số',
  ROW_INVALID_VALUE: 'Giá trị không hợp lệ',
  ROW_NEGATIVE: 'Điểm âm',
  ROW_ABOVE_MAX: 'Vượt điểm tối đa',
  ROW_TOO_MANY_DECIMALS: 'Quá hai chữ số thập phân',
  ROW_BONUS_TOTAL_CAPPED: 'Điểm thưởng vượt mức trần',
  ROW_PENALTY_TOTAL_CAPPED: 'Điểm trừ vượt mức trần',
  SCORE_MISSING: 'Thiếu điểm',
  SCORE_ABOVE_MAX: 'Vượt điểm tối đa',
  SCORE_NEGATIVE: 'Điểm âm',
  SCORE_NOT_HUNDREDTHS: 'Quá hai chữ số thập phân',
  POINTS_NOT_HUNDREDTHS: 'Quá hai chữ số thập phân',
};

/** The code's Vietnamese name; an unknown code gets a neutral word, never the code itself. */
export const codeLabel = (code: string): string => CODE_LABELS[code] ?? 'Kiểm tra khác';
