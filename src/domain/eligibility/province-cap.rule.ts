import { floorOf, type Fraction } from '../common/fraction';
import { formatQuotient, formatShare, tierName } from './format';
import { CV_5007_BNV_2023 } from './legal-bases';
import type { EligibilityRule } from './rule';

export interface ProvinceCapArgs {
  /** Share of the province's bloc leaders, rounded down (CV 5007: 20 %). */
  readonly cap: Fraction;
  /**
   * Off by default, as R4 says "round down; minimum 0": a province with fewer than 5 bloc
   * leaders then cannot propose at all under a 20 % cap. A province whose guidance allows one
   * proposal anyway sets this to true (at least 1 when it has a bloc leader).
   */
  readonly minimumOne: boolean;
}

/** The cap allowed for `leaders` bloc leaders under the rule's arguments. */
export function provinceCapAllowance(leaders: number, args: ProvinceCapArgs): number {
  const allowed = floorOf(leaders, args.cap);
  return args.minimumOne && leaders > 0 ? Math.max(1, allowed) : allowed;
}

/** R4: province-wide cap on a tier's nominations, floor(cap × bloc leaders) (CV 5007/BNV-TĐKT). */
export const provinceCapRule: EligibilityRule<'PROVINCE_CAP', ProvinceCapArgs> = {
  code: 'PROVINCE_CAP',
  findingCodes: ['PROVINCE_CAP'],
  description:
    'Số đề nghị toàn tỉnh không vượt tỷ lệ quy định trên số tập thể dẫn đầu cụm, khối thi đua, làm tròn xuống (mặc định 20% đối với Cờ thi đua của Chính phủ).',
  legalBasis: { document: CV_5007_BNV_2023, article: null, issuedOn: '2023-09-05' },
  defaults: { cap: { numerator: 1, denominator: 5 }, minimumOne: false },
  fromTier: (tier) => (tier.provinceCap === null ? null : { cap: tier.provinceCap }),
  evaluate(context, args) {
    const { blocLeaderCount: leaders, sameTierNominationCount: existing } = context.province;
    const allowed = provinceCapAllowance(leaders, args);
    const total = existing + 1;
    if (total <= allowed) return [];
    const floor = floorOf(leaders, args.cap);
    const raised = allowed > floor ? `, nâng lên tối thiểu 1 theo cấu hình của tỉnh` : '';
    return [
      {
        code: 'PROVINCE_CAP',
        severity: 'error',
        message:
          `Vượt trần toàn tỉnh của ${tierName(context, context.nomination.tierCode)}: ${total}/${allowed} đề nghị ` +
          `(đã có ${existing}); tối đa ${formatShare(args.cap)} × ${leaders} tập thể dẫn đầu cụm, khối thi đua = ` +
          `${formatQuotient(leaders * args.cap.numerator, args.cap.denominator)}, làm tròn xuống còn ${floor}${raised}.`,
        field: 'tierCode',
        params: { total, allowed, blocLeaderCount: leaders, existing },
      },
    ];
  },
};
