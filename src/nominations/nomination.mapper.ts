import type { AwardTierEntity } from '../award-tiers/award-tier.entity';
import type { Finding } from '../domain/common/result';
import type { EligibilityOutcome } from '../domain/eligibility';
import {
  allowedNominationTransitions,
  NOMINATION_STATUS_LABELS,
} from '../domain/nominations/status';
import type { TermContext } from '../scoring/scoring.service';
import type { UnitEntity } from '../registry/units/unit.entity';
import { toUnitDto } from '../registry/units/unit.mapper';
import type { NominationDto } from './dto/nomination.dto';
import type {
  NominationAcknowledgementEntity,
  NominationReportEntity,
  NominationTransitionEntity,
} from './nomination-history.entity';
import type { NominationEntity } from './nomination.entity';

/** A rule check as the API shows it: the findings and the warning codes still to acknowledge. */
export function eligibilityDto(outcome: EligibilityOutcome, unacknowledged: readonly Finding[]) {
  const f = (x: Finding) => ({ code: x.code, severity: x.severity, message: x.message });
  return {
    eligible: outcome.eligible,
    errors: outcome.errors.map(f),
    warnings: outcome.warnings.map(f),
    checkedRules: outcome.checkedRules,
    unacknowledged: unacknowledged.map((u) => String(u.params?.warningCode ?? u.code)),
  };
}

/** What a nomination's DTO is built from, beside the nomination and its term. */
export interface NominationParts {
  tier: AwardTierEntity;
  unit: UnitEntity;
  /** The rule check, or null once the nomination is closed (cut, rejected, withdrawn, decided). */
  evaluated: { outcome: EligibilityOutcome; unacknowledged: readonly Finding[] } | null;
  acks: readonly NominationAcknowledgementEntity[];
  transitions: readonly NominationTransitionEntity[];
  reports: readonly NominationReportEntity[];
}

/** The nomination as the API returns it. */
export function toNominationDto(
  n: NominationEntity,
  ctx: TermContext,
  { tier, unit, evaluated, acks, transitions, reports }: NominationParts,
): NominationDto {
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
      ? eligibilityDto(evaluated.outcome, evaluated.unacknowledged)
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
    history: transitions.map((h) => ({
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
    reports: reports.map((r) => ({
      id: r.id,
      fileName: r.fileName,
      sizeBytes: r.sizeBytes,
      sha256: r.sha256,
    })),
    version: n.version,
  };
}
