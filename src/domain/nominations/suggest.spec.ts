import { suggestNominations, type SuggestTier } from './suggest';

const tiers: SuggestTier[] = [
  { code: 'PROV_MERIT', rank: 3, perBlocQuota: 2, leaderOnly: false },
  { code: 'GOV_FLAG', rank: 1, perBlocQuota: 1, leaderOnly: true },
  { code: 'PROV_FLAG', rank: 2, perBlocQuota: 1, leaderOnly: false },
];

describe('suggestNominations', () => {
  it('reproduces the Hải Dương 2023 proposals from the ranking', () => {
    const s = suggestNominations([1, 2, 3, 4, 5], 1, tiers);
    expect(s.map((x) => [x.unitId, x.tierCode])).toEqual([
      [1, 'GOV_FLAG'],
      [2, 'PROV_FLAG'],
      [3, 'PROV_MERIT'],
      [4, 'PROV_MERIT'],
    ]);
  });

  it('suggests no leader-only tier without a leader, and moves the others up', () => {
    expect(suggestNominations([1, 2, 3], null, tiers).map((x) => [x.unitId, x.tierCode])).toEqual([
      [1, 'PROV_FLAG'],
      [2, 'PROV_MERIT'],
      [3, 'PROV_MERIT'],
    ]);
  });

  it('counts existing nominations against quotas and units', () => {
    const s = suggestNominations([1, 2, 3, 4], 1, tiers, [{ unitId: 3, tierCode: 'PROV_MERIT' }]);
    expect(s.map((x) => [x.unitId, x.tierCode])).toEqual([
      [1, 'GOV_FLAG'],
      [2, 'PROV_FLAG'],
      [4, 'PROV_MERIT'],
    ]);
  });

  it('treats a tier without quota as not suggested and a short ranking as the limit', () => {
    expect(
      suggestNominations([1], 1, [{ code: 'X', rank: 1, perBlocQuota: null, leaderOnly: false }]),
    ).toEqual([]);
    expect(suggestNominations([], null, tiers)).toEqual([]);
  });
});
