import { bodyToRows, rowsToDomain, toCp, toPoints } from '../../criteria/criteria.mapper';
import type { CriteriaSetBodyDto } from '../../criteria/dto/criteria.dto';
import type { Action } from '../../domain/auth/permissions';
import type { ScoringPhase } from '../../domain/scoring/phase';
import type { ScoreLine } from '../../domain/scoring/score-lines';
import { computeUnitTotals } from '../../domain/scoring/totals';
import type { ScoreStageCode } from '../../scoring/score-entry.entity';

/** The scoring stages, their names and the names of their state (pure helpers of the scores pages). */
export const STAGES: readonly ScoreStageCode[] = ['SELF', 'REVIEW', 'AGREED'];
export const STAGE_LABELS: Readonly<Record<ScoreStageCode, string>> = {
  SELF: 'Tự chấm',
  REVIEW: 'Thẩm định, chấm chéo',
  AGREED: 'Thống nhất',
};
export const STAGE_STATUS_LABELS: Readonly<Record<string, string>> = {
  OPEN: 'đang mở',
  NOT_YET_OPEN: 'chưa mở',
  CLOSED: 'đã kết thúc',
};

/** The write action of a stage's scores, the same as the API's `PUT scores/:unitId/:stage`. */
export function stageAction(stage: string): Action {
  return stage === 'SELF' ? 'scores.self.write' : 'scores.review.write';
}

export function openStage(phase: ScoringPhase): ScoreStageCode | null {
  return phase === 'SELF' || phase === 'REVIEW' || phase === 'AGREED' ? phase : null;
}

/** One row of a score sheet: a criterion, a bonus or a penalty item. */
export interface SheetItem {
  code: string;
  title: string;
  kind: 'criterion' | 'bonus' | 'penalty';
  group: string;
  max: number;
}

/** The items of a set in sheet order, with their kind and group. */
export function sheetItems(def: CriteriaSetBodyDto): SheetItem[] {
  return [
    ...def.groups.flatMap((g) =>
      g.criteria.map((c) => ({
        code: c.code,
        title: c.title,
        kind: 'criterion' as const,
        group: g.code,
        max: c.maxPoints,
      })),
    ),
    ...def.bonusItems.map((b) => ({
      code: b.code,
      title: b.title,
      kind: 'bonus' as const,
      group: 'cộng',
      max: b.cap,
    })),
    ...def.penaltyItems.map((p) => ({
      code: p.code,
      title: p.title,
      kind: 'penalty' as const,
      group: 'trừ',
      max: p.cap,
    })),
  ];
}

/**
 * The total of what has been entered so far, even when some criteria are missing: the domain's
 * totals (R11/R12, bonus and penalty capped) with a missing criterion counted as 0. Stored lines
 * passed the same checks when saved; should one break them now, it is left out of the sum.
 */
export function runningTotal(
  def: CriteriaSetBodyDto,
  lines: readonly { code: string; value: number }[],
): number {
  const { columns, items } = bodyToRows(def);
  const set = rowsToDomain(columns, items);
  let entered: ScoreLine[] = lines.map((l) => ({ code: l.code, value: toCp(l.value) }));
  for (let attempt = 0; attempt < 2; attempt++) {
    const have = new Set(entered.map((l) => l.code));
    const zeros = set.groups
      .flatMap((g) => g.criteria)
      .filter((c) => !have.has(c.code))
      .map((c) => ({ code: c.code, value: 0 }));
    const totals = computeUnitTotals(set, [...entered, ...zeros]);
    if (totals.ok) return toPoints(totals.value.grandTotal);
    const broken = new Set(totals.error.findings.map((f) => String(f.params?.code ?? '')));
    entered = entered.filter((l) => !broken.has(l.code));
  }
  return 0;
}
