import { ClassificationRepository } from '../scoring/classification/classification.repository';
import { AuditService } from '../audit/audit.service';
import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AwardTierEntity } from '../award-tiers/award-tier.entity';
import { AwardTierErrors } from '../award-tiers/award-tier.errors';
import { AwardTiersRepository } from '../award-tiers/award-tiers.repository';
import type { TierRuleEntity } from '../award-tiers/tier-rule.entity';
import { toVotingRule } from '../award-tiers/award-tier.mapper';
import {
  AppError,
  CommonErrors,
  type ErrorDef,
  type ErrorDetail,
} from '../common/errors/app-error';
import { Db, ReadScopes } from '../database/db.service';
import { judgeCouncilVote } from '../domain/nominations/council-vote';
import { checkReferenceDate, checkStageDate } from '../domain/nominations/dates';
import type { Finding } from '../domain/common/result';
import {
  checkAcknowledgements,
  evaluateNomination,
  provinceCapAllowance,
  type ClassificationFacts,
  type EligibilityContext,
  type EligibilityOutcome,
} from '../domain/eligibility';
import {
  allowedNominationTransitions,
  canTransitionNomination,
  isEditable,
  NOMINATION_STATUS_LABELS,
  transitionNeedsReason,
  type NominationStatus,
} from '../domain/nominations/status';
import { suggestNominations } from '../domain/nominations/suggest';
import { resolveRuleOn, reviewReferenceDate } from '../domain/registry/tier-rules';
import { safeFileName } from '../common/files/file-name';
import { ScoringService, type TermContext } from '../scoring/scoring.service';
import { toUnitDto } from '../registry/units/unit.mapper';
import { UnitErrors } from '../registry/units/unit.errors';
import { UnitsRepository } from '../registry/units/units.repository';
import type {
  CouncilVoteDto,
  CreateNominationDto,
  DecisionDto,
  NominationDto,
  TransitionNominationDto,
  UpdateNominationDto,
} from './dto/nomination.dto';
import type { NominationEntity } from './nomination.entity';
import { NominationErrors, ruleViolation } from './nomination.errors';
import { NominationsRepository } from './nominations.repository';
import { OrganizingBodiesRepository } from '../registry/organizing-bodies/organizing-bodies.repository';
import { proposesTo } from '../domain/registry/organizing-body';

export const REPORT_MAX_BYTES = 10 * 1024 * 1024;

interface Evaluated {
  outcome: EligibilityOutcome;
  unacknowledged: Finding[];
}

const details = (findings: readonly Finding[]): ErrorDetail[] =>
  findings.map((f) => ({ field: f.field, code: f.code, message: f.message, params: f.params }));

const DATE_ERRORS: Readonly<Record<string, ErrorDef>> = {
  NOMINATION_DATE_BEFORE_MEETING: NominationErrors.DATE_BEFORE_MEETING,
  NOMINATION_DATE_BEFORE_COUNCIL: NominationErrors.DATE_BEFORE_COUNCIL,
  NOMINATION_REFERENCE_DATE_TOO_EARLY: NominationErrors.REFERENCE_DATE_TOO_EARLY,
};

/** Throws the coded error of a date-order finding (R1, R13, R18); nothing is written. */
function refuse(finding: Finding | null): void {
  if (!finding) return;
  const def = DATE_ERRORS[finding.code] ?? NominationErrors.INELIGIBLE;
  throw new AppError(def, { message: finding.message, details: details([finding]) });
}

/**
 * Facts shared by the nominations of one read (tier rules, tiers, a term's ranking and peers, the
 * province's counts), loaded once per read instead of once per nomination. Only for one database
 * job: a new memo is made for each read, so nothing outlives the transaction it was read in.
 */
class ReadMemo {
  private readonly values = new Map<string, Promise<unknown>>();

  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    let v = this.values.get(key) as Promise<T> | undefined;
    if (!v) {
      v = load();
      this.values.set(key, v);
    }
    return v;
  }
}

