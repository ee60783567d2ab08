import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { BlocsRepository } from '../registry/blocs/blocs.repository';
import { AppError, CommonErrors } from '../common/errors/app-error';
import { currentActor } from '../common/http/request-context';
import { Db } from '../database/db.service';
import { viDate, viDateTime } from '../domain/common/vi-date';
import { isMeetingLocked } from '../domain/meetings/status';
import { isActiveDuringYear } from '../domain/registry/unit-types';
import { NominationWorkflowService } from '../nominations/nomination-workflow.service';
import { OrganizingBodiesRepository } from '../registry/organizing-bodies/organizing-bodies.repository';
import type { CorrectionDto, FinalizeDto } from './dto/meeting.dto';
import { CorrectionRequestsRepository } from './correction-requests.repository';
import { MeetingContextLoader, type MeetingContext } from './meeting-context';
import type { MeetingView } from './meeting-view';
import { MeetingViews } from './meeting-view.mapper';
import { MeetingErrors } from './meeting.errors';
import { MeetingsRepository } from './meetings.repository';
import { officerDecisionsOf } from './officer-decisions';
import { StatusTransitions } from './status-transitions';

/**
 * The end of a meeting: finalization (locks the result, G3; proposes the elected nominations;
 * creates next year's term with its head and deputy, R14) and corrections (đính chính: a new
 * version with its reason, directly or once an administrator approved the request).
 */
@Injectable()
export class MeetingFinalizationService {
  constructor(
    private readonly db: Db,
    private readonly meetings: MeetingsRepository,
    private readonly loader: MeetingContextLoader,
    private readonly views: MeetingViews,
    private readonly transitions: StatusTransitions,
    private readonly blocs: BlocsRepository,
    private readonly nominations: NominationWorkflowService,
    private readonly audit: AuditService,
    private readonly corrections: CorrectionRequestsRepository,
    private readonly bodies: OrganizingBodiesRepository,
  ) {}

  /** Locks the result (G3). Elected drafts become proposals; next year's term gets its head and deputy (R14). */
  finalize(id: number, dto: FinalizeDto): Promise<MeetingView> {
    return this.db.write(async (em) => {
      const ctx = await this.loader.load(em, id);
      if (isMeetingLocked(ctx.meeting.status)) throw new AppError(MeetingErrors.LOCKED);
      if (ctx.meeting.status === 'VOTING') throw new AppError(MeetingErrors.NOT_ALL_DECIDED);
      this.transitions.requireMeeting(ctx.meeting.status, 'FINALIZED');
      const ballots = await this.meetings.ballots(em, id);
      if (ballots.length === 0 || ballots.some((b) => b.status !== 'DECIDED'))
        throw new AppError(MeetingErrors.NOT_ALL_DECIDED);
      const year = ctx.term.term.year;
      const decisions = officerDecisionsOf(ctx, dto);
      const head = decisions.find((d) => d.role === 'HEAD')?.unitId ?? null;
      const deputy = decisions.find((d) => d.role === 'DEPUTY')?.unitId ?? null;
      const nextYearMembers = ctx.term.members.filter((m) => isActiveDuringYear(m, year + 1));
      for (const officer of [head, deputy]) {
        if (officer !== null && !nextYearMembers.some((m) => m.id === officer))
          throw new AppError(MeetingErrors.OFFICER_NOT_MEMBER);
      }
      if (head !== null && head === deputy) throw new AppError(MeetingErrors.OFFICER_NOT_MEMBER);
      const finalizedAt = new Date().toISOString();
      const ok = await this.meetings.updateIfVersion(
        em,
        id,
        dto.version,
        {
          status: 'FINALIZED',
          nextHeadUnitId: head,
          nextDeputyUnitId: deputy,
          officerDecisions: decisions.length > 0 ? JSON.stringify(decisions) : null,
          finalizedAt,
          ...(dto.endTime ? { endTime: dto.endTime } : {}),
        },
        ['COUNTED'],
      );
      if (!ok)
        throw new AppError(CommonErrors.VERSION_CONFLICT, {
          extra: { currentVersion: ctx.meeting.version },
        });
      await this.transitions.meetingChanged(em, id, ctx.meeting.status, 'FINALIZED');
      if (!ctx.meeting.isRehearsal) {
        const elected = new Set<string>();
        const codeToId = new Map(ctx.term.members.map((m) => [m.code, m.id]));
        for (const b of ballots)
          for (const w of b.tally?.winners ?? []) elected.add(`${codeToId.get(w)}|${b.tierId}`);
        await this.nominations.applyMeetingResult(
          em,
          ctx.term,
          elected,
          `Hội nghị bình xét ngày ${viDate(ctx.meeting.meetingDate)} đề nghị (biên bản chốt lúc ${viDateTime(new Date(finalizedAt))})`,
        );
        if (head !== null || deputy !== null) {
          const created = await this.handOver(
            em,
            ctx,
            nextYearMembers.map((m) => m.id),
            head,
            deputy,
          );
          const view = await this.views.recorded(em, id, 'meeting.finalize');
          return { ...view, nextTerm: nextTermNotice(view, created) };
        }
      }
      return this.views.recorded(em, id, 'meeting.finalize');
    });
  }

