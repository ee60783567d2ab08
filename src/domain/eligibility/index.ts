export {
  checkAcknowledgements,
  mergeAcknowledgements,
  type WarningAcknowledgement,
} from './acknowledgements';
export {
  INACTIVE_NOMINATION_STATUSES,
  activePeers,
  type AwardRecord,
  type BlocTermFacts,
  type ClassificationFacts,
  type EligibilityContext,
  type NominationFacts,
  type PeerNomination,
  type PriorTierRequirement,
  type ProvinceFacts,
  type RankingFacts,
  type TierRuleFacts,
  type UnitFacts,
} from './context';
export { evaluateNomination, type EligibilityOutcome } from './evaluate-nomination';
export { provinceCapAllowance } from './province-cap.rule';
export type { AnyEligibilityRule, EligibilityRule, LegalBasis } from './rule';
export { ELIGIBILITY_RULES, type EligibilityRuleCode, type RuleArgOverrides } from './rules';
