/**
 * R12: the scoring workflow of a bloc term as an explicit state machine: nothing is scored
 * before the covenant (criteria set) is signed; then self-assessment, review (cross-check) and
 * agreed scores each open in turn; closing the agreed stage freezes the scores for the meeting.
 */
export const SCORING_PHASES = ['NOT_STARTED', 'SELF', 'REVIEW', 'AGREED', 'CLOSED'] as const;
export type ScoringPhase = (typeof SCORING_PHASES)[number];

export const SCORING_PHASE_LABELS: Readonly<Record<ScoringPhase, string>> = {
  NOT_STARTED: 'chưa ký giao ước (chưa chấm điểm)',
  SELF: 'đơn vị tự chấm',
  REVIEW: 'thẩm định, chấm chéo',
  AGREED: 'thống nhất điểm',
  CLOSED: 'đã chốt điểm',
};

const TRANSITIONS: Readonly<Record<ScoringPhase, readonly ScoringPhase[]>> = {
  NOT_STARTED: ['SELF'],
  SELF: ['REVIEW'],
  REVIEW: ['AGREED'],
  AGREED: ['CLOSED'],
  CLOSED: [],
};

/** The phases a term may move to from `from`. */
export function allowedScoringTransitions(from: ScoringPhase): readonly ScoringPhase[] {
  return TRANSITIONS[from];
}

export function canTransitionScoring(from: ScoringPhase, to: ScoringPhase): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Whether scores of `stage` may be written in `phase`: only while that stage is the open one. */
export function stageStatus(
  phase: ScoringPhase,
  stage: 'SELF' | 'REVIEW' | 'AGREED',
): 'OPEN' | 'NOT_YET_OPEN' | 'CLOSED' {
  const order = SCORING_PHASES.indexOf(phase);
  const at = SCORING_PHASES.indexOf(stage);
  if (order === at) return 'OPEN';
  return order < at ? 'NOT_YET_OPEN' : 'CLOSED';
}
