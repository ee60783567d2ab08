import { BUILT_IN_AUTHORITY_LABELS } from '../../domain/registry/deciding-authority';
import { ROLE_LABELS } from '../../domain/auth/permissions';
import { CRITERIA_SET_STATUS_LABELS } from '../../criteria/criteria.mapper';
import { BALLOT_STATUS_LABELS, MEETING_STATUS_LABELS } from '../../domain/meetings/status';
import { NOMINATION_STATUS_LABELS } from '../../domain/nominations/status';
import { TIE_BREAK_LABELS, VOTE_DENOMINATOR_LABELS } from '../../domain/registry/tiers';
import { BLOC_KIND_LABELS, UNIT_TYPE_LABELS } from '../../domain/registry/unit-types';
import { SCORING_PHASE_LABELS } from '../../domain/scoring/phase';
import { codeLabel, CODE_LABELS } from './code-labels';
import { formatDate, formatDateTime, formatNumber } from './format';

/**
 * Vietnamese names of the fields the services put in the audit log's before/after records. A
 * field without a name here is technical (ids of links, hashes, versions): the page leaves it out
 * and says how many it left; the CSV export keeps every field.
 */
export const AUDIT_FIELD_LABELS: Readonly<Record<string, string>> = {
  username: 'Tên đăng nhập',
  displayName: 'Họ tên',
  role: 'Vai trò',
  roleLabel: 'Vai trò',
  active: 'Đang hoạt động',
  blocIds: 'Khối, cụm phụ trách',
  unitId: 'Đơn vị',
  kind: 'Loại',
  expiresAt: 'Hết hạn lúc',
  code: 'Mã',
  name: 'Tên',
  shortName: 'Tên ngắn',
  fullName: 'Tên đầy đủ',
  collectiveName: 'Tên tập thể',
  type: 'Loại',
  typeLabel: 'Loại',
  validFrom: 'Hiệu lực từ',
  validTo: 'Hiệu lực đến',
  year: 'Năm',
  title: 'Tiêu đề',
  description: 'Mô tả',
  status: 'Trạng thái',
  statusLabel: 'Trạng thái',
  signedOn: 'Ngày ký giao ước',
  scale: 'Thang điểm',
  bonusCap: 'Mức trần điểm thưởng',
  penaltyCap: 'Mức trần điểm trừ',
  maxPoints: 'Điểm tối đa',
  from: 'Từ',
  to: 'Sang',
  reason: 'Lý do',
  note: 'Ghi chú',
  leaderOnly: 'Chỉ cho đơn vị dẫn đầu',
  decidingAuthority: 'Cấp quyết định',
  perBlocQuota: 'Chỉ tiêu mỗi khối',
  legalDocument: 'Văn bản căn cứ',
  legalArticle: 'Điều, khoản',
  effectiveDate: 'Ngày hiệu lực',
  position: 'Thứ tự',
  tieBreak: 'Khi bằng phiếu',
  denominator: 'Mẫu số biểu quyết',
  achievementSummary: 'Tóm tắt thành tích',
  referenceDate: 'Ngày xét',
  leaderExceptionBasis: 'Căn cứ ngoại lệ',
  decisionNumber: 'Số quyết định',
  decisionDate: 'Ngày quyết định',
  decider: 'Người ký quyết định',
  councilDate: 'Ngày họp Hội đồng',
  members: 'Số thành viên',
  present: 'Số có mặt',
  agree: 'Số tán thành',
  meetingDate: 'Ngày họp',
  place: 'Địa điểm',
  agenda: 'Chương trình',
  isRehearsal: 'Diễn tập',
  startTime: 'Giờ bắt đầu',
  endTime: 'Giờ kết thúc',
  chairName: 'Người chủ trì',
  secretaryName: 'Thư ký',
  guests: 'Khách mời',
  seats: 'Số suất',
  ballotsIssued: 'Số phiếu phát ra',
  ballotsReturned: 'Số phiếu thu về',
  valid: 'Số phiếu hợp lệ',
  invalid: 'Số phiếu không hợp lệ',
  stage: 'Bước chấm',
  fileName: 'Tên tệp',
  sizeBytes: 'Dung lượng (byte)',
  number: 'Số văn bản',
  date: 'Ngày',
  value: 'Giá trị',
  rows: 'Số dòng',
  lines: 'Số dòng điểm',
  drawNumber: 'Số bốc thăm',
  headUnitId: 'Trưởng khối',
  deputyUnitId: 'Phó khối',
  nextHeadUnitId: 'Trưởng khối năm sau',
  nextDeputyUnitId: 'Phó khối năm sau',
  grandTotal: 'Tổng điểm',
  rank: 'Xếp hạng',
  absenceReason: 'Lý do vắng',
  delegateName: 'Người dự',
};

