import type { Finding } from '../common/result';
import type { EligibilityContext, TierRuleFacts } from './context';
import type { AnyEligibilityRule } from './rule';
import { ELIGIBILITY_RULES, type RuleArgOverrides } from './rules';

export interface EligibilityOutcome {
  /** True when no rule returned an error; warnings still need acknowledgements (see `checkAcknowledgements`). */
  readonly eligible: boolean;
  readonly errors: Finding[];
  readonly warnings: Finding[];
  /** Codes of the rules that applied to this tier and ran, for the audit trail. */
  readonly checkedRules: string[];
}

/**
 * Runs every rule that applies to the tier's rule for the year. Arguments are, in order of
 * precedence: the province's overrides, the tier's data, the rule's defaults.
 */
export function evaluateNomination(
  context: EligibilityContext,
  tierRule: TierRuleFacts,
  overrides: RuleArgOverrides = {},
  rules: readonly AnyEligibilityRule[] = ELIGIBILITY_RULES,
): EligibilityOutcome {
  const byCode: Readonly<Record<string, object | undefined>> = overrides;
  const findings: Finding[] = [];
  const checkedRules: string[] = [];
  for (const rule of rules) {
    const fromTier = rule.fromTier(tierRule);
    if (fromTier === null) continue;
    checkedRules.push(rule.code);
    findings.push(
      ...rule.evaluate(context, { ...rule.defaults, ...fromTier, ...byCode[rule.code] }),
    );
  }
  const errors = findings.filter((f) => f.severity === 'error');
  return {
    eligible: errors.length === 0,
    errors,
    warnings: findings.filter((f) => f.severity === 'warning'),
    checkedRules,
  };
}
