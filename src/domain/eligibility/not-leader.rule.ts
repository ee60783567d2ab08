import { activePeers } from './context';

import { rankLabel, tierName, unitName } from './format';
import { LAW_06_2022 } from './legal-bases';

import type { EligibilityRule } from './rule';
import { capitalize } from '../common/text';

export interface NotLeaderArgs {
  /** Tiers normally reserved for bloc leaders (the flags) that the province opened to non-leaders. */
  readonly tierCodes: readonly string[];
}

/**
 * R6: when a flag tier is not leader-only (Hải Dương 2023: the leader went up to the Government
 * flag, the provincial flag went to rank 2), nominating a non-leader needs an acknowledged reason.
 */
export const notLeaderRule: EligibilityRule<'NOT_LEADER', NotLeaderArgs> = {
  code: 'NOT_LEADER',
  findingCodes: ['NOT_LEADER'],
  description:
    'Cảnh báo khi đề nghị cờ thi đua cho đơn vị không dẫn đầu khối (được phép theo cấu hình của tỉnh), kèm tên đơn vị dẫn đầu; cần xác nhận lý do.',
  legalBasis: { document: LAW_06_2022, article: 'khoản 1 Điều 25, Điều 26' },
  defaults: { tierCodes: ['GOV_FLAG', 'PROV_FLAG'] },
  fromTier: (tier) => (tier.leaderOnly ? null : {}),
  evaluate(context, args) {
    const { unit, ranking, nomination } = context;
    const leader = ranking.leaderUnitId;
    if (!args.tierCodes.includes(nomination.tierCode) || leader === null || leader === unit.id)
      return [];
    const leaderTiers = activePeers(context)
      .filter((n) => n.unitId === leader)
      .map((n) => tierName(context, n.tierCode));
    const leaderPart = leaderTiers.length > 0 ? ` (được đề nghị ${leaderTiers.join(', ')})` : '';
    return [
      {
        code: 'NOT_LEADER',
        severity: 'warning',
        message:
          `${capitalize(unit.name)} không phải đơn vị dẫn đầu khối (${rankLabel(context, unit.id)}); ` +
          `đơn vị dẫn đầu là ${unitName(context, leader)}${leaderPart}. ` +
          `${tierName(context, nomination.tierCode)} thường dành cho tập thể dẫn đầu khối: cần ghi rõ lý do.`,
        field: 'unitId',
        params: { unitId: unit.id, leaderUnitId: leader },
      },
    ];
  },
};
