import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AwardTierErrors } from '../award-tiers/award-tier.errors';
import { AwardTiersRepository } from '../award-tiers/award-tiers.repository';
import { AppError, CommonErrors } from '../common/errors/app-error';
import { Db } from '../database/db.service';
import { isMeetingLocked, type BallotStatus } from '../domain/meetings/status';
import { proposesTo } from '../domain/registry/organizing-body';
import {
  checkQuorum,
  compareEntries,
  sameEnterer,
  type BallotCounts,
  type Tally,
} from '../domain/voting';
import { NominationsRepository } from '../nominations/nominations.repository';
import { Metrics } from '../observability/metrics';
import { OrganizingBodiesRepository } from '../registry/organizing-bodies/organizing-bodies.repository';
import type { BallotRecord, ChairDecision, VotersSnapshot } from './ballot-codec';
import { BallotCounting, ballotAcknowledgements, enterer } from './ballot-counting';
import type {
  ChairDecisionDto,
  CorrectEntryDto,
  CreateBallotDto,
  EntryDto,
} from './dto/meeting.dto';
import { ElectronicRounds } from './electronic/electronic-rounds';
import {
  MeetingContextLoader,
  type KnownMeetingParts,
  type MeetingContext,
} from './meeting-context';
import type { MeetingView } from './meeting-view';
import type { MeetingEntity } from './meeting.entity';
import { MeetingViews } from './meeting-view.mapper';
import { MeetingErrors } from './meeting.errors';
import { MeetingsRepository } from './meetings.repository';
import { StatusTransitions } from './status-transitions';

/** After a tally: the meeting's ballots read after it, and the meeting's row as it now is. */
interface SavedTally {
  ballots: BallotRecord[];
  meeting: MeetingEntity;
}

/**
 * Ballots of the meeting: opening with quorum (voters frozen), counts entered twice by two people
 * and compared, then tallied (BallotCounting), and the tie protocols (R8–R10). Every status change
 * of a ballot, and of the meeting that follows its ballots, goes through StatusTransitions.
 */
@Injectable()
export class BallotsService {
  constructor(
    private readonly db: Db,
    private readonly meetings: MeetingsRepository,
    private readonly loader: MeetingContextLoader,
    private readonly views: MeetingViews,
    private readonly tiers: AwardTiersRepository,
    private readonly nominations: NominationsRepository,
    private readonly bodies: OrganizingBodiesRepository,
    private readonly metrics: Metrics,
    private readonly electronic: ElectronicRounds,
    private readonly counting: BallotCounting,
    private readonly transitions: StatusTransitions,
  ) {}

  create(meetingId: number, dto: CreateBallotDto): Promise<MeetingView> {
    return this.db.write(async (em) => {
      const ctx = await this.loader.load(em, meetingId);
      this.requireUnlocked(ctx);
      const tier = await this.tiers.findTier(em, dto.tierId);
      if (!tier) throw new AppError(AwardTierErrors.NOT_FOUND);
      const body = await this.bodies.forBloc(em, ctx.term.bloc);
      if (!proposesTo(body, tier.decidingAuthority))
        throw new AppError(MeetingErrors.BALLOT_TIER_NOT_FOR_BLOC, {
          message: `${body.name} không đề nghị ${tier.name}.`,
        });
      await this.loader.blocVotingRule(em, tier.id, ctx.term.term.year);
      if (await this.meetings.ballotExists(em, meetingId, tier.id, 1))
        throw new AppError(MeetingErrors.BALLOT_EXISTS);
      // A rehearsal replays the vote on the year's nominations as they stand: after the official
      // meeting they are proposals (or further on), and the rehearsal changes none of them.
      const inBallot: readonly string[] = ctx.meeting.isRehearsal
        ? ['DRAFT', 'PROPOSED', 'SUBMITTED', 'PASSED', 'DECIDED']
        : ['DRAFT'];
      const fromNominations = (await this.nominations.listForTerm(em, ctx.term.term.id))
        .filter((n) => n.tierId === tier.id && inBallot.includes(n.status))
        .map((n) => n.unitId);
      const nominees = dto.nomineeUnitIds ?? fromNominations;
      const memberIds = new Set(ctx.term.members.map((m) => m.id));
      const bad = nominees.filter((id) => !memberIds.has(id));
      if (nominees.length === 0 || bad.length > 0 || new Set(nominees).size !== nominees.length) {
        throw new AppError(MeetingErrors.BALLOT_NOMINEES_INVALID, {
          message:
            nominees.length === 0
              ? `Chưa có đơn vị nào được đề nghị ${tier.name} để đưa vào phiếu bầu.`
              : `Danh sách được bầu phải là các đơn vị thành viên khác nhau của khối (sai: ${bad.join(', ') || 'trùng lặp'}).`,
        });
      }
      if (ctx.meeting.status === 'COUNTED')
        await this.transitions.moveMeeting(em, meetingId, 'VOTING');
      const created = await this.meetings.insertBallot(em, {
        meetingId,
        tierId: tier.id,
        roundNo: 1,
        seats: dto.seats,
        method: dto.method,
        status: 'DRAFT',
        nomineeIds: nominees,
        frozenRule: null,
        voters: null,
        chairDecision: null,
        acceptedCounts: null,
        tally: null,
      });
      await this.transitions.ballotChanged(em, created.id, null, 'DRAFT');
      await this.electronic.register(em, created.id, dto.mode ?? 'PAPER', dto.method);
      return this.views.recorded(em, meetingId, 'ballot.create', undefined, ctx.term, {
        attendance: ctx.attendance,
      });
    });
  }

