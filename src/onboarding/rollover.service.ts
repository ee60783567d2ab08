import type { MeetingEntity } from '../meetings/meeting.entity';
import { decodeOfficerDecisions } from '../meetings/officer-decisions';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/errors/app-error';
import type { CriteriaSetEntity } from '../criteria/criteria-set.entity';
import { Db } from '../database/db.service';
import {
  planRollover,
  type RolloverBlocPlan,
  type RolloverUnit,
} from '../domain/registry/rollover';
import { ProvinceErrors } from '../registry/provinces/province.errors';
import type { RolloverMemberDto, RolloverReportDto } from './dto/onboarding.dto';
import { OnboardingErrors } from './onboarding.errors';
import { OnboardingRepository } from './onboarding.repository';

interface Plan {
  blocs: RolloverBlocPlan[];
  /** Criteria set to copy as next year's draft, by bloc id (new terms and existing ones without criteria). */
  criteria: Map<number, CriteriaSetEntity>;
  nextTermIds: Map<number, number>;
}

const member = (u: RolloverUnit): RolloverMemberDto => ({
  unitId: u.id,
  unitCode: u.code,
  unitName: u.name,
});

/**
 * The year rollover of a province in one action: next year's term of every bloc, members carried
 * over when they still exist and sit in no other bloc, head and deputy as the meeting elected
 * them, this year's signed criteria copied as a draft. The preview shows what will be created and
 * what is refused; applying it creates exactly that, in one transaction.
 */
@Injectable()
export class RolloverService {
  constructor(
    private readonly db: Db,
    private readonly repo: OnboardingRepository,
    private readonly audit: AuditService,
  ) {}

  preview(provinceId: number, year: number): Promise<RolloverReportDto> {
    return this.db.read(async (em) =>
      toReport(provinceId, year, await this.plan(em, provinceId, year), false),
    );
  }

  apply(provinceId: number, year: number): Promise<RolloverReportDto> {
    return this.db.write(async (em) => {
      const plan = await this.plan(em, provinceId, year);
      const report = toReport(provinceId, year, plan, true);
      if (report.termsToCreate === 0 && report.criteriaDraftsToCreate === 0)
        throw new AppError(OnboardingErrors.ROLLOVER_NOTHING, { extra: { report } });
      const creating = plan.blocs.filter((b) => b.outcome === 'CREATE');
      const termIds = await this.repo.insertTerms(
        em,
        creating.map((b) => ({
          blocId: b.blocId,
          year: year + 1,
          headUnitId: b.head?.id ?? null,
          deputyUnitId: b.deputy?.id ?? null,
          secretaryName: null,
          note: `Lập khi chuyển năm ${year} sang năm ${year + 1}.`,
        })),
      );
      if (termIds.size !== creating.length) throw new AppError(OnboardingErrors.ROLLOVER_CHANGED);
      const members = creating.flatMap((b) =>
        b.members.map((u) => ({
          termId: termIds.get(`${b.blocId}|${year + 1}`)!,
          unitId: u.id,
          year: year + 1,
        })),
      );
      await this.repo.insertMembers(em, members);
      const drafts: { blocId: number; termId: number; setId: number; fromSetId: number }[] = [];
      for (const [blocId, source] of plan.criteria) {
        const termId = termIds.get(`${blocId}|${year + 1}`) ?? plan.nextTermIds.get(blocId);
        if (termId === undefined) continue;
        drafts.push({
          blocId,
          termId,
          setId: await this.repo.copyCriteriaAsDraft(em, source, termId),
          fromSetId: source.id,
        });
      }
      await this.audit.recordMany(em, [
        ...creating.map((b) => ({
          action: 'bloc.term.rollover',
          entityType: 'bloc_term',
          entityId: termIds.get(`${b.blocId}|${year + 1}`)!,
          after: {
            blocId: b.blocId,
            year: year + 1,
            memberUnitIds: b.members.map((u) => u.id),
            headUnitId: b.head?.id ?? null,
            deputyUnitId: b.deputy?.id ?? null,
            refused: b.refused.map((r) => ({ unitId: r.unit.id, code: r.code })),
          },
        })),
        ...drafts.map((d) => ({
          action: 'criteria.rollover.copy',
          entityType: 'criteria_set',
          entityId: d.setId,
          after: { termId: d.termId, copiedFromSetId: d.fromSetId, status: 'DRAFT' },
        })),
      ]);
      return report;
    });
  }

