import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError, CommonErrors } from '../common/errors/app-error';
import { Db, ReadScopes } from '../database/db.service';
import { isMeetingLocked, type MeetingStatus } from '../domain/meetings/status';
import { ScoringService, type TermContext } from '../scoring/scoring.service';
import type {
  AttendanceDto,
  CorrectionDto,
  CreateMeetingDto,
  FinalizeDto,
  MeetingBodyDto,
  UpdateMeetingDto,
} from './dto/meeting.dto';
import type { BallotRecord } from './ballot-codec';
import { MeetingContextLoader, type MeetingContext } from './meeting-context';
import { MeetingFinalizationService } from './meeting-finalization.service';
import type { MeetingView } from './meeting-view';
import { MeetingViews } from './meeting-view.mapper';
import { MeetingErrors } from './meeting.errors';
import { MeetingsRepository } from './meetings.repository';
import { StatusTransitions } from './status-transitions';

const bodyColumns = (dto: MeetingBodyDto) => ({
  meetingDate: dto.meetingDate,
  startTime: dto.startTime,
  endTime: dto.endTime ?? null,
  place: dto.place.trim(),
  chairName: dto.chairName.trim(),
  chairTitle: dto.chairTitle?.trim() || null,
  secretaryName: dto.secretaryName.trim(),
  countingCommittee: JSON.stringify(dto.countingCommittee),
  guests: JSON.stringify(dto.guests),
  agenda: JSON.stringify(dto.agenda),
});

