import {
  allowedCorrectionRequestTransitions,
  CORRECTION_REQUEST_STATUS_LABELS,
  type CorrectionRequestStatus,
} from '../domain/meetings/correction-request';
import type { MeetingCorrectionRequestEntity } from './correction-request.entity';

/** A correction request as the API and the pages show it. */
export interface CorrectionRequestView {
  id: number;
  meetingId: number;
  status: CorrectionRequestStatus;
  statusLabel: string;
  reason: string;
  requestedById: number;
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  /** The correction version opened on approval. */
  correctionMeetingId: number | null;
  allowedTransitions: CorrectionRequestStatus[];
  version: number;
}

export function toCorrectionRequestView(
  r: MeetingCorrectionRequestEntity,
  names: ReadonlyMap<number, string>,
): CorrectionRequestView {
  return {
    id: r.id,
    meetingId: r.meetingId,
    status: r.status,
    statusLabel: CORRECTION_REQUEST_STATUS_LABELS[r.status],
    reason: r.reason,
    requestedById: r.requestedById,
    requestedBy: names.get(r.requestedById) ?? '',
    requestedAt: new Date(r.createdAt).toISOString(),
    decidedBy: r.decidedById === null ? null : (names.get(r.decidedById) ?? ''),
    decidedAt: r.decidedAt,
    decisionNote: r.decisionNote,
    correctionMeetingId: r.correctionMeetingId,
    allowedTransitions: [...allowedCorrectionRequestTransitions(r.status)],
    version: r.version,
  };
}
