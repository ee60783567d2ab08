import { activePeers } from './context';

import { tierName, unitName } from './format';
import type { EligibilityRule } from './rule';
import { joinVi } from '../common/text';

export interface BlocQuotaArgs {
  /** Maximum nominations of the tier in one bloc term. */
  readonly quota: number;
}

/** R5: per-bloc quota of a tier; this nomination plus the active others of the same tier. */
export const blocQuotaRule: EligibilityRule<'BLOC_QUOTA', BlocQuotaArgs> = {
  code: 'BLOC_QUOTA',
  findingCodes: ['BLOC_QUOTA'],
  description:
    'Số đề nghị của mỗi hình thức khen thưởng trong một khối không vượt chỉ tiêu do tỉnh hướng dẫn hằng năm (dữ liệu cấu hình theo năm).',
  legalBasis: null,
  defaults: { quota: 1 },
  fromTier: (tier) => (tier.perBlocQuota === null ? null : { quota: tier.perBlocQuota }),
  evaluate(context, args) {
    const { nomination, unit } = context;
    const sameTier = activePeers(context).filter((n) => n.tierCode === nomination.tierCode);
    const count = sameTier.length + 1;
    if (count <= args.quota) return [];
    const names = [unit.id, ...sameTier.map((n) => n.unitId)].map((id) => unitName(context, id));
    return [
      {
        code: 'BLOC_QUOTA',
        severity: 'error',
        message:
          `Vượt chỉ tiêu ${tierName(context, nomination.tierCode)} của khối năm ${context.blocTerm.year}: ` +
          `${count}/${args.quota} đề nghị (${joinVi(names)}).`,
        field: 'tierCode',
        params: { count, quota: args.quota },
      },
    ];
  },
};
