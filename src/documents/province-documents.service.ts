import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AwardTiersRepository } from '../award-tiers/award-tiers.repository';
import { AppError } from '../common/errors/app-error';
import { Db } from '../database/db.service';
import {
  buildCouncilListViewModel,
  buildDraftDecisionViewModel,
  type ProvinceDocSource,
} from '../domain/documents/province-builders';
import { authorityTitle } from '../domain/registry/deciding-authority';
import { decisionGrounds } from '../domain/registry/legal-citation';
import { resolveRuleOn, reviewReferenceDate } from '../domain/registry/tier-rules';
import { ProvinceErrors } from '../registry/provinces/province.errors';
import { ProvincesRepository } from '../registry/provinces/provinces.repository';
import { canonicalJson, type DocFormat } from './document.mapper';
import { renderDocx } from './render/docx-renderer';
import { renderHtml, TEMPLATE_VERSION } from './render/html-renderer';
import { renderPdf } from './render/pdf-renderer';

/** The provincial stage as ProvinceStageService.provinceYear returns it (the fields the documents use). */
export interface ProvinceStage {
  tiers: {
    tier: { id: number; code: string; name: string };
    cap: { text: string } | null;
    nominations: {
      unit: { collectiveName: string };
      blocName: string;
      status: string;
      statusLabel: string;
      council: { agree: number; members: number } | null;
    }[];
  }[];
}

/** The provincial stage's documents, built from the nominations as they stand (never stored). */
@Injectable()
export class ProvinceDocumentsService {
  constructor(
    private readonly db: Db,
    private readonly tiers: AwardTiersRepository,
    private readonly provinces: ProvincesRepository,
  ) {}

  /**
   * The provincial stage's documents (council list, draft decision) of a year, rendered from the
   * nominations as they stand; drafts carry no number (the province's own office numbers its acts).
   */
  async province(
    provinceId: number,
    year: number,
    name: 'council-list' | 'draft-decision',
    format: DocFormat,
    stage: ProvinceStage,
    date: string,
  ) {
    const province = await this.db.read((em) => this.provinces.findById(em, provinceId));
    if (!province) throw new AppError(ProvinceErrors.NOT_FOUND);
    const rulesInForce = await this.db.read(async (em) => {
      const tiers = await this.tiers.listTiers(em);
      const rules = await this.tiers.rulesOfTiers(
        em,
        tiers.map((t) => t.id),
      );
      // Each tier's rule in force for the award year (R1), so a 2023 decision cites the 2023 law.
      return tiers.flatMap((t) => {
        const r = resolveRuleOn(
          rules.filter((x) => x.tierId === t.id),
          reviewReferenceDate(year),
        );
        return r ? [r.legalDocument] : [];
      });
    });
    // by id: a code is unique only among the tiers one organization sees (issue 21)
    const tiersById = new Map(
      (await this.db.read((em) => this.tiers.listTiers(em))).map((t) => [t.id, t]),
    );
    const deciderOf = (id: number) => {
      const authority = tiersById.get(id)?.authority;
      return authority ? authorityTitle(authority, province.fullName) : '';
    };
    const source: ProvinceDocSource = {
      provinceName: province.name,
      provinceFullName: province.fullName,
      year,
      date,
      legalBases: decisionGrounds(rulesInForce),
      tiers: stage.tiers.map((t) => ({
        tierName: t.tier.name,
        decider: deciderOf(t.tier.id),
        capText: t.cap?.text ?? null,
        items: t.nominations.map((n) => ({
          collectiveName: n.unit.collectiveName,
          blocName: n.blocName,
          statusLabel: n.statusLabel,
          councilText: n.council ? `${n.council.agree}/${n.council.members}` : null,
          selected: n.status === 'PASSED' || n.status === 'DECIDED',
        })),
      })),
    };
    const sha = createHash('sha256').update(canonicalJson(source)).digest('hex');
    const vm =
      name === 'council-list'
        ? buildCouncilListViewModel(source, sha, TEMPLATE_VERSION)
        : buildDraftDecisionViewModel(source, sha, TEMPLATE_VERSION);
    const fileName = `${name}-${year}.${format}`;
    if (format === 'html')
      return { fileName, mimeType: 'text/html; charset=utf-8', content: renderHtml(vm) };
    if (format === 'pdf')
      return { fileName, mimeType: 'application/pdf', content: await renderPdf(vm) };
    return {
      fileName,
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      content: await renderDocx(vm),
    };
  }
}
