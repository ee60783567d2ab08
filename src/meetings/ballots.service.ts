import { currentActor } from '../common/http/request-context';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AwardTierErrors } from '../award-tiers/award-tier.errors';
import { AwardTiersRepository } from '../award-tiers/award-tiers.repository';
import { AppError, CommonErrors, type ErrorDetail } from '../common/errors/app-error';
import { Db } from '../database/db.service';
import type { Finding } from '../domain/common/result';
import type { Ranking } from '../domain/scoring/ranking';
import { isMeetingLocked } from '../domain/meetings/status';
import {
  checkAcknowledgements,
  mergeAcknowledgements,
  type WarningAcknowledgement,
} from '../domain/eligibility';
import {
  checkCounts,
  checkQuorum,
  compareEntries,
  sameEnterer,
  tallyBallot,
  type BallotCounts,
  type NomineeCount,
  type Participation,
  type Tally,
  type VotingRule,
} from '../domain/voting';
import { NominationsRepository } from '../nominations/nominations.repository';
import { ScoringService } from '../scoring/scoring.service';
import type {
  ChairDecisionDto,
  CorrectEntryDto,
  CountsDto,
  CreateBallotDto,
  EntryDto,
} from './dto/meeting.dto';
import { MeetingContextLoader, type MeetingContext } from './meeting-context';
import type { BallotEntity, BallotEntryEntity } from './meeting-parts.entity';
import type { MeetingView } from './meeting-view';
import { NominationErrors } from '../nominations/nomination.errors';
import { MeetingErrors } from './meeting.errors';
import { MeetingsRepository } from './meetings.repository';
import { MeetingsService } from './meetings.service';
import { Metrics } from '../observability/metrics';
import { OrganizingBodiesRepository } from '../registry/organizing-bodies/organizing-bodies.repository';
import { proposesTo } from '../domain/registry/organizing-body';
import { ElectronicRounds } from './electronic/electronic-rounds';

interface VotersSnapshot {
  membersEntitled: number;
  present: number[];
  written: number[];
}

/** Who typed the counts: the signed-in user; the name in the request only without one (seeding, CLI). */
function enterer(dto: { enteredBy?: string }): string {
  const actor = currentActor();
  return actor.userId !== null ? actor.username : (dto.enteredBy ?? '').trim() || actor.username;
}

const findingDetails = (fs: readonly Finding[]): ErrorDetail[] =>
  fs.map((f) => ({ field: f.field, code: f.code, message: f.message, params: f.params }));

/**
 * Ballots of the meeting: opening with quorum (voters frozen), counts entered twice by two people
 * and compared, coded checks (errors block, warnings need a reason), the tally (pure, in
 * src/domain/voting) and the tie protocols (R8–R10).
 */
/**
 * The acknowledgements that hold for an entry of a ballot: those given on any entry of the ballot
 * (a warning acknowledged once, e.g. its invalid share, stays acknowledged for a correction) and the
 * ones given now.
 */
function ballotAcknowledgements(
  entries: readonly BallotEntryEntity[],
  dto: { acknowledgements?: WarningAcknowledgement[] },
): WarningAcknowledgement[] {
  const earlier = entries.flatMap(
    (e) => JSON.parse(e.acknowledgements) as WarningAcknowledgement[],
  );
  return mergeAcknowledgements(earlier, dto.acknowledgements ?? []);
}

/** What a ballot froze when it opened: its voters, its voting rule and the units on it. */
function frozenAtOpening(ballot: BallotEntity): {
  voters: VotersSnapshot;
  rule: VotingRule;
  nomineeIds: number[];
} {
  return {
    voters: JSON.parse(ballot.votersSnapshot ?? '{}') as VotersSnapshot,
    rule: (JSON.parse(ballot.ruleSnapshot ?? '{}') as { rule: VotingRule }).rule,
    nomineeIds: JSON.parse(ballot.nomineeUnitIds) as number[],
  };
}

@Injectable()
export class BallotsService {
  /** Rankings by loaded meeting context (one context per request; collected with it). */
  private readonly rankings = new WeakMap<MeetingContext, Promise<Ranking | null>>();

  constructor(
    private readonly db: Db,
    private readonly meetings: MeetingsRepository,
    private readonly loader: MeetingContextLoader,
    private readonly views: MeetingsService,
    private readonly tiers: AwardTiersRepository,
    private readonly nominations: NominationsRepository,
    private readonly scoring: ScoringService,
    private readonly bodies: OrganizingBodiesRepository,
    private readonly metrics: Metrics,
    private readonly electronic: ElectronicRounds,
  ) {}

