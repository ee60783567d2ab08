import type { Finding } from '../common/result';
import {
  CENTIPOINTS_PER_POINT,
  formatPoints,
  formatRawPoints,
  isCentipoints,
  type Centipoints,
} from './points';

/** The scale is in whole points (100 or 1.000); every other amount of a set is in centipoints. */
export type ScoringScale = 100 | 1000;
export const SCORING_SCALES: readonly ScoringScale[] = [100, 1000];

export interface Criterion {
  readonly code: string;
  readonly title: string;
  readonly maxPoints: Centipoints;
  /** How to score it, e.g. "1 % kế hoạch = 1 điểm". */
  readonly guide?: string;
}

export interface CriteriaGroup {
  readonly code: string;
  readonly title: string;
  readonly maxPoints: Centipoints;
  readonly criteria: readonly Criterion[];
}

/** A bonus (điểm cộng) or penalty (điểm trừ) line; `cap` is the most it can add or remove. */
export interface AdjustmentItem {
  readonly code: string;
  readonly title: string;
  readonly cap: Centipoints;
}
export type BonusItem = AdjustmentItem;
export type PenaltyItem = AdjustmentItem;

export interface CriteriaSet {
  readonly scale: ScoringScale;
  readonly groups: readonly CriteriaGroup[];
  readonly bonusItems: readonly BonusItem[];
  readonly penaltyItems: readonly PenaltyItem[];
  /** Most bonus points a unit can receive in total (0 = no bonus). */
  readonly bonusCap: Centipoints;
  /** Most penalty points a unit can lose in total (0 = no penalty). */
  readonly penaltyCap: Centipoints;
}

export const CRITERIA_SET_FINDING_CODES = [
  'CRITERIA_SCALE_INVALID',
  'CRITERIA_CODE_EMPTY',
  'CRITERIA_TITLE_EMPTY',
  'CRITERIA_DUPLICATE_CODE',
  'CRITERIA_POINTS_NOT_HUNDREDTHS',
  'CRITERIA_MAX_NOT_POSITIVE',
  'CRITERIA_ITEM_CAP_NOT_POSITIVE',
  'CRITERIA_OVERALL_CAP_NEGATIVE',
  'CRITERIA_GROUP_EMPTY',
  'CRITERIA_GROUP_SUM_MISMATCH',
  'CRITERIA_CRITERION_SUM_MISMATCH',
  'CRITERIA_BONUS_ITEM_CAP_EXCEEDS_OVERALL',
  'CRITERIA_PENALTY_ITEM_CAP_EXCEEDS_OVERALL',
] as const;
export type CriteriaSetFindingCode = (typeof CRITERIA_SET_FINDING_CODES)[number];

export type ScoreItemKind = 'CRITERION' | 'BONUS' | 'PENALTY';

/** One scorable line of a set, found by its code. */
export interface IndexedItem {
  readonly kind: ScoreItemKind;
  readonly code: string;
  /** Criterion maximum or item cap, in centipoints. */
  readonly limit: Centipoints;
  /** Group code for a criterion, null for bonus and penalty items. */
  readonly groupCode: string | null;
}

/** The whole scale in centipoints (1.000 points → 100000). */
export function scaleInCentipoints(set: CriteriaSet): Centipoints {
  return set.scale * CENTIPOINTS_PER_POINT;
}

/** Vietnamese label of a scorable line, used in messages: "tiêu chí I.1", "khoản cộng điểm B1". */
export function itemLabel(kind: ScoreItemKind, code: string): string {
  switch (kind) {
    case 'CRITERION':
      return `tiêu chí ${code}`;
    case 'BONUS':
      return `khoản cộng điểm ${code}`;
    case 'PENALTY':
      return `khoản trừ điểm ${code}`;
  }
}

/** R11: criteria, bonus and penalty items by code (first occurrence wins; duplicates are a validation error). */
export function indexCriteriaSet(set: CriteriaSet): ReadonlyMap<string, IndexedItem> {
  const index = new Map<string, IndexedItem>();
  const add = (item: IndexedItem): void => {
    if (!index.has(item.code)) index.set(item.code, item);
  };
  for (const group of set.groups) {
    for (const c of group.criteria) {
      add({ kind: 'CRITERION', code: c.code, limit: c.maxPoints, groupCode: group.code });
    }
  }
  for (const b of set.bonusItems)
    add({ kind: 'BONUS', code: b.code, limit: b.cap, groupCode: null });
  for (const p of set.penaltyItems)
    add({ kind: 'PENALTY', code: p.code, limit: p.cap, groupCode: null });
  return index;
}

