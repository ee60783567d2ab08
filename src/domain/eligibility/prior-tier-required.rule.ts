import type { PriorTierRequirement } from './context';
import { tierName } from './format';
import { ND_42_2010 } from './legal-bases';
import type { EligibilityRule } from './rule';

export interface PriorTierRequiredArgs {
  readonly requirement: PriorTierRequirement | null;
}

/**
 * R7, old regime only: a tier may require an earlier award (ND 42/2010: the provincial flag
 * before the Government flag). ND 152/2025 art. 4 removed it, so it applies only when configured.
 */
export const priorTierRequiredRule: EligibilityRule<'PRIOR_TIER_REQUIRED', PriorTierRequiredArgs> =
  {
    code: 'PRIOR_TIER_REQUIRED',
    findingCodes: ['PRIOR_TIER_REQUIRED'],
    description:
      'Chỉ áp dụng khi quy định của năm yêu cầu: đơn vị phải đã được tặng một hình thức khen thưởng thấp hơn trong số năm quy định liền trước (chế độ cũ).',
    legalBasis: { document: ND_42_2010, article: null },
    defaults: { requirement: null },
    fromTier: (tier) =>
      tier.requiresPriorTier === null ? null : { requirement: tier.requiresPriorTier },
    evaluate(context, args) {
      if (args.requirement === null) return [];
      const { tierCode, withinYears } = args.requirement;
      const { year } = context.nomination;
      const from = year - withinYears;
      const to = year - 1;
      const held = context.awardHistory.some(
        (a) => a.tierCode === tierCode && a.year >= from && a.year <= to,
      );
      if (held) return [];
      return [
        {
          code: 'PRIOR_TIER_REQUIRED',
          severity: 'error',
          message:
            `Theo quy định áp dụng cho năm ${year}, phải đã được tặng ${tierName(context, tierCode)} ` +
            `trong ${withinYears} năm liền trước (${from}–${to}) mới được đề nghị ${tierName(context, context.nomination.tierCode)}; ` +
            `lịch sử khen thưởng của ${context.unit.name} không có.`,
          field: 'tierCode',
          params: { requiredTierCode: tierCode, withinYears, fromYear: from, toYear: to },
        },
      ];
    },
  };
