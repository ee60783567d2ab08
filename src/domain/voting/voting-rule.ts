import { isValidFraction, type Comparator, type Fraction } from '../common/fraction';
import type { Finding } from '../common/result';
import type { SelfVotePolicy, TieBreak, VoteDenominator } from '../registry/tiers';

export type { SelfVotePolicy, TieBreak, VoteDenominator } from '../registry/tiers';

/**
 * R8–R10: how one body (bloc meeting or council) votes on one award tier (brief §2.3 "design
 * consequence", §6.1). Field names match the registry's `VotingRuleData`, so a stored rule is usable as is.
 */
export interface VotingRule {
  /** R8: share of the denominator an "agree" count must reach, e.g. 70/100 with GTE. */
  readonly threshold: Fraction;
  readonly thresholdComparator: Comparator;
  /** R8: what the share is taken of (all members / members present / valid ballots). */
  readonly denominator: VoteDenominator;
  /** R8: share of all members that must be present for the vote to count (default ≥ 2/3). */
  readonly quorum: Fraction;
  readonly quorumComparator: Comparator;
  /** R8 (ND 91/2017 art. 45.8 pattern): written votes of absent members are counted. */
  readonly allowWrittenAbsentee: boolean;
  /** R10: EXCLUDED = a nominee unit's own ballot does not count on its own line. */
  readonly selfVote: SelfVotePolicy;
  /** R9: protocol for a tie at the last seat. */
  readonly tieBreak: TieBreak;
  /** R8: secret ballot (bỏ phiếu kín) or show of hands; only the wording of the minutes depends on it. */
  readonly secretBallot: boolean;
  /** R8: warn when invalid / returned ballots is above this share (absent in older snapshots: 1/10). */
  readonly invalidShare?: Fraction;
  /** Where that share comes from (a regulation, or the software's default). */
  readonly invalidShareBasis?: string;
}

/** R8: a nominee on a ballot paper (usually a member unit's code); compared and sorted as a plain string. */
export type NomineeId = string;

/**
 * R10: how a nominee took part in the vote, needed when its own ballot is excluded: PRESENT (voted in
 * the room), WRITTEN (absent, sent a written ballot), ABSENT (member, did not vote), NOT_MEMBER.
 */
export type Participation = 'PRESENT' | 'WRITTEN' | 'ABSENT' | 'NOT_MEMBER';

/** R8–R10: display names of nominees for Vietnamese messages; a missing one shows as "đơn vị <id>". */
export type NomineeNames = ReadonlyMap<NomineeId, string>;

/** R8: a voting rule is usable when its threshold is a fraction in (0, 1] and its quorum in [0, 1]. */
export function checkVotingRule(rule: VotingRule): Finding[] {
  const findings: Finding[] = [];
  if (!isValidFraction(rule.threshold) || rule.threshold.numerator === 0) {
    findings.push({
      code: 'VOTING_RULE_BAD_THRESHOLD',
      severity: 'error',
      message: 'Ngưỡng đạt phải là phân số lớn hơn 0 và không quá 1.',
      field: 'threshold',
    });
  }
  if (!isValidFraction(rule.quorum)) {
    findings.push({
      code: 'VOTING_RULE_BAD_QUORUM',
      severity: 'error',
      message: 'Tỷ lệ tối thiểu có mặt phải là phân số từ 0 đến 1.',
      field: 'quorum',
    });
  }
  return findings;
}
