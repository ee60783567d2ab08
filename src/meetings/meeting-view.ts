import type { ScoringPhase } from '../domain/scoring/phase';
import type { BallotCounts, Tally, VotingRule } from '../domain/voting';
import type { UnitDto } from '../registry/units/dto/unit.dto';
import type { CorrectionRequestView } from './correction-request-view';
import type { OfficerDecisionView } from './officer-decisions';

/** A ballot as the API shows it: nominees, the frozen rule, entries (who and status only) and the tally. */
export interface BallotView {
  id: number;
  tierId: number;
  tierCode: string;
  tierName: string;
  roundNo: number;
  seats: number;
  method: string;
  status: string;
  statusLabel: string;
  nominees: UnitDto[];
  ruleText: string | null;
  /** The voting rule frozen when the ballot opened (null while a draft): what its counts are checked against. */
  rule: VotingRule | null;
  /** The frozen rule's values are samples (shown on screen; documents print the rule text only). */
  ruleIsSample: boolean;
  entries: { entryNo: number; enteredBy: string; status: string; version: number }[];
  /** Fields on which the two entries differ; a nominee's line names its unit by id and code. */
  differences: {
    field: string;
    unitId: number | null;
    unitCode: string | null;
    first: number | null;
    second: number | null;
  }[];
  /** The accepted counts (both entries equal, or the confirmed electronic counts). */
  acceptedCounts: BallotCounts | null;
  tally: Tally | null;
  winners: UnitDto[];
  /** The tied units a revote would be held among (id and code), when the tally asks for one. */
  revoteCandidates: UnitDto[];
  /** PAPER (counts typed twice) or ELECTRONIC (cast on phones; issue 18). */
  mode: 'PAPER' | 'ELECTRONIC';
  /** An electronic ballot's codes and turnout (never partial results); the receipts after the close. */
  electronic: ElectronicSummary | null;
  version: number;
}

export interface ElectronicSummary {
  phase: string;
  phaseLabel: string;
  codesIssued: number;
  codesVoided: number;
  casts: number;
  wrongAttempts: number;
  /** Every receipt with its choices per nominee (in the order of `nominees`), after the close only. */
  receipts: { receipt: string; choices: string[] }[];
}

export interface MeetingView {
  id: number;
  blocId: number;
  blocName: string;
  year: number;
  status: string;
  statusLabel: string;
  isRehearsal: boolean;
  meetingDate: string;
  startTime: string;
  endTime: string | null;
  place: string;
  chairName: string;
  chairTitle: string | null;
  secretaryName: string;
  countingCommittee: { name: string; role: string; unitName?: string }[];
  guests: string[];
  agenda: string[];
  attendance: {
    unit: UnitDto;
    present: boolean;
    delegateName: string | null;
    absenceReason: string | null;
    writtenBallot: boolean;
  }[];
  quorum: {
    present: number;
    total: number;
    required: number | null;
    reached: boolean | null;
    explanation: string | null;
  };
  scoringPhase: ScoringPhase;
  ballots: BallotView[];
  nextHeadUnit: UnitDto | null;
  nextDeputyUnit: UnitDto | null;
  /** How the meeting decided next year's head and deputy (R14), with the sentence of the minutes. */
  officerDecisions: OfficerDecisionView[];
  /** Only in the answer to finalizing: next year's term created or given its officers. */
  nextTerm?: { year: number; created: boolean; message: string };
  /** The organising body wants an administrator to approve corrections (two people). */
  correctionNeedsApproval: boolean;
  /** A correction waiting for the administrator's approval. */
  pendingCorrection: CorrectionRequestView | null;
  versionNo: number;
  supersedesId: number | null;
  correctionReason: string | null;
  finalizedAt: string | null;
  allowedTransitions: string[];
  version: number;
}