  /** Opens a ballot: the quorum of its rule must be reached; the rule and the voters are frozen. */
  open(ballotId: number, version: number): Promise<MeetingView> {
    return this.db.write((em) => this.openIn(em, ballotId, version));
  }

  /**
   * Opens every ballot of the meeting not yet opened, in one transaction: all of them or, if one is
   * refused (no quorum, a stale page), none. `versions` are the ballots' versions the page showed.
   */
  openAll(meetingId: number, versions: ReadonlyMap<number, number>): Promise<MeetingView> {
    return this.db.write(async (em) => {
      const drafts = (await this.meetings.ballots(em, meetingId)).filter(
        (b) => b.status === 'DRAFT',
      );
      if (drafts.length === 0) throw new AppError(MeetingErrors.BALLOT_NOT_DRAFT);
      let view: MeetingView | null = null;
      for (const b of drafts) view = await this.openIn(em, b.id, versions.get(b.id) ?? b.version);
      return view!;
    });
  }

  private async openIn(em: EntityManager, ballotId: number, version: number): Promise<MeetingView> {
    const { ballot, ctx } = await this.loadBallot(em, ballotId);
    this.requireUnlocked(ctx);
    this.transitions.requireBallot(ballot.status, 'OPEN', MeetingErrors.BALLOT_NOT_DRAFT);
    if (ballot.version !== version)
      throw new AppError(CommonErrors.VERSION_CONFLICT, {
        extra: { currentVersion: ballot.version },
      });
    if (ctx.meeting.status === 'DRAFT')
      throw new AppError(MeetingErrors.ATTENDANCE_INCOMPLETE, {
        message: 'Chưa điểm danh, chưa mở được phiếu bầu.',
      });
    const frozenRule = await this.loader.blocVotingRule(em, ballot.tierId, ctx.term.term.year);
    const { rule } = frozenRule;
    const present = ctx.attendance.filter((a) => a.present).map((a) => a.unitId);
    const written = rule.allowWrittenAbsentee
      ? ctx.attendance.filter((a) => !a.present && a.writtenBallot).map((a) => a.unitId)
      : [];
    const total = ctx.term.members.length;
    const q = checkQuorum(total, present.length, rule);
    if (!q.reached)
      throw new AppError(MeetingErrors.BALLOT_NO_QUORUM, {
        message: `${MeetingErrors.BALLOT_NO_QUORUM.message} ${q.explanation}`,
      });
    const voters: VotersSnapshot = { membersEntitled: total, present, written };
    const ok = await this.meetings.updateBallotIfVersion(em, ballot.id, version, {
      status: 'OPEN',
      frozenRule,
      voters,
    });
    if (!ok) throw new AppError(CommonErrors.VERSION_CONFLICT);
    await this.transitions.ballotChanged(em, ballot.id, ballot.status, 'OPEN');
    await this.electronic.onOpen(em, ballot.id, present.length);
    if (ctx.meeting.status === 'OPEN' || ctx.meeting.status === 'COUNTED')
      await this.transitions.moveMeeting(em, ctx.meeting.id, 'VOTING');
    return this.views.recorded(em, ctx.meeting.id, 'ballot.open', undefined, ctx.term, {
      attendance: ctx.attendance,
    });
  }

