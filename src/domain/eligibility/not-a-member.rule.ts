import type { EligibilityRule, NoArgs } from './rule';
import { capitalize } from '../common/text';

/** The nominee must be a member of the bloc in the bloc's year (membership is per year, R13). */
export const notAMemberRule: EligibilityRule<'NOT_A_MEMBER', NoArgs> = {
  code: 'NOT_A_MEMBER',
  findingCodes: ['NOT_A_MEMBER'],
  description:
    'Đơn vị được đề nghị phải là thành viên của khối thi đua trong năm xét (quy tắc nhất quán dữ liệu: khối chỉ bình xét thành viên của mình).',
  legalBasis: null,
  defaults: {},
  fromTier: () => ({}),
  evaluate(context) {
    const { unit, blocTerm } = context;
    if (blocTerm.memberUnitIds.includes(unit.id)) return [];
    return [
      {
        code: 'NOT_A_MEMBER',
        severity: 'error',
        message: `${capitalize(unit.name)} không phải là thành viên của khối thi đua năm ${blocTerm.year}.`,
        field: 'unitId',
        params: { unitId: unit.id, blocTermId: blocTerm.id, year: blocTerm.year },
      },
    ];
  },
};
