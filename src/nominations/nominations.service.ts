import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AwardTierEntity } from '../award-tiers/award-tier.entity';
import { AwardTierErrors } from '../award-tiers/award-tier.errors';
import { AwardTiersRepository } from '../award-tiers/award-tiers.repository';
import { AppError, CommonErrors } from '../common/errors/app-error';
import { Db } from '../database/db.service';
import { AuditService } from '../audit/audit.service';
import { checkReferenceDate } from '../domain/nominations/dates';
import {
  INACTIVE_STATUSES,
  isEditable,
  NOMINATION_STATUS_LABELS,
  type NominationStatus,
} from '../domain/nominations/status';
import { suggestNominations } from '../domain/nominations/suggest';
import { proposesTo } from '../domain/registry/organizing-body';
import { tierOpenToBloc } from '../domain/auth/tenancy';
import { resolveRuleOn, reviewReferenceDate } from '../domain/registry/tier-rules';
import { OrganizingBodiesRepository } from '../registry/organizing-bodies/organizing-bodies.repository';
import { ScoringService, type TermContext } from '../scoring/scoring.service';
import { toUnitDto } from '../registry/units/unit.mapper';
import { UnitErrors } from '../registry/units/unit.errors';
import { UnitsRepository } from '../registry/units/units.repository';
import type { CreateNominationDto, NominationDto, UpdateNominationDto } from './dto/nomination.dto';
import { EligibilityEvaluationService, factsOf } from './eligibility-evaluation.service';
import type { NominationEntity } from './nomination.entity';
import { eligibilityDto, toNominationDto } from './nomination.mapper';
import { NominationErrors, refuseDateFinding } from './nomination.errors';
import { NominationsRepository } from './nominations.repository';
import { ReadMemo } from './read-memo';

/**
 * Nominations from a bloc term: listed, suggested from the ranking and the tiers' quotas, created
 * and edited while a draft, each checked against the eligibility rules of the tier's rule for the
 * year on every change (R2–R7, R13). Their workflow (transitions, council vote, decision, a
 * meeting's result) is `NominationWorkflowService`; the provincial stage `ProvinceStageService`;
 * the achievement reports `NominationReportsService`.
 */
@Injectable()
export class NominationsService {
  constructor(
    private readonly db: Db,
    private readonly nominations: NominationsRepository,
    private readonly eligibility: EligibilityEvaluationService,
    private readonly scoring: ScoringService,
    private readonly tiers: AwardTiersRepository,
    private readonly units: UnitsRepository,
    private readonly bodies: OrganizingBodiesRepository,
    private readonly audit: AuditService,
  ) {}

  listForTerm(blocId: number, year: number): Promise<NominationDto[]> {
    return this.db.read(async (em) => {
      const ctx = await this.scoring.context(em, blocId, year);
      const memo = new ReadMemo();
      const out: NominationDto[] = [];
      for (const n of await this.nominations.listForTerm(em, ctx.term.id))
        out.push(await this.view(em, ctx, n, memo));
      return out;
    });
  }

  /** How many nominations of a bloc-year are in each status (no rule is run: for overviews). */
  statusCounts(
    blocId: number,
    year: number,
  ): Promise<{ status: NominationStatus; statusLabel: string; count: number }[]> {
    return this.db.read(async (em) => {
      const ctx = await this.scoring.context(em, blocId, year);
      const counts = new Map<NominationStatus, number>();
      for (const n of await this.nominations.listForTerm(em, ctx.term.id))
        counts.set(n.status, (counts.get(n.status) ?? 0) + 1);
      return [...counts].map(([status, count]) => ({
        status,
        statusLabel: NOMINATION_STATUS_LABELS[status],
        count,
      }));
    });
  }

  get(id: number): Promise<NominationDto> {
    return this.db.read(async (em) => {
      const { n, ctx } = await this.load(em, id);
      return this.view(em, ctx, n);
    });
  }