  private async plan(em: EntityManager, provinceId: number, year: number): Promise<Plan> {
    if (!(await this.repo.province(em, provinceId))) throw new AppError(ProvinceErrors.NOT_FOUND);
    const blocs = await this.repo.blocsOfProvince(em, provinceId);
    const blocIds = blocs.map((b) => b.id);
    const terms = new Map(
      (await this.repo.termsOfYear(em, blocIds, year)).map((t) => [t.blocId, t]),
    );
    const nextTerms = new Map(
      (await this.repo.termsOfYear(em, blocIds, year + 1)).map((t) => [t.blocId, t]),
    );
    const termIds = [...terms.values()].map((t) => t.id);
    const membersOf = new Map<number, RolloverUnit[]>();
    for (const m of await this.repo.membersOfTerms(em, termIds))
      membersOf.set(m.termId, [
        ...(membersOf.get(m.termId) ?? []),
        {
          id: m.unit.id,
          code: m.unit.code,
          name: m.unit.fullName,
          validFrom: m.unit.validFrom,
          validTo: m.unit.validTo,
        },
      ]);
    const meetings = await this.repo.finalizedMeetings(em, termIds);
    // Next year's seats already taken, per organization (any bloc of any province: a unit sits in
    // one bloc a year of each organization, issue 21).
    const allBlocs = new Map((await this.repo.blocs(em)).map((b) => [b.id, b]));
    const allTerms = new Map(
      (await this.repo.termsOfBlocs(em, [...allBlocs.keys()])).map((t) => [t.id, t]),
    );
    const takenBy = new Map<number | null, Map<number, string>>();
    for (const m of await this.repo.memberships(em)) {
      if (m.year !== year + 1) continue;
      const bloc = allBlocs.get(allTerms.get(m.termId)?.blocId ?? 0);
      const org = bloc?.organizingBodyId ?? null;
      if (!takenBy.has(org)) takenBy.set(org, new Map());
      takenBy.get(org)!.set(m.unitId, bloc?.name ?? '');
    }
    const unitName = new Map((await this.repo.units(em)).map((u) => [u.id, u.fullName]));
    const successorNames = new Map<number, string[]>();
    for (const l of await this.repo.links(em))
      successorNames.set(l.predecessorId, [
        ...(successorNames.get(l.predecessorId) ?? []),
        unitName.get(l.successorId) ?? '',
      ]);
    const planned = planRollover(
      year,
      blocs.map((b) => {
        const term = terms.get(b.id);
        const meeting = term ? meetings.get(term.id) : undefined;
        return {
          blocId: b.id,
          blocCode: b.code,
          blocName: b.name,
          blocKind: b.kind,
          organizationId: b.organizingBodyId,
          term: term ? { id: term.id, members: membersOf.get(term.id) ?? [] } : null,
          nextExists: nextTerms.has(b.id),
          elected: meeting
            ? { ...electedOfficers(meeting), meetingDate: meeting.meetingDate }
            : null,
        };
      }),
      takenBy,
      successorNames,
    );
    const sets = await this.repo.criteriaSets(em, [
      ...termIds,
      ...[...nextTerms.values()].map((t) => t.id),
    ]);
    const criteria = new Map<number, CriteriaSetEntity>();
    for (const b of planned) {
      const term = terms.get(b.blocId);
      const next = nextTerms.get(b.blocId);
      const source = term
        ? sets.find((s) => s.termId === term.id && s.status === 'LOCKED')
        : undefined;
      if (!source) continue;
      if (
        b.outcome === 'CREATE' ||
        (b.outcome === 'EXISTS' && next && !sets.some((s) => s.termId === next.id))
      )
        criteria.set(b.blocId, source);
    }
    return {
      blocs: planned,
      criteria,
      nextTermIds: new Map([...nextTerms.values()].map((t) => [t.blocId, t.id])),
    };
  }
}

function toReport(provinceId: number, year: number, plan: Plan, saved: boolean): RolloverReportDto {
  const creating = plan.blocs.filter((b) => b.outcome === 'CREATE');
  return {
    provinceId,
    fromYear: year,
    toYear: year + 1,
    termsToCreate: creating.length,
    membersToCreate: creating.reduce((n, b) => n + b.members.length, 0),
    criteriaDraftsToCreate: plan.criteria.size,
    refusedMembers: plan.blocs.reduce((n, b) => n + b.refused.length, 0),
    blocs: plan.blocs.map((b) => ({
      blocId: b.blocId,
      blocCode: b.blocCode,
      blocName: b.blocName,
      outcome: b.outcome,
      message: b.message,
      members: b.members.map(member),
      refused: b.refused.map((r) => ({ ...member(r.unit), code: r.code, message: r.message })),
      head: b.head && member(b.head),
      deputy: b.deputy && member(b.deputy),
      officersSource: b.officersSource,
      criteriaFromSetId: plan.criteria.get(b.blocId)?.id ?? null,
    })),
    saved,
  };
}

/**
 * Next year's head and deputy as the meeting decided them (R14: the recorded decision, vote or
 * agreement); meetings finalized before decisions were recorded keep the units they named.
 */
function electedOfficers(meeting: MeetingEntity): {
  headUnitId: number | null;
  deputyUnitId: number | null;
} {
  const decisions = decodeOfficerDecisions(meeting.officerDecisions);
  if (decisions.length === 0)
    return { headUnitId: meeting.nextHeadUnitId, deputyUnitId: meeting.nextDeputyUnitId };
  return {
    headUnitId: decisions.find((d) => d.role === 'HEAD')?.unitId ?? null,
    deputyUnitId: decisions.find((d) => d.role === 'DEPUTY')?.unitId ?? null,
  };
}