  create(meetingId: number, dto: CreateBallotDto): Promise<MeetingView> {
    return this.db.write(async (em) => {
      const ctx = await this.loader.load(em, meetingId);
      this.requireVotingPhase(ctx);
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
      if (ctx.meeting.status === 'COUNTED') await this.moveMeeting(em, ctx, 'VOTING');
      const created = await this.meetings.insertBallot(em, {
        meetingId,
        tierId: tier.id,
        roundNo: 1,
        seats: dto.seats,
        method: dto.method,
        status: 'DRAFT',
        nomineeUnitIds: JSON.stringify(nominees),
        ruleSnapshot: null,
        votersSnapshot: null,
        chairDecision: null,
        acceptedCounts: null,
        tally: null,
      });
      await this.electronic.register(em, created.id, dto.mode ?? 'PAPER', dto.method);
      return this.views.recorded(em, meetingId, 'ballot.create', undefined, ctx.term);
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
    this.requireVotingPhase(ctx);
    if (ballot.status !== 'DRAFT') throw new AppError(MeetingErrors.BALLOT_NOT_DRAFT);
    if (ballot.version !== version)
      throw new AppError(CommonErrors.VERSION_CONFLICT, {
        extra: { currentVersion: ballot.version },
      });
    if (ctx.meeting.status === 'DRAFT')
      throw new AppError(MeetingErrors.ATTENDANCE_INCOMPLETE, {
        message: 'Chưa điểm danh, chưa mở được phiếu bầu.',
      });
    const { rule, text, isSample } = await this.loader.blocVotingRule(
      em,
      ballot.tierId,
      ctx.term.term.year,
    );
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
      ruleSnapshot: JSON.stringify({ rule, text, isSample }),
      votersSnapshot: JSON.stringify(voters),
    });
    if (!ok) throw new AppError(CommonErrors.VERSION_CONFLICT);
    await this.electronic.onOpen(em, ballot.id, present.length);
    if (ctx.meeting.status === 'OPEN' || ctx.meeting.status === 'COUNTED')
      await this.moveMeeting(em, ctx, 'VOTING');
    return this.views.recorded(em, ctx.meeting.id, 'ballot.open', undefined, ctx.term);
  }

  /** Records one of the two independent entries; when both exist they are compared and, if equal, tallied. */
  async submitEntry(ballotId: number, dto: EntryDto): Promise<MeetingView> {
    const start = process.hrtime.bigint();
    const view = await this.db.write(async (em) => {
      const { ballot, ctx } = await this.loadBallot(em, ballotId);
      if (isMeetingLocked(ctx.meeting.status)) throw new AppError(MeetingErrors.LOCKED);
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
      const counts = await this.checkedCounts(em, ctx, ballot, dto, acks);
      await this.meetings.insertEntry(em, {
        ballotId,
        entryNo: first ? 2 : 1,
        enteredBy: enterer(dto),
        status: 'SUBMITTED',
        counts: JSON.stringify(counts),
        acknowledgements: JSON.stringify(acks),
      });
      await this.reconcile(em, ctx, ballot);
      return this.views.recorded(em, ctx.meeting.id, 'ballot.entry', undefined, ctx.term);
    });
    this.metrics.countEntry(Number(process.hrtime.bigint() - start) / 1e9);
    return view;
  }

  /** The person who typed an entry corrects it (after a mismatch); the entries are compared again. */
  correctEntry(ballotId: number, entryNo: number, dto: CorrectEntryDto): Promise<MeetingView> {
    return this.db.write(async (em) => {
      const { ballot, ctx } = await this.loadBallot(em, ballotId);
      if (isMeetingLocked(ctx.meeting.status)) throw new AppError(MeetingErrors.LOCKED);
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
      const counts = await this.checkedCounts(em, ctx, ballot, dto, acks);
      const ok = await this.meetings.updateEntryIfVersion(em, entry.id, dto.version, {
        status: 'SUBMITTED',
        counts: JSON.stringify(counts),
        acknowledgements: JSON.stringify(acks),
      });
      if (!ok) throw new AppError(CommonErrors.VERSION_CONFLICT);
      await this.reconcile(em, ctx, ballot);
      return this.views.recorded(em, ctx.meeting.id, 'ballot.entry.correct', undefined, ctx.term);
    });
  }

