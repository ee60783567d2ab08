import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { toVotingRule } from '../award-tiers/award-tier.mapper';
import { AwardTiersRepository } from '../award-tiers/award-tiers.repository';
import { AppError, CommonErrors } from '../common/errors/app-error';
import { Db } from '../database/db.service';
import { judgeCouncilVote } from '../domain/nominations/council-vote';
import { checkStageDate } from '../domain/nominations/dates';
import {
  allowedNominationTransitions,
  canTransitionNomination,
  NOMINATION_STATUS_LABELS,
  transitionNeedsReason,
  type NominationStatus,
} from '../domain/nominations/status';
import type { TermContext } from '../scoring/scoring.service';
import type {
  CouncilVoteDto,
  DecisionDto,
  NominationDto,
  TransitionNominationDto,
} from './dto/nomination.dto';
import { EligibilityEvaluationService, factsOf } from './eligibility-evaluation.service';
import type { NominationEntity } from './nomination.entity';
import {
  findingDetails,
  NominationErrors,
  refuseDateFinding,
  ruleViolation,
} from './nomination.errors';
import { NominationsRepository } from './nominations.repository';
import { NominationsService } from './nominations.service';

/**
 * A nomination's way through its state machine (R18, src/domain/nominations/status.ts): the
 * transitions asked for by hand, the provincial council's vote (passed or cut by the tier's voting
 * rule), the decision (the award joins the history) and a finalized meeting's result. Every move
 * checks the domain's table (a refused one answers 409 with the allowed transitions), writes a
 * history row and an audit row, in the caller's one transaction.
 */
@Injectable()
export class NominationWorkflowService {
  constructor(
    private readonly db: Db,
    private readonly nominations: NominationsRepository,
    private readonly reader: NominationsService,
    private readonly eligibility: EligibilityEvaluationService,
    private readonly tiers: AwardTiersRepository,
    private readonly audit: AuditService,
  ) {}

  /** Moves a nomination along its state machine; proposing re-runs every rule. */
  transition(id: number, dto: TransitionNominationDto): Promise<NominationDto> {
    return this.db.write(async (em) => {
      const { n, ctx } = await this.reader.load(em, id);
      if (dto.to === 'PASSED' || dto.to === 'CUT')
        throw new AppError(NominationErrors.USE_COUNCIL_ENDPOINT);
      if (dto.to === 'DECIDED') throw new AppError(NominationErrors.USE_DECISION_ENDPOINT);
      this.checkTransition(n, dto.to, dto.version, dto.reason);
      if (dto.to === 'PROPOSED') {
        const tier = (await this.tiers.findTier(em, n.tierId))!;
        const acks = [
          ...(await this.eligibility.storedAcks(em, id)),
          ...(dto.acknowledgements ?? []),
        ];
        await this.eligibility.requireEligible(em, ctx, tier, factsOf(n), acks);
        await this.nominations.addAcknowledgements(
          em,
          id,
          (dto.acknowledgements ?? []).map((a) => ({ code: a.code, reason: a.reason.trim() })),
        );
      }
      await this.move(em, n, dto.to, dto.reason, {});
      return this.reader.view(em, ctx, (await this.nominations.findById(em, id))!);
    });
  }

  /** Records the provincial council's vote on a submitted nomination: passed or cut by its voting rule. */
  councilVote(id: number, dto: CouncilVoteDto): Promise<NominationDto> {
    return this.db.write(async (em) => {
      const { n, ctx } = await this.reader.load(em, id);
      refuseDateFinding(
        checkStageDate({
          stage: 'COUNCIL',
          date: dto.councilDate,
          blocMeetingDate: await this.nominations.blocMeetingDate(em, n.termId),
          councilDate: null,
        }),
      );
      const rule = await this.eligibility.ruleFor(em, n.tierId, ctx.term.year);
      const voting = rule.votingRules?.find((v) => v.body === 'COUNCIL');
      if (!voting) throw new AppError(NominationErrors.NO_COUNCIL_RULE);
      const judged = judgeCouncilVote(dto, toVotingRule(voting), dto.councilDate, dto.note);
      if (!judged.ok) {
        const def =
          judged.error.code === 'COUNCIL_NO_QUORUM'
            ? NominationErrors.COUNCIL_NO_QUORUM
            : NominationErrors.COUNCIL_COUNTS_INVALID;
        throw new AppError(def, { message: judged.error.message });
      }
      const to: NominationStatus = judged.value.passed ? 'PASSED' : 'CUT';
      const reason = judged.value.reason;
      this.checkTransition(n, to, dto.version, reason);
      await this.move(em, n, to, reason, {
        councilAgree: dto.agree,
        councilMembers: dto.members,
        councilDate: dto.councilDate,
      });
      return this.reader.view(em, ctx, (await this.nominations.findById(em, id))!);
    });
  }

