import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError, CommonErrors, type ErrorDetail } from '../common/errors/app-error';
import { currentActor } from '../common/http/request-context';
import type { Finding } from '../domain/common/result';
import {
  checkAcknowledgements,
  mergeAcknowledgements,
  type WarningAcknowledgement,
} from '../domain/eligibility';
import type { Ranking } from '../domain/scoring/ranking';
import {
  checkCounts,
  tallyBallot,
  type BallotCounts,
  type NomineeCount,
  type Participation,
  type Tally,
  type VotingRule,
} from '../domain/voting';
import { ScoringService } from '../scoring/scoring.service';
import type { BallotRecord, EntryRecord, VotersSnapshot } from './ballot-codec';
import type { CountsDto, EntryDto } from './dto/meeting.dto';
import type { MeetingContext } from './meeting-context';
import { MeetingErrors } from './meeting.errors';

/** Who typed the counts: the signed-in user; the name in the request only without one (seeding, CLI). */
export function enterer(dto: { enteredBy?: string }): string {
  const actor = currentActor();
  return actor.userId !== null ? actor.username : (dto.enteredBy ?? '').trim() || actor.username;
}

const findingDetails = (fs: readonly Finding[]): ErrorDetail[] =>
  fs.map((f) => ({ field: f.field, code: f.code, message: f.message, params: f.params }));

/**
 * The acknowledgements that hold for an entry of a ballot: those given on any entry of the ballot
 * (a warning acknowledged once, e.g. its invalid share, stays acknowledged for a correction) and the
 * ones given now.
 */
export function ballotAcknowledgements(
  entries: readonly EntryRecord[],
  dto: { acknowledgements?: WarningAcknowledgement[] },
): WarningAcknowledgement[] {
  return mergeAcknowledgements(
    entries.flatMap((e) => e.acknowledgements),
    dto.acknowledgements ?? [],
  );
}

/** What a ballot froze when it opened: its voters, its voting rule and the units on it. */
function frozenAtOpening(ballot: BallotRecord): {
  voters: VotersSnapshot;
  rule: VotingRule;
  nomineeIds: number[];
} {
  if (!ballot.voters || !ballot.frozenRule) throw new AppError(MeetingErrors.BALLOT_NOT_OPEN);
  return { voters: ballot.voters, rule: ballot.frozenRule.rule, nomineeIds: ballot.nomineeIds };
}

/**
 * The counting of a ballot: entered counts checked against its frozen rule and voters (coded
 * checks: errors block, warnings need a reason), and the tally (pure, src/domain/voting) with the
 * term's score ranking for the tie protocols (R8–R10).
 */
@Injectable()
export class BallotCounting {
  /** Rankings by loaded meeting context (one context per request; collected with it). */
  private readonly rankings = new WeakMap<MeetingContext, Promise<Ranking | null>>();

  constructor(private readonly scoring: ScoringService) {}

  /** The voters frozen when the ballot opened. */
  voters(ballot: BallotRecord): VotersSnapshot {
    return frozenAtOpening(ballot).voters;
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
  async checkedCounts(
    em: EntityManager,
    ctx: MeetingContext,
    ballot: BallotRecord,
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
      throw new AppError(CommonErrors.WARNING_NOT_ACKNOWLEDGED, {
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

  /** The tally of accepted counts under the ballot's frozen rule (refused with its findings). */
  async runTally(
    em: EntityManager,
    ctx: MeetingContext,
    ballot: BallotRecord,
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
}
