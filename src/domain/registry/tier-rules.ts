import { isValidFraction } from '../common/fraction';
import type { Finding } from '../common/result';
import { VOTING_BODIES, type TierRuleData } from './tiers';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function rangesOverlap(
  a: { validFrom: string; validTo: string | null },
  b: { validFrom: string; validTo: string | null },
): boolean {
  const aEnd = a.validTo ?? '9999-12-31';
  const bEnd = b.validTo ?? '9999-12-31';
  return a.validFrom <= bEnd && b.validFrom <= aEnd;
}

function fmtRange(r: { validFrom: string; validTo: string | null }): string {
  return `${r.validFrom} – ${r.validTo ?? 'nay'}`;
}

/**
 * R1: checks one effective-dated tier rule before it is saved: a legal basis, a well-formed
 * period that overlaps no other rule of the same tier, exact fractions, one voting rule per body.
 */
export function validateTierRule(
  rule: TierRuleData,
  otherRulesOfTier: readonly { id: number; validFrom: string; validTo: string | null }[],
): Finding[] {
  const findings: Finding[] = [];
  const error = (code: string, message: string, field?: string): void => {
    findings.push({ code, severity: 'error', message, field });
  };
  if (!isIsoDate(rule.validFrom))
    error('TIER_RULE_BAD_DATE', 'Ngày bắt đầu hiệu lực không hợp lệ.', 'validFrom');
  if (rule.validTo !== null && !isIsoDate(rule.validTo))
    error('TIER_RULE_BAD_DATE', 'Ngày hết hiệu lực không hợp lệ.', 'validTo');
  if (rule.validTo !== null && rule.validTo < rule.validFrom) {
    error(
      'TIER_RULE_PERIOD_REVERSED',
      `Ngày hết hiệu lực (${rule.validTo}) trước ngày bắt đầu (${rule.validFrom}).`,
      'validTo',
    );
  }
  if (rule.legalDocument.trim() === '' || rule.legalArticle.trim() === '') {
    error(
      'TIER_RULE_NO_LEGAL_BASIS',
      'Quy định phải ghi rõ căn cứ pháp lý (văn bản và điều khoản).',
      'legalDocument',
    );
  }
  for (const other of otherRulesOfTier) {
    if (rangesOverlap(rule, other)) {
      error(
        'TIER_RULE_OVERLAP',
        `Thời gian hiệu lực ${fmtRange(rule)} trùng với quy định #${other.id} (${fmtRange(other)}) của cùng hình thức khen thưởng.`,
        'validFrom',
      );
    }
  }
  if (
    rule.perBlocQuota !== null &&
    (!Number.isInteger(rule.perBlocQuota) || rule.perBlocQuota < 0)
  ) {
    error('TIER_RULE_BAD_QUOTA', 'Chỉ tiêu mỗi khối phải là số nguyên không âm.', 'perBlocQuota');
  }
  if (rule.provinceCap !== null && !isValidFraction(rule.provinceCap)) {
    error(
      'TIER_RULE_BAD_FRACTION',
      'Tỷ lệ trần toàn tỉnh phải là phân số từ 0 đến 1 (tử số ≤ mẫu số, mẫu số > 0).',
      'provinceCap',
    );
  }
  const bodies = new Set<string>();
  rule.votingRules.forEach((v, i) => {
    if (bodies.has(v.body))
      error(
        'TIER_RULE_DUPLICATE_BODY',
        `Có hai quy tắc bỏ phiếu cho cùng một cấp (${v.body}).`,
        `votingRules.${i}.body`,
      );
    bodies.add(v.body);
    if (!isValidFraction(v.threshold) || v.threshold.numerator === 0) {
      error(
        'TIER_RULE_BAD_FRACTION',
        'Ngưỡng đạt phải là phân số lớn hơn 0 và không quá 1.',
        `votingRules.${i}.threshold`,
      );
    }
    if (!isValidFraction(v.quorum)) {
      error(
        'TIER_RULE_BAD_FRACTION',
        'Tỷ lệ tối thiểu có mặt phải là phân số từ 0 đến 1.',
        `votingRules.${i}.quorum`,
      );
    }
  });
  if (!bodies.has('BLOC')) {
    error(
      'TIER_RULE_NO_BLOC_VOTING',
      `Thiếu quy tắc bỏ phiếu của khối (cần một trong: ${VOTING_BODIES.join(', ')}; bắt buộc BLOC).`,
      'votingRules',
    );
  }
  return findings;
}

/** R1: the reference date of award year Y's review: reviews of a year take place after it ends. */
export function reviewReferenceDate(year: number): string {
  return `${year + 1}-01-01`;
}

/** R1: the one rule in force on a date (bounds inclusive), or null when none is. */
export function resolveRuleOn<T extends { validFrom: string; validTo: string | null }>(
  rules: readonly T[],
  onDate: string,
): T | null {
  return (
    rules.find((r) => r.validFrom <= onDate && (r.validTo === null || onDate <= r.validTo)) ?? null
  );
}
