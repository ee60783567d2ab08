import { rankLabel, tierName, unitName } from './format';
import { LAW_06_2022 } from './legal-bases';

import type { EligibilityRule } from './rule';
import { capitalize } from '../common/text';

export interface LeaderOnlyArgs {
  /** Accept a non-leader with a stated ground (Law 06/2022 art. 25.3), as a warning to acknowledge. */
  readonly allowException: boolean;
}

/**
 * R3/R6: a leader-only tier goes to the bloc leader alone (Law 06/2022 art. 25.1 for the
 * Government flag; art. 26 for the provincial flag when the province configures it so).
 */
export const leaderOnlyRule: EligibilityRule<'LEADER_ONLY', LeaderOnlyArgs> = {
  code: 'LEADER_ONLY',
  findingCodes: ['LEADER_ONLY', 'LEADER_EXCEPTION_CLAIMED'],
  description:
    'Hình thức khen thưởng chỉ dành cho tập thể dẫn đầu khối thi đua: đơn vị được đề nghị phải là đơn vị dẫn đầu khối.',
  legalBasis: { document: LAW_06_2022, article: 'khoản 1 Điều 25, Điều 26' },
  defaults: { allowException: false },
  fromTier: (tier) => (tier.leaderOnly ? { allowException: tier.allowLeaderException } : null),
  evaluate(context, args) {
    const { unit, ranking, nomination } = context;
    const leader = ranking.leaderUnitId;
    if (leader === unit.id) return [];
    // Without a final ranking there is no leader yet: RANKING_INCOMPLETE blocks instead.
    if (leader === null && !ranking.complete) return [];
    const tier = tierName(context, nomination.tierCode);
    const ground = nomination.leaderExceptionBasis?.trim() ?? '';
    if (args.allowException && ground !== '') {
      return [
        {
          code: 'LEADER_EXCEPTION_CLAIMED',
          severity: 'warning',
          message:
            `${capitalize(unit.name)} không dẫn đầu khối (${rankLabel(context, unit.id)}) nhưng được đề nghị ${tier} ` +
            `theo căn cứ ngoại lệ: "${ground}". Cần xác nhận căn cứ này.`,
          field: 'leaderExceptionBasis',
          params: { unitId: unit.id, leaderUnitId: leader },
        },
      ];
    }
    return [
      {
        code: 'LEADER_ONLY',
        severity: 'error',
        message:
          leader === null
            ? `${tier} chỉ xét tặng tập thể dẫn đầu khối thi đua, nhưng khối năm ${context.blocTerm.year} chưa xác định đơn vị dẫn đầu.`
            : `${tier} chỉ xét tặng tập thể dẫn đầu khối thi đua: ${unit.name} ${rankLabel(context, unit.id)}, ` +
              `đơn vị dẫn đầu là ${unitName(context, leader)}.`,
        field: 'unitId',
        params: { unitId: unit.id, leaderUnitId: leader },
      },
    ];
  },
};
