import { alreadyAwardedSameYearRule } from './already-awarded-same-year.rule';
import type { AwardRecord } from './context';
import { buildContext, codes } from '../../../test/builders/eligibility';

describe('ALREADY_AWARDED_SAME_YEAR (R2 across routes)', () => {
  const cases: { name: string; id: number | null; history: AwardRecord[]; expected: string[] }[] = [
    { name: 'passes with no history', id: 100, history: [], expected: [] },
    {
      name: 'passes with awards of other years only (boundary: the year before)',
      id: 100,
      history: [{ year: 2022, tierCode: 'PROV_FLAG' }],
      expected: [],
    },
    {
      name: 'rejects an award of the same year',
      id: 100,
      history: [{ year: 2023, tierCode: 'PROV_MERIT' }],
      expected: ['ALREADY_AWARDED_SAME_YEAR'],
    },
    {
      name: 'ignores the award that came from this very nomination',
      id: 100,
      history: [{ year: 2023, tierCode: 'GOV_FLAG', nominationId: 100 }],
      expected: [],
    },
    {
      name: 'rejects an award from another nomination',
      id: 100,
      history: [{ year: 2023, tierCode: 'GOV_FLAG', nominationId: 7 }],
      expected: ['ALREADY_AWARDED_SAME_YEAR'],
    },
    {
      name: 'rejects for an unsaved nomination even when the award has no nomination',
      id: null,
      history: [{ year: 2023, tierCode: 'PROV_FLAG', nominationId: null }],
      expected: ['ALREADY_AWARDED_SAME_YEAR'],
    },
  ];
  it.each(cases)('$name', ({ id, history, expected }) => {
    const ctx = buildContext({ nomination: { id }, awardHistory: history });
    expect(
      codes(alreadyAwardedSameYearRule.evaluate(ctx, alreadyAwardedSameYearRule.defaults)),
    ).toEqual(expected);
  });

  it('names each awarded tier once', () => {
    const ctx = buildContext({
      awardHistory: [
        { year: 2023, tierCode: 'PROV_FLAG' },
        { year: 2023, tierCode: 'PROV_FLAG' },
        { year: 2023, tierCode: 'PROV_MERIT' },
      ],
    });
    expect(alreadyAwardedSameYearRule.evaluate(ctx, {})[0]).toMatchObject({
      message:
        'Thành phố Hải Dương đã được tặng Cờ thi đua của Ủy ban nhân dân tỉnh và Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh ' +
        'cho thành tích năm 2023; không khen thưởng nhiều lần, nhiều hình thức cho một thành tích.',
      params: { awardedTiers: 'PROV_FLAG,PROV_MERIT' },
    });
  });
});