  /** Records one of the two independent entries; when both exist they are compared and, if equal, tallied. */
  async submitEntry(ballotId: number, dto: EntryDto): Promise<MeetingView> {
    const start = process.hrtime.bigint();
    const view = await this.db.write(async (em) => {
      const { ballot, ctx } = await this.loadBallot(em, ballotId);
      this.requireUnlocked(ctx);
      if (ballot.status !== 'OPEN') throw new AppError(MeetingErrors.BALLOT_NOT_OPEN);
      await this.electronic.requirePaper(em, ballotId);
      const entries = await this.meetings.entries(em, ballotId);
      if (entries.length >= 2) throw new AppError(MeetingErrors.ENTRIES_COMPLETE);
      const first = entries[0];
      if (first) {
        const same = sameEnterer(first.enteredBy.trim().toLowerCase(), enterer(dto).toLowerCase());
        if (same) throw new AppError(MeetingErrors.SAME_USER, { message: same.message });
      }
      const acks = ballotAcknowledgements(entries, dto);
      const counts = await this.counting.checkedCounts(em, ctx, ballot, dto, acks);
      await this.meetings.insertEntry(em, {
        ballotId,
        entryNo: first ? 2 : 1,
        enteredBy: enterer(dto),
        status: 'SUBMITTED',
        counts,
        acknowledgements: acks,
      });
      const tallied = await this.reconcile(em, ctx, ballot, [
        ...entries.map((e) => e.counts),
        counts,
      ]);
      return this.views.recorded(
        em,
        ctx.meeting.id,
        'ballot.entry',
        undefined,
        ctx.term,
        this.unchangedParts(ctx, tallied),
      );
    });
    this.metrics.countEntry(Number(process.hrtime.bigint() - start) / 1e9);
    return view;
  }

  /** The person who typed an entry corrects it (after a mismatch); the entries are compared again. */
  correctEntry(ballotId: number, entryNo: number, dto: CorrectEntryDto): Promise<MeetingView> {
    return this.db.write(async (em) => {
      const { ballot, ctx } = await this.loadBallot(em, ballotId);
      this.requireUnlocked(ctx);
      if (ballot.status !== 'OPEN') throw new AppError(MeetingErrors.BALLOT_NOT_OPEN);
      await this.electronic.requirePaper(em, ballotId);
      const entries = await this.meetings.entries(em, ballotId);
      const entry = entries.find((e) => e.entryNo === entryNo);
      if (!entry) throw new AppError(MeetingErrors.ENTRY_NOT_FOUND);
      if (entry.enteredBy.trim().toLowerCase() !== enterer(dto).toLowerCase())
        throw new AppError(MeetingErrors.ENTRY_NOT_YOURS);
      if (entry.version !== dto.version)
        throw new AppError(CommonErrors.VERSION_CONFLICT, {
          extra: { currentVersion: entry.version },
        });
      const acks = ballotAcknowledgements(entries, dto);
      const counts = await this.counting.checkedCounts(em, ctx, ballot, dto, acks);
      const ok = await this.meetings.updateEntryIfVersion(em, entry.id, dto.version, {
        status: 'SUBMITTED',
        counts,
        acknowledgements: acks,
      });
      if (!ok) throw new AppError(CommonErrors.VERSION_CONFLICT);
      const stored = entries.map((e) => (e.entryNo === entryNo ? counts : e.counts));
      const tallied = await this.reconcile(em, ctx, ballot, stored);
      return this.views.recorded(
        em,
        ctx.meeting.id,
        'ballot.entry.correct',
        undefined,
        ctx.term,
        this.unchangedParts(ctx, tallied),
      );
    });
  }