  /** CHAIR_DECIDES: the chair's choice among the tied nominees, recorded and re-tallied. */
  chairDecision(ballotId: number, dto: ChairDecisionDto): Promise<MeetingView> {
    return this.db.write(async (em) => {
      const { ballot, ctx } = await this.loadBallot(em, ballotId);
      if (isMeetingLocked(ctx.meeting.status)) throw new AppError(MeetingErrors.LOCKED);
      const tally = ballot.tally ? (JSON.parse(ballot.tally) as Tally) : null;
      if (ballot.status !== 'TIE_PENDING' || tally?.protocol !== 'CHAIR_DECIDES')
        throw new AppError(MeetingErrors.TIE_NOT_PENDING);
      const codeOf = new Map(ctx.term.members.map((m) => [m.id, m.code]));
      const decision = {
        chosenNomineeIds: dto.chosenUnitIds.map((id) => codeOf.get(id) ?? `#${id}`),
      };
      const counts = JSON.parse(ballot.acceptedCounts ?? 'null') as BallotCounts;
      const result = await this.runTally(em, ctx, ballot, counts, decision);
      await this.saveTally(
        em,
        ctx,
        ballot,
        counts,
        result,
        JSON.stringify({ ...decision, note: dto.note ?? null }),
      );
      return this.views.recorded(em, ctx.meeting.id, 'ballot.chair_decision', undefined, ctx.term);
    });
  }

  /** REVOTE: a new round among the tied nominees for the seats at stake, opened at once. */
  revote(ballotId: number): Promise<MeetingView> {
    return this.db.write(async (em) => {
      const { ballot, ctx } = await this.loadBallot(em, ballotId);
      if (isMeetingLocked(ctx.meeting.status)) throw new AppError(MeetingErrors.LOCKED);
      const tally = ballot.tally ? (JSON.parse(ballot.tally) as Tally) : null;
      if (ballot.status !== 'TIE_PENDING' || !tally || tally.protocol !== 'REVOTE')
        throw new AppError(MeetingErrors.TIE_NOT_PENDING);
      const idOf = new Map(ctx.term.members.map((m) => [m.code, m.id]));
      const candidates = tally.revoteCandidates.map((c) => idOf.get(c)!);
      await this.meetings.updateBallotIfVersion(em, ballot.id, ballot.version, {
        status: 'DECIDED',
      });
      const next = await this.meetings.insertBallot(em, {
        meetingId: ballot.meetingId,
        tierId: ballot.tierId,
        roundNo: ballot.roundNo + 1,
        seats: tally.revoteSeats,
        method: ballot.method,
        status: 'OPEN',
        nomineeUnitIds: JSON.stringify(candidates),
        ruleSnapshot: ballot.ruleSnapshot,
        votersSnapshot: ballot.votersSnapshot,
        chairDecision: null,
        acceptedCounts: null,
        tally: null,
      });
      const { voters } = frozenAtOpening(ballot);
      await this.electronic.onRevote(em, ballot.id, next.id, voters.present.length);
      if (ctx.meeting.status === 'COUNTED') await this.moveMeeting(em, ctx, 'VOTING');
      return this.views.recorded(em, ctx.meeting.id, 'ballot.revote', undefined, ctx.term);
    });
  }

  /**
   * The counts of an electronic ballot, computed from its cast ballots (with the secretary's counts
   * of absent members' written ballots), confirmed once by the counting committee: the same coded
   * checks as typed counts, then stored as the ballot's one accepted entry and tallied.
   */
  async acceptComputedCounts(em: EntityManager, ballotId: number, dto: EntryDto): Promise<void> {
    const { ballot, ctx } = await this.loadBallot(em, ballotId);
    if (isMeetingLocked(ctx.meeting.status)) throw new AppError(MeetingErrors.LOCKED);
    if (ballot.status !== 'OPEN') throw new AppError(MeetingErrors.BALLOT_NOT_OPEN);
    if ((await this.meetings.entries(em, ballotId)).length > 0)
      throw new AppError(MeetingErrors.ENTRIES_COMPLETE);
    const acks = ballotAcknowledgements([], dto);
    const counts = await this.checkedCounts(em, ctx, ballot, dto, acks);
    await this.meetings.insertEntry(em, {
      ballotId,
      entryNo: 1,
      enteredBy: enterer(dto),
      status: 'ACCEPTED',
      counts: JSON.stringify(counts),
      acknowledgements: JSON.stringify(acks),
    });
    await this.saveTally(
      em,
      ctx,
      ballot,
      counts,
      await this.runTally(em, ctx, ballot, counts, null),
      null,
    );
  }