  /**
   * Đính chính: the finalized version is kept (CORRECTED) and a new version holding the same
   * record and results opens for the correction, with its reason. Refused once proposals reached the province.
   */
  correct(id: number, dto: CorrectionDto): Promise<MeetingView> {
    return this.db.write(async (em) => {
      const ctx = await this.loader.load(em, id);
      await this.requireCorrectable(em, ctx);
      if (await this.bodies.correctionNeedsApproval(em, ctx.term.bloc)) {
        // Two people: the request waits for an administrator; the meeting stays finalized.
        if (await this.corrections.pendingFor(em, id))
          throw new AppError(MeetingErrors.CORRECTION_PENDING);
        if (ctx.meeting.version !== dto.version)
          throw new AppError(CommonErrors.VERSION_CONFLICT, {
            extra: { currentVersion: ctx.meeting.version },
          });
        const actor = currentActor();
        if (actor.userId === null) throw new AppError(CommonErrors.FORBIDDEN);
        const request = await this.corrections.insert(em, {
          meetingId: id,
          status: 'PENDING',
          reason: dto.reason.trim(),
          requestedById: actor.userId,
          decidedById: null,
          decidedAt: null,
          decisionNote: null,
          correctionMeetingId: null,
        });
        await this.audit.record(em, {
          action: 'meeting.correction.request',
          entityType: 'meeting_correction_request',
          entityId: request.id,
          after: { meetingId: id, reason: request.reason, status: request.status },
        });
        return this.views.view(em, id);
      }
      return this.openCorrection(em, ctx, dto.version, dto.reason);
    });
  }

  /** A correction can start: the meeting is finalized and its proposals have not reached the province. */
  async requireCorrectable(em: EntityManager, ctx: MeetingContext): Promise<void> {
    this.transitions.requireMeeting(ctx.meeting.status, 'CORRECTED');
    if (
      !ctx.meeting.isRehearsal &&
      (await this.nominations.anySentToProvince(em, ctx.term.term.id))
    )
      throw new AppError(MeetingErrors.RESULTS_SENT);
  }

