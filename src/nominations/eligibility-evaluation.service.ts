import { tierOpenToBloc } from '../domain/auth/tenancy';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AwardTierEntity } from '../award-tiers/award-tier.entity';
import { AwardTierErrors } from '../award-tiers/award-tier.errors';
import { AwardTiersRepository } from '../award-tiers/award-tiers.repository';
import type { TierRuleEntity } from '../award-tiers/tier-rule.entity';
import { AppError, CommonErrors } from '../common/errors/app-error';
import type { Finding } from '../domain/common/result';
import {
  checkAcknowledgements,
  evaluateNomination,
  type ClassificationFacts,
  type EligibilityContext,
  type EligibilityOutcome,
} from '../domain/eligibility';
import { resolveRuleOn, reviewReferenceDate } from '../domain/registry/tier-rules';
import { ClassificationRepository } from '../scoring/classification/classification.repository';
import type { TermContext } from '../scoring/scoring.service';
import { ScoringService } from '../scoring/scoring.service';
import { UnitErrors } from '../registry/units/unit.errors';
import { UnitsRepository } from '../registry/units/units.repository';
import { eligibilityDto } from './nomination.mapper';
import type { NominationEntity } from './nomination.entity';
import { findingDetails, ruleViolation } from './nomination.errors';
import { NominationsRepository } from './nominations.repository';
import { ReadMemo } from './read-memo';

/** The rule check of one nomination: the outcome and the warnings not yet acknowledged. */
export interface Evaluated {
  outcome: EligibilityOutcome;
  unacknowledged: Finding[];
}

/** The facts of a nomination that the rules read (an unsaved suggestion has no id). */
export interface NominationFacts {
  id: number | null;
  unitId: number;
  referenceDate: string;
  leaderExceptionBasis: string | null;
}

/** The facts of a saved nomination, on its own reference date or another one (the decision's). */
export function factsOf(n: NominationEntity, referenceDate = n.referenceDate): NominationFacts {
  return {
    id: n.id,
    unitId: n.unitId,
    referenceDate,
    leaderExceptionBasis: n.leaderExceptionBasis,
  };
}

/**
 * Eligibility of a nomination (R2–R7, R13): gathers the plain facts from the database (the tier's
 * rule for the year, the unit and its award history, the term's ranking and peers, the province's
 * counts, the classification) and runs the pure rules of src/domain/eligibility on them.
 */
@Injectable()
export class EligibilityEvaluationService {
  constructor(
    private readonly nominations: NominationsRepository,
    private readonly scoring: ScoringService,
    private readonly tiers: AwardTiersRepository,
    private readonly units: UnitsRepository,
    private readonly classifications: ClassificationRepository,
  ) {}

  /** Builds the plain eligibility context from the database and runs the rules (pure). */
  async evaluate(
    em: EntityManager,
    ctx: TermContext,
    tier: AwardTierEntity,
    nom: NominationFacts,
    acks: readonly { code: string; reason: string }[],
    memo: ReadMemo = new ReadMemo(),
  ): Promise<Evaluated> {
    const year = ctx.term.year;
    const provinceId = ctx.bloc.provinceId;
    // the province caps count the blocs of this bloc's organization, whoever reads (issue 21)
    const counted = ctx.bloc.organizingBodyId;
    const rule = await memo.get(`rule:${tier.id}:${year}`, () => this.ruleFor(em, tier.id, year));
    const unit = await memo.get(`unit:${nom.unitId}`, () => this.units.findById(em, nom.unitId));
    if (!unit) throw new AppError(UnitErrors.NOT_FOUND);
    // the tiers this bloc sees (the shared and its organization's own), whoever reads: a code is
    // unique among them (issue 21), not among every organization's
    const tiers = (await memo.get('tiers', () => this.tiers.listTiers(em))).filter((t) =>
      tierOpenToBloc(t.organizingBodyId, ctx.bloc.organizingBodyId),
    );
    const tierCode = new Map(tiers.map((t) => [t.id, t.code]));
    const peers = (
      await memo.get(`peers:${ctx.term.id}`, () => this.nominations.listForTerm(em, ctx.term.id))
    ).filter((p) => p.id !== nom.id);
    const context: EligibilityContext = {
      nomination: {
        id: nom.id,
        unitId: nom.unitId,
        tierCode: tier.code,
        blocTermId: ctx.term.id,
        year: ctx.term.year,
        referenceDate: nom.referenceDate,
        leaderExceptionBasis: nom.leaderExceptionBasis,
      },
      unit: { id: unit.id, name: unit.fullName, validFrom: unit.validFrom, validTo: unit.validTo },
      blocTerm: {
        id: ctx.term.id,
        year: ctx.term.year,
        memberUnitIds: ctx.members.map((m) => m.id),
      },
      ranking: await memo.get(`ranking:${ctx.term.id}`, () => this.rankingFacts(em, ctx)),
      otherNominations: peers.map((p) => ({
        id: p.id,
        unitId: p.unitId,
        tierCode: tierCode.get(p.tierId) ?? '',
        status: p.status,
      })),
      province: {
        blocLeaderCount: await memo.get(`leaders:${provinceId}:${year}:${counted}`, () =>
          this.nominations.countBlocsWithTerm(em, provinceId, year, counted),
        ),
        sameTierNominationCount: (
          await memo.get(`active:${provinceId}:${year}:${tier.id}:${counted}`, () =>
            this.nominations.activeIdsInProvince(em, provinceId, year, tier.id, counted),
          )
        ).filter((id) => id !== nom.id).length,
      },
      awardHistory: (await this.nominations.awardsOfUnitAndPredecessors(em, unit.id)).map((a) => ({
        year: a.year,
        tierCode: tierCode.get(a.tierId) ?? '',
        nominationId: a.nominationId,
        viaPredecessorId: a.unitId === unit.id ? null : a.unitId,
      })),
      unitNames: new Map(ctx.members.map((m) => [m.id, m.fullName])),
      tierNames: new Map(tiers.map((t) => [t.code, t.name])),
      classification: await this.classificationFacts(em, ctx.term.id, unit.id, memo),
    };
    const outcome = evaluateNomination(
      context,
      {
        perBlocQuota: rule.perBlocQuota,
        leaderOnly: rule.leaderOnly,
        provinceCap:
          rule.provinceCapNum !== null && rule.provinceCapDen !== null
            ? { numerator: rule.provinceCapNum, denominator: rule.provinceCapDen }
            : null,
        requiresPriorTier: null,
        allowLeaderException: false,
        requiredClassificationRank: rule.requiredClassificationRank,
      },
      { PROVINCE_CAP: { minimumOne: rule.provinceCapMinOne } },
    );
    return { outcome, unacknowledged: checkAcknowledgements(outcome.warnings, acks) };
  }

