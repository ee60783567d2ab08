import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AwardTiersRepository } from '../award-tiers/award-tiers.repository';
import {
  BALLOT_STATUS_LABELS,
  allowedMeetingTransitions,
  MEETING_STATUS_LABELS,
} from '../domain/meetings/status';
import { CHOICE_LABELS, ELECTRONIC_PHASE_LABELS } from '../domain/voting/electronic';
import { compareEntries, meetingQuorum, type VotingRule } from '../domain/voting';
import { OrganizingBodiesRepository } from '../registry/organizing-bodies/organizing-bodies.repository';
import type { TermContext } from '../scoring/scoring.service';
import { toUnitDto } from '../registry/units/unit.mapper';
import { decodeMeetingLists, type BallotRecord } from './ballot-codec';
import { toCorrectionRequestView } from './correction-request-view';
import { CorrectionRequestsRepository } from './correction-requests.repository';
import { ElectronicRepository } from './electronic/electronic.repository';
import {
  MeetingContextLoader,
  type KnownMeetingParts,
  type MeetingContext,
} from './meeting-context';
import type { BallotView, MeetingView } from './meeting-view';
import { MeetingsRepository } from './meetings.repository';
import { officerDecisionViews } from './officer-decisions';

/**
 * The meeting as the API, the pages and the documents show it, built from the typed records
 * (ballot-codec.ts), and the audit entry of a change with that view.
 */
@Injectable()
export class MeetingViews {
  constructor(
    private readonly meetings: MeetingsRepository,
    private readonly loader: MeetingContextLoader,
    private readonly tiers: AwardTiersRepository,
    private readonly audit: AuditService,
    private readonly corrections: CorrectionRequestsRepository,
    private readonly bodies: OrganizingBodiesRepository,
    private readonly electronic: ElectronicRepository,
  ) {}

  /** Builds the meeting's view after a change and records the change in the audit log (same transaction). */
  /**
   * `term`, `parts`: see MeetingContextLoader.load (only from writes that leave the term, or those
   * parts, as they were).
   */
  async recorded(
    em: EntityManager,
    id: number,
    action: string,
    before?: unknown,
    term?: TermContext,
    parts?: KnownMeetingParts,
  ): Promise<MeetingView> {
    const view = await this.view(em, id, term, parts);
    await this.audit.record(em, {
      action,
      entityType: 'meeting',
      entityId: view.id,
      before,
      after: view,
    });
    return view;
  }

  /** The meeting as the API and the documents show it. */
  async view(
    em: EntityManager,
    id: number,
    term?: TermContext,
    parts?: KnownMeetingParts,
  ): Promise<MeetingView> {
    const ctx = await this.loader.load(em, id, term, parts);
    const m = ctx.meeting;
    const unitById = new Map(ctx.term.members.map((u) => [u.id, u]));
    const tiers = new Map((await this.tiers.listTiers(em)).map((t) => [t.id, t]));
    const rows = (term && parts?.ballots) || (await this.meetings.ballots(em, m.id));
    const ballots = await this.ballotViews(em, ctx, tiers, rows);
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
      const q = meetingQuorum(
        total,
        present,
        await this.quorumRules(em, ctx, [...tiers.values()], rows),
      );
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
    const lists = decodeMeetingLists(m);
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
      countingCommittee: lists.countingCommittee,
      guests: lists.guests,
      agenda: lists.agenda,
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
        lists.officerDecisions,
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

  private async ballotViews(
    em: EntityManager,
    ctx: MeetingContext,
    tiers: ReadonlyMap<number, { code: string; name: string }>,
    rows: readonly BallotRecord[],
  ): Promise<BallotView[]> {
    const unitById = new Map(ctx.term.members.map((u) => [u.id, u]));
    const unitByCode = new Map(ctx.term.members.map((u) => [u.code, u]));
    const units = (codes: readonly string[]) =>
      codes.flatMap((c) => {
        const u = unitByCode.get(c);
        return u ? [toUnitDto(u)] : [];
      });
    const ids = rows.map((b) => b.id);
    const entriesOf = await this.meetings.entriesOfBallots(em, ids);
    const electronicOf = await this.electronic.ofBallots(em, ids);
    const ballots: BallotView[] = [];
    for (const b of rows) {
      const entries = entriesOf.get(b.id) ?? [];
      const e = electronicOf.get(b.id);
      const published = e && (e.phase === 'CLOSED' || e.phase === 'CONFIRMED');
      const tier = tiers.get(b.tierId)!;
      const tally = b.tally;
      const [e1, e2] = entries;
      const differences =
        e1 && e2 && e1.status === 'MISMATCH'
          ? compareEntries(e1.counts, e2.counts).differences
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
        nominees: b.nomineeIds.flatMap((uid) => {
          const u = unitById.get(uid);
          return u ? [toUnitDto(u)] : [];
        }),
        ruleText: b.frozenRule ? b.frozenRule.text : null,
        rule: b.frozenRule ? b.frozenRule.rule : null,
        ruleIsSample: b.frozenRule?.isSample === true,
        entries: entries.map((x) => ({
          entryNo: x.entryNo,
          enteredBy: x.enteredBy,
          status: x.status,
          version: x.version,
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
        acceptedCounts: b.acceptedCounts,
        tally,
        winners: units(tally?.winners ?? []),
        revoteCandidates: units(tally?.revoteCandidates ?? []),
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
    return ballots;
  }

  /**
   * The voting rules the meeting's quorum is judged by: each ballot's frozen rule, or the rule in
   * force for the year of its tier; before any ballot, the rules in force of every tier.
   */
  private async quorumRules(
    em: EntityManager,
    ctx: MeetingContext,
    tiers: readonly { id: number }[],
    ballots: readonly BallotRecord[],
  ): Promise<VotingRule[]> {
    const rules: VotingRule[] = [];
    const tierIds = ballots.length > 0 ? [] : tiers.map((t) => t.id);
    for (const b of ballots) {
      if (b.frozenRule) rules.push(b.frozenRule.rule);
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

  private async pendingCorrection(
    em: EntityManager,
    meetingId: number,
  ): Promise<MeetingView['pendingCorrection']> {
    const r = await this.corrections.pendingFor(em, meetingId);
    return r
      ? toCorrectionRequestView(r, await this.corrections.names(em, [r.requestedById]))
      : null;
  }
}
