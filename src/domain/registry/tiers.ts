import type { Comparator, Fraction } from '../common/fraction';

export const VOTE_DENOMINATORS = ['ALL_MEMBERS', 'PRESENT', 'VALID_BALLOTS'] as const;
export type VoteDenominator = (typeof VOTE_DENOMINATORS)[number];

export const VOTE_DENOMINATOR_LABELS: Readonly<Record<VoteDenominator, string>> = {
  ALL_MEMBERS: 'tổng số thành viên',
  PRESENT: 'số thành viên có mặt',
  VALID_BALLOTS: 'số phiếu hợp lệ',
};

export const COMPARATORS = ['GT', 'GTE'] as const;

export const SELF_VOTE_POLICIES = ['ALLOWED', 'EXCLUDED'] as const;
export type SelfVotePolicy = (typeof SELF_VOTE_POLICIES)[number];

export const TIE_BREAKS = ['REVOTE', 'HIGHER_SCORE', 'CHAIR_DECIDES'] as const;
export type TieBreak = (typeof TIE_BREAKS)[number];

export const TIE_BREAK_LABELS: Readonly<Record<TieBreak, string>> = {
  REVOTE: 'bỏ phiếu lại giữa các đơn vị bằng phiếu',
  HIGHER_SCORE: 'đơn vị có tổng điểm chấm cao hơn',
  CHAIR_DECIDES: 'chủ trì hội nghị quyết định',
};

/** The bodies that vote on a tier: the bloc's year-end meeting, then the provincial council. */
export const VOTING_BODIES = ['BLOC', 'COUNCIL'] as const;
export type VotingBody = (typeof VOTING_BODIES)[number];

/** A voting rule of one body for one tier (brief §2.3 "design consequence", R8–R10). */
export interface VotingRuleData {
  body: VotingBody;
  threshold: Fraction;
  thresholdComparator: Comparator;
  denominator: VoteDenominator;
  quorum: Fraction;
  quorumComparator: Comparator;
  allowWrittenAbsentee: boolean;
  selfVote: SelfVotePolicy;
  tieBreak: TieBreak;
  secretBallot: boolean;
  /** Warn when invalid / returned ballots is above this share (default 1/10; brief §2.3 [NF]). */
  invalidShare?: Fraction;
  /** The source of that share. */
  invalidShareBasis?: string;
}

/** The effective-dated rules of one award tier (R1, R3–R7) with their legal basis. */
export interface TierRuleData {
  validFrom: string;
  validTo: string | null;
  legalDocument: string;
  legalArticle: string;
  perBlocQuota: number | null;
  leaderOnly: boolean;
  provinceCap: Fraction | null;
  votingRules: VotingRuleData[];
}
