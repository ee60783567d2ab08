/**
 * R8–R10, R14: the year-end meeting as an explicit state machine. DRAFT (record and attendance
 * being prepared) → OPEN (attendance taken, quorum shown) → VOTING (a ballot was opened and its
 * voters frozen) → COUNTED (every ballot has accepted double-entered counts and a decided tally)
 * → FINALIZED (locked). A finalized meeting is only changed by a correction (đính chính): a new
 * version is made with its reason and the old one is kept as CORRECTED.
 */
export const MEETING_STATUSES = [
  'DRAFT',
  'OPEN',
  'VOTING',
  'COUNTED',
  'FINALIZED',
  'CORRECTED',
] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const MEETING_STATUS_LABELS: Readonly<Record<MeetingStatus, string>> = {
  DRAFT: 'chuẩn bị',
  OPEN: 'đã điểm danh',
  VOTING: 'đang bỏ phiếu',
  COUNTED: 'đã kiểm phiếu',
  FINALIZED: 'đã chốt kết quả',
  CORRECTED: 'đã được đính chính (bản cũ)',
};

/**
 * Every status change of a meeting goes through this table (the service refuses any other with the
 * allowed ones listed, and writes one history row per change, table `meeting_transition`).
 */
const TRANSITIONS: Readonly<Record<MeetingStatus, readonly MeetingStatus[]>> = {
  DRAFT: ['OPEN'],
  OPEN: ['VOTING', 'DRAFT'],
  VOTING: ['COUNTED'],
  COUNTED: ['VOTING', 'FINALIZED'],
  FINALIZED: ['CORRECTED'],
  CORRECTED: [],
};

export function canTransitionMeeting(from: MeetingStatus, to: MeetingStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function allowedMeetingTransitions(from: MeetingStatus): readonly MeetingStatus[] {
  return TRANSITIONS[from];
}

/** Whether the meeting record (place, times, people, attendance) may still be edited. */
export function isMeetingEditable(status: MeetingStatus): boolean {
  return status === 'DRAFT' || status === 'OPEN';
}

/** Whether any write on the meeting is refused (G3: a locked result is immutable). */
export function isMeetingLocked(status: MeetingStatus): boolean {
  return status === 'FINALIZED' || status === 'CORRECTED';
}

export const BALLOT_STATUSES = ['DRAFT', 'OPEN', 'COUNTED', 'TIE_PENDING', 'DECIDED'] as const;
export type BallotStatus = (typeof BALLOT_STATUSES)[number];

export const BALLOT_STATUS_LABELS: Readonly<Record<BallotStatus, string>> = {
  DRAFT: 'chưa mở',
  OPEN: 'đang nhập kết quả kiểm phiếu',
  COUNTED: 'đã kiểm phiếu',
  TIE_PENDING: 'hòa phiếu, chờ xử lý',
  DECIDED: 'đã có kết quả',
};

/**
 * A ballot's life: DRAFT (nominees listed) → OPEN (rule and voters frozen; counts being entered) →
 * DECIDED (accepted counts tallied), or TIE_PENDING when the tally asks for the chair's decision
 * or a revote; a chair's decision decides it, a revote closes the round (DECIDED) and opens the
 * next round. COUNTED is reserved (no step leads to it). Each change writes one history row
 * (table `ballot_transition`).
 */
const BALLOT_TRANSITIONS: Readonly<Record<BallotStatus, readonly BallotStatus[]>> = {
  DRAFT: ['OPEN'],
  OPEN: ['DECIDED', 'TIE_PENDING'],
  COUNTED: ['DECIDED', 'TIE_PENDING'],
  TIE_PENDING: ['DECIDED'],
  DECIDED: [],
};

export function canTransitionBallot(from: BallotStatus, to: BallotStatus): boolean {
  return BALLOT_TRANSITIONS[from].includes(to);
}

export function allowedBallotTransitions(from: BallotStatus): readonly BallotStatus[] {
  return BALLOT_TRANSITIONS[from];
}
