import { tierName } from './format';
import type { EligibilityRule } from './rule';

export interface ClassificationRequiredArgs {
  /** The worst accepted level: 1 = only the best level of the bloc's scale. */
  readonly minRank: number;
}

/**
 * A tier may require the unit's yearly classification (xếp loại thi đua) to reach a level, e.g. a
 * flag only for "Hoàn thành xuất sắc nhiệm vụ" (rank 1). The requirement is data of the tier's rule
 * for the year, with that rule's legal basis.
 */
export const classificationRequiredRule: EligibilityRule<
  'CLASSIFICATION_MISSING',
  ClassificationRequiredArgs
> = {
  code: 'CLASSIFICATION_MISSING',
  findingCodes: ['CLASSIFICATION_MISSING', 'CLASSIFICATION_TOO_LOW'],
  description:
    'Hình thức khen thưởng đòi hỏi đơn vị được xếp loại thi đua của năm từ một mức trở lên (theo quy định của hình thức trong năm).',
  legalBasis: null,
  defaults: { minRank: 1 },
  fromTier: (tier) =>
    tier.requiredClassificationRank ? { minRank: tier.requiredClassificationRank } : null,
  evaluate(context, args) {
    const { unit, nomination, blocTerm } = context;
    const facts = context.classification ?? { level: null, scaleLabels: [] };
    const tier = tierName(context, nomination.tierCode);
    const required = facts.scaleLabels[args.minRank - 1];
    const wanted = required
      ? args.minRank === 1
        ? `"${required}"`
        : `từ "${required}" trở lên`
      : `từ mức ${args.minRank} trở lên`;
    const params = { unitId: unit.id, requiredRank: args.minRank };
    if (facts.level === null) {
      return [
        {
          code: 'CLASSIFICATION_MISSING',
          severity: 'error',
          message: `${tier} đòi hỏi đơn vị được xếp loại thi đua ${wanted}, nhưng ${unit.name} chưa được xếp loại năm ${blocTerm.year}.`,
          field: 'unitId',
          params,
        },
      ];
    }
    if (facts.level.rank <= args.minRank) return [];
    return [
      {
        code: 'CLASSIFICATION_TOO_LOW',
        severity: 'error',
        message: `${tier} đòi hỏi đơn vị được xếp loại thi đua ${wanted}; ${unit.name} được xếp loại "${facts.level.label}" năm ${blocTerm.year}.`,
        field: 'unitId',
        params: { ...params, rank: facts.level.rank },
      },
    ];
  },
};
