import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError, CommonErrors, type ErrorDef } from '../common/errors/app-error';
import { currentActor } from '../common/http/request-context';
import {
  allowedBallotTransitions,
  allowedMeetingTransitions,
  canTransitionBallot,
  canTransitionMeeting,
  type BallotStatus,
  type MeetingStatus,
} from '../domain/meetings/status';
import type { MeetingEntity } from './meeting.entity';
import { MeetingErrors } from './meeting.errors';
import { MeetingsRepository } from './meetings.repository';

/**
 * Every status change of a meeting or a ballot: checked against the domain's transition table
 * (src/domain/meetings/status.ts), refused with the allowed transitions in the 409's
 * `allowedTransitions`, and written to the history (`meeting_transition`, `ballot_transition`)
 * with who made it, in the caller's transaction.
 */
@Injectable()
export class StatusTransitions {
  constructor(private readonly meetings: MeetingsRepository) {}

  /** Refuses from → to unless the table allows it (`refusal`: the error the step has always used). */
  requireMeeting(
    from: MeetingStatus,
    to: MeetingStatus,
    refusal: ErrorDef = MeetingErrors.BAD_TRANSITION,
  ): void {
    if (!canTransitionMeeting(from, to))
      throw new AppError(refusal, {
        extra: { allowedTransitions: [...allowedMeetingTransitions(from)] },
      });
  }

  requireBallot(
    from: BallotStatus,
    to: BallotStatus,
    refusal: ErrorDef = MeetingErrors.BALLOT_BAD_TRANSITION,
  ): void {
    if (!canTransitionBallot(from, to)) throw this.ballotRefusal(from, refusal);
  }

  /** `refusal` with the transitions a ballot in `from` allows (for steps refused for another reason too). */
  ballotRefusal(from: BallotStatus, refusal: ErrorDef): AppError {
    return new AppError(refusal, {
      extra: { allowedTransitions: [...allowedBallotTransitions(from)] },
    });
  }

  /** The history row of a meeting change the caller made (`from` null: a new meeting or version). */
  meetingChanged(
    em: EntityManager,
    meetingId: number,
    from: MeetingStatus | null,
    to: MeetingStatus,
    reason: string | null = null,
  ): Promise<void> {
    return this.meetings.addMeetingTransition(em, meetingId, {
      from,
      to,
      actor: currentActor().username,
      reason,
    });
  }

  ballotChanged(
    em: EntityManager,
    ballotId: number,
    from: BallotStatus | null,
    to: BallotStatus,
    reason: string | null = null,
  ): Promise<void> {
    return this.meetings.addBallotTransition(em, ballotId, {
      from,
      to,
      actor: currentActor().username,
      reason,
    });
  }

  /**
   * The meeting follows its ballots (VOTING while one is open, COUNTED once all are decided): read
   * afresh, checked, moved and recorded. Already there: its version is bumped, nothing recorded.
   * Returns the row as it now is (all but `updatedAt`, which the database set).
   */
  async moveMeeting(
    em: EntityManager,
    meetingId: number,
    to: MeetingStatus,
  ): Promise<MeetingEntity> {
    const fresh = (await this.meetings.findById(em, meetingId))!;
    const changes = fresh.status !== to;
    if (changes) this.requireMeeting(fresh.status, to);
    if (!(await this.meetings.updateIfVersion(em, fresh.id, fresh.version, { status: to })))
      throw new AppError(CommonErrors.VERSION_CONFLICT);
    if (changes) await this.meetingChanged(em, fresh.id, fresh.status, to);
    return Object.assign(fresh, { status: to, version: fresh.version + 1 });
  }
}
