import { err, ok, type Finding, type Result } from '../common/result';
import { formatPoints, type Centipoints } from '../scoring/points';
import type { ClassificationLevel, ClassificationScale } from './scale';

/** Why a unit got its level under DERIVED: its agreed total and the threshold it reached. */
export interface DerivedBasis {
  readonly kind: 'DERIVED';
  readonly total: Centipoints;
  /** The threshold of the level reached; null for the lowest level. */
  readonly threshold: Centipoints | null;
  /** The threshold of the level just above, not reached; null at the best level. */
  readonly nextThreshold: Centipoints | null;
}

export interface DerivedClassification {
  readonly level: ClassificationLevel;
  readonly basis: DerivedBasis;
}

/**
 * Yearly classification from the agreed total: the best level whose threshold the total reaches
 * (total ≥ threshold, exact on centipoints); the lowest level when none is reached. The scale must
 * have passed `checkScale` with method DERIVED.
 */
export function deriveClassification(
  total: Centipoints | null,
  scale: ClassificationScale,
): Result<DerivedClassification, Finding> {
  if (scale.method !== 'DERIVED') {
    return err({
      code: 'CLASSIFICATION_NOT_DERIVED',
      severity: 'error',
      message: 'Thang xếp loại của năm này do hội nghị biểu quyết, không xác định theo điểm.',
    });
  }
  if (total === null) {
    return err({
      code: 'CLASSIFICATION_TOTAL_MISSING',
      severity: 'error',
      message: 'Đơn vị chưa có đủ điểm thống nhất nên chưa xếp loại được theo điểm.',
    });
  }
  const levels = [...scale.levels].sort((a, b) => a.rank - b.rank);
  let above: Centipoints | null = null;
  for (const level of levels) {
    if (level.minTotal === null || total >= level.minTotal) {
      return ok({
        level,
        basis: { kind: 'DERIVED', total, threshold: level.minTotal, nextThreshold: above },
      });
    }
    above = level.minTotal;
  }
  // checkScale guarantees the lowest level has no threshold; a scale without one leaves nothing.
  return err({
    code: 'CLASSIFICATION_SCALE_INVALID',
    severity: 'error',
    message: 'Thang xếp loại không có mức thấp nhất không ngưỡng.',
  });
}

/** "Tổng điểm thống nhất 95,5 ≥ ngưỡng 95 điểm" / "… dưới ngưỡng 80 điểm của mức trên". */
export function describeDerivedBasis(basis: DerivedBasis): string {
  const total = `Tổng điểm thống nhất ${formatPoints(basis.total)}`;
  if (basis.threshold !== null) return `${total} ≥ ngưỡng ${formatPoints(basis.threshold)} điểm`;
  return basis.nextThreshold === null
    ? total
    : `${total} < ngưỡng ${formatPoints(basis.nextThreshold)} điểm của mức trên`;
}