/**
 * R11: checks a criteria set: scale 100 or 1.000, group maxima add up to the scale, criteria add
 * up to their group, unique codes, positive maxima, item caps within the overall caps.
 */
export function validateCriteriaSet(set: CriteriaSet): Finding[] {
  const findings: Finding[] = [];
  const add = (
    code: CriteriaSetFindingCode,
    message: string,
    field: string,
    params: Finding['params'] = {},
  ): void => {
    findings.push({ code, severity: 'error', message, field, params });
  };

  if (!SCORING_SCALES.includes(set.scale)) {
    add(
      'CRITERIA_SCALE_INVALID',
      `Thang điểm ${String(set.scale)} không hợp lệ; chỉ dùng thang 100 hoặc 1.000 điểm.`,
      'scale',
      {
        scale: set.scale,
      },
    );
  }

  // Codes and titles: one namespace for groups, criteria, bonus and penalty items.
  const named: { code: string; title: string; field: string; label: string }[] = [];
  set.groups.forEach((g, gi) => {
    named.push({
      code: g.code,
      title: g.title,
      field: `groups[${gi}]`,
      label: `nhóm thứ ${gi + 1}`,
    });
    g.criteria.forEach((c, ci) => {
      named.push({
        code: c.code,
        title: c.title,
        field: `groups[${gi}].criteria[${ci}]`,
        label: `tiêu chí thứ ${ci + 1} của nhóm thứ ${gi + 1}`,
      });
    });
  });
  set.bonusItems.forEach((b, i) => {
    named.push({
      code: b.code,
      title: b.title,
      field: `bonusItems[${i}]`,
      label: `khoản cộng điểm thứ ${i + 1}`,
    });
  });
  set.penaltyItems.forEach((p, i) => {
    named.push({
      code: p.code,
      title: p.title,
      field: `penaltyItems[${i}]`,
      label: `khoản trừ điểm thứ ${i + 1}`,
    });
  });
  const counts = new Map<string, number>();
  for (const n of named) {
    if (n.code.trim() === '') {
      add('CRITERIA_CODE_EMPTY', `Chưa nhập mã cho ${n.label}.`, `${n.field}.code`);
    } else {
      counts.set(n.code, (counts.get(n.code) ?? 0) + 1);
    }
    if (n.title.trim() === '') {
      add('CRITERIA_TITLE_EMPTY', `Chưa nhập tên cho ${n.label}.`, `${n.field}.title`);
    }
  }
  for (const [code, count] of counts) {
    if (count > 1) {
      add(
        'CRITERIA_DUPLICATE_CODE',
        `Mã “${code}” được dùng ${count} lần; mỗi nhóm, tiêu chí, khoản cộng và khoản trừ điểm phải có mã riêng.`,
        'code',
        { code, count },
      );
    }
  }

  // Amounts. `amountOk` reports a non-integer amount; sums are only checked over valid amounts.
  const amountOk = (value: number, field: string, what: string): boolean => {
    if (isCentipoints(value)) return true;
    add(
      'CRITERIA_POINTS_NOT_HUNDREDTHS',
      `${what} (${formatRawPoints(value)}) chỉ được lấy đến hai chữ số thập phân.`,
      field,
      { value },
    );
    return false;
  };
  // Returns whether the amount can enter a sum (an integer), after reporting it if not positive.
  const checkPositive = (
    value: number,
    field: string,
    what: string,
    code: CriteriaSetFindingCode,
  ): boolean => {
    if (!amountOk(value, field, what)) return false;
    if (value > 0) return true;
    add(code, `${what} phải lớn hơn 0 (đang là ${formatPoints(value)}).`, field, { value });
    return true;
  };

  let groupsSummable = true;
  set.groups.forEach((g, gi) => {
    const field = `groups[${gi}]`;
    const groupOk = checkPositive(
      g.maxPoints,
      `${field}.maxPoints`,
      `Điểm tối đa của nhóm ${g.code}`,
      'CRITERIA_MAX_NOT_POSITIVE',
    );
    groupsSummable &&= groupOk;
    if (g.criteria.length === 0) {
      add('CRITERIA_GROUP_EMPTY', `Nhóm ${g.code} chưa có tiêu chí nào.`, `${field}.criteria`, {
        groupCode: g.code,
      });
      return;
    }
    let criteriaSummable = groupOk;
    g.criteria.forEach((c, ci) => {
      const cOk = checkPositive(
        c.maxPoints,
        `${field}.criteria[${ci}].maxPoints`,
        `Điểm tối đa của tiêu chí ${c.code}`,
        'CRITERIA_MAX_NOT_POSITIVE',
      );
      criteriaSummable &&= cOk;
    });
    if (!criteriaSummable) return;
    const sum = g.criteria.reduce((acc, c) => acc + c.maxPoints, 0);
    if (sum !== g.maxPoints) {
      add(
        'CRITERIA_CRITERION_SUM_MISMATCH',
        `Tổng điểm tối đa các tiêu chí của nhóm ${g.code} là ${formatPoints(sum)}, khác điểm tối đa của nhóm ${formatPoints(g.maxPoints)} (${gap(sum, g.maxPoints)}).`,
        `${field}.criteria`,
        { groupCode: g.code, sum, expected: g.maxPoints },
      );
    }
  });
  if (groupsSummable) {
    const sum = set.groups.reduce((acc, g) => acc + g.maxPoints, 0);
    const scale = scaleInCentipoints(set);
    if (sum !== scale) {
      add(
        'CRITERIA_GROUP_SUM_MISMATCH',
        `Tổng điểm tối đa các nhóm là ${formatPoints(sum)}, khác thang điểm ${formatPoints(scale)} (${gap(sum, scale)}).`,
        'groups',
        { sum, expected: scale },
      );
    }
  }

  const checkItems = (
    items: readonly AdjustmentItem[],
    overall: Centipoints,
    kind: 'BONUS' | 'PENALTY',
  ): void => {
    const isBonus = kind === 'BONUS';
    const listField = isBonus ? 'bonusItems' : 'penaltyItems';
    const overallField = isBonus ? 'bonusCap' : 'penaltyCap';
    const overallLabel = isBonus ? 'Mức cộng điểm tối đa chung' : 'Mức trừ điểm tối đa chung';
    let overallOk = amountOk(overall, overallField, overallLabel);
    if (overallOk && overall < 0) {
      add(
        'CRITERIA_OVERALL_CAP_NEGATIVE',
        `${overallLabel} không được âm (đang là ${formatPoints(overall)}).`,
        overallField,
        {
          value: overall,
        },
      );
      overallOk = false;
    }
    items.forEach((item, i) => {
      const field = `${listField}[${i}].cap`;
      const label = itemLabel(kind, item.code);
      if (
        !checkPositive(item.cap, field, `Mức tối đa của ${label}`, 'CRITERIA_ITEM_CAP_NOT_POSITIVE')
      )
        return;
      if (overallOk && item.cap > overall) {
        add(
          isBonus
            ? 'CRITERIA_BONUS_ITEM_CAP_EXCEEDS_OVERALL'
            : 'CRITERIA_PENALTY_ITEM_CAP_EXCEEDS_OVERALL',
          `Mức tối đa của ${label} là ${formatPoints(item.cap)}, vượt ${overallLabel.toLowerCase()} ${formatPoints(overall)} (thừa ${formatPoints(item.cap - overall)} điểm).`,
          field,
          { code: item.code, cap: item.cap, overall },
        );
      }
    });
  };
  checkItems(set.bonusItems, set.bonusCap, 'BONUS');
  checkItems(set.penaltyItems, set.penaltyCap, 'PENALTY');

  return findings;
}

/** "thiếu 50 điểm" / "thừa 50 điểm" for a sum compared with its target. */
function gap(sum: Centipoints, target: Centipoints): string {
  return sum < target
    ? `thiếu ${formatPoints(target - sum)} điểm`
    : `thừa ${formatPoints(sum - target)} điểm`;
}
