import { tierName } from './format';
import type { EligibilityRule } from './rule';

export interface RankingIncompleteArgs {
  /** Error (blocks) when the tier needs the leader; warning otherwise. */
  readonly blocking: boolean;
}

/** The ranking must be final before leadership-based checks can be trusted (R12). */
export const rankingIncompleteRule: EligibilityRule<'RANKING_INCOMPLETE', RankingIncompleteArgs> = {
  code: 'RANKING_INCOMPLETE',
  findingCodes: ['RANKING_INCOMPLETE'],
  description:
    'Bảng xếp hạng của khối phải hoàn tất: chặn đề nghị hình thức chỉ dành cho đơn vị dẫn đầu, cảnh báo với các hình thức khác (quy tắc nhất quán dữ liệu).',
  legalBasis: null,
  defaults: { blocking: false },
  fromTier: (tier) => ({ blocking: tier.leaderOnly }),
  evaluate(context, args) {
    if (context.ranking.complete) return [];
    const tier = tierName(context, context.nomination.tierCode);
    return [
      {
        code: 'RANKING_INCOMPLETE',
        severity: args.blocking ? 'error' : 'warning',
        message: args.blocking
          ? `Bảng xếp hạng của khối năm ${context.blocTerm.year} chưa hoàn tất; chưa thể xác định đơn vị dẫn đầu để xét ${tier}.`
          : `Bảng xếp hạng của khối năm ${context.blocTerm.year} chưa hoàn tất; kết quả xét ${tier} có thể thay đổi.`,
        field: 'ranking',
        params: { blocTermId: context.blocTerm.id },
      },
    ];
  },
};
