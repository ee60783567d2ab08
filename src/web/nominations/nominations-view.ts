import { AppError, type ErrorDetail } from '../../common/errors/app-error';
import { ELIGIBILITY_RULES } from '../../domain/eligibility';
import { citeLegalBasis, legalBasisOn } from '../../domain/eligibility/rule';
import {
  NOMINATION_STATUS_LABELS,
  transitionNeedsReason,
  type NominationStatus,
} from '../../domain/nominations/status';
import type { NominationDto } from '../../nominations/dto/nomination.dto';

/** Pure view-model helpers of the nominations area (no database here). */

export interface Warning {
  code: string;
  message: string;
}

/** The warnings an error's eligibility carries (service errors of create, update, transition). */
export function warningsOf(e: unknown): Warning[] {
  if (!(e instanceof AppError)) return [];
  const elig = e.extra.eligibility as
    { warnings?: { code: string; message: string }[] } | undefined;
  return (elig?.warnings ?? []).map((w) => ({ code: w.code, message: w.message }));
}

export const ACK_PREFIX = 'ack_';
export const ACK_MISSING = 'Vui lòng ghi lý do để xác nhận cảnh báo này.';

/** The acknowledgements typed in a form: one `ack_<CODE>` field per warning; empty ones are left out. */
export function acksFrom(values: Record<string, string>): { code: string; reason: string }[] {
  return Object.entries(values)
    .filter(([k, v]) => k.startsWith(ACK_PREFIX) && v.trim() !== '')
    .map(([k, v]) => ({ code: k.slice(ACK_PREFIX.length), reason: v.trim() }));
}

/**
 * Puts a service error's details next to the page's fields: an unacknowledged warning next to its
 * reason field, a missing transition reason next to the reason field, validation paths of the
 * acknowledgements next to their warning.
 */
export function placeError(
  e: unknown,
  values: Record<string, string>,
  extra: { reasonField?: string; fieldOfCode?: Record<string, string> } = {},
): unknown {
  if (!(e instanceof AppError)) return e;
  const acks = acksFrom(values);
  const details: ErrorDetail[] = e.details.map((d) => {
    const warningCode = d.params?.warningCode;
    if (typeof warningCode === 'string' && d.code === warningCode)
      return { ...d, field: `${ACK_PREFIX}${warningCode}`, message: ACK_MISSING };
    const m = d.field ? /^acknowledgements\.(\d+)\.reason$/.exec(d.field) : null;
    if (m && acks[Number(m[1])]) return { ...d, field: `${ACK_PREFIX}${acks[Number(m[1])]!.code}` };
    return d;
  });
  const field =
    e.code === 'NOMINATION_REASON_REQUIRED' ? extra.reasonField : extra.fieldOfCode?.[e.code];
  if (field && !details.some((d) => d.field === field))
    details.push({ field, code: e.code, message: e.message });
  return new AppError(e, { details, extra: { ...e.extra } });
}

export type RuleState = 'passed' | 'warning' | 'error';

export interface RuleRow {
  code: string;
  description: string;
  legalBasis: string | null;
  state: RuleState;
  stateLabel: string;
  findings: { code: string; message: string; acknowledged: string | null }[];
}

const STATE_LABELS: Record<RuleState, string> = {
  passed: 'Đạt',
  warning: 'Cảnh báo',
  error: 'Không đạt',
};

/** The eligibility results rule by rule, in the rules' order, with their legal basis. */
export function ruleRows(
  elig: NominationDto['eligibility'],
  acks: readonly { code: string; reason: string }[] = [],
  referenceDate: string | null = null,
): RuleRow[] {
  return elig.checkedRules.map((code) => {
    const rule = ELIGIBILITY_RULES.find((r) => r.code === code);
    const codes: readonly string[] = rule?.findingCodes ?? [code];
    const errors = elig.errors.filter((f) => codes.includes(f.code));
    const warnings = elig.warnings.filter((f) => codes.includes(f.code));
    const state: RuleState = errors.length ? 'error' : warnings.length ? 'warning' : 'passed';
    // A decision cites only instruments dated on or before it (no TT 15/2025 for 2023).
    const basis = rule && (referenceDate ? legalBasisOn(rule, referenceDate) : rule.legalBasis);
    return {
      code,
      description: rule?.description ?? '',
      legalBasis: basis ? citeLegalBasis(basis) : null,
      state,
      stateLabel: STATE_LABELS[state],
      findings: [...errors, ...warnings].map((f) => ({
        code: f.code,
        message: f.message,
        acknowledged: acks.find((a) => a.code === f.code)?.reason ?? null,
      })),
    };
  });
}

export const statusLabel = (s: string): string =>
  NOMINATION_STATUS_LABELS[s as NominationStatus] ?? s;

const TRANSITION_LABELS: Partial<Record<NominationStatus, string>> = {
  PROPOSED: 'Khối đề nghị',
  SUBMITTED: 'Gửi lên tỉnh',
  DRAFT: 'Trả về dự thảo',
  WITHDRAWN: 'Rút hồ sơ',
  REJECTED: 'Ghi: không được khen thưởng',
};

/** The transitions offered as buttons; the council's vote and the decision have their own forms. */
export function transitionButtons(n: NominationDto) {
  return n.allowedTransitions
    .filter((to) => !['PASSED', 'CUT', 'DECIDED'].includes(to))
    .map((to) => ({
      to,
      label: TRANSITION_LABELS[to] ?? statusLabel(to),
      needsReason: transitionNeedsReason(n.status, to),
      reasonField: `reason_${to}`,
      confirm: ['WITHDRAWN', 'REJECTED'].includes(to)
        ? 'Bước này không hoàn tác được. Tiếp tục?'
        : null,
    }));
}