/** Names of the enumerated values (roles, statuses, kinds) found in audit records. */
const VALUE_LABELS: Readonly<Record<string, string>> = {
  ...ROLE_LABELS,
  ...NOMINATION_STATUS_LABELS,
  ...MEETING_STATUS_LABELS,
  ...BALLOT_STATUS_LABELS,
  ...CRITERIA_SET_STATUS_LABELS,
  ...SCORING_PHASE_LABELS,
  ...UNIT_TYPE_LABELS,
  ...BLOC_KIND_LABELS,
  ...BUILT_IN_AUTHORITY_LABELS,
  ...VOTE_DENOMINATOR_LABELS,
  ...TIE_BREAK_LABELS,
  COOKIE: 'phiên trình duyệt',
  BEARER: 'mã truy cập API',
  SYSTEM: 'hệ thống',
};

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
const ENUM = /^[A-Z][A-Z0-9_]*$/;

/** One value as a person reads it: dates dd/mm/yyyy, yes/no, named statuses, short lists. */
export function auditValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '(trống)';
  if (typeof v === 'boolean') return v ? 'có' : 'không';
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'string') {
    if (ISO_DAY.test(v)) return formatDate(v);
    if (ISO_MOMENT.test(v)) return formatDateTime(v);
    if (ENUM.test(v)) {
      if (VALUE_LABELS[v]) return VALUE_LABELS[v];
      if (CODE_LABELS[v]) return codeLabel(v);
      return v.includes('_') ? '(mã nội bộ)' : v;
    }
    return v.length > 200 ? `${v.slice(0, 199)}…` : v;
  }
  if (Array.isArray(v))
    return v.every((x) => typeof x !== 'object' || x === null)
      ? v.map(auditValue).join(', ')
      : `${v.length} mục`;
  return 'có chi tiết';
}

export interface AuditChange {
  field: string;
  before: string | null;
  after: string | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The audit row's change as named fields: for an update only the fields that differ, for a
 * creation or a deletion every named field. Technical fields are counted in `hidden`.
 */
export function auditChanges(
  before: unknown,
  after: unknown,
): {
  changes: AuditChange[];
  hidden: number;
} {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const changes: AuditChange[] = [];
  let hidden = 0;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const seenLabels = new Set<string>();
  for (const key of keys) {
    const inB = key in b;
    const inA = key in a;
    if (inB && inA && JSON.stringify(b[key]) === JSON.stringify(a[key])) continue;
    const label = AUDIT_FIELD_LABELS[key];
    if (!label || seenLabels.has(label)) {
      hidden++;
      continue;
    }
    seenLabels.add(label);
    changes.push({
      field: label,
      before: inB ? auditValue(b[key]) : null,
      after: inA ? auditValue(a[key]) : null,
    });
  }
  if (!isRecord(before) && before !== null && before !== undefined)
    changes.push({ field: 'Giá trị', before: auditValue(before), after: null });
  if (!isRecord(after) && after !== null && after !== undefined)
    changes.push({ field: 'Giá trị', before: null, after: auditValue(after) });
  return { changes, hidden };
}
