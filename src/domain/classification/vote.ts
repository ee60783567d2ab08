import { err, ok, type Finding, type Result } from '../common/result';
import {
  tallyBallot,
  type BallotCounts,
  type NomineeFacts,
  type NomineeId,
  type NomineeNames,
  type Tally,
  type VotingRule,
} from '../voting';
import type { ClassificationLevel } from './scale';

/** Why a unit got its level under VOTED: the meeting's ballot on that level and its line. */
export interface VotedBasis {
  readonly kind: 'VOTED';
  readonly meetingId: number;
  readonly counts: BallotCounts;
  /** The unit's line: "11/12 = 91,7 % > 50 % — đạt". */
  readonly explanation: string;
  /** The tally's sentences for the minutes. */
  readonly minutes: string;
}

/** One ballot of the meeting proposing one level for some units (each may pass independently). */
export interface ClassificationBallot {
  readonly meetingId: number;
  readonly level: ClassificationLevel;
  readonly rule: VotingRule;
  /** Counts keyed by unit code; `seats` is ignored and set to the number of units on the ballot. */
  readonly counts: BallotCounts;
  readonly present: number;
  readonly nominees: readonly NomineeFacts[];
  readonly names?: NomineeNames;
}

export interface ClassificationVoteOutcome {
  readonly tally: Tally;
  /** Units that reached the rule's threshold with quorum: they take the level. */
  readonly passed: readonly { nomineeId: NomineeId; basis: VotedBasis }[];
  /** Units that did not: their classification is left as it was (another ballot may follow). */
  readonly notPassed: readonly NomineeId[];
}

/**
 * Yearly classification decided by the meeting: the ballot proposing `level` is counted by the
 * meetings' tally (`tallyBallot`: the rule's quorum, threshold and denominator); every unit whose
 * line passes takes the level. Every unit can pass, so the ballot has as many seats as units.
 */
export function decideClassificationByVote(
  ballot: ClassificationBallot,
): Result<ClassificationVoteOutcome, Finding[]> {
  const counts: BallotCounts = { ...ballot.counts, seats: ballot.counts.nominees.length };
  const tallied = tallyBallot({
    rule: { ...ballot.rule, tieBreak: 'REVOTE' },
    counts,
    present: ballot.present,
    nominees: ballot.nominees,
    ...(ballot.names ? { names: ballot.names } : {}),
  });
  if (!tallied.ok) return err(tallied.error);
  const tally = tallied.value;
  const passed = tally.lines
    .filter((l) => l.passed)
    .map((l) => ({
      nomineeId: l.nomineeId,
      basis: {
        kind: 'VOTED' as const,
        meetingId: ballot.meetingId,
        counts,
        explanation: l.explanation,
        minutes: tally.minutes,
      },
    }));
  return ok({
    tally,
    passed,
    notPassed: tally.lines.filter((l) => !l.passed).map((l) => l.nomineeId),
  });
}
