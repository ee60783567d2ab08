/**
 * R18: a nomination's life as an explicit state machine. The bloc proposes, the bloc's head unit
 * submits to the province, the provincial council passes or cuts, the Chairman (or the Prime
 * Minister) decides or rejects. Bloc proposal, council vote and decision stay separate records.
 */
export const NOMINATION_STATUSES = [
  'DRAFT',
  'PROPOSED',
  'SUBMITTED',
  'PASSED',
  'CUT',
  'DECIDED',
  'REJECTED',
  'WITHDRAWN',
] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];

export const NOMINATION_STATUS_LABELS: Readonly<Record<NominationStatus, string>> = {
  DRAFT: 'dự thảo',
  PROPOSED: 'khối đã đề nghị',
  SUBMITTED: 'đã gửi tỉnh',
  PASSED: 'Hội đồng TĐKT tỉnh thông qua',
  CUT: 'Hội đồng TĐKT tỉnh không thông qua',
  DECIDED: 'đã có quyết định khen thưởng',
  REJECTED: 'không được khen thưởng',
  WITHDRAWN: 'đã rút',
};

/** Statuses that no longer hold a place in quotas and caps. */
export const INACTIVE_STATUSES: readonly NominationStatus[] = ['CUT', 'REJECTED', 'WITHDRAWN'];

const TRANSITIONS: Readonly<Record<NominationStatus, readonly NominationStatus[]>> = {
  DRAFT: ['PROPOSED', 'WITHDRAWN'],
  PROPOSED: ['SUBMITTED', 'DRAFT', 'WITHDRAWN'],
  SUBMITTED: ['PASSED', 'CUT', 'WITHDRAWN'],
  PASSED: ['DECIDED', 'REJECTED'],
  CUT: [],
  DECIDED: [],
  REJECTED: [],
  WITHDRAWN: [],
};

/** Transitions that must carry a reason (a step back or an end without an award). */
const NEEDS_REASON: ReadonlySet<string> = new Set([
  'PROPOSED>DRAFT',
  'DRAFT>WITHDRAWN',
  'PROPOSED>WITHDRAWN',
  'SUBMITTED>WITHDRAWN',
  'SUBMITTED>CUT',
  'PASSED>REJECTED',
]);

export function allowedNominationTransitions(from: NominationStatus): readonly NominationStatus[] {
  return TRANSITIONS[from];
}

export function canTransitionNomination(from: NominationStatus, to: NominationStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function transitionNeedsReason(from: NominationStatus, to: NominationStatus): boolean {
  return NEEDS_REASON.has(`${from}>${to}`);
}

/** Whether the bloc may still edit the nomination's content (summary, report, tier). */
export function isEditable(status: NominationStatus): boolean {
  return status === 'DRAFT';
}
