import { AuditService } from '../audit/audit.service';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError, CommonErrors } from '../common/errors/app-error';
import { Db } from '../database/db.service';
import { currentOrganization } from '../database/tenant';
import { organizationForNew } from '../domain/auth/tenancy';
import {
  resolveRuleOn,
  reviewReferenceDate,
  validateTierRule,
} from '../domain/registry/tier-rules';
import type { AwardTierEntity } from './award-tier.entity';
import { AwardTierErrors } from './award-tier.errors';
import {
  toAuthorityDto,
  toRuleColumns,
  toRuleData,
  toRuleDto,
  toTierDto,
} from './award-tier.mapper';
import { AwardTiersRepository } from './award-tiers.repository';
import type {
  AwardTierDetailDto,
  AwardTierDto,
  CreateAwardTierDto,
  CreateDecidingAuthorityDto,
  DecidingAuthorityDto,
  ResolvedTierRuleDto,
  TierRuleBodyDto,
  TierRuleDto,
  UpdateAwardTierDto,
  UpdateTierRuleDto,
} from './dto/award-tier.dto';

/** Award tiers and their effective-dated rules with legal basis (R1, R3–R10). */
@Injectable()
export class AwardTiersService {
  constructor(
    private readonly db: Db,
    private readonly tiers: AwardTiersRepository,
    private readonly audit: AuditService,
  ) {}

  listAuthorities(): Promise<DecidingAuthorityDto[]> {
    return this.db.read(async (em) => (await this.tiers.listAuthorities(em)).map(toAuthorityDto));
  }

  createAuthority(dto: CreateDecidingAuthorityDto): Promise<DecidingAuthorityDto> {
    return this.db.write(async (em) => {
      if (await this.tiers.authorityExists(em, dto.code))
        throw new AppError(AwardTierErrors.AUTHORITY_CODE_TAKEN);
      const created = toAuthorityDto(await this.tiers.insertAuthority(em, dto));
      await this.audit.record(em, {
        action: 'authority.create',
        entityType: 'deciding_authority',
        entityId: created.id,
        after: created,
      });
      return created;
    });
  }

  list(): Promise<AwardTierDto[]> {
    return this.db.read(async (em) => (await this.tiers.listTiers(em)).map(toTierDto));
  }

  get(id: number): Promise<AwardTierDetailDto> {
    return this.db.read(async (em) => {
      const tier = await this.mustFind(em, id);
      const rules = await this.tiers.rulesOfTiers(em, [id]);
      return { ...toTierDto(tier), rules: rules.map(toRuleDto) };
    });
  }

  create(dto: CreateAwardTierDto): Promise<AwardTierDto> {
    return this.db.write(async (em) => {
      // an organization's office makes its own tier; an account bound to none, a shared one or one
      // for the organization it names
      const placed = organizationForNew(currentOrganization(), dto.organizingBodyId);
      if (placed === 'NOT_OWN') throw new AppError(AwardTierErrors.ORGANIZATION_NOT_OWN);
      const organizingBodyId = placed.organizationId;
      if (
        organizingBodyId !== null &&
        !(await this.tiers.organizingBodyExists(em, organizingBodyId))
      )
        throw new AppError(AwardTierErrors.ORGANIZING_BODY_UNKNOWN);
      // code and rank are unique among the tiers seen together with it (the shared and its own)
      if (await this.tiers.codeExists(em, dto.code, organizingBodyId))
        throw new AppError(AwardTierErrors.CODE_TAKEN);
      if ((await this.tiers.rankHolder(em, dto.rank, organizingBodyId)) !== null)
        throw new AppError(AwardTierErrors.RANK_TAKEN);
      if (!(await this.tiers.authorityExists(em, dto.decidingAuthority)))
        throw new AppError(AwardTierErrors.AUTHORITY_UNKNOWN);
      const inserted = await this.tiers.insertTier(em, { ...dto, organizingBodyId });
      const created = toTierDto((await this.tiers.findTier(em, inserted.id)) ?? inserted);
      await this.audit.record(em, {
        action: 'tier.create',
        entityType: 'award_tier',
        entityId: created.id,
        after: created,
      });
      return created;
    });
  }