  /** CHAIR_DECIDES: the chair's choice among the tied nominees, recorded and re-tallied. */
  chairDecision(ballotId: number, dto: ChairDecisionDto): Promise<MeetingView> {
    return this.db.write(async (em) => {
      const { ballot, ctx } = await this.loadBallot(em, ballotId);
      this.requireUnlocked(ctx);
      if (ballot.status !== 'TIE_PENDING' || ballot.tally?.protocol !== 'CHAIR_DECIDES')
        throw this.transitions.ballotRefusal(ballot.status, MeetingErrors.TIE_NOT_PENDING);
      const codeOf = new Map(ctx.term.members.map((m) => [m.id, m.code]));
      const decision = {
        chosenNomineeIds: dto.chosenUnitIds.map((id) => codeOf.get(id) ?? `#${id}`),
      };
      // a pending tie was tallied from accepted counts
      const counts = ballot.acceptedCounts!;
      const result = await this.counting.runTally(em, ctx, ballot, counts, decision);
      await this.saveTally(em, ctx, ballot, counts, result, {
        ...decision,
        note: dto.note ?? null,
      });
      return this.views.recorded(em, ctx.meeting.id, 'ballot.chair_decision', undefined, ctx.term, {
        attendance: ctx.attendance,
      });
    });
  }

  /** REVOTE: a new round among the tied nominees for the seats at stake, opened at once. */
  revote(ballotId: number): Promise<MeetingView> {
    return this.db.write(async (em) => {
      const { ballot, ctx } = await this.loadBallot(em, ballotId);
      this.requireUnlocked(ctx);
      const tally = ballot.tally;
      if (ballot.status !== 'TIE_PENDING' || !tally || tally.protocol !== 'REVOTE')
        throw this.transitions.ballotRefusal(ballot.status, MeetingErrors.TIE_NOT_PENDING);
      const idOf = new Map(ctx.term.members.map((m) => [m.code, m.id]));
      const candidates = tally.revoteCandidates.map((c) => idOf.get(c)!);
      const round = `Bầu lại vòng ${ballot.roundNo + 1}.`;
      await this.meetings.updateBallotIfVersion(em, ballot.id, ballot.version, {
        status: 'DECIDED',
      });
      await this.transitions.ballotChanged(em, ballot.id, ballot.status, 'DECIDED', round);
      const next = await this.meetings.insertBallot(em, {
        meetingId: ballot.meetingId,
        tierId: ballot.tierId,
        roundNo: ballot.roundNo + 1,
        seats: tally.revoteSeats,
        method: ballot.method,
        status: 'OPEN',
        nomineeIds: candidates,
        frozenRule: ballot.frozenRule,
        voters: ballot.voters,
        chairDecision: null,
        acceptedCounts: null,
        tally: null,
      });
      await this.transitions.ballotChanged(em, next.id, null, 'OPEN', round);
      await this.electronic.onRevote(
        em,
        ballot.id,
        next.id,
        this.counting.voters(ballot).present.length,
      );
      if (ctx.meeting.status === 'COUNTED')
        await this.transitions.moveMeeting(em, ctx.meeting.id, 'VOTING');
      return this.views.recorded(em, ctx.meeting.id, 'ballot.revote', undefined, ctx.term, {
        attendance: ctx.attendance,
      });
    });
  }

  /**
   * The counts of an electronic ballot, computed from its cast ballots (with the secretary's counts
   * of absent members' written ballots), confirmed once by the counting committee: the same coded
   * checks as typed counts, then stored as the ballot's one accepted entry and tallied.
   */
  async acceptComputedCounts(em: EntityManager, ballotId: number, dto: EntryDto): Promise<void> {
    const { ballot, ctx } = await this.loadBallot(em, ballotId);
    this.requireUnlocked(ctx);
    if (ballot.status !== 'OPEN') throw new AppError(MeetingErrors.BALLOT_NOT_OPEN);
    if ((await this.meetings.entries(em, ballotId)).length > 0)
      throw new AppError(MeetingErrors.ENTRIES_COMPLETE);
    const acks = ballotAcknowledgements([], dto);
    const counts = await this.counting.checkedCounts(em, ctx, ballot, dto, acks);
    await this.meetings.insertEntry(em, {
      ballotId,
      entryNo: 1,
      enteredBy: enterer(dto),
      status: 'ACCEPTED',
      counts,
      acknowledgements: acks,
    });
    const tally = await this.counting.runTally(em, ctx, ballot, counts, null);
    await this.saveTally(em, ctx, ballot, counts, tally, null);
  }