  /** Records the decision; the unit must still exist on the decision date (R13); the award joins the history. */
  decide(id: number, dto: DecisionDto): Promise<NominationDto> {
    return this.db.write(async (em) => {
      const { n, ctx } = await this.reader.load(em, id);
      this.checkTransition(n, 'DECIDED', dto.version, null);
      refuseDateFinding(
        checkStageDate({
          stage: 'DECISION',
          date: dto.decisionDate,
          blocMeetingDate: await this.nominations.blocMeetingDate(em, n.termId),
          councilDate: n.councilDate,
        }),
      );
      const tier = (await this.tiers.findTier(em, n.tierId))!;
      const { outcome } = await this.eligibility.evaluate(
        em,
        ctx,
        tier,
        factsOf(n, dto.decisionDate),
        [],
      );
      const dissolved = outcome.errors.filter((f) => f.code === 'UNIT_DISSOLVED');
      if (dissolved.length > 0)
        throw new AppError(ruleViolation(dissolved[0]!), { details: findingDetails(dissolved) });
      if (await this.nominations.awardExists(em, n.unitId, ctx.term.year, n.tierId))
        throw new AppError(NominationErrors.AWARD_EXISTS);
      await this.move(
        em,
        n,
        'DECIDED',
        `Quyết định số ${dto.decisionNumber} ngày ${dto.decisionDate} của ${dto.decider}`,
        {
          decisionNumber: dto.decisionNumber,
          decisionDate: dto.decisionDate,
          decider: dto.decider,
        },
      );
      await this.nominations.insertAward(em, {
        unitId: n.unitId,
        year: ctx.term.year,
        tierId: n.tierId,
        decisionNumber: dto.decisionNumber,
        decisionDate: dto.decisionDate,
        decider: dto.decider,
        source: 'DECISION',
        nominationId: n.id,
      });
      await this.audit.record(em, {
        action: 'award.record',
        entityType: 'award_history',
        entityId: `${n.unitId}/${ctx.term.year}/${n.tierId}`,
        after: {
          nominationId: n.id,
          decisionNumber: dto.decisionNumber,
          decisionDate: dto.decisionDate,
          decider: dto.decider,
        },
      });
      return this.reader.view(em, ctx, (await this.nominations.findById(em, id))!);
    });
  }

  /**
   * Applies a finalized meeting's result within the caller's transaction: elected drafts become
   * proposals (every rule re-run; warnings must have been acknowledged), proposals no longer
   * elected (after a correction) go back to draft. Other statuses are left alone.
   */
  async applyMeetingResult(
    em: EntityManager,
    ctx: TermContext,
    elected: ReadonlySet<string>,
    reason: string,
  ): Promise<void> {
    for (const n of await this.nominations.listForTerm(em, ctx.term.id)) {
      const key = `${n.unitId}|${n.tierId}`;
      if (n.status === 'DRAFT' && elected.has(key)) {
        const tier = (await this.tiers.findTier(em, n.tierId))!;
        const acks = await this.eligibility.storedAcks(em, n.id);
        await this.eligibility.requireEligible(em, ctx, tier, factsOf(n), acks);
        await this.move(em, n, 'PROPOSED', reason, {});
      } else if (n.status === 'PROPOSED' && !elected.has(key)) {
        await this.move(em, n, 'DRAFT', `Đính chính kết quả hội nghị: ${reason}`, {});
      }
    }
  }

  /** True when a nomination of the term has gone past the bloc (submitted to the province or later). */
  async anySentToProvince(em: EntityManager, termId: number): Promise<boolean> {
    return (await this.nominations.listForTerm(em, termId)).some((n) =>
      ['SUBMITTED', 'PASSED', 'CUT', 'DECIDED', 'REJECTED'].includes(n.status),
    );
  }

  private checkTransition(
    n: NominationEntity,
    to: NominationStatus,
    version: number,
    reason: string | null | undefined,
  ): void {
    if (n.version !== version)
      throw new AppError(CommonErrors.VERSION_CONFLICT, { extra: { currentVersion: n.version } });
    if (!canTransitionNomination(n.status, to)) {
      throw new AppError(NominationErrors.BAD_TRANSITION, {
        message: `Không thể chuyển hồ sơ từ "${NOMINATION_STATUS_LABELS[n.status]}" sang "${NOMINATION_STATUS_LABELS[to]}".`,
        extra: { allowedTransitions: allowedNominationTransitions(n.status) },
      });
    }
    if (transitionNeedsReason(n.status, to) && !reason?.trim())
      throw new AppError(NominationErrors.REASON_REQUIRED);
  }

  private async move(
    em: EntityManager,
    n: NominationEntity,
    to: NominationStatus,
    reason: string | null | undefined,
    extra: Partial<NominationEntity>,
  ): Promise<void> {
    if (!(await this.nominations.updateIfVersion(em, n.id, n.version, { ...extra, status: to }))) {
      throw new AppError(CommonErrors.VERSION_CONFLICT, { extra: { currentVersion: n.version } });
    }
    await this.nominations.addTransition(em, n.id, n.status, to, reason?.trim() || null);
    await this.audit.record(em, {
      action: `nomination.${to.toLowerCase()}`,
      entityType: 'nomination',
      entityId: n.id,
      before: { status: n.status },
      after: { status: to, ...extra },
      reason: reason?.trim() || null,
    });
  }
}
