import { alreadyAwardedSameYearRule } from './already-awarded-same-year.rule';
import { blocQuotaRule } from './bloc-quota.rule';
import { classificationRequiredRule } from './classification-required.rule';
import { leaderOnlyRule } from './leader-only.rule';
import { notAMemberRule } from './not-a-member.rule';
import { notLeaderRule } from './not-leader.rule';
import { oneTierPerUnitRule } from './one-tier-per-unit.rule';
import { priorTierRequiredRule } from './prior-tier-required.rule';
import { provinceCapRule } from './province-cap.rule';
import { rankingIncompleteRule } from './ranking-incomplete.rule';
import type { EligibilityRule } from './rule';
import { unitDissolvedRule } from './unit-dissolved.rule';
import { unitNotYetValidRule } from './unit-not-yet-valid.rule';

/** Every nomination eligibility rule, in the order their findings are reported. */
export const ELIGIBILITY_RULES = [
  notAMemberRule,
  unitDissolvedRule,
  unitNotYetValidRule,
  alreadyAwardedSameYearRule,
  oneTierPerUnitRule,
  rankingIncompleteRule,
  leaderOnlyRule,
  notLeaderRule,
  blocQuotaRule,
  provinceCapRule,
  priorTierRequiredRule,
  classificationRequiredRule,
] as const;

type RegisteredRule = (typeof ELIGIBILITY_RULES)[number];

export type EligibilityRuleCode = RegisteredRule['code'];

type ArgsOf<R> = R extends EligibilityRule<string, infer A> ? A : never;

/**
 * Per-rule argument overrides (a province's own configuration), applied over the defaults and
 * the tier's data, e.g. `{ PROVINCE_CAP: { minimumOne: true } }`.
 */
export type RuleArgOverrides = {
  readonly [R in RegisteredRule as R['code']]?: Partial<ArgsOf<R>>;
};
