/**
 * Exact ratios for thresholds, quorums and caps ("≥ 2/3", "> 50 %", "≤ 20 %").
 * Official decisions must not depend on floating-point rounding, so every comparison
 * is done by cross-multiplying integers.
 */
export interface Fraction {
  readonly numerator: number;
  readonly denominator: number;
}

export type Comparator = 'GT' | 'GTE';

/** True when `part / whole` reaches `threshold` under the comparator (strict or not). */
export function reaches(
  part: number,
  whole: number,
  threshold: Fraction,
  comparator: Comparator,
): boolean {
  if (whole <= 0) return false;
  const lhs = part * threshold.denominator;
  const rhs = threshold.numerator * whole;
  return comparator === 'GT' ? lhs > rhs : lhs >= rhs;
}

/** The least integer count out of `whole` that reaches the threshold (may exceed `whole`). */
export function minimumCount(whole: number, threshold: Fraction, comparator: Comparator): number {
  const exact = (threshold.numerator * whole) / threshold.denominator;
  const floor = Math.floor((threshold.numerator * whole) / threshold.denominator);
  const isWhole = floor * threshold.denominator === threshold.numerator * whole;
  if (comparator === 'GTE') return isWhole ? floor : Math.ceil(exact);
  return floor + 1;
}

/** floor(whole × fraction), for caps such as "at most 20 % of bloc leaders, rounded down". */
export function floorOf(whole: number, fraction: Fraction): number {
  return Math.floor((whole * fraction.numerator) / fraction.denominator);
}

export function isValidFraction(f: Fraction): boolean {
  return (
    Number.isInteger(f.numerator) &&
    Number.isInteger(f.denominator) &&
    f.denominator > 0 &&
    f.numerator >= 0 &&
    f.numerator <= f.denominator
  );
}