/**
 * The year-end meeting record: creation, its details, attendance and opening. Finalization and
 * corrections are in MeetingFinalizationService, the view in MeetingViews; this service keeps their
 * entry points for its callers (API, pages, documents, seeding).
 */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly db: Db,
    private readonly meetings: MeetingsRepository,
    private readonly loader: MeetingContextLoader,
    private readonly scoring: ScoringService,
    private readonly views: MeetingViews,
    private readonly finalization: MeetingFinalizationService,
    private readonly transitions: StatusTransitions,
  ) {}

  list(blocId: number, year: number): Promise<MeetingView[]> {
    return this.db.read(async (em) => {
      const ctx = await this.scoring.context(em, blocId, year);
      const out: MeetingView[] = [];
      for (const m of await this.meetings.listForTerm(em, ctx.term.id))
        out.push(await this.view(em, m.id));
      return out;
    });
  }

  /** Kept between requests until the next change to its bloc's year (Db.readCached). */
  get(id: number): Promise<MeetingView> {
    return this.db.readCached(
      `meeting:${id}`,
      (em) => this.view(em, id),
      (v) => [ReadScopes.blocYear(v.blocId, v.year)],
    );
  }

  create(blocId: number, year: number, dto: CreateMeetingDto): Promise<MeetingView> {
    return this.db.write(async (em) => {
      const ctx = await this.scoring.context(em, blocId, year);
      const isRehearsal = dto.isRehearsal ?? false;
      if (!isRehearsal && (await this.meetings.liveOfficialExists(em, ctx.term.id)))
        throw new AppError(MeetingErrors.EXISTS);
      const m = await this.meetings.insert(em, {
        termId: ctx.term.id,
        status: 'DRAFT',
        isRehearsal,
        ...bodyColumns(dto),
        nextHeadUnitId: null,
        nextDeputyUnitId: null,
        officerDecisions: null,
        versionNo: 1,
        supersedesId: null,
        correctionReason: null,
        finalizedAt: null,
      });
      await this.transitions.meetingChanged(em, m.id, null, 'DRAFT');
      return this.recorded(em, m.id, 'meeting.create');
    });
  }

  update(id: number, dto: UpdateMeetingDto): Promise<MeetingView> {
    return this.db.write(async (em) => {
      const ctx = await this.loader.load(em, id);
      this.requireUnlocked(ctx);
      const editable: MeetingStatus[] =
        ctx.meeting.versionNo > 1 ? ['DRAFT', 'OPEN', 'COUNTED'] : ['DRAFT', 'OPEN'];
      if (!editable.includes(ctx.meeting.status)) throw new AppError(MeetingErrors.NOT_EDITABLE);
      if (!(await this.meetings.updateIfVersion(em, id, dto.version, bodyColumns(dto), editable))) {
        throw new AppError(CommonErrors.VERSION_CONFLICT, {
          extra: { currentVersion: ctx.meeting.version },
        });
      }
      return this.recorded(em, id, 'meeting.update', ctx.meeting, ctx.term);
    });
  }

  /** Records the roll: every member unit exactly once, present with its delegate or absent with a reason. */
  setAttendance(id: number, dto: AttendanceDto): Promise<MeetingView> {
    return this.db.write(async (em) => {
      const ctx = await this.loader.load(em, id);
      this.requireUnlocked(ctx);
      if (!['DRAFT', 'OPEN'].includes(ctx.meeting.status)) {
        throw new AppError(MeetingErrors.NOT_EDITABLE, {
          message: 'Đã mở phiếu bầu: danh sách điểm danh đã được chốt.',
        });
      }
      const members = new Set(ctx.term.members.map((m) => m.id));
      const given = dto.rows.map((r) => r.unitId);
      const missing = [...members].filter((m) => !given.includes(m));
      const extra = given.filter((g) => !members.has(g));
      const dup = given.filter((g, i) => given.indexOf(g) !== i);
      const wrongWritten = dto.rows.filter((r) => r.present && r.writtenBallot);
      if (missing.length || extra.length || dup.length || wrongWritten.length) {
        const name = (uid: number) =>
          ctx.term.members.find((m) => m.id === uid)?.fullName ?? `#${uid}`;
        const parts = [
          missing.length ? `thiếu ${missing.map(name).join(', ')}` : '',
          extra.length ? `không phải thành viên: ${extra.join(', ')}` : '',
          dup.length ? `trùng: ${dup.map(name).join(', ')}` : '',
          wrongWritten.length ? 'đơn vị có mặt không gửi phiếu bằng văn bản' : '',
        ].filter(Boolean);
        throw new AppError(MeetingErrors.ATTENDANCE_INVALID, {
          message: `${MeetingErrors.ATTENDANCE_INVALID.message} (${parts.join('; ')}).`,
        });
      }
      if (ctx.meeting.version !== dto.version)
        throw new AppError(CommonErrors.VERSION_CONFLICT, {
          extra: { currentVersion: ctx.meeting.version },
        });
      await this.meetings.replaceAttendance(
        em,
        id,
        dto.rows.map((r) => ({
          unitId: r.unitId,
          present: r.present,
          delegateName: r.delegateName?.trim() || null,
          absenceReason: r.present ? null : r.absenceReason?.trim() || null,
          writtenBallot: !r.present && (r.writtenBallot ?? false),
        })),
      );
      // bump the meeting version so that a concurrent roll based on the old one is refused
      if (!(await this.meetings.updateIfVersion(em, id, dto.version, {})))
        throw new AppError(CommonErrors.VERSION_CONFLICT);
      return this.recorded(em, id, 'meeting.attendance', ctx.attendance, ctx.term);
    });
  }

  open(id: number, version: number): Promise<MeetingView> {
    return this.db.write(async (em) => {
      const ctx = await this.loader.load(em, id);
      this.requireUnlocked(ctx);
      this.transitions.requireMeeting(ctx.meeting.status, 'OPEN');
      if (ctx.attendance.length !== ctx.term.members.length)
        throw new AppError(MeetingErrors.ATTENDANCE_INCOMPLETE);
      if (!(await this.meetings.updateIfVersion(em, id, version, { status: 'OPEN' }, ['DRAFT'])))
        throw new AppError(CommonErrors.VERSION_CONFLICT);
      await this.transitions.meetingChanged(em, id, 'DRAFT', 'OPEN');
      return this.recorded(em, id, 'meeting.open', undefined, ctx.term);
    });
  }

  /** Locks the result (G3); see MeetingFinalizationService.finalize. */
  finalize(id: number, dto: FinalizeDto): Promise<MeetingView> {
    return this.finalization.finalize(id, dto);
  }

  /** Đính chính; see MeetingFinalizationService.correct. */
  correct(id: number, dto: CorrectionDto): Promise<MeetingView> {
    return this.finalization.correct(id, dto);
  }

  /** Builds the meeting's view after a change and records it in the audit log (MeetingViews). */
  recorded(
    em: EntityManager,
    id: number,
    action: string,
    before?: unknown,
    term?: TermContext,
  ): Promise<MeetingView> {
    return this.views.recorded(em, id, action, before, term);
  }

  /** The meeting as the API and the documents show it (MeetingViews). */
  view(em: EntityManager, id: number, term?: TermContext): Promise<MeetingView> {
    return this.views.view(em, id, term);
  }

  /** The meeting's ballots as typed records (documents build from these, not from the view). */
  ballotRecords(em: EntityManager, meetingId: number): Promise<BallotRecord[]> {
    return this.meetings.ballots(em, meetingId);
  }

  private requireUnlocked(ctx: MeetingContext): void {
    if (isMeetingLocked(ctx.meeting.status)) throw new AppError(MeetingErrors.LOCKED);
  }
}
