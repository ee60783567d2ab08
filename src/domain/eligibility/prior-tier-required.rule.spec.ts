import type { AwardRecord, PriorTierRequirement } from './context';
import { priorTierRequiredRule } from './prior-tier-required.rule';
import { buildContext, buildTierRule, codes } from '../../../test/builders/eligibility';

const PROV_FLAG_WITHIN_3: PriorTierRequirement = { tierCode: 'PROV_FLAG', withinYears: 3 };

describe('PRIOR_TIER_REQUIRED (R7, old regime ND 42/2010)', () => {
  const cases: {
    name: string;
    requirement: PriorTierRequirement | null;
    history: AwardRecord[];
    expected: string[];
  }[] = [
    { name: 'does nothing without a requirement', requirement: null, history: [], expected: [] },
    {
      name: 'passes with the prior tier the year before',
      requirement: PROV_FLAG_WITHIN_3,
      history: [{ year: 2022, tierCode: 'PROV_FLAG' }],
      expected: [],
    },
    {
      name: 'passes at the edge of the window (year − N)',
      requirement: PROV_FLAG_WITHIN_3,
      history: [{ year: 2020, tierCode: 'PROV_FLAG' }],
      expected: [],
    },
    {
      name: 'rejects just outside the window (year − N − 1)',
      requirement: PROV_FLAG_WITHIN_3,
      history: [{ year: 2019, tierCode: 'PROV_FLAG' }],
      expected: ['PRIOR_TIER_REQUIRED'],
    },
    {
      name: 'rejects an award of the same year (not prior)',
      requirement: PROV_FLAG_WITHIN_3,
      history: [{ year: 2023, tierCode: 'PROV_FLAG' }],
      expected: ['PRIOR_TIER_REQUIRED'],
    },
    {
      name: 'rejects when only another tier was received',
      requirement: PROV_FLAG_WITHIN_3,
      history: [{ year: 2022, tierCode: 'PROV_MERIT' }],
      expected: ['PRIOR_TIER_REQUIRED'],
    },
    {
      name: 'rejects with an empty history',
      requirement: PROV_FLAG_WITHIN_3,
      history: [],
      expected: ['PRIOR_TIER_REQUIRED'],
    },
  ];
  it.each(cases)('$name', ({ requirement, history, expected }) => {
    const ctx = buildContext({ awardHistory: history });
    expect(codes(priorTierRequiredRule.evaluate(ctx, { requirement }))).toEqual(expected);
  });

  it('states the window', () => {
    const [f] = priorTierRequiredRule.evaluate(buildContext(), { requirement: PROV_FLAG_WITHIN_3 });
    expect(f).toMatchObject({
      severity: 'error',
      message:
        'Theo quy định áp dụng cho năm 2023, phải đã được tặng Cờ thi đua của Ủy ban nhân dân tỉnh trong 3 năm liền trước ' +
        '(2020–2022) mới được đề nghị Cờ thi đua của Chính phủ; lịch sử khen thưởng của thành phố Hải Dương không có.',
      params: { requiredTierCode: 'PROV_FLAG', withinYears: 3, fromYear: 2020, toYear: 2022 },
    });
  });

  it.each([
    { requiresPriorTier: PROV_FLAG_WITHIN_3, args: { requirement: PROV_FLAG_WITHIN_3 } },
    { requiresPriorTier: null, args: null },
  ])('applies only when the tier sets a requirement: %j', ({ requiresPriorTier, args }) => {
    expect(priorTierRequiredRule.fromTier(buildTierRule({ requiresPriorTier }))).toEqual(args);
  });
});
