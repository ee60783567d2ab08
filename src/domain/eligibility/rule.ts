import type { Finding } from '../common/result';
import type { EligibilityContext, TierRuleFacts } from './context';

/** The legal text a rule comes from; `article` is null when the brief gives none (e.g. an official letter). */
export interface LegalBasis {
  readonly document: string;
  readonly article: string | null;
  /**
   * The instrument's date (ISO), when it is later than some award years the rule is applied to: a
   * decision taken before that date cannot rest on it.
   */
  readonly issuedOn?: string;
}

/**
 * The legal basis a rule can cite for a decision of `referenceDate`: none when its instrument is
 * dated after the decision (TT 15/2025 of 04/8/2025 is no basis for a 2023 nomination decided in
 * 2024; the rule then checks only the unit's own validity dates).
 */
export function legalBasisOn(
  rule: { readonly legalBasis: LegalBasis | null },
  referenceDate: string,
): LegalBasis | null {
  const basis = rule.legalBasis;
  if (!basis || (basis.issuedOn !== undefined && basis.issuedOn > referenceDate)) return null;
  return basis;
}

/** "khoản 1 Điều 25, Điều 26 Luật Thi đua, khen thưởng số 06/2022/QH15": the article before its instrument. */
export function citeLegalBasis(basis: LegalBasis): string {
  return basis.article ? `${basis.article} ${basis.document}` : basis.document;
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