  /** Runs the rules and refuses the nomination unless it is acceptable (see requireAcceptable). */
  async requireEligible(
    em: EntityManager,
    ctx: TermContext,
    tier: AwardTierEntity,
    nom: NominationFacts,
    acks: readonly { code: string; reason: string }[],
  ): Promise<void> {
    this.requireAcceptable(await this.evaluate(em, ctx, tier, nom, acks));
  }

  /** Refuses a nomination that breaks a rule, or whose warnings are not all acknowledged. */
  private requireAcceptable(e: Evaluated): void {
    const { errors, warnings } = e.outcome;
    if (errors.length > 0) {
      const first = errors[0]!;
      throw new AppError(ruleViolation(first), {
        details: findingDetails([...errors, ...warnings]),
        extra: { eligibility: eligibilityDto(e.outcome, e.unacknowledged) },
      });
    }
    if (e.unacknowledged.length > 0) {
      throw new AppError(CommonErrors.WARNING_NOT_ACKNOWLEDGED, {
        message: `${CommonErrors.WARNING_NOT_ACKNOWLEDGED.message} ${warnings.map((w) => w.message).join(' ')}`,
        details: findingDetails(e.unacknowledged),
        extra: { eligibility: eligibilityDto(e.outcome, e.unacknowledged) },
      });
    }
  }

  /** The acknowledgements already stored with a nomination. */
  async storedAcks(em: EntityManager, id: number): Promise<{ code: string; reason: string }[]> {
    return (await this.nominations.acknowledgements(em, id)).map((a) => ({
      code: a.code,
      reason: a.reason,
    }));
  }

  /** The tier's rule in force on the year's review reference date. */
  async ruleFor(em: EntityManager, tierId: number, year: number): Promise<TierRuleEntity> {
    const rule = resolveRuleOn(
      await this.tiers.rulesOfTiers(em, [tierId]),
      reviewReferenceDate(year),
    );
    if (!rule) throw new AppError(AwardTierErrors.NO_RULE_IN_FORCE);
    return rule;
  }

  /** The term's ranking as the rules read it (unit ids, leader), empty before the domain is set. */
  async rankingFacts(em: EntityManager, ctx: TermContext): Promise<EligibilityContext['ranking']> {
    if (!ctx.domainSet) return { complete: false, leaderUnitId: null, orderedUnitIds: [] };
    const ranking = await this.scoring.computeRanking(em, ctx);
    const idOf = new Map(ctx.members.map((u) => [u.code, u.id]));
    return {
      complete: ranking.complete,
      leaderUnitId: ranking.leaderUnitCode ? (idOf.get(ranking.leaderUnitCode) ?? null) : null,
      orderedUnitIds: ranking.entries.map((e) => idOf.get(e.unitCode)!),
    };
  }

  /** The unit's yearly classification and the term's scale, for the CLASSIFICATION_* rules. */
  private async classificationFacts(
    em: EntityManager,
    termId: number,
    unitId: number,
    memo: ReadMemo,
  ): Promise<ClassificationFacts> {
    const scheme = await memo.get(`classification-scheme:${termId}`, () =>
      this.classifications.schemeForTerm(em, termId),
    );
    const level = await this.classifications.ofUnit(em, termId, unitId);
    return {
      level: level ? { rank: level.rank, label: level.label } : null,
      scaleLabels: scheme ? scheme.levels.map((l) => l.label) : [],
    };
  }
}
