import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { AppError, CommonErrors } from '../common/errors/app-error';
import { currentActor } from '../common/http/request-context';
import { Db } from '../database/db.service';
import {
  allowedCorrectionRequestTransitions,
  canTransitionCorrectionRequest,
  isSecondPerson,
  type CorrectionRequestStatus,
} from '../domain/meetings/correction-request';
import { CorrectionRequestsRepository } from './correction-requests.repository';
import { toCorrectionRequestView, type CorrectionRequestView } from './correction-request-view';
import type { CorrectionDecisionDto } from './dto/correction-request.dto';
import { MeetingContextLoader } from './meeting-context';
import type { MeetingView } from './meeting-view';
import { MeetingErrors } from './meeting.errors';
import { MeetingFinalizationService } from './meeting-finalization.service';
import { MeetingViews } from './meeting-view.mapper';

/**
 * The administrator's step of a correction (đính chính) where the organising body wants two people:
 * approving opens the correction version, rejecting leaves the finalized meeting as it was. The
 * decider is never the person who asked; every step has its audit row.
 */
@Injectable()
export class CorrectionRequestsService {
  constructor(
    private readonly db: Db,
    private readonly requests: CorrectionRequestsRepository,
    private readonly loader: MeetingContextLoader,
    private readonly finalization: MeetingFinalizationService,
    private readonly views: MeetingViews,
    private readonly audit: AuditService,
  ) {}

  list(meetingId: number): Promise<CorrectionRequestView[]> {
    return this.db.read(async (em) => {
      await this.loader.load(em, meetingId);
      const rows = await this.requests.listForMeeting(em, meetingId);
      const names = await this.requests.names(
        em,
        rows.flatMap((r) => [r.requestedById, ...(r.decidedById === null ? [] : [r.decidedById])]),
      );
      return rows.map((r) => toCorrectionRequestView(r, names));
    });
  }

  /** Approves: the correction version opens with the request's reason (answer: that version). */
  approve(meetingId: number, id: number, dto: CorrectionDecisionDto): Promise<MeetingView> {
    return this.decide(meetingId, id, dto, 'APPROVED');
  }

  /** Rejects with a reason: the finalized meeting stays as it was (answer: the meeting). */
  reject(meetingId: number, id: number, dto: CorrectionDecisionDto): Promise<MeetingView> {
    return this.decide(meetingId, id, dto, 'REJECTED');
  }

  private decide(
    meetingId: number,
    id: number,
    dto: CorrectionDecisionDto,
    to: CorrectionRequestStatus,
  ): Promise<MeetingView> {
    return this.db.write(async (em) => {
      const request = await this.requests.findForMeeting(em, meetingId, id);
      if (!request) throw new AppError(MeetingErrors.CORRECTION_REQUEST_NOT_FOUND);
      if (!canTransitionCorrectionRequest(request.status, to))
        throw new AppError(MeetingErrors.CORRECTION_REQUEST_DECIDED, {
          extra: {
            status: request.status,
            allowedTransitions: [...allowedCorrectionRequestTransitions(request.status)],
          },
        });
      const actor = currentActor();
      if (actor.userId === null) throw new AppError(CommonErrors.FORBIDDEN);
      if (!isSecondPerson(request.requestedById, actor.userId))
        throw new AppError(MeetingErrors.CORRECTION_SELF_APPROVAL);
      if (request.version !== dto.version)
        throw new AppError(CommonErrors.VERSION_CONFLICT, {
          extra: { currentVersion: request.version },
        });
      const note = dto.note?.trim() || null;
      if (to === 'REJECTED' && note === null)
        throw new AppError(CommonErrors.VALIDATION_FAILED, {
          message: 'Ghi lý do từ chối đề nghị đính chính.',
          details: [
            {
              field: 'note',
              code: 'FIELD_REQUIRED',
              message: 'Ghi lý do từ chối đề nghị đính chính.',
            },
          ],
        });
      let result: MeetingView | null = null;
      if (to === 'APPROVED') {
        const ctx = await this.loader.load(em, meetingId);
        await this.finalization.requireCorrectable(em, ctx);
        result = await this.finalization.openCorrection(
          em,
          ctx,
          ctx.meeting.version,
          request.reason,
        );
      }
      const decidedAt = new Date().toISOString();
      if (
        !(await this.requests.decideIfVersion(em, id, request.version, request.status, {
          status: to,
          decidedById: actor.userId,
          decidedAt,
          decisionNote: note,
          correctionMeetingId: result?.id ?? null,
        }))
      )
        throw new AppError(CommonErrors.VERSION_CONFLICT);
      await this.audit.record(em, {
        action: to === 'APPROVED' ? 'meeting.correction.approve' : 'meeting.correction.reject',
        entityType: 'meeting_correction_request',
        entityId: id,
        before: { status: request.status },
        after: {
          status: to,
          meetingId,
          reason: request.reason,
          note,
          correctionMeetingId: result?.id ?? null,
        },
      });
      return result ?? this.views.view(em, meetingId);
    });
  }
}
