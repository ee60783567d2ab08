import { viDate } from '../common/vi-date';
import { reaches } from '../common/fraction';
import { err, ok, type Finding, type Result } from '../common/result';
import { formatThreshold, type VotingRule } from '../voting';

/** The provincial council's counts on one nomination, as recorded by the office. */
export interface CouncilCounts {
  readonly members: number;
  readonly present: number;
  readonly valid: number;
  readonly agree: number;
}

export interface CouncilJudgement {
  readonly passed: boolean;
  /** The value the agree count is taken of, per the rule's denominator. */
  readonly base: number;
  /** Vietnamese sentence for the nomination's history. */
  readonly reason: string;
}

/**
 * R8, R18: judges the council's vote on a nomination by the tier's COUNCIL voting rule: consistent
 * counts, the quorum of all members, then agree over the rule's denominator against its threshold.
 */
export function judgeCouncilVote(
  c: CouncilCounts,
  rule: Pick<
    VotingRule,
    'threshold' | 'thresholdComparator' | 'denominator' | 'quorum' | 'quorumComparator'
  >,
  councilDate: string,
  note?: string,
): Result<CouncilJudgement, Finding> {
  if (!(c.agree <= c.valid && c.valid <= c.present && c.present <= c.members)) {
    return err({
      code: 'COUNCIL_COUNTS_INVALID',
      severity: 'error',
      message: `Số liệu phải thỏa mãn: đồng ý (${c.agree}) ≤ hợp lệ (${c.valid}) ≤ có mặt (${c.present}) ≤ tổng số thành viên (${c.members}).`,
    });
  }
  if (!reaches(c.present, c.members, rule.quorum, rule.quorumComparator)) {
    return err({
      code: 'COUNCIL_NO_QUORUM',
      severity: 'error',
      message: `Có mặt ${c.present}/${c.members} thành viên, chưa đạt tỷ lệ tối thiểu ${formatThreshold(rule.quorum, rule.quorumComparator)}.`,
    });
  }
  const base =
    rule.denominator === 'ALL_MEMBERS'
      ? c.members
      : rule.denominator === 'PRESENT'
        ? c.present
        : c.valid;
  const passed = reaches(c.agree, base, rule.threshold, rule.thresholdComparator);
  return ok({
    passed,
    base,
    reason: `Hội đồng TĐKT tỉnh ngày ${viDate(councilDate)}: ${c.agree}/${base} phiếu đồng ý, ngưỡng ${formatThreshold(rule.threshold, rule.thresholdComparator)} — ${passed ? 'đạt' : 'không đạt'}${note ? `. ${note}` : ''}`,
  });
}
