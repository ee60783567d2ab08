import { AuditService } from '../audit/audit.service';
import { CHOICE_LABELS, ELECTRONIC_PHASE_LABELS } from '../domain/voting/electronic';
import { ElectronicRepository } from './electronic/electronic.repository';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AwardTiersRepository } from '../award-tiers/award-tiers.repository';
import { BlocsRepository } from '../registry/blocs/blocs.repository';
import { AppError, CommonErrors } from '../common/errors/app-error';
import { Db, ReadScopes } from '../database/db.service';
import {
  allowedMeetingTransitions,
  BALLOT_STATUS_LABELS,
  isMeetingLocked,
  MEETING_STATUS_LABELS,
  type MeetingStatus,
} from '../domain/meetings/status';
import { isActiveDuringYear } from '../domain/registry/unit-types';
import {
  compareEntries,
  meetingQuorum,
  type BallotCounts,
  type Tally,
  type VotingRule,
} from '../domain/voting';
import { NominationsService } from '../nominations/nominations.service';
import { ScoringService, type TermContext } from '../scoring/scoring.service';
import { toUnitDto } from '../registry/units/unit.mapper';
import type {
  AttendanceDto,
  CorrectionDto,
  CreateMeetingDto,
  FinalizeDto,
  MeetingBodyDto,
  UpdateMeetingDto,
} from './dto/meeting.dto';
import { MeetingContextLoader, type MeetingContext } from './meeting-context';
import type { BallotView, MeetingView } from './meeting-view';
import { MeetingErrors } from './meeting.errors';
import { MeetingsRepository } from './meetings.repository';
import { CorrectionRequestsRepository } from './correction-requests.repository';
import { toCorrectionRequestView } from './correction-request-view';
import { OrganizingBodiesRepository } from '../registry/organizing-bodies/organizing-bodies.repository';
import { currentActor } from '../common/http/request-context';
import {
  decodeOfficerDecisions,
  officerDecisionViews,
  officerDecisionsOf,
} from './officer-decisions';
import { viDate, viDateTime } from '../domain/common/vi-date';

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
 * The year-end meeting record: attendance and quorum, finalization (locks the result, proposes the
 * elected nominations, creates next year's term with its head and deputy, R14) and corrections.
 */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly db: Db,
    private readonly meetings: MeetingsRepository,
    private readonly loader: MeetingContextLoader,
    private readonly scoring: ScoringService,
    private readonly blocs: BlocsRepository,
    private readonly tiers: AwardTiersRepository,
    private readonly nominations: NominationsService,
    private readonly audit: AuditService,
    private readonly corrections: CorrectionRequestsRepository,
    private readonly bodies: OrganizingBodiesRepository,
    private readonly electronic: ElectronicRepository,
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
      if (ctx.meeting.status !== 'DRAFT') throw new AppError(MeetingErrors.BAD_TRANSITION);
      if (ctx.attendance.length !== ctx.term.members.length)
        throw new AppError(MeetingErrors.ATTENDANCE_INCOMPLETE);
      if (!(await this.meetings.updateIfVersion(em, id, version, { status: 'OPEN' }, ['DRAFT'])))
        throw new AppError(CommonErrors.VERSION_CONFLICT);
      return this.recorded(em, id, 'meeting.open', undefined, ctx.term);
    });
  }

  /** Locks the result (G3). Elected drafts become proposals; next year's term gets its head and deputy (R14). */
  finalize(id: number, dto: FinalizeDto): Promise<MeetingView> {
    return this.db.write(async (em) => {
      const ctx = await this.loader.load(em, id);
      this.requireUnlocked(ctx);
      if (ctx.meeting.status !== 'COUNTED') {
        throw new AppError(
          ctx.meeting.status === 'VOTING'
            ? MeetingErrors.NOT_ALL_DECIDED
            : MeetingErrors.BAD_TRANSITION,
        );
      }
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
      if (!ctx.meeting.isRehearsal) {
        const elected = new Set<string>();
        const codeToId = new Map(ctx.term.members.map((m) => [m.code, m.id]));
        for (const b of ballots) {
          const tally = b.tally ? (JSON.parse(b.tally) as Tally) : null;
          for (const w of tally?.winners ?? []) elected.add(`${codeToId.get(w)}|${b.tierId}`);
        }
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
          const view = await this.recorded(em, id, 'meeting.finalize');
          return { ...view, nextTerm: nextTermNotice(view, created) };
        }
      }
      return this.recorded(em, id, 'meeting.finalize');
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
        return this.view(em, id);
      }
      return this.openCorrection(em, ctx, dto.version, dto.reason);
    });
  }

  /** A correction can start: the meeting is finalized and its proposals have not reached the province. */
  async requireCorrectable(em: EntityManager, ctx: MeetingContext): Promise<void> {
    if (ctx.meeting.status !== 'FINALIZED') throw new AppError(MeetingErrors.BAD_TRANSITION);
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
    {
      if (
        !(await this.meetings.updateIfVersion(em, id, version, { status: 'CORRECTED' }, [
          'FINALIZED',
        ]))
      ) {
        throw new AppError(CommonErrors.VERSION_CONFLICT, {
          extra: { currentVersion: ctx.meeting.version },
        });
      }
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
        await this.meetings.insertBallot(em, {
          meetingId: copy.id,
          tierId: b.tierId,
          roundNo: b.roundNo,
          seats: b.seats,
          method: b.method,
          status: b.status,
          nomineeUnitIds: b.nomineeUnitIds,
          ruleSnapshot: b.ruleSnapshot,
          votersSnapshot: b.votersSnapshot,
          chairDecision: b.chairDecision,
          acceptedCounts: b.acceptedCounts,
          tally: b.tally,
        });
      }
      return this.recorded(em, copy.id, 'meeting.correct', {
        supersededId: id,
        reason,
      });
    }
  }

  /** Builds the meeting's view after a change and records the change in the audit log (same transaction). */
  /** `term`: see MeetingContextLoader.load (only from writes that leave the term as it was). */
  async recorded(
    em: EntityManager,
    id: number,
    action: string,
    before?: unknown,
    term?: TermContext,
  ): Promise<MeetingView> {
    const view = await this.view(em, id, term);
    await this.audit.record(em, {
      action,
      entityType: 'meeting',
      entityId: view.id,
      before,
      after: view,
    });
    return view;
  }

  /**
   * The voting rules the meeting's quorum is judged by: each ballot's frozen rule, or the rule in
   * force for the year of its tier; before any ballot, the rules in force of every tier.
   */
  private async quorumRules(
    em: EntityManager,
    ctx: MeetingContext,
    tiers: readonly { id: number }[],
  ): Promise<VotingRule[]> {
    const ballots = await this.meetings.ballots(em, ctx.meeting.id);
    const rules: VotingRule[] = [];
    const tierIds = ballots.length > 0 ? [] : tiers.map((t) => t.id);
    for (const b of ballots) {
      if (b.ruleSnapshot) rules.push((JSON.parse(b.ruleSnapshot) as { rule: VotingRule }).rule);
      else tierIds.push(b.tierId);
    }
    for (const tierId of new Set(tierIds)) {
      try {
        rules.push((await this.loader.blocVotingRule(em, tierId, ctx.term.term.year)).rule);
      } catch {
        // no rule in force for the year: this tier cannot be voted on, so it sets no quorum
      }
    }
    return rules;
  }

  /** The meeting as the API and the documents show it. */
  async view(em: EntityManager, id: number, term?: TermContext): Promise<MeetingView> {
    const ctx = await this.loader.load(em, id, term);
    const m = ctx.meeting;
    const unitById = new Map(ctx.term.members.map((u) => [u.id, u]));
    const unitByCode = new Map(ctx.term.members.map((u) => [u.code, u]));
    const tiers = new Map((await this.tiers.listTiers(em)).map((t) => [t.id, t]));
    const ballots: BallotView[] = [];
    const rows = await this.meetings.ballots(em, id);
    const entriesOf = await this.meetings.entriesOfBallots(
      em,
      rows.map((b) => b.id),
    );
    const electronicOf = await this.electronic.ofBallots(
      em,
      rows.map((b) => b.id),
    );
    for (const b of rows) {
      const entries = entriesOf.get(b.id) ?? [];
      const e = electronicOf.get(b.id);
      const published = e && (e.phase === 'CLOSED' || e.phase === 'CONFIRMED');
      const tier = tiers.get(b.tierId)!;
      const tally = b.tally ? (JSON.parse(b.tally) as Tally) : null;
      const [e1, e2] = entries;
      const differences =
        e1 && e2 && e1.status === 'MISMATCH'
          ? compareEntries(
              JSON.parse(e1.counts) as BallotCounts,
              JSON.parse(e2.counts) as BallotCounts,
            ).differences
          : [];
      ballots.push({
        id: b.id,
        tierId: b.tierId,
        tierCode: tier.code,
        tierName: tier.name,
        roundNo: b.roundNo,
        seats: b.seats,
        method: b.method,
        status: b.status,
        statusLabel: BALLOT_STATUS_LABELS[b.status],
        nominees: (JSON.parse(b.nomineeUnitIds) as number[]).flatMap((uid) => {
          const u = unitById.get(uid);
          return u ? [toUnitDto(u)] : [];
        }),
        ruleText: b.ruleSnapshot ? (JSON.parse(b.ruleSnapshot) as { text: string }).text : null,
        ruleIsSample: b.ruleSnapshot
          ? (JSON.parse(b.ruleSnapshot) as { isSample?: boolean }).isSample === true
          : false,
        entries: entries.map((e) => ({
          entryNo: e.entryNo,
          enteredBy: e.enteredBy,
          status: e.status,
          version: e.version,
        })),
        differences: differences.map((d) => {
          const u = unitByCode.get(/\[([^\]]+)\]/.exec(d.field)?.[1] ?? '');
          return {
            field: d.field,
            unitId: u?.id ?? null,
            unitCode: u?.code ?? null,
            first: d.first,
            second: d.second,
          };
        }),
        acceptedCounts: b.acceptedCounts ? JSON.parse(b.acceptedCounts) : null,
        tally,
        winners: (tally?.winners ?? []).flatMap((c) => {
          const u = unitByCode.get(c);
          return u ? [toUnitDto(u)] : [];
        }),
        revoteCandidates: (tally?.revoteCandidates ?? []).flatMap((c) => {
          const u = unitByCode.get(c);
          return u ? [toUnitDto(u)] : [];
        }),
        mode: e ? 'ELECTRONIC' : 'PAPER',
        electronic: e
          ? {
              phase: e.phase,
              phaseLabel: ELECTRONIC_PHASE_LABELS[e.phase],
              codesIssued: e.codesIssued,
              codesVoided: e.codesVoided,
              casts: e.casts,
              wrongAttempts: e.wrongAttempts,
              receipts: published
                ? (await this.electronic.casts(em, b.id))
                    .sort((x, y) => (x.receipt < y.receipt ? -1 : 1))
                    .map((c) => ({
                      receipt: c.receipt,
                      choices: c.choices.map((k) => CHOICE_LABELS[k]),
                    }))
                : [],
            }
          : null,
        version: b.version,
      });
    }
    const present = ctx.attendance.filter((a) => a.present).length;
    const total = ctx.term.members.length;
    let quorum: MeetingView['quorum'] = {
      present,
      total,
      required: null,
      reached: null,
      explanation: null,
    };
    if (ctx.attendance.length === total) {
      const q = meetingQuorum(total, present, await this.quorumRules(em, ctx, [...tiers.values()]));
      if (q)
        quorum = {
          present,
          total,
          required: q.required,
          reached: q.reached,
          explanation: q.explanation,
        };
    }
    const unit = (uid: number | null) => {
      const u = uid === null ? undefined : unitById.get(uid);
      return u ? toUnitDto(u) : null;
    };
    return {
      id: m.id,
      blocId: ctx.term.bloc.id,
      blocName: ctx.term.bloc.name,
      year: ctx.term.term.year,
      status: m.status,
      statusLabel: MEETING_STATUS_LABELS[m.status],
      isRehearsal: m.isRehearsal,
      meetingDate: m.meetingDate,
      startTime: m.startTime,
      endTime: m.endTime,
      place: m.place,
      chairName: m.chairName,
      chairTitle: m.chairTitle,
      secretaryName: m.secretaryName,
      countingCommittee: JSON.parse(m.countingCommittee) as MeetingView['countingCommittee'],
      guests: JSON.parse(m.guests) as string[],
      agenda: JSON.parse(m.agenda) as string[],
      attendance: ctx.attendance.map((a) => ({
        unit: toUnitDto(unitById.get(a.unitId)!),
        present: a.present,
        delegateName: a.delegateName,
        absenceReason: a.absenceReason,
        writtenBallot: a.writtenBallot,
      })),
      quorum,
      scoringPhase: ctx.term.term.scoringPhase,
      ballots,
      nextHeadUnit: unit(m.nextHeadUnitId),
      nextDeputyUnit: unit(m.nextDeputyUnitId),
      officerDecisions: officerDecisionViews(
        decodeOfficerDecisions(m.officerDecisions),
        ctx.term.members,
        ctx.term.bloc,
        ctx.term.term.year,
      ),
      correctionNeedsApproval: await this.bodies.correctionNeedsApproval(em, ctx.term.bloc),
      pendingCorrection: await this.pendingCorrection(em, m.id),
      versionNo: m.versionNo,
      supersedesId: m.supersedesId,
      correctionReason: m.correctionReason,
      finalizedAt: m.finalizedAt,
      allowedTransitions: [...allowedMeetingTransitions(m.status)],
      version: m.version,
    };
  }

  private async pendingCorrection(
    em: EntityManager,
    meetingId: number,
  ): Promise<MeetingView['pendingCorrection']> {
    const r = await this.corrections.pendingFor(em, meetingId);
    return r
      ? toCorrectionRequestView(r, await this.corrections.names(em, [r.requestedById]))
      : null;
  }

  private requireUnlocked(ctx: MeetingContext): void {
    if (isMeetingLocked(ctx.meeting.status)) throw new AppError(MeetingErrors.LOCKED);
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
    const others = await this.blocs.otherBlocMemberships(em, members, next, null);
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
