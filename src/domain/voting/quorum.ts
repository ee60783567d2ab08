import { minimumCount, reaches } from '../common/fraction';
import { formatThreshold } from './format';
import type { VotingRule } from './voting-rule';

/** The outcome of the quorum check of one vote (R8). */
export interface QuorumCheck {
  readonly reached: boolean;
  /** The least number of members present that reaches the quorum (may exceed `total`). */
  readonly required: number;
  readonly present: number;
  readonly total: number;
  /** "Có mặt 12/12 đơn vị; cần tối thiểu 8 (≥ 2/3) — đủ điều kiện." */
  readonly explanation: string;
}

/**
 * R8: the meeting may vote only when the members present reach the quorum share of all members
 * (QĐ 500/QĐ-TTg art. 10 and TT 35/2015 pattern, default ≥ 2/3). Written absentee votes do not count
 * towards it. Throws RangeError on counts that are not integers with 0 ≤ present ≤ total.
 */
export function checkQuorum(
  membersTotal: number,
  present: number,
  rule: Pick<VotingRule, 'quorum' | 'quorumComparator'>,
): QuorumCheck {
  if (
    !Number.isSafeInteger(membersTotal) ||
    !Number.isSafeInteger(present) ||
    present < 0 ||
    present > membersTotal
  ) {
    throw new RangeError(`Invalid attendance ${present}/${membersTotal}`);
  }
  const reached = reaches(present, membersTotal, rule.quorum, rule.quorumComparator);
  // An empty body can never meet: one member would be needed.
  const required =
    membersTotal === 0 ? 1 : minimumCount(membersTotal, rule.quorum, rule.quorumComparator);
  const verdict = reached ? 'đủ điều kiện' : 'không đủ điều kiện';
  return {
    reached,
    required,
    present,
    total: membersTotal,
    explanation: `Có mặt ${present}/${membersTotal} đơn vị; cần tối thiểu ${required} (${formatThreshold(rule.quorum, rule.quorumComparator)}) — ${verdict}.`,
  };
}

/**
 * The quorum a meeting shows: the strictest of the rules its ballots vote under (the most members
 * required), so that every ballot of the meeting can open with the attendance it shows; null when
 * no rule is known (R8).
 */
export function meetingQuorum(
  membersTotal: number,
  present: number,
  rules: readonly Pick<VotingRule, 'quorum' | 'quorumComparator'>[],
): QuorumCheck | null {
  let strictest: QuorumCheck | null = null;
  for (const rule of rules) {
    const q = checkQuorum(membersTotal, present, rule);
    if (!strictest || q.required > strictest.required) strictest = q;
  }
  return strictest;
}
