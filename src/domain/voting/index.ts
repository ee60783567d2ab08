export {
  checkVotingRule,
  type NomineeId,
  type NomineeNames,
  type Participation,
  type SelfVotePolicy,
  type TieBreak,
  type VoteDenominator,
  type VotingRule,
} from './voting-rule';
export { checkQuorum, meetingQuorum, type QuorumCheck } from './quorum';
export {
  COUNT_FINDING_CODES,
  DEFAULT_INVALID_SHARE_LIMIT,
  checkCounts,
  type BallotCounts,
  type CountFindingCode,
  type CountsContext,
  type NomineeCount,
  type WrittenCounts,
} from './counts';
export {
  compareEntries,
  sameEnterer,
  type EntryComparison,
  type EntryDifference,
} from './double-entry';
export {
  TALLY_FINDING_CODES,
  tallyBallot,
  type LineOutcome,
  type NomineeFacts,
  type Tally,
  type TallyFindingCode,
  type TallyInput,
  type TallyLine,
  type TallyStatus,
} from './tally';
export type { ChairDecision, TieReport, TieResolution } from './tie-break';
export {
  formatPercentTenths,
  formatThreshold,
  formatVotingRule,
  percentTenths,
  type WordedVotingRule,
} from './format';
