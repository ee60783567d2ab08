import type { Finding } from '../common/result';
import { capitalize } from '../common/text';
import { indexCriteriaSet, itemLabel, type CriteriaSet, type IndexedItem } from './criteria-set';
import {
  formatEnteredPoints,
  formatPoints,
  formatRawPoints,
  isCentipoints,
  type Centipoints,
} from './points';

/** R12: self-assessment (tự chấm) → review / cross-check (thẩm định, chấm chéo) → agreed score (thống nhất). */
export type ScoreStage = 'SELF' | 'REVIEW' | 'AGREED';

/**
 * One entered value for a criterion, a bonus item or a penalty item, found by its code.
 * Penalties are entered as positive numbers and subtracted.
 */
export interface ScoreLine {
  readonly code: string;
  readonly value: Centipoints;
  /** Why the value differs from the previous stage; required when it does (R12). */
  readonly reason?: string;
}

/**
 * One unit's sheet at one stage. A REVIEW sheet is compared with the SELF lines, an AGREED sheet
 * with the REVIEW lines, so every change from the previous stage carries a reason.
 */
export type ScoreSheet =
  | { readonly stage: 'SELF'; readonly lines: readonly ScoreLine[] }
  | {
      readonly stage: 'REVIEW' | 'AGREED';
      readonly lines: readonly ScoreLine[];
      readonly previousLines: readonly ScoreLine[];
    };

export const SCORE_FINDING_CODES = [
  'SCORE_UNKNOWN_CODE',
  'SCORE_DUPLICATE_LINE',
  'SCORE_NOT_HUNDREDTHS',
  'SCORE_NEGATIVE',
  'SCORE_ABOVE_MAX',
  'BONUS_ABOVE_CAP',
  'PENALTY_ABOVE_CAP',
  'BONUS_TOTAL_CAPPED',
  'PENALTY_TOTAL_CAPPED',
  'REVIEW_REASON_REQUIRED',
  'AGREED_REASON_REQUIRED',
  /** Emitted by `computeUnitTotals` for a criterion without an agreed value. */
  'SCORE_MISSING',
] as const;
export type ScoreFindingCode = (typeof SCORE_FINDING_CODES)[number];

function finding(
  code: ScoreFindingCode,
  message: string,
  field: string,
  params: Finding['params'],
  severity: Finding['severity'] = 'error',
): Finding {
  return { code, severity, message, field, params };
}

/**
 * R11: checks entered values against a valid set: known code, once per sheet, hundredths, not
 * negative, criterion ≤ its maximum, bonus/penalty ≤ its item cap. Sums above the overall caps
 * are warnings (the totals count only up to the cap).
 */
