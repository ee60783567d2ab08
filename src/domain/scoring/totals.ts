import { err, ok, type Finding, type Result } from '../common/result';
import type { CriteriaSet } from './criteria-set';
import type { Centipoints } from './points';
import { validateScoreValues, type ScoreFindingCode, type ScoreLine } from './score-lines';

export interface GroupSubtotal {
  readonly groupCode: string;
  readonly subtotal: Centipoints;
  readonly maxPoints: Centipoints;
}

/** A unit's exact totals, all in centipoints. */
export interface UnitTotals {
  readonly groups: readonly GroupSubtotal[];
  /** Sum of all criteria (before bonus and penalty). */
  readonly criteriaTotal: Centipoints;
  /** Bonus as entered, and as counted after the overall bonus cap. */
  readonly bonusEntered: Centipoints;
  readonly bonusTotal: Centipoints;
  /** Penalty as entered (positive), and as subtracted after the overall penalty cap. */
  readonly penaltyEntered: Centipoints;
  readonly penaltyTotal: Centipoints;
  /** criteriaTotal + bonusTotal − penaltyTotal. */
  readonly grandTotal: Centipoints;
}

/**
 * Why no total can be given: criteria without an agreed value (also listed as `SCORE_MISSING`
 * findings) and/or values that break the R11 rules.
 */
export interface TotalsProblem {
  readonly missingCriteria: readonly string[];
  readonly findings: readonly Finding[];
}

export type TotalsResult = Result<UnitTotals, TotalsProblem>;

/**
 * R11/R12: totals from one unit's agreed scores, per group and overall, bonus and penalty capped.
 * A criterion without a value makes the result an error listing it, never a silent zero; a bonus
 * or penalty item without a line simply means none was given.
 */
export function computeUnitTotals(
  set: CriteriaSet,
  agreedLines: readonly ScoreLine[],
): TotalsResult {
  const findings = validateScoreValues(set, agreedLines).filter((f) => f.severity === 'error');
  const values = new Map<string, Centipoints>();
  for (const line of agreedLines) {
    if (!values.has(line.code)) values.set(line.code, line.value);
  }

  const missingCode: ScoreFindingCode = 'SCORE_MISSING';
  const missingCriteria: string[] = [];
  const groups: GroupSubtotal[] = set.groups.map((group) => {
    let subtotal = 0;
    for (const criterion of group.criteria) {
      const value = values.get(criterion.code);
      if (value === undefined) {
        missingCriteria.push(criterion.code);
        findings.push({
          code: missingCode,
          severity: 'error',
          message: `Tiêu chí ${criterion.code} chưa có điểm thống nhất.`,
          field: 'lines',
          params: { code: criterion.code },
        });
      } else {
        subtotal += value;
      }
    }
    return { groupCode: group.code, subtotal, maxPoints: group.maxPoints };
  });
  if (findings.length > 0) return err({ missingCriteria, findings });

  const sumOf = (codes: readonly { code: string }[]): Centipoints =>
    codes.reduce((acc, item) => acc + (values.get(item.code) ?? 0), 0);
  const criteriaTotal = groups.reduce((acc, g) => acc + g.subtotal, 0);
  const bonusEntered = sumOf(set.bonusItems);
  const penaltyEntered = sumOf(set.penaltyItems);
  const bonusTotal = Math.min(bonusEntered, set.bonusCap);
  const penaltyTotal = Math.min(penaltyEntered, set.penaltyCap);
  return ok({
    groups,
    criteriaTotal,
    bonusEntered,
    bonusTotal,
    penaltyEntered,
    penaltyTotal,
    grandTotal: criteriaTotal + bonusTotal - penaltyTotal,
  });
}
