import type { PeerNomination } from './context';
import { oneTierPerUnitRule } from './one-tier-per-unit.rule';
import { buildContext, codes, HD, peer } from '../../../test/builders/eligibility';

describe('ONE_TIER_PER_UNIT (R2)', () => {
  const cases: { name: string; others: PeerNomination[]; expected: string[] }[] = [
    { name: 'passes when the unit has no other nomination', others: [], expected: [] },
    {
      name: 'passes when others are for other units',
      others: [peer(HD.CAM_GIANG, 'PROV_FLAG')],
      expected: [],
    },
    {
      name: 'rejects a second tier for the same unit',
      others: [peer(HD.TP_HAI_DUONG, 'PROV_FLAG')],
      expected: ['ONE_TIER_PER_UNIT'],
    },
    {
      name: 'rejects a duplicate of the same tier',
      others: [peer(HD.TP_HAI_DUONG, 'GOV_FLAG', 'DRAFT')],
      expected: ['ONE_TIER_PER_UNIT'],
    },
    {
      name: 'ignores a withdrawn nomination',
      others: [peer(HD.TP_HAI_DUONG, 'PROV_FLAG', 'WITHDRAWN')],
      expected: [],
    },
    {
      name: 'ignores a rejected nomination',
      others: [peer(HD.TP_HAI_DUONG, 'PROV_FLAG', 'REJECTED')],
      expected: [],
    },
    {
      name: 'ignores a nomination cut by the council',
      others: [peer(HD.TP_HAI_DUONG, 'PROV_FLAG', 'CUT')],
      expected: [],
    },
    {
      name: 'ignores the nomination itself when listed',
      others: [{ id: 100, unitId: HD.TP_HAI_DUONG, tierCode: 'GOV_FLAG', status: 'DRAFT' }],
      expected: [],
    },
  ];
  it.each(cases)('$name', ({ others, expected }) => {
    const ctx = buildContext({ otherNominations: others });
    expect(codes(oneTierPerUnitRule.evaluate(ctx, oneTierPerUnitRule.defaults))).toEqual(expected);
  });

  it('lists the conflicting tiers and nominations', () => {
    const a = peer(HD.TP_HAI_DUONG, 'PROV_FLAG');
    const b = peer(HD.TP_HAI_DUONG, 'PROV_MERIT');
    const [f] = oneTierPerUnitRule.evaluate(buildContext({ otherNominations: [a, b] }), {});
    expect(f).toMatchObject({
      severity: 'error',
      message:
        'Thành phố Hải Dương đã có đề nghị Cờ thi đua của Ủy ban nhân dân tỉnh và Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh ' +
        'trong khối năm 2023; mỗi đơn vị chỉ được đề nghị một hình thức khen thưởng cho một thành tích.',
      params: {
        conflictingNominationIds: `${a.id},${b.id}`,
        conflictingTiers: 'PROV_FLAG,PROV_MERIT',
      },
    });
  });
});