  // ——— internals ———

  private async loadBallot(
    em: EntityManager,
    ballotId: number,
  ): Promise<{ ballot: BallotEntity; ctx: MeetingContext }> {
    const ballot = await this.meetings.findBallot(em, ballotId);
    if (!ballot) throw new AppError(MeetingErrors.BALLOT_NOT_FOUND);
    return { ballot, ctx: await this.loader.load(em, ballot.meetingId) };
  }

  private requireVotingPhase(ctx: MeetingContext): void {
    if (isMeetingLocked(ctx.meeting.status)) throw new AppError(MeetingErrors.LOCKED);
  }

  private async moveMeeting(
    em: EntityManager,
    ctx: MeetingContext,
    to: 'VOTING' | 'COUNTED',
  ): Promise<void> {
    const fresh = (await this.meetings.findById(em, ctx.meeting.id))!;
    if (!(await this.meetings.updateIfVersion(em, fresh.id, fresh.version, { status: to })))
      throw new AppError(CommonErrors.VERSION_CONFLICT);
  }

  /**
   * The term's score ranking, computed once per loaded context: an entry checks the counts against
   * it and, when it completes the ballot, tallies with it, in one transaction that changes no score.
   */
  private termRanking(em: EntityManager, ctx: MeetingContext): Promise<Ranking | null> {
    let ranking = this.rankings.get(ctx);
    if (!ranking) {
      ranking = ctx.term.domainSet
        ? this.scoring.computeRanking(em, ctx.term)
        : Promise.resolve(null);
      this.rankings.set(ctx, ranking);
    }
    return ranking;
  }

  /** Converts entered counts (by unit id) to the domain's counts (by unit code) and runs the coded checks. */
  private async checkedCounts(
    em: EntityManager,
    ctx: MeetingContext,
    ballot: BallotEntity,
    dto: EntryDto,
    acknowledgements: readonly WarningAcknowledgement[],
  ): Promise<BallotCounts> {
    const { voters, rule, nomineeIds } = frozenAtOpening(ballot);
    const codeOf = new Map(ctx.term.members.map((m) => [m.id, m.code]));
    const shape = (list: CountsDto['nominees']): NomineeCount[] =>
      list.map((n) => ({
        nomineeId: codeOf.get(n.unitId) ?? `#${n.unitId}`,
        agree: n.agree,
        disagree: n.disagree,
        noOpinion: n.noOpinion,
      }));
    const listed = new Set(dto.counts.nominees.map((n) => n.unitId));
    const expected = new Set(nomineeIds);
    if (
      listed.size !== dto.counts.nominees.length ||
      listed.size !== expected.size ||
      [...listed].some((id) => !expected.has(id))
    ) {
      throw new AppError(MeetingErrors.COUNTS_INVALID, {
        message: `Phải nhập đúng một dòng cho mỗi đơn vị có tên trên phiếu (${nomineeIds.length} đơn vị).`,
      });
    }
    const counts: BallotCounts = {
      membersEntitled: voters.membersEntitled,
      ballotsIssued: dto.counts.ballotsIssued,
      ballotsReturned: dto.counts.ballotsReturned,
      valid: dto.counts.valid,
      invalid: dto.counts.invalid,
      seats: ballot.seats,
      nominees: shape(dto.counts.nominees),
      written: dto.counts.written
        ? {
            received: dto.counts.written.received,
            valid: dto.counts.written.valid,
            invalid: dto.counts.written.invalid,
            nominees: shape(dto.counts.written.nominees),
          }
        : null,
    };
    const ranking = await this.termRanking(em, ctx);
    const findings = checkCounts(counts, {
      present: voters.present.length,
      rule,
      participation: this.participation(ctx, voters, nomineeIds),
      ...(rule.invalidShare
        ? { invalidShareLimit: rule.invalidShare, invalidShareBasis: rule.invalidShareBasis }
        : {}),
      ...(ranking?.complete ? { scoreRanking: ranking.entries.map((e) => e.unitCode) } : {}),
      names: new Map(ctx.term.members.map((m) => [m.code, m.fullName])),
    });
    const errors = findings.filter((f) => f.severity === 'error');
    if (errors.length > 0) {
      throw new AppError(MeetingErrors.COUNTS_INVALID, {
        message: `${MeetingErrors.COUNTS_INVALID.message} ${errors[0]!.message}`,
        details: findingDetails(errors),
      });
    }
    const missing = checkAcknowledgements(
      findings.filter((f) => f.severity === 'warning'),
      acknowledgements,
    );
    if (missing.length > 0) {
      throw new AppError(NominationErrors.WARNING_NOT_ACKNOWLEDGED, {
        message: missing[0]!.message,
        details: findingDetails(missing),
      });
    }
    return counts;
  }