  // ——— internals ———

  private async loadBallot(
    em: EntityManager,
    ballotId: number,
  ): Promise<{ ballot: BallotRecord; ctx: MeetingContext }> {
    const found = await this.meetings.findBallotWithMeeting(em, ballotId);
    if (!found) throw new AppError(MeetingErrors.BALLOT_NOT_FOUND);
    const { ballot, meeting } = found;
    return { ballot, ctx: await this.loader.load(em, ballot.meetingId, undefined, { meeting }) };
  }

  private requireUnlocked(ctx: MeetingContext): void {
    if (isMeetingLocked(ctx.meeting.status)) throw new AppError(MeetingErrors.LOCKED);
  }

  /**
   * Compares the two entries; equal → accepted and tallied; different → both marked, differences shown.
   * `stored`: the counts of the ballot's entries in entry order, as this transaction has just
   * written them (the entries read at its start, with the one inserted or corrected), so they are
   * not read again.
   */
  private async reconcile(
    em: EntityManager,
    ctx: MeetingContext,
    ballot: BallotRecord,
    stored: readonly BallotCounts[],
  ): Promise<SavedTally | null> {
    if (stored.length < 2) return null;
    const [a, b] = stored as [BallotCounts, BallotCounts];
    if (!compareEntries(a, b).equal) {
      await this.meetings.setEntriesStatus(em, ballot.id, 'MISMATCH');
      return null;
    }
    await this.meetings.setEntriesStatus(em, ballot.id, 'ACCEPTED');
    // `ballot` was read in this transaction and entries do not change its row (its version holds)
    const tally = await this.counting.runTally(em, ctx, ballot, a, null);
    return this.saveTally(em, ctx, ballot, a, tally, null);
  }

  /**
   * What an entry's view can take from the entry's own reads: the roll always (no entry changes
   * it); the meeting's row as the entry read it or as its tally moved it; the ballots as read after
   * the tally.
   */
  private unchangedParts(ctx: MeetingContext, tallied: SavedTally | null): KnownMeetingParts {
    if (!tallied) return { attendance: ctx.attendance, meeting: ctx.meeting };
    return { attendance: ctx.attendance, ballots: tallied.ballots, meeting: tallied.meeting };
  }

  /** Stores the tally: the ballot is decided or waits on its tie; all decided → the meeting is counted. */
  private async saveTally(
    em: EntityManager,
    ctx: MeetingContext,
    ballot: BallotRecord,
    counts: BallotCounts,
    tally: Tally,
    chairDecision: ChairDecision | null,
  ): Promise<SavedTally> {
    const status: BallotStatus =
      tally.status === 'TIE_PENDING' || tally.status === 'TIE_UNRESOLVED'
        ? 'TIE_PENDING'
        : 'DECIDED';
    if (status !== ballot.status) this.transitions.requireBallot(ballot.status, status);
    const ok = await this.meetings.updateBallotIfVersion(em, ballot.id, ballot.version, {
      status,
      acceptedCounts: counts,
      tally,
      ...(chairDecision ? { chairDecision } : {}),
    });
    if (!ok) throw new AppError(CommonErrors.VERSION_CONFLICT);
    if (status !== ballot.status)
      await this.transitions.ballotChanged(em, ballot.id, ballot.status, status);
    const all = await this.meetings.ballots(em, ctx.meeting.id);
    const meeting = all.every((b) => b.status === 'DECIDED')
      ? await this.transitions.moveMeeting(em, ctx.meeting.id, 'COUNTED')
      : ctx.meeting;
    return { ballots: all, meeting };
  }
}
