import { tierName } from './format';
import { LAW_06_2022 } from './legal-bases';

import type { EligibilityRule, NoArgs } from './rule';
import { capitalize, joinVi } from '../common/text';

/** R2, across routes: the unit's history already holds an award of any tier for the same year. */
export const alreadyAwardedSameYearRule: EligibilityRule<'ALREADY_AWARDED_SAME_YEAR', NoArgs> = {
  code: 'ALREADY_AWARDED_SAME_YEAR',
  findingCodes: ['ALREADY_AWARDED_SAME_YEAR'],
  description:
    'Đơn vị đã được khen thưởng cho thành tích của năm này thì không được đề nghị thêm (không khen thưởng nhiều lần, nhiều hình thức cho một thành tích).',
  legalBasis: { document: LAW_06_2022, article: null },
  defaults: {},
  fromTier: () => ({}),
  evaluate(context) {
    const { unit, nomination } = context;
    const awards = context.awardHistory.filter(
      (a) =>
        a.year === nomination.year &&
        (a.viaPredecessorId ?? null) === null &&
        (nomination.id === null || a.nominationId !== nomination.id),
    );
    if (awards.length === 0) return [];
    const tiers = [...new Set(awards.map((a) => a.tierCode))];
    return [
      {
        code: 'ALREADY_AWARDED_SAME_YEAR',
        severity: 'error',
        message:
          `${capitalize(unit.name)} đã được tặng ${joinVi(tiers.map((t) => tierName(context, t)))} ` +
          `cho thành tích năm ${nomination.year}; không khen thưởng nhiều lần, nhiều hình thức cho một thành tích.`,
        field: 'unitId',
        params: { unitId: unit.id, year: nomination.year, awardedTiers: tiers.join(',') },
      },
    ];
  },
};
