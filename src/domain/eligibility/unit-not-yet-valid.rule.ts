import { formatDate } from './format';
import type { EligibilityRule, NoArgs } from './rule';
import { capitalize } from '../common/text';

/** R13: a unit created after the bloc year ended has no achievement of that year to commend. */
export const unitNotYetValidRule: EligibilityRule<'UNIT_NOT_YET_VALID', NoArgs> = {
  code: 'UNIT_NOT_YET_VALID',
  findingCodes: ['UNIT_NOT_YET_VALID'],
  description:
    'Đơn vị phải tồn tại trong năm thi đua được xét (quy tắc nhất quán dữ liệu về hiệu lực theo thời gian của đơn vị).',
  legalBasis: null,
  defaults: {},
  fromTier: () => ({}),
  evaluate(context) {
    const { unit, nomination } = context;
    if (unit.validFrom <= `${nomination.year}-12-31`) return [];
    return [
      {
        code: 'UNIT_NOT_YET_VALID',
        severity: 'error',
        message:
          `${capitalize(unit.name)} chỉ có hiệu lực từ ngày ${formatDate(unit.validFrom)}, ` +
          `sau khi năm thi đua ${nomination.year} đã kết thúc.`,
        field: 'unitId',
        params: { unitId: unit.id, validFrom: unit.validFrom, year: nomination.year },
      },
    ];
  },
};
