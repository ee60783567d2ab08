import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AwardTiersRepository } from '../award-tiers/award-tiers.repository';
import { Db, ReadScopes } from '../database/db.service';
import { provinceCapAllowance } from '../domain/eligibility';
import { INACTIVE_STATUSES } from '../domain/nominations/status';
import { resolveRuleOn, reviewReferenceDate } from '../domain/registry/tier-rules';
import { ScoringService, type TermContext } from '../scoring/scoring.service';
import type { NominationDto } from './dto/nomination.dto';
import { NominationsRepository } from './nominations.repository';
import { NominationsService } from './nominations.service';
import { ReadMemo } from './read-memo';
import { currentOrganization, tenantKey } from '../database/tenant';

/**
 * The provincial stage, a read model: every bloc's nominations of a year, grouped by tier, against
 * the province-wide caps (R4). Kept between requests until the next change to the province's year.
 */
@Injectable()
export class ProvinceStageService {
  constructor(
    private readonly db: Db,
    private readonly nominations: NominationsRepository,
    private readonly reader: NominationsService,
    private readonly scoring: ScoringService,
    private readonly tiers: AwardTiersRepository,
  ) {}

  /**
   * The provincial stage: every bloc's nominations of a year against the province-wide caps. Kept
   * between requests until the next change to the province's year (Db.readCached).
   */
  provinceYear(provinceId: number, year: number) {
    return this.db.readCached(
      tenantKey(`province-nominations:${provinceId}:${year}`),
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
      tenantKey(`province-nominations-compact:${provinceId}:${year}`),
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
    // the header's count: the blocs of the organization reading (each nomination's verdict counts
    // its own bloc's organization)
    const blocLeaders = await this.nominations.countBlocsWithTerm(
      em,
      provinceId,
      year,
      currentOrganization(),
    );
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
        items.push(await this.reader.view(em, ctx, n, memo));
      }
      const active = items.filter((i) => !INACTIVE_STATUSES.includes(i.status)).length;
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
}