  /**
   * Opens the correction version (inside the caller's transaction): the finalized one becomes
   * CORRECTED, a copy with the same record and results is opened with the reason.
   */
  async openCorrection(
    em: EntityManager,
    ctx: MeetingContext,
    version: number,
    reason: string,
  ): Promise<MeetingView> {
    const id = ctx.meeting.id;
    if (
      !(await this.meetings.updateIfVersion(em, id, version, { status: 'CORRECTED' }, [
        'FINALIZED',
      ]))
    ) {
      throw new AppError(CommonErrors.VERSION_CONFLICT, {
        extra: { currentVersion: ctx.meeting.version },
      });
    }
    await this.transitions.meetingChanged(em, id, 'FINALIZED', 'CORRECTED', reason.trim());
    const m = ctx.meeting;
    const copy = await this.meetings.insert(em, {
      termId: m.termId,
      status: 'COUNTED',
      isRehearsal: m.isRehearsal,
      meetingDate: m.meetingDate,
      startTime: m.startTime,
      endTime: m.endTime,
      place: m.place,
      chairName: m.chairName,
      chairTitle: m.chairTitle,
      secretaryName: m.secretaryName,
      countingCommittee: m.countingCommittee,
      guests: m.guests,
      agenda: m.agenda,
      nextHeadUnitId: m.nextHeadUnitId,
      nextDeputyUnitId: m.nextDeputyUnitId,
      officerDecisions: m.officerDecisions,
      versionNo: m.versionNo + 1,
      supersedesId: m.id,
      correctionReason: reason.trim(),
      finalizedAt: null,
    });
    await this.transitions.meetingChanged(em, copy.id, null, 'COUNTED', reason.trim());
    await this.meetings.replaceAttendance(
      em,
      copy.id,
      ctx.attendance.map(({ unitId, present, delegateName, absenceReason, writtenBallot }) => ({
        unitId,
        present,
        delegateName,
        absenceReason,
        writtenBallot,
      })),
    );
    for (const b of await this.meetings.ballots(em, id)) {
      const copied = await this.meetings.insertBallot(em, {
        meetingId: copy.id,
        tierId: b.tierId,
        roundNo: b.roundNo,
        seats: b.seats,
        method: b.method,
        status: b.status,
        nomineeIds: b.nomineeIds,
        frozenRule: b.frozenRule,
        voters: b.voters,
        chairDecision: b.chairDecision,
        acceptedCounts: b.acceptedCounts,
        tally: b.tally,
      });
      await this.transitions.ballotChanged(em, copied.id, null, copied.status, reason.trim());
    }
    return this.views.recorded(em, copy.id, 'meeting.correct', {
      supersededId: id,
      reason,
    });
  }

  /**
   * R14: next year's term with the elected head and deputy (created if missing, officers set
   * otherwise); true when it was created.
   */
  private async handOver(
    em: EntityManager,
    ctx: MeetingContext,
    members: number[],
    head: number | null,
    deputy: number | null,
  ): Promise<boolean> {
    const next = ctx.term.term.year + 1;
    const existing = await this.blocs.findTerm(em, ctx.term.bloc.id, next);
    if (existing) {
      const memberRows = await this.blocs.memberRows(em, existing.id);
      const ids = new Set(memberRows.map((r) => r.unitId));
      if ((head !== null && !ids.has(head)) || (deputy !== null && !ids.has(deputy)))
        throw new AppError(MeetingErrors.OFFICER_NOT_MEMBER);
      if (
        !(await this.blocs.updateTermIfVersion(em, existing.id, existing.version, {
          headUnitId: head,
          deputyUnitId: deputy,
        }))
      )
        throw new AppError(CommonErrors.VERSION_CONFLICT);
      return false;
    }
    const others = await this.blocs.otherBlocMemberships(
      em,
      members,
      next,
      null,
      ctx.term.bloc.organizingBodyId,
    );
    const term = await this.blocs.insertTerm(em, {
      blocId: ctx.term.bloc.id,
      year: next,
      headUnitId: head,
      deputyUnitId: deputy,
      secretaryName: null,
      note: `Lập từ hội nghị bình xét năm ${ctx.term.term.year} (ngày ${viDate(ctx.meeting.meetingDate)}).`,
    });
    await this.blocs.replaceMembers(
      em,
      term.id,
      next,
      members.filter((m) => !others.has(m)),
    );
    return true;
  }
}

/** What finalizing did to next year's term, in words (the API answer; the page has its notice). */
function nextTermNotice(view: MeetingView, created: boolean): NonNullable<MeetingView['nextTerm']> {
  const officers = view.officerDecisions.map((d) => `${d.title} ${d.unit.fullName}`).join(', ');
  const year = view.year + 1;
  return {
    year,
    created,
    message: created
      ? `Đã lập danh sách thành viên năm ${year} với ${officers} do hội nghị quyết định.`
      : `Đã ghi ${officers} do hội nghị quyết định vào danh sách thành viên năm ${year} đã có.`,
  };
}
