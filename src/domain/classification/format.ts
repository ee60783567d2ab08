import { formatVotingRule, type VotingRule } from '../voting';
import { describeDerivedBasis, type DerivedBasis } from './derive';
import type { VotedBasis } from './vote';

/** The basis of a unit's classification in words, for pages and documents. */
export function describeClassificationBasis(basis: DerivedBasis | VotedBasis): string {
  return basis.kind === 'DERIVED'
    ? describeDerivedBasis(basis)
    : `Hội nghị biểu quyết: ${basis.explanation}`;
}

/** "Tán thành > 50 % tổng số thành viên; có mặt ≥ 2/3 tổng số thành viên; bỏ phiếu kín". */
export function describeClassificationVotingRule(rule: VotingRule): string {
  return (
    `Tán thành ${formatVotingRule(rule)}; ` +
    (rule.secretBallot ? 'bỏ phiếu kín' : 'biểu quyết giơ tay')
  );
}
