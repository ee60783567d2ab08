import { TT_15_2025_BNV } from './legal-bases';

import { formatDate } from './format';
import type { EligibilityRule, NoArgs } from './rule';
import { capitalize } from '../common/text';

/**
 * R13 (TT 15/2025/TT-BNV): no award for a unit dissolved by the reorganisation. The unit is valid
 * through `validTo` inclusive, so a decision dated on `validTo` itself still passes. Decisions dated
 * before the circular (04/8/2025) are checked against the unit's dates without citing it.
 */
export const unitDissolvedRule: EligibilityRule<'UNIT_DISSOLVED', NoArgs> = {
  code: 'UNIT_DISSOLVED',
  findingCodes: ['UNIT_DISSOLVED'],
  description:
    'Không khen thưởng đơn vị đã giải thể (hết hiệu lực) trước ngày quyết định khen thưởng; đơn vị còn hiệu lực đến hết ngày cuối cùng của nó.',
  legalBasis: { document: TT_15_2025_BNV, article: null, issuedOn: '2025-08-04' },
  defaults: {},
  fromTier: () => ({}),
  evaluate(context) {
    const { unit, nomination } = context;
    if (unit.validTo === null || nomination.referenceDate <= unit.validTo) return [];
    return [
      {
        code: 'UNIT_DISSOLVED',
        severity: 'error',
        message:
          `${capitalize(unit.name)} chỉ còn hiệu lực đến hết ngày ${formatDate(unit.validTo)}, trước ngày quyết định ` +
          `${formatDate(nomination.referenceDate)}: không khen thưởng đơn vị đã giải thể sau sắp xếp tổ chức bộ máy.`,
        field: 'unitId',
        params: { unitId: unit.id, validTo: unit.validTo, referenceDate: nomination.referenceDate },
      },
    ];
  },
};