  update(id: number, dto: UpdateAwardTierDto): Promise<AwardTierDto> {
    return this.db.write(async (em) => {
      const tier = await this.mustFind(em, id);
      if (dto.rank !== undefined) {
        const holder = await this.tiers.rankHolder(em, dto.rank, tier.organizingBodyId);
        if (holder !== null && holder !== id) throw new AppError(AwardTierErrors.RANK_TAKEN);
      }
      if (
        dto.decidingAuthority !== undefined &&
        !(await this.tiers.authorityExists(em, dto.decidingAuthority))
      )
        throw new AppError(AwardTierErrors.AUTHORITY_UNKNOWN);
      const { version, ...changes } = dto;
      if (
        tier.version !== version ||
        !(await this.tiers.updateTierIfVersion(em, id, version, changes))
      ) {
        throw new AppError(CommonErrors.VERSION_CONFLICT, {
          extra: { currentVersion: tier.version },
        });
      }
      const after = toTierDto((await this.tiers.findTier(em, id)) ?? tier);
      await this.audit.record(em, {
        action: 'tier.update',
        entityType: 'award_tier',
        entityId: id,
        before: toTierDto(tier),
        after,
      });
      return after;
    });
  }

  listRules(tierId: number): Promise<TierRuleDto[]> {
    return this.db.read(async (em) => {
      await this.mustFind(em, tierId);
      return (await this.tiers.rulesOfTiers(em, [tierId])).map(toRuleDto);
    });
  }

  createRule(tierId: number, dto: TierRuleBodyDto): Promise<TierRuleDto> {
    return this.db.write(async (em) => {
      await this.mustFind(em, tierId);
      await this.validate(em, tierId, null, dto);
      const { rule, voting } = toRuleColumns(dto);
      const id = await this.tiers.insertRule(em, { ...rule, tierId }, voting);
      const created = toRuleDto((await this.tiers.findRule(em, tierId, id))!);
      await this.audit.record(em, {
        action: 'tier.rule.create',
        entityType: 'tier_rule',
        entityId: id,
        after: created,
      });
      return created;
    });
  }

  updateRule(tierId: number, ruleId: number, dto: UpdateTierRuleDto): Promise<TierRuleDto> {
    return this.db.write(async (em) => {
      await this.mustFind(em, tierId);
      const current = await this.tiers.findRule(em, tierId, ruleId);
      if (!current) throw new AppError(AwardTierErrors.RULE_NOT_FOUND);
      const conflict = () =>
        new AppError(CommonErrors.VERSION_CONFLICT, { extra: { currentVersion: current.version } });
      if (current.version !== dto.version) throw conflict();
      await this.validate(em, tierId, ruleId, dto);
      const { rule, voting } = toRuleColumns(dto);
      if (!(await this.tiers.updateRuleIfVersion(em, ruleId, dto.version, rule, voting)))
        throw conflict();
      const after = toRuleDto((await this.tiers.findRule(em, tierId, ruleId))!);
      await this.audit.record(em, {
        action: 'tier.rule.update',
        entityType: 'tier_rule',
        entityId: ruleId,
        before: toRuleDto(current),
        after,
      });
      return after;
    });
  }

  /** Every tier with the rule in force for the review of `year` (on `on`, default 01/01 of year + 1). */
  resolveForYear(year: number, on?: string): Promise<ResolvedTierRuleDto[]> {
    const referenceDate = on ?? reviewReferenceDate(year);
    return this.db.read(async (em) => {
      const tiers = await this.tiers.listTiers(em);
      const rules = await this.tiers.rulesOfTiers(
        em,
        tiers.map((t) => t.id),
      );
      return tiers.map((t) => {
        const rule = resolveRuleOn(
          rules.filter((r) => r.tierId === t.id),
          referenceDate,
        );
        return { tier: toTierDto(t), referenceDate, rule: rule ? toRuleDto(rule) : null };
      });
    });
  }

  private async validate(
    em: EntityManager,
    tierId: number,
    ruleId: number | null,
    dto: TierRuleBodyDto,
  ): Promise<void> {
    const others = (await this.tiers.rulesOfTiers(em, [tierId])).filter((r) => r.id !== ruleId);
    const findings = validateTierRule(toRuleData(dto), others);
    if (findings.length > 0) {
      throw new AppError(AwardTierErrors.RULE_INVALID, {
        message: `${AwardTierErrors.RULE_INVALID.message} ${findings[0]?.message ?? ''}`.trim(),
        details: findings.map((f) => ({ field: f.field, code: f.code, message: f.message })),
      });
    }
  }

  private async mustFind(em: EntityManager, id: number): Promise<AwardTierEntity> {
    const t = await this.tiers.findTier(em, id);
    if (!t) throw new AppError(AwardTierErrors.NOT_FOUND);
    return t;
  }
}
