import type { Finding } from '../common/result';
import type { EligibilityContext, TierRuleFacts } from './context';

/** The legal text a rule comes from; `article` is null when the brief gives none (e.g. an official letter). */
export interface LegalBasis {
  readonly document: string;
  readonly article: string | null;
}

/**
 * One eligibility rule (Vendure promotion-condition style): a stable code, typed arguments with
 * defaults, and a pure `evaluate`. The tier's rule data for the year supplies the arguments.
 */
export interface EligibilityRule<C extends string, A extends object> {
  readonly code: C;
  /** Every finding code `evaluate` may emit (the first is usually `code`). */
  readonly findingCodes: readonly string[];
  /** Vietnamese, one sentence, shown in the rule catalogue. */
  readonly description: string;
  /** Null for a consistency rule with no legal text behind it (said so in `description`). */
  readonly legalBasis: LegalBasis | null;
  readonly defaults: A;
  /** The arguments the tier's rule supplies, or null when the rule does not apply to the tier. */
  fromTier(tier: TierRuleFacts): Partial<A> | null;
  evaluate(context: EligibilityContext, args: A): Finding[];
}

/** Any rule, as held by the registry (each rule's arguments are typed where it is defined). */
export type AnyEligibilityRule = EligibilityRule<string, object>;

/** Rules that take no arguments. */
export type NoArgs = Readonly<Record<string, never>>;
