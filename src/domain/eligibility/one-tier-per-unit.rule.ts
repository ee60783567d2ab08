import { activePeers } from './context';

import { tierName } from './format';
import { LAW_06_2022 } from './legal-bases';

import type { EligibilityRule, NoArgs } from './rule';
import { capitalize, joinVi } from '../common/text';

/** R2: at most one tier per unit per bloc year; withdrawn, rejected and cut nominations do not count. */
export const oneTierPerUnitRule: EligibilityRule<'ONE_TIER_PER_UNIT', NoArgs> = {
  code: 'ONE_TIER_PER_UNIT',
  findingCodes: ['ONE_TIER_PER_UNIT'],
  description:
    'Mỗi đơn vị chỉ được đề nghị một hình thức khen thưởng trong một năm thi đua của khối (không khen thưởng nhiều lần, nhiều hình thức cho một thành tích).',
  legalBasis: { document: LAW_06_2022, article: null },
  defaults: {},
  fromTier: () => ({}),
  evaluate(context) {
    const { unit, blocTerm } = context;
    const clashes = activePeers(context).filter((n) => n.unitId === unit.id);
    if (clashes.length === 0) return [];
    const tiers = [...new Set(clashes.map((n) => n.tierCode))];
    return [
      {
        code: 'ONE_TIER_PER_UNIT',
        severity: 'error',
        message:
          `${capitalize(unit.name)} đã có đề nghị ${joinVi(tiers.map((t) => tierName(context, t)))} trong khối năm ${blocTerm.year}; ` +
          'mỗi đơn vị chỉ được đề nghị một hình thức khen thưởng cho một thành tích.',
        field: 'tierCode',
        params: {
          unitId: unit.id,
          conflictingNominationIds: clashes.map((n) => n.id).join(','),
          conflictingTiers: tiers.join(','),
        },
      },
    ];
  },
};