  private participation(
    ctx: MeetingContext,
    voters: VotersSnapshot,
    nomineeIds: number[],
  ): Map<string, Participation> {
    const codeOf = new Map(ctx.term.members.map((m) => [m.id, m.code]));
    const out = new Map<string, Participation>();
    for (const id of nomineeIds) {
      const code = codeOf.get(id) ?? `#${id}`;
      out.set(
        code,
        !codeOf.has(id)
          ? 'NOT_MEMBER'
          : voters.present.includes(id)
            ? 'PRESENT'
            : voters.written.includes(id)
              ? 'WRITTEN'
              : 'ABSENT',
      );
    }
    return out;
  }

  /** Compares the two entries; equal → accepted and tallied; different → both marked, differences shown. */
  private async reconcile(
    em: EntityManager,
    ctx: MeetingContext,
    ballot: BallotEntity,
  ): Promise<void> {
    const entries = await this.meetings.entries(em, ballot.id);
    if (entries.length < 2) return;
    const [a, b] = entries as [(typeof entries)[0], (typeof entries)[0]];
    const ca = JSON.parse(a.counts) as BallotCounts;
    const cb = JSON.parse(b.counts) as BallotCounts;
    if (!compareEntries(ca, cb).equal) {
      await this.meetings.setEntriesStatus(em, ballot.id, 'MISMATCH');
      return;
    }
    await this.meetings.setEntriesStatus(em, ballot.id, 'ACCEPTED');
    // `ballot` was read in this transaction and entries do not change its row (its version holds)
    await this.saveTally(em, ctx, ballot, ca, await this.runTally(em, ctx, ballot, ca, null), null);
  }

  private async runTally(
    em: EntityManager,
    ctx: MeetingContext,
    ballot: BallotEntity,
    counts: BallotCounts,
    chair: { chosenNomineeIds: string[] } | null,
  ): Promise<Tally> {
    const { voters, rule, nomineeIds } = frozenAtOpening(ballot);
    const participation = this.participation(ctx, voters, nomineeIds);
    const ranking = await this.termRanking(em, ctx);
    const score = new Map(ranking?.entries.map((e) => [e.unitCode, e.totals.grandTotal]) ?? []);
    const result = tallyBallot({
      rule,
      counts,
      present: voters.present.length,
      nominees: [...participation].map(([nomineeId, p]) => ({
        nomineeId,
        participation: p,
        score: score.get(nomineeId) ?? null,
      })),
      chairDecision: chair,
      names: new Map(ctx.term.members.map((m) => [m.code, m.fullName])),
    });
    if (!result.ok) {
      throw new AppError(MeetingErrors.TALLY_REFUSED, {
        message: `${MeetingErrors.TALLY_REFUSED.message} ${result.error[0]?.message ?? ''}`.trim(),
        details: findingDetails(result.error),
      });
    }
    return result.value;
  }

  private async saveTally(
    em: EntityManager,
    ctx: MeetingContext,
    ballot: BallotEntity,
    counts: BallotCounts,
    tally: Tally,
    chairDecision: string | null,
  ): Promise<void> {
    const status =
      tally.status === 'TIE_PENDING' || tally.status === 'TIE_UNRESOLVED'
        ? 'TIE_PENDING'
        : 'DECIDED';
    const ok = await this.meetings.updateBallotIfVersion(em, ballot.id, ballot.version, {
      status,
      acceptedCounts: JSON.stringify(counts),
      tally: JSON.stringify(tally),
      ...(chairDecision ? { chairDecision } : {}),
    });
    if (!ok) throw new AppError(CommonErrors.VERSION_CONFLICT);
    const all = await this.meetings.ballots(em, ctx.meeting.id);
    if (all.every((b) => b.status === 'DECIDED')) await this.moveMeeting(em, ctx, 'COUNTED');
  }
}
