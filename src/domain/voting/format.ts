import type { Comparator, Fraction } from '../common/fraction';
import { VOTE_DENOMINATOR_LABELS, type VoteDenominator } from '../registry/tiers';
import type { NomineeId, NomineeNames } from './voting-rule';

/**
 * R8 display (brief §4.4: yes votes with % of the denominator): part/whole in tenths of a percent,
 * rounded half up on integers: 11/12 → 917. Never used to decide a threshold.
 */
export function percentTenths(part: number, whole: number): number {
  return Math.floor((2000 * part + whole) / (2 * whole));
}

/** R8 display with the Vietnamese decimal comma: 917 → "91,7 %", 750 → "75,0 %"; 1000 reads "100 %" (brief §6.4). */
export function formatPercentTenths(tenths: number): string {
  if (tenths === 1000) return '100 %';
  return `${Math.floor(tenths / 10)},${tenths % 10} %`;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** R8 display of a rule share (brief §2.1): 70/100 → "70 %", 805/1000 → "80,5 %", 1/2 → "50 %"; else reduced "2/3". */
export function formatShare(f: Fraction): string {
  if ((f.numerator * 1000) % f.denominator === 0) {
    const tenths = (f.numerator * 1000) / f.denominator;
    const whole = Math.floor(tenths / 10);
    return tenths % 10 === 0 ? `${whole} %` : `${whole},${tenths % 10} %`;
  }
  const g = gcd(f.numerator, f.denominator);
  return `${f.numerator / g}/${f.denominator / g}`;
}

/** R8 display of a threshold or quorum as the legal texts word it (brief §2.1): "≥ 70 %", "> 50 %", "≥ 2/3". */
export function formatThreshold(f: Fraction, comparator: Comparator): string {
  return `${comparator === 'GT' ? '>' : '≥'} ${formatShare(f)}`;
}

/** The parts of a voting rule its sentence words. */
export interface WordedVotingRule {
  threshold: Fraction;
  thresholdComparator: Comparator;
  denominator: VoteDenominator;
  quorum: Fraction;
  quorumComparator: Comparator;
}

/**
 * R8 the one sentence of a voting rule, for pages and documents alike (issue 15 item 4: one wording):
 * "> 50 % tổng số thành viên; có mặt ≥ 2/3 tổng số thành viên".
 */
export function formatVotingRule(rule: WordedVotingRule): string {
  return (
    `${formatThreshold(rule.threshold, rule.thresholdComparator)} ${VOTE_DENOMINATOR_LABELS[rule.denominator]}; ` +
    `có mặt ${formatThreshold(rule.quorum, rule.quorumComparator)} tổng số thành viên`
  );
}

/** R8 display: the symbol for a share that misses the threshold: "<" against ≥, "≤" against >. */
export function missSymbol(comparator: Comparator): string {
  return comparator === 'GT' ? '≤' : '<';
}

/** R8–R10 messages and minutes: the display name of a nominee, else "đơn vị <id>". */
export function nomineeName(names: NomineeNames | undefined, id: NomineeId): string {
  return names?.get(id) ?? `đơn vị ${id}`;
}

/** R9 HIGHER_SCORE minutes: agreed scores in centipoints (R11 scoring): 93600 → "936", 93650 → "936,5", 105000 → "1.050". */
export function formatScore(centipoints: number): string {
  const sign = centipoints < 0 ? '-' : '';
  const abs = Math.abs(centipoints);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const hundredths = abs % 100;
  if (hundredths === 0) return sign + whole;
  return `${sign}${whole},${String(hundredths).padStart(2, '0').replace(/0$/, '')}`;
}

/** R9 determinism (product lessons (d)5): a locale-independent order of nominee ids. */
export function compareIds(a: NomineeId, b: NomineeId): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
