/**
 * G3 with four eyes: where the organising body asks for it, a correction (đính chính) of a finalized
 * meeting waits for an administrator other than the person who started it. PENDING → APPROVED (the
 * correction version is opened) or REJECTED (the finalized meeting stays as it was); both are final.
 */
export const CORRECTION_REQUEST_STATUSES = ['PENDING', 'APPROVED', 'REJECTED'] as const;
export type CorrectionRequestStatus = (typeof CORRECTION_REQUEST_STATUSES)[number];

export const CORRECTION_REQUEST_STATUS_LABELS: Readonly<Record<CorrectionRequestStatus, string>> = {
  PENDING: 'chờ quản trị viên duyệt',
  APPROVED: 'đã được duyệt',
  REJECTED: 'bị từ chối',
};

const TRANSITIONS: Readonly<Record<CorrectionRequestStatus, readonly CorrectionRequestStatus[]>> = {
  PENDING: ['APPROVED', 'REJECTED'],
  APPROVED: [],
  REJECTED: [],
};

export function canTransitionCorrectionRequest(
  from: CorrectionRequestStatus,
  to: CorrectionRequestStatus,
): boolean {
  return TRANSITIONS[from].includes(to);
}

export function allowedCorrectionRequestTransitions(
  from: CorrectionRequestStatus,
): readonly CorrectionRequestStatus[] {
  return TRANSITIONS[from];
}

/** The second person: whoever decides on a correction request must not be the one who started it. */
export function isSecondPerson(requestedById: number, deciderId: number): boolean {
  return requestedById !== deciderId;
}