  /** Suggestions from the ranking and the tiers' quotas (R2, R3, R5), each with its rule check. */
  suggest(blocId: number, year: number) {
    return this.db.read(async (em) => {
      const ctx = await this.scoring.context(em, blocId, year);
      const memo = new ReadMemo();
      const ranking = await memo.get(`ranking:${ctx.term.id}`, () =>
        this.eligibility.rankingFacts(em, ctx),
      );
      const body = await this.bodies.forBloc(em, ctx.bloc);
      const tiers = (await memo.get('tiers', () => this.tiers.listTiers(em))).filter(
        (t) =>
          tierOpenToBloc(t.organizingBodyId, ctx.bloc.organizingBodyId) &&
          proposesTo(body, t.decidingAuthority),
      );
      const rules = await this.tiers.rulesOfTiers(
        em,
        tiers.map((t) => t.id),
      );
      const refDate = reviewReferenceDate(year);
      const existing = (await this.nominations.listForTerm(em, ctx.term.id)).filter(
        (n) => !INACTIVE_STATUSES.includes(n.status),
      );
      const tierCode = new Map(tiers.map((t) => [t.id, t.code]));
      const suggestions = suggestNominations(
        ranking.orderedUnitIds,
        ranking.leaderUnitId,
        tiers.flatMap((t) => {
          const r = resolveRuleOn(
            rules.filter((x) => x.tierId === t.id),
            refDate,
          );
          return r
            ? [
                {
                  code: t.code,
                  rank: t.rank,
                  perBlocQuota: r.perBlocQuota,
                  leaderOnly: r.leaderOnly,
                },
              ]
            : [];
        }),
        existing.map((n) => ({ unitId: n.unitId, tierCode: tierCode.get(n.tierId) ?? '' })),
      );
      const out = [];
      for (const s of suggestions) {
        const tier = tiers.find((t) => t.code === s.tierCode)!;
        const unit = ctx.members.find((u) => u.id === s.unitId)!;
        const { outcome } = await this.eligibility.evaluate(
          em,
          ctx,
          tier,
          { id: null, unitId: s.unitId, referenceDate: refDate, leaderExceptionBasis: null },
          [],
          memo,
        );
        out.push({
          unit: toUnitDto(unit),
          tierId: tier.id,
          tierCode: tier.code,
          tierName: tier.name,
          reason: s.reason,
          eligibility: eligibilityDto(outcome, []),
        });
      }
      return { blocId, year, rankingComplete: ranking.complete, suggestions: out };
    });
  }

  create(blocId: number, year: number, dto: CreateNominationDto): Promise<NominationDto> {
    return this.db.write(async (em) => {
      const ctx = await this.scoring.context(em, blocId, year);
      if (!(await this.units.findById(em, dto.unitId))) throw new AppError(UnitErrors.NOT_FOUND);
      const tier = await this.tiers.findTier(em, dto.tierId);
      if (!tier) throw new AppError(AwardTierErrors.NOT_FOUND);
      await this.requireProposable(em, ctx, tier);
      const facts = {
        id: null,
        unitId: dto.unitId,
        referenceDate: dto.referenceDate ?? reviewReferenceDate(year),
        leaderExceptionBasis: dto.leaderExceptionBasis?.trim() || null,
      };
      refuseDateFinding(checkReferenceDate(facts.referenceDate, year));
      const acks = dto.acknowledgements ?? [];
      await this.eligibility.requireEligible(em, ctx, tier, facts, acks);
      const n = await this.nominations.insert(em, {
        termId: ctx.term.id,
        unitId: dto.unitId,
        tierId: tier.id,
        status: 'DRAFT',
        achievementSummary: dto.achievementSummary.trim(),
        referenceDate: facts.referenceDate,
        leaderExceptionBasis: facts.leaderExceptionBasis,
      });
      await this.nominations.addTransition(em, n.id, null, 'DRAFT', null);
      await this.audit.record(em, {
        action: 'nomination.create',
        entityType: 'nomination',
        entityId: n.id,
        after: {
          unitId: n.unitId,
          tierId: n.tierId,
          referenceDate: n.referenceDate,
          achievementSummary: n.achievementSummary,
          acknowledgements: acks,
        },
      });
      await this.nominations.addAcknowledgements(
        em,
        n.id,
        acks.map((a) => ({ code: a.code, reason: a.reason.trim() })),
      );
      return this.view(em, ctx, n);
    });
  }