/**
 * Nominations from a bloc term: checked against the eligibility rules of the tier's rule for the
 * year on every change (R2–R7, R13), moved through their state machine (R18), voted by the
 * provincial council and decided; decided awards become history.
 */
@Injectable()
export class NominationsService {
  constructor(
    private readonly db: Db,
    private readonly nominations: NominationsRepository,
    private readonly scoring: ScoringService,
    private readonly tiers: AwardTiersRepository,
    private readonly units: UnitsRepository,
    private readonly bodies: OrganizingBodiesRepository,
    private readonly audit: AuditService,
    private readonly classifications: ClassificationRepository,
  ) {}

  listForTerm(blocId: number, year: number): Promise<NominationDto[]> {
    return this.db.read(async (em) => {
      const ctx = await this.scoring.context(em, blocId, year);
      const memo = new ReadMemo();
      const out: NominationDto[] = [];
      for (const n of await this.nominations.listForTerm(em, ctx.term.id))
        out.push(await this.toDto(em, ctx, n, memo));
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
      return this.toDto(em, ctx, n);
    });
  }

  /** Suggestions from the ranking and the tiers' quotas (R2, R3, R5), each with its rule check. */
  suggest(blocId: number, year: number) {
    return this.db.read(async (em) => {
      const ctx = await this.scoring.context(em, blocId, year);
      const memo = new ReadMemo();
      const ranking = await memo.get(`ranking:${ctx.term.id}`, () => this.rankingFacts(em, ctx));
      const body = await this.bodies.forBloc(em, ctx.bloc);
      const tiers = (await memo.get('tiers', () => this.tiers.listTiers(em))).filter((t) =>
        proposesTo(body, t.decidingAuthority),
      );
      const rules = await this.tiers.rulesOfTiers(
        em,
        tiers.map((t) => t.id),
      );
      const refDate = reviewReferenceDate(year);
      const existing = (await this.nominations.listForTerm(em, ctx.term.id)).filter(
        (n) => !['CUT', 'REJECTED', 'WITHDRAWN'].includes(n.status),
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
        const { outcome } = await this.evaluate(
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
          eligibility: this.eligibilityDto(outcome, []),
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
      refuse(checkReferenceDate(facts.referenceDate, year));
      const acks = dto.acknowledgements ?? [];
      this.requireAcceptable(await this.evaluate(em, ctx, tier, facts, acks));
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
      return this.toDto(em, ctx, n);
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
      refuse(checkReferenceDate(referenceDate, ctx.term.year));
      const acks = [...(await this.storedAcks(em, id)), ...(dto.acknowledgements ?? [])];
      this.requireAcceptable(
        await this.evaluate(
          em,
          ctx,
          tier,
          { id, unitId: n.unitId, referenceDate, leaderExceptionBasis: n.leaderExceptionBasis },
          acks,
        ),
      );
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
      return this.toDto(em, ctx, (await this.nominations.findById(em, id))!);
    });
  }

  /** Moves a nomination along its state machine; proposing re-runs every rule. */
  transition(id: number, dto: TransitionNominationDto): Promise<NominationDto> {
    return this.db.write(async (em) => {
      const { n, ctx } = await this.load(em, id);
      if (dto.to === 'PASSED' || dto.to === 'CUT')
        throw new AppError(NominationErrors.USE_COUNCIL_ENDPOINT);
      if (dto.to === 'DECIDED') throw new AppError(NominationErrors.USE_DECISION_ENDPOINT);
      this.checkTransition(n, dto.to, dto.version, dto.reason);
      if (dto.to === 'PROPOSED') {
        const tier = (await this.tiers.findTier(em, n.tierId))!;
        const acks = [...(await this.storedAcks(em, id)), ...(dto.acknowledgements ?? [])];
        this.requireAcceptable(
          await this.evaluate(
            em,
            ctx,
            tier,
            {
              id,
              unitId: n.unitId,
              referenceDate: n.referenceDate,
              leaderExceptionBasis: n.leaderExceptionBasis,
            },
            acks,
          ),
        );
        await this.nominations.addAcknowledgements(
          em,
          id,
          (dto.acknowledgements ?? []).map((a) => ({ code: a.code, reason: a.reason.trim() })),
        );
      }
      await this.move(em, n, dto.to, dto.reason, {});
      return this.toDto(em, ctx, (await this.nominations.findById(em, id))!);
    });
  }

  /** Records the provincial council's vote on a submitted nomination: passed or cut by its voting rule. */
  councilVote(id: number, dto: CouncilVoteDto): Promise<NominationDto> {
    return this.db.write(async (em) => {
      const { n, ctx } = await this.load(em, id);
      refuse(
        checkStageDate({
          stage: 'COUNCIL',
          date: dto.councilDate,
          blocMeetingDate: await this.nominations.blocMeetingDate(em, n.termId),
          councilDate: null,
        }),
      );
      const rule = await this.ruleFor(em, n.tierId, ctx.term.year);
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
      return this.toDto(em, ctx, (await this.nominations.findById(em, id))!);
    });
  }

  /** Records the decision; the unit must still exist on the decision date (R13); the award joins the history. */
  decide(id: number, dto: DecisionDto): Promise<NominationDto> {
    return this.db.write(async (em) => {
      const { n, ctx } = await this.load(em, id);
      this.checkTransition(n, 'DECIDED', dto.version, null);
      refuse(
        checkStageDate({
          stage: 'DECISION',
          date: dto.decisionDate,
          blocMeetingDate: await this.nominations.blocMeetingDate(em, n.termId),
          councilDate: n.councilDate,
        }),
      );
      const tier = (await this.tiers.findTier(em, n.tierId))!;
      const { outcome } = await this.evaluate(
        em,
        ctx,
        tier,
        {
          id,
          unitId: n.unitId,
          referenceDate: dto.decisionDate,
          leaderExceptionBasis: n.leaderExceptionBasis,
        },
        [],
      );
      const dissolved = outcome.errors.filter((f) => f.code === 'UNIT_DISSOLVED');
      if (dissolved.length > 0)
        throw new AppError(ruleViolation(dissolved[0]!), { details: details(dissolved) });
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
      return this.toDto(em, ctx, (await this.nominations.findById(em, id))!);
    });
  }

  addReport(
    id: number,
    file: { originalname: string; buffer: Buffer } | undefined,
  ): Promise<NominationDto> {
    if (!file || file.buffer.length === 0) throw new AppError(NominationErrors.REPORT_REQUIRED);
    const fileName = safeFileName(file.originalname);
    const isPdf = file.buffer.subarray(0, 5).toString('latin1') === '%PDF-';
    const isDocx =
      file.buffer.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) &&
      fileName.toLowerCase().endsWith('.docx');
    if (!isPdf && !isDocx) throw new AppError(NominationErrors.REPORT_TYPE);
    return this.db.write(async (em) => {
      const { n, ctx } = await this.load(em, id);
      if (!['DRAFT', 'PROPOSED'].includes(n.status))
        throw new AppError(NominationErrors.NOT_EDITABLE);
      await this.nominations.addReport(em, {
        nominationId: id,
        fileName,
        mimeType: isPdf
          ? 'application/pdf'
          : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        sizeBytes: file.buffer.length,
        sha256: createHash('sha256').update(file.buffer).digest('hex'),
        contentBase64: file.buffer.toString('base64'),
      });
      await this.audit.record(em, {
        action: 'nomination.report',
        entityType: 'nomination',
        entityId: id,
        after: { fileName, sizeBytes: file.buffer.length },
      });
      return this.toDto(em, ctx, n);
    });
  }

  report(
    id: number,
    reportId: number,
  ): Promise<{ fileName: string; mimeType: string; content: Buffer }> {
    return this.db.read(async (em) => {
      const r = await this.nominations.reportContent(em, id, reportId);
      if (!r) throw new AppError(NominationErrors.REPORT_NOT_FOUND);
      return {
        fileName: r.fileName,
        mimeType: r.mimeType,
        content: Buffer.from(r.contentBase64, 'base64'),
      };
    });
  }

  /**
   * The provincial stage: every bloc's nominations of a year against the province-wide caps. Kept
   * between requests until the next change to the province's year (Db.readCached).
   */
  provinceYear(provinceId: number, year: number) {
    return this.db.readCached(
      `province-nominations:${provinceId}:${year}`,
      (em) => this.computeProvinceYear(em, provinceId, year),
      () => [ReadScopes.provinceYear(provinceId, year)],
    );
  }

  /**
   * The provincial stage in short, as the API lists it by default: per nomination its bloc, unit,
   * status and the verdict of the rule checks (counts of errors, warnings and warnings still to
   * acknowledge); the rule-by-rule detail is on the nomination itself or with `?detail=full`.
   */
  provinceYearCompact(provinceId: number, year: number) {
    return this.db.readCached(
      `province-nominations-compact:${provinceId}:${year}`,
      async (em) => {
        const full = await this.computeProvinceYear(em, provinceId, year);
        return {
          ...full,
          tiers: full.tiers.map((t) => ({
            ...t,
            nominations: t.nominations.map((n) => ({
              id: n.id,
              blocId: n.blocId,
              blocName: n.blocName,
              unit: n.unit,
              tierId: n.tierId,
              status: n.status,
              statusLabel: n.statusLabel,
              verdict: {
                eligible: n.eligibility.eligible,
                errors: n.eligibility.errors.length,
                warnings: n.eligibility.warnings.length,
                unacknowledged: n.eligibility.unacknowledged.length,
              },
              version: n.version,
            })),
          })),
        };
      },
      () => [ReadScopes.provinceYear(provinceId, year)],
    );
  }

  private async computeProvinceYear(em: EntityManager, provinceId: number, year: number) {
    const all = await this.nominations.listForProvinceYear(em, provinceId, year);
    const tiers = await this.tiers.listTiers(em);
    const rules = await this.tiers.rulesOfTiers(
      em,
      tiers.map((t) => t.id),
    );
    const blocLeaders = await this.nominations.countBlocsWithTerm(em, provinceId, year);
    const refDate = reviewReferenceDate(year);
    const contexts = new Map<number, TermContext>();
    const memo = new ReadMemo();
    const byTier = [];
    for (const tier of tiers) {
      const rule = resolveRuleOn(
        rules.filter((r) => r.tierId === tier.id),
        refDate,
      );
      const items: NominationDto[] = [];
      for (const n of all.filter((x) => x.tierId === tier.id)) {
        let ctx = contexts.get(n.termId);
        if (!ctx) {
          const term = await this.scoring.termById(em, n.termId);
          ctx = await this.scoring.context(em, term.blocId, term.year);
          contexts.set(n.termId, ctx);
        }
        items.push(await this.toDto(em, ctx, n, memo));
      }
      const active = items.filter(
        (i) => !['CUT', 'REJECTED', 'WITHDRAWN'].includes(i.status),
      ).length;
      let cap: { allowed: number; used: number; text: string } | null = null;
      if (rule && rule.provinceCapNum !== null && rule.provinceCapDen !== null) {
        const allowed = provinceCapAllowance(blocLeaders, {
          cap: { numerator: rule.provinceCapNum, denominator: rule.provinceCapDen },
          minimumOne: rule.provinceCapMinOne,
        });
        cap = {
          allowed,
          used: active,
          text: `Tối đa ${rule.provinceCapNum}/${rule.provinceCapDen} của ${blocLeaders} đơn vị dẫn đầu khối = ${allowed}; đang đề nghị ${active}.`,
        };
      }
      byTier.push({
        tier: { id: tier.id, code: tier.code, name: tier.name },
        cap,
        nominations: items,
      });
    }
    return { provinceId, year, blocLeaders, tiers: byTier };
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
        const acks = await this.storedAcks(em, n.id);
        this.requireAcceptable(
          await this.evaluate(
            em,
            ctx,
            tier,
            {
              id: n.id,
              unitId: n.unitId,
              referenceDate: n.referenceDate,
              leaderExceptionBasis: n.leaderExceptionBasis,
            },
            acks,
          ),
        );
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

  // ——— internals ———

  private async load(
    em: EntityManager,
    id: number,
  ): Promise<{ n: NominationEntity; ctx: TermContext }> {
    const n = await this.nominations.findById(em, id);
    if (!n) throw new AppError(NominationErrors.NOT_FOUND);
    const term = await this.scoring.termById(em, n.termId);
    return { n, ctx: await this.scoring.context(em, term.blocId, term.year) };
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

  private async storedAcks(
    em: EntityManager,
    id: number,
  ): Promise<{ code: string; reason: string }[]> {
    return (await this.nominations.acknowledgements(em, id)).map((a) => ({
      code: a.code,
      reason: a.reason,
    }));
  }

  /** A bloc proposes only the tiers of the authorities its organising body proposes to. */
  private async requireProposable(
    em: EntityManager,
    ctx: TermContext,
    tier: AwardTierEntity,
  ): Promise<void> {
    const body = await this.bodies.forBloc(em, ctx.bloc);
    if (!proposesTo(body, tier.decidingAuthority))
      throw new AppError(NominationErrors.TIER_NOT_FOR_BLOC, {
        message: `${body.name} không đề nghị ${tier.name} (người quyết định: ${tier.authority?.title ?? tier.decidingAuthority}).`,
      });
  }

  private requireAcceptable(e: Evaluated): void {
    const { errors, warnings } = e.outcome;
    if (errors.length > 0) {
      const first = errors[0]!;
      throw new AppError(ruleViolation(first), {
        details: details([...errors, ...warnings]),
        extra: { eligibility: this.eligibilityDto(e.outcome, e.unacknowledged) },
      });
    }
    if (e.unacknowledged.length > 0) {
      throw new AppError(NominationErrors.WARNING_NOT_ACKNOWLEDGED, {
        message: `${NominationErrors.WARNING_NOT_ACKNOWLEDGED.message} ${warnings.map((w) => w.message).join(' ')}`,
        details: details(e.unacknowledged),
        extra: { eligibility: this.eligibilityDto(e.outcome, e.unacknowledged) },
      });
    }
  }

  private async ruleFor(em: EntityManager, tierId: number, year: number): Promise<TierRuleEntity> {
    const rule = resolveRuleOn(
      await this.tiers.rulesOfTiers(em, [tierId]),
      reviewReferenceDate(year),
    );
    if (!rule) throw new AppError(AwardTierErrors.NO_RULE_IN_FORCE);
    return rule;
  }

  private async rankingFacts(
    em: EntityManager,
    ctx: TermContext,
  ): Promise<EligibilityContext['ranking']> {
    if (!ctx.domainSet) return { complete: false, leaderUnitId: null, orderedUnitIds: [] };
    const ranking = await this.scoring.computeRanking(em, ctx);
    const idOf = new Map(ctx.members.map((u) => [u.code, u.id]));
    return {
      complete: ranking.complete,
      leaderUnitId: ranking.leaderUnitCode ? (idOf.get(ranking.leaderUnitCode) ?? null) : null,
      orderedUnitIds: ranking.entries.map((e) => idOf.get(e.unitCode)!),
    };
  }

  /** Builds the plain eligibility context from the database and runs the rules (pure). */
  private async evaluate(
    em: EntityManager,
    ctx: TermContext,
    tier: AwardTierEntity,
    nom: {
      id: number | null;
      unitId: number;
      referenceDate: string;
      leaderExceptionBasis: string | null;
    },
    acks: readonly { code: string; reason: string }[],
    memo: ReadMemo = new ReadMemo(),
  ): Promise<Evaluated> {
    const year = ctx.term.year;
    const provinceId = ctx.bloc.provinceId;
    const rule = await memo.get(`rule:${tier.id}:${year}`, () => this.ruleFor(em, tier.id, year));
    const unit = await memo.get(`unit:${nom.unitId}`, () => this.units.findById(em, nom.unitId));
    if (!unit) throw new AppError(UnitErrors.NOT_FOUND);
    const tiers = await memo.get('tiers', () => this.tiers.listTiers(em));
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
        blocLeaderCount: await memo.get(`leaders:${provinceId}:${year}`, () =>
          this.nominations.countBlocsWithTerm(em, provinceId, year),
        ),
        sameTierNominationCount: (
          await memo.get(`active:${provinceId}:${year}:${tier.id}`, () =>
            this.nominations.activeIdsInProvince(em, provinceId, year, tier.id),
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

  private eligibilityDto(outcome: EligibilityOutcome, unacknowledged: readonly Finding[]) {
    const f = (x: Finding) => ({ code: x.code, severity: x.severity, message: x.message });
    return {
      eligible: outcome.eligible,
      errors: outcome.errors.map(f),
      warnings: outcome.warnings.map(f),
      checkedRules: outcome.checkedRules,
      unacknowledged: unacknowledged.map((u) => String(u.params?.warningCode ?? u.code)),
    };
  }

  private async toDto(
    em: EntityManager,
    ctx: TermContext,
    n: NominationEntity,
    memo: ReadMemo = new ReadMemo(),
  ): Promise<NominationDto> {
    const tier = (await memo.get(`tier:${n.tierId}`, () => this.tiers.findTier(em, n.tierId)))!;
    const unit = (await memo.get(`unit:${n.unitId}`, () => this.units.findById(em, n.unitId)))!;
    const acks = await this.nominations.acknowledgements(em, n.id);
    const open = !['CUT', 'REJECTED', 'WITHDRAWN', 'DECIDED'].includes(n.status);
    // The check is re-run on every read while the nomination is open, so that it reflects changes elsewhere.
    const evaluated = open
      ? await this.evaluate(
          em,
          ctx,
          tier,
          {
            id: n.id,
            unitId: n.unitId,
            referenceDate: n.referenceDate,
            leaderExceptionBasis: n.leaderExceptionBasis,
          },
          acks,
          memo,
        )
      : null;
    return {
      id: n.id,
      blocId: ctx.bloc.id,
      blocName: ctx.bloc.name,
      year: ctx.term.year,
      unit: toUnitDto(unit),
      tierId: tier.id,
      tierCode: tier.code,
      tierName: tier.name,
      status: n.status,
      statusLabel: NOMINATION_STATUS_LABELS[n.status],
      achievementSummary: n.achievementSummary,
      referenceDate: n.referenceDate,
      leaderExceptionBasis: n.leaderExceptionBasis,
      eligibility: evaluated
        ? this.eligibilityDto(evaluated.outcome, evaluated.unacknowledged)
        : {
            eligible: n.status === 'DECIDED',
            errors: [],
            warnings: [],
            checkedRules: [],
            unacknowledged: [],
          },
      acknowledgements: acks.map((a) => ({
        code: a.code,
        reason: a.reason,
        at: new Date(a.createdAt).toISOString(),
      })),
      history: (await this.nominations.transitions(em, n.id)).map((h) => ({
        from: h.fromStatus,
        to: h.toStatus,
        reason: h.reason,
        at: new Date(h.createdAt).toISOString(),
      })),
      allowedTransitions: [...allowedNominationTransitions(n.status)],
      council:
        n.councilAgree !== null && n.councilMembers !== null
          ? { agree: n.councilAgree, members: n.councilMembers, date: n.councilDate }
          : null,
      decision:
        n.decisionNumber && n.decisionDate && n.decider
          ? { number: n.decisionNumber, date: n.decisionDate, decider: n.decider }
          : null,
      reports: (await this.nominations.reports(em, n.id)).map((r) => ({
        id: r.id,
        fileName: r.fileName,
        sizeBytes: r.sizeBytes,
        sha256: r.sha256,
      })),
      version: n.version,
    };
  }
}