export function validateScoreValues(set: CriteriaSet, lines: readonly ScoreLine[]): Finding[] {
  const index = indexCriteriaSet(set);
  const findings: Finding[] = [];
  const seen = new Set<string>();
  let bonusSum = 0;
  let penaltySum = 0;

  lines.forEach((line, i) => {
    const field = `lines[${i}]`;
    const item = index.get(line.code);
    if (item === undefined) {
      findings.push(
        finding(
          'SCORE_UNKNOWN_CODE',
          `Mã “${line.code}” không có trong bộ tiêu chí.`,
          `${field}.code`,
          {
            code: line.code,
          },
        ),
      );
      return;
    }
    const label = itemLabel(item.kind, item.code);
    if (seen.has(line.code)) {
      findings.push(
        finding(
          'SCORE_DUPLICATE_LINE',
          `${capitalize(label)} được chấm hơn một lần trong cùng bảng điểm.`,
          `${field}.code`,
          {
            code: line.code,
          },
        ),
      );
      return;
    }
    seen.add(line.code);
    const valueField = `${field}.value`;
    if (!isCentipoints(line.value)) {
      findings.push(
        finding(
          'SCORE_NOT_HUNDREDTHS',
          `Điểm của ${label} (${formatRawPoints(line.value)}) chỉ được lấy đến hai chữ số thập phân.`,
          valueField,
          { code: line.code, value: line.value },
        ),
      );
      return;
    }
    if (line.value < 0) {
      const hint = item.kind === 'PENALTY' ? ' (điểm trừ được nhập bằng số dương)' : '';
      findings.push(
        finding(
          'SCORE_NEGATIVE',
          `Điểm của ${label} là ${formatPoints(line.value)}, không được âm${hint}.`,
          valueField,
          {
            code: line.code,
            value: line.value,
          },
        ),
      );
      return;
    }
    if (item.kind === 'BONUS') bonusSum += line.value;
    if (item.kind === 'PENALTY') penaltySum += line.value;
    if (line.value > item.limit) findings.push(aboveLimit(item, line.value, label, valueField));
  });

  if (bonusSum > set.bonusCap) {
    findings.push(
      finding(
        'BONUS_TOTAL_CAPPED',
        `Tổng điểm cộng là ${formatPoints(bonusSum)}, vượt mức cộng tối đa ${formatPoints(set.bonusCap)}; chỉ được tính ${formatPoints(set.bonusCap)} điểm.`,
        'lines',
        { sum: bonusSum, cap: set.bonusCap },
        'warning',
      ),
    );
  }
  if (penaltySum > set.penaltyCap) {
    findings.push(
      finding(
        'PENALTY_TOTAL_CAPPED',
        `Tổng điểm trừ là ${formatPoints(penaltySum)}, vượt mức trừ tối đa ${formatPoints(set.penaltyCap)}; chỉ bị trừ ${formatPoints(set.penaltyCap)} điểm.`,
        'lines',
        { sum: penaltySum, cap: set.penaltyCap },
        'warning',
      ),
    );
  }
  return findings;
}

function aboveLimit(item: IndexedItem, value: Centipoints, label: string, field: string): Finding {
  const code: ScoreFindingCode =
    item.kind === 'CRITERION'
      ? 'SCORE_ABOVE_MAX'
      : item.kind === 'BONUS'
        ? 'BONUS_ABOVE_CAP'
        : 'PENALTY_ABOVE_CAP';
  const limitName = item.kind === 'CRITERION' ? 'điểm tối đa' : 'mức tối đa';
  return finding(
    code,
    `Điểm của ${label} là ${formatPoints(value)}, vượt ${limitName} ${formatPoints(item.limit)} (thừa ${formatPoints(value - item.limit)} điểm).`,
    field,
    { code: item.code, value, limit: item.limit },
  );
}

/**
 * R11 + R12: checks one unit's sheet: the value rules of `validateScoreValues`, and at REVIEW and
 * AGREED stages a reason on every value that differs from (or is absent at) the previous stage.
 */
export function validateScoreSheet(set: CriteriaSet, sheet: ScoreSheet): Finding[] {
  const findings = validateScoreValues(set, sheet.lines);
  if (sheet.stage === 'SELF') return findings;

  const index = indexCriteriaSet(set);
  const previous = new Map<string, Centipoints>();
  for (const line of sheet.previousLines) {
    if (!previous.has(line.code)) previous.set(line.code, line.value);
  }
  const isReview = sheet.stage === 'REVIEW';
  const stageName = isReview ? 'thẩm định' : 'thống nhất';
  const previousName = isReview ? 'tự chấm' : 'thẩm định';

  sheet.lines.forEach((line, i) => {
    const item = index.get(line.code);
    if (item === undefined || (line.reason ?? '').trim() !== '') return;
    const before = previous.get(line.code);
    if (before === line.value) return;
    const label = itemLabel(item.kind, item.code);
    const shown = formatEnteredPoints(line.value);
    const message =
      before === undefined
        ? `${capitalize(label)} chưa có điểm ${previousName}; điểm ${stageName} ${shown} cần ghi lý do.`
        : `Điểm ${stageName} của ${label} (${shown}) khác điểm ${previousName} (${formatEnteredPoints(before)}); cần ghi lý do.`;
    findings.push(
      finding(
        isReview ? 'REVIEW_REASON_REQUIRED' : 'AGREED_REASON_REQUIRED',
        message,
        `lines[${i}].reason`,
        {
          code: line.code,
          value: line.value,
          previous: before ?? null,
        },
      ),
    );
  });
  return findings;
}