  update(id: number, dto: UpdateNominationDto): Promise<NominationDto> {
    return this.db.write(async (em) => {
      const { n, ctx } = await this.load(em, id);
      if (!isEditable(n.status)) throw new AppError(NominationErrors.NOT_EDITABLE);
      if (n.version !== dto.version)
        throw new AppError(CommonErrors.VERSION_CONFLICT, { extra: { currentVersion: n.version } });
      const tier = await this.tiers.findTier(em, dto.tierId ?? n.tierId);
      if (!tier) throw new AppError(AwardTierErrors.NOT_FOUND);
      await this.requireProposable(em, ctx, tier);
      const referenceDate = dto.referenceDate ?? n.referenceDate;
      refuseDateFinding(checkReferenceDate(referenceDate, ctx.term.year));
      const acks = [
        ...(await this.eligibility.storedAcks(em, id)),
        ...(dto.acknowledgements ?? []),
      ];
      await this.eligibility.requireEligible(em, ctx, tier, factsOf(n, referenceDate), acks);
      const ok = await this.nominations.updateIfVersion(em, id, dto.version, {
        tierId: tier.id,
        referenceDate,
        ...(dto.achievementSummary !== undefined
          ? { achievementSummary: dto.achievementSummary.trim() }
          : {}),
      });
      if (!ok)
        throw new AppError(CommonErrors.VERSION_CONFLICT, { extra: { currentVersion: n.version } });
      await this.audit.record(em, {
        action: 'nomination.update',
        entityType: 'nomination',
        entityId: id,
        before: {
          tierId: n.tierId,
          referenceDate: n.referenceDate,
          achievementSummary: n.achievementSummary,
        },
        after: {
          tierId: tier.id,
          referenceDate,
          achievementSummary: dto.achievementSummary ?? n.achievementSummary,
          acknowledgements: dto.acknowledgements ?? [],
        },
      });
      await this.nominations.addAcknowledgements(
        em,
        id,
        (dto.acknowledgements ?? []).map((a) => ({ code: a.code, reason: a.reason.trim() })),
      );
      return this.view(em, ctx, (await this.nominations.findById(em, id))!);
    });
  }

  /** A nomination and its term's context, within the caller's transaction (NOMINATION_NOT_FOUND). */
  async load(em: EntityManager, id: number): Promise<{ n: NominationEntity; ctx: TermContext }> {
    const n = await this.nominations.findById(em, id);
    if (!n) throw new AppError(NominationErrors.NOT_FOUND);
    const term = await this.scoring.termById(em, n.termId);
    return { n, ctx: await this.scoring.context(em, term.blocId, term.year) };
  }

  /**
   * The nomination as the API returns it, within the caller's transaction. The rule check is re-run
   * on every read while the nomination is open, so that it reflects changes elsewhere.
   */
  async view(
    em: EntityManager,
    ctx: TermContext,
    n: NominationEntity,
    memo: ReadMemo = new ReadMemo(),
  ): Promise<NominationDto> {
    const tier = (await memo.get(`tier:${n.tierId}`, () => this.tiers.findTier(em, n.tierId)))!;
    const unit = (await memo.get(`unit:${n.unitId}`, () => this.units.findById(em, n.unitId)))!;
    const acks = await this.nominations.acknowledgements(em, n.id);
    const open = n.status !== 'DECIDED' && !INACTIVE_STATUSES.includes(n.status);
    const evaluated = open
      ? await this.eligibility.evaluate(em, ctx, tier, factsOf(n), acks, memo)
      : null;
    return toNominationDto(n, ctx, {
      tier,
      unit,
      evaluated,
      acks,
      transitions: await this.nominations.transitions(em, n.id),
      reports: await this.nominations.reports(em, n.id),
    });
  }

  /**
   * A bloc proposes only the shared tiers and its organization's own (another organization's tier
   * does not exist for it: not found, its name never shown), and of those only the tiers of the
   * authorities its organising body proposes to.
   */
  private async requireProposable(
    em: EntityManager,
    ctx: TermContext,
    tier: AwardTierEntity,
  ): Promise<void> {
    if (!tierOpenToBloc(tier.organizingBodyId, ctx.bloc.organizingBodyId))
      throw new AppError(AwardTierErrors.NOT_FOUND);
    const body = await this.bodies.forBloc(em, ctx.bloc);
    if (!proposesTo(body, tier.decidingAuthority))
      throw new AppError(NominationErrors.TIER_NOT_FOR_BLOC, {
        message: `${body.name} không đề nghị ${tier.name} (người quyết định: ${tier.authority?.title ?? tier.decidingAuthority}).`,
      });
  }
}
